/** Every message of the open form; a click moves the caret to the cell it concerns (a group cell too). */
import { Badge, Stack, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import { columnDef, indexOf } from '../../../shared/formOps';
import type { Message } from '../../../shared/messages';
import type { TemplateDef } from '../../../shared/template/schema';
import { focusMessageIn } from './focus';
import type { FormStore } from './formStore';
import { groupCellLabel } from './groupRows';
import { useAllMessages } from './hooks';

/** What the list calls the cell of a message: 资金总额, or 分配明细第2行 事项. */
export function messagePlace(t: TemplateDef, m: Message): string {
  const { fields, groups } = indexOf(t);
  const g = groups.get(m.field);
  if (g) {
    if (m.row === undefined) return g.label;
    const c = g.columns.find((x) => x.id === m.column);
    return groupCellLabel(g, m.row, c ? columnDef(g, c.id).label : '');
  }
  return fields.get(m.field)?.label ?? m.field;
}

export const MessagesPanel = memo(function MessagesPanel({ store }: { store: FormStore }) {
  const messages = useAllMessages(store);
  const errors = messages.filter((m) => m.severity === 'error').length;
  return (
    <section className="messages-panel no-print" aria-label="检查结果" data-testid="messages-panel">
      <Text fw={700} size="sm" mb={4} component="div">
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
            onClick={() => focusMessageIn(document, m)}
            title="转到这个单元格"
          >
            <Text size="xs" c={m.severity === 'error' ? 'red.8' : 'yellow.9'}>
              【{messagePlace(store.template, m)}】{m.message}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </section>
  );
});
