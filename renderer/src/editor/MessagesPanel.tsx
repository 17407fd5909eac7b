/** Every message of the open form; a click moves the caret to the cell it concerns. */
import { Badge, Stack, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import { focusFieldIn } from './focus';
import type { FormStore } from './formStore';
import { useAllMessages } from './hooks';

export const MessagesPanel = memo(function MessagesPanel({ store }: { store: FormStore }) {
  const messages = useAllMessages(store);
  const labels = new Map(store.template.fields.map((f) => [f.id, f.label]));
  const errors = messages.filter((m) => m.severity === 'error').length;
  return (
    <section className="messages-panel no-print" aria-label="检查结果" data-testid="messages-panel">
      <Text fw={700} size="sm" mb={4}>
        检查结果{' '}
        {messages.length === 0 ? (
          <Badge color="green" variant="light">
            没有问题
          </Badge>
        ) : (
          <>
            <Badge color="red" variant="light">
              {errors} 处错误
            </Badge>{' '}
            <Badge color="yellow" variant="light">
              {messages.length - errors} 处提醒
            </Badge>
          </>
        )}
      </Text>
      <Stack gap={2}>
        {messages.map((m, i) => (
          <UnstyledButton
            key={i}
            className={`msg-link msg-${m.severity}`}
            onClick={() => focusFieldIn(document, m.field)}
            title="转到这个单元格"
          >
            <Text size="xs" c={m.severity === 'error' ? 'red.8' : 'yellow.9'}>
              【{labels.get(m.field) ?? m.field}】{m.message}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </section>
  );
});
