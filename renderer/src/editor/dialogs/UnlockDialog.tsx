/** 解除定稿: a finalised form becomes editable again; the reason goes into its history. */
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

export function UnlockDialog({ onClose, onConfirm }: { onClose(): void; onConfirm(reason: string): Promise<void> }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened onClose={onClose} title="解除定稿">
      <Stack>
        <Text size="sm">解除后可以继续修改，定稿时的内容会保留在历史版本中。</Text>
        <Textarea
          label="原因（可不填）"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button
            color="orange"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onConfirm(reason.trim());
              } finally {
                setBusy(false);
              }
            }}
          >
            确认解除定稿
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
