import { memo } from 'react';
import { isCrossForm } from '../../../../shared/messages';
import type { Message } from '../../../../shared/validation';
import { messageId } from '../sheetContext';

/**
 * The messages of one cell, inside it, referenced by the input's aria-describedby. A message
 * comparing this form with another (cross-form) is not written into the paper, where its long
 * text would make the row many lines tall: the cell gets a small marker (its text the title and,
 * for screen readers, hidden text) and the message stands in the checks panel.
 */
export const CellMessages = memo(function CellMessages({ field, messages }: { field: string; messages: readonly Message[] }) {
  if (messages.length === 0) return null;
  const inline = messages.filter((m) => !isCrossForm(m));
  const cross = messages.filter(isCrossForm);
  return (
    <div id={messageId(field)} className={inline.length ? 'cell-msg' : 'cell-msg cell-msg-marks-only'} role="status">
      {inline.map((m, i) => (
        <div key={i} className={m.severity === 'error' ? 'cell-msg-error' : 'cell-msg-warning'}>
          {m.message}
        </div>
      ))}
      {cross.length > 0 && (
        <div className="cell-marks">
          <span
            className={`cell-mark no-print ${cross.some((m) => m.severity === 'error') ? 'cell-mark-error' : 'cell-mark-warning'}`}
            data-testid="cross-form-mark"
            title={`${cross.map((m) => m.message).join('\n')}\n（见「检查结果」）`}
            aria-hidden="true"
          >
            !
          </span>
          <span className="visually-hidden">{cross.map((m) => m.message).join('；')}（与其他表单核对，见检查结果）</span>
        </div>
      )}
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
