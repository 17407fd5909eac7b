/** One indicator item's text (or a benefit item's name/description) with list keyboard keys. */
import { memo, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useSheet } from '../sheetContext';
import { useSyncedInput } from '../useSyncedInput';

export interface ItemTextProps {
  label: string;
  value: string;
  field: string;
  coalesceKey: string;
  onChange(text: string): void;
  /** Enter: one-line items add the next item instead of a line break. */
  onEnter?(): void;
  onBackspaceEmpty?(): void;
  onMove?(delta: number): void;
  /** Returns true when it took the pasted text (a numbered block became items). */
  onPasteText?(text: string): boolean;
  multiline?: boolean;
  className?: string;
  aria?: Record<string, string | undefined>;
}

export const ItemText = memo(function ItemText(p: ItemTextProps) {
  const { readOnly, onLeaveCell } = useSheet();
  const input = useSyncedInput<HTMLTextAreaElement>(p.value, p.onChange);

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (readOnly || e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && !p.multiline && p.onEnter) {
      e.preventDefault();
      p.onEnter();
    } else if (e.key === 'Backspace' && e.currentTarget.value === '' && p.onBackspaceEmpty) {
      e.preventDefault();
      p.onBackspaceEmpty();
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && p.onMove) {
      e.preventDefault();
      p.onMove(e.key === 'ArrowUp' ? -1 : 1);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    if (readOnly || !p.onPasteText) return;
    const text = e.clipboardData.getData('text/plain');
    if (text && p.onPasteText(text)) e.preventDefault();
  }

  return (
    <textarea
      {...input}
      className={p.className ?? 'v-item'}
      data-item-of={p.field}
      aria-label={p.label}
      readOnly={readOnly}
      rows={1}
      spellCheck={false}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onBlur={onLeaveCell}
      {...p.aria}
    />
  );
});

export function ItemButtons({ label, onUp, onDown, onRemove }: { label: string; onUp(): void; onDown(): void; onRemove(): void }) {
  return (
    <span className="item-actions no-print">
      <button type="button" tabIndex={-1} title="上移（Alt+↑）" aria-label={`上移${label}`} onClick={onUp}>
        ↑
      </button>
      <button type="button" tabIndex={-1} title="下移（Alt+↓）" aria-label={`下移${label}`} onClick={onDown}>
        ↓
      </button>
      <button type="button" tabIndex={-1} title="删除这一条" aria-label={`删除${label}`} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
