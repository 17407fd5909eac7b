/** Every message of the open form; a click moves the caret to the cell it concerns (a group cell too). */
import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
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

export interface MessagesPanelProps {
  store: FormStore;
  /** Folded to a strip with its counts, so that a wide paper has the room (editor/fitWidth.ts). */
  folded?: boolean;
  onToggle?(): void;
}

export const MessagesPanel = memo(function MessagesPanel({ store, folded = false, onToggle }: MessagesPanelProps) {
  const messages = useAllMessages(store);
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.length - errors;
  if (folded)
    return (
      <section className="messages-panel messages-folded no-print" aria-label="检查结果" data-testid="messages-panel">
        <UnstyledButton
          className="messages-unfold"
          onClick={onToggle}
          aria-expanded={false}
          title={`展开检查结果：${errors} 处错误，${warnings} 处提醒`}
        >
          <span className="messages-folded-title">检查结果</span>
          <span className={`messages-folded-count${errors ? ' has-errors' : ''}`} aria-label={`${errors} 处错误`}>
            {errors}
          </span>
          <span className={`messages-folded-count${warnings ? ' has-warnings' : ''}`} aria-label={`${warnings} 处提醒`}>
            {warnings}
          </span>
        </UnstyledButton>
        {/* The list stays in the page, hidden, so that its text is found the same way open or folded. */}
        <div hidden>
          {messages.map((m, i) => (
            <div key={i}>
              【{messagePlace(store.template, m)}】{m.message}
            </div>
          ))}
        </div>
      </section>
    );
  return (
    <section className="messages-panel no-print" aria-label="检查结果" data-testid="messages-panel">
      <Group className="messages-header" gap={4} mb={4} wrap="nowrap" justify="space-between">
        <Text fw={700} size="sm" component="div">
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
                {warnings} 处提醒
              </Badge>
            </>
          )}
        </Text>
        {onToggle && (
          <UnstyledButton className="messages-fold" onClick={onToggle} aria-expanded title="收起检查结果，让表格宽一些">
            收起
          </UnstyledButton>
        )}
      </Group>
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
