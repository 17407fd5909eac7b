/**
 * 定稿 of a form that still has errors: the clerk is told, sees the list (a click goes to the
 * cell), and chooses to go back or to finalise anyway. A form without errors is finalised at once.
 */
import { Alert, Button, Group, Modal, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { Message } from '../../../shared/messages';
import type { TemplateDef } from '../../../shared/template/schema';
import { errorText } from '../ui/notify';
import { focusMessageIn } from './focus';
import { messagePlace } from './MessagesPanel';

export interface FinalizeDialogProps {
  template: TemplateDef;
  errors: readonly Message[];
  warnings: number;
  onClose(): void;
  /** Throwing keeps the dialog open with the message shown. */
  onConfirm(): Promise<void>;
}

export function FinalizeDialog({ template, errors, warnings, onClose, onConfirm }: FinalizeDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const goTo = (m: Message) => {
    onClose();
    // After the dialog has given the focus back.
    setTimeout(() => focusMessageIn(document, m), 0);
  };
  return (
    <Modal opened onClose={busy ? () => {} : onClose} title="这份表还有错误，确定要定稿吗？" size="lg" closeOnClickOutside={!busy}>
      <Stack gap="sm">
        <Text size="sm">
          检查发现 {errors.length} 处错误{warnings ? `（另有 ${warnings} 处提醒）` : ''}
          。定稿后表单不能再修改，导出、上报的表格会带着这些错误；以后要修改，需先「解除定稿」。点一条错误可以转到那个单元格。
        </Text>
        <ScrollArea.Autosize mah={260} type="auto">
          <Stack gap={2} data-testid="finalize-errors" component="ol" m={0} pl="md">
            {errors.map((m, i) => (
              <li key={i}>
                <UnstyledButton onClick={() => goTo(m)} title="转到这个单元格">
                  <Text size="sm" c="red.8">
                    【{messagePlace(template, m)}】{m.message}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        {error && (
          <Alert color="red" p="xs">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            回去修改
          </Button>
          <Button
            color="orange"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await onConfirm();
              } catch (e) {
                setError(errorText(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            仍然定稿
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
