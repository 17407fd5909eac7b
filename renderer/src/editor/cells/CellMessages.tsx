import { memo } from 'react';
import type { Message } from '../../../../shared/validation';
import { messageId } from '../sheetContext';

/** The messages of one cell, inside it, referenced by the input's aria-describedby. */
export const CellMessages = memo(function CellMessages({ field, messages }: { field: string; messages: readonly Message[] }) {
  if (messages.length === 0) return null;
  return (
    <div id={messageId(field)} className="cell-msg" role="status">
      {messages.map((m, i) => (
        <div key={i} className={m.severity === 'error' ? 'cell-msg-error' : 'cell-msg-warning'}>
          {m.message}
        </div>
      ))}
    </div>
  );
});

/** aria attributes that tie an input to its messages (`field` is the cell key the messages block is named by). */
export function ariaFor(field: string, messages: readonly Message[]): Record<string, string | undefined> {
  return {
    'aria-invalid': messages.some((m) => m.severity === 'error') ? 'true' : undefined,
    'aria-describedby': messages.length ? messageId(field) : undefined,
  };
}
