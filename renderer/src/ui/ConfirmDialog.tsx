/**
 * A Chinese confirmation in the app's own style, instead of window.confirm (whose title bar
 * and buttons come from the browser, partly in English, and which browser automation skips).
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { errorText } from './notify';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  onClose(): void;
  /** Throwing keeps the dialog open with the message shown, so the user can retry or cancel. */
  onConfirm(): Promise<void>;
}

export function ConfirmDialog({ title, children, confirmLabel, color = 'red', onClose, onConfirm }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={busy ? () => {} : onClose} title={title} closeOnClickOutside={!busy}>
      <Stack>
        <Text size="sm" component="div">
          {children}
        </Text>
        {error && (
          <Alert color="red" p="xs">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button
            color={color}
            loading={busy}
            data-autofocus
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
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
