/**
 * One indicator item's text (or a benefit item's name/description) with list keyboard keys. A
 * 产出指标 item (given `suggestFor`) suggests indicators from the 指标库 as it is typed; picking
 * one puts its name in the item (see suggest/useSuggestions.ts).
 */
import { memo, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useSheet } from '../sheetContext';
import { SuggestionList } from '../suggest/SuggestionList';
import { useSuggestions, withSuggestions } from '../suggest/useSuggestions';
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
  /** Suggest 三级指标 under this 一级/二级 from the 指标库 (the 2019 form's 产出 items). */
  suggestFor?: { level1: string; level2: string };
  /** A suggestion was picked: the item's text becomes `text` (its own undo step). */
  onPick?(text: string): void;
}

export const ItemText = memo(function ItemText(p: ItemTextProps) {
  const { readOnly, onLeaveCell, suggest } = useSheet();
  const input = useSyncedInput<HTMLTextAreaElement>(p.value, p.onChange);
  const suggesting = !!p.suggestFor && !!p.onPick && !!suggest && !readOnly;
  const sug = useSuggestions({
    enabled: suggesting,
    suggest,
    context: () => ({ level1: p.suggestFor?.level1, level2: p.suggestFor?.level2 }),
    onPick(s) {
      const el = input.ref.current;
      if (el) {
        el.value = s.name;
        el.setSelectionRange(s.name.length, s.name.length);
      }
      p.onPick?.(s.name);
    },
  });
  const suggestHandlers = suggesting ? withSuggestions(input, sug) : {};

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (readOnly || e.nativeEvent.isComposing) return;
    if (sug.onKeyDown(e)) return;
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
    <>
      <textarea
        {...input}
        {...suggestHandlers}
        className={p.className ?? 'v-item'}
        data-item-of={p.field}
        aria-label={p.label}
        readOnly={readOnly}
        rows={1}
        spellCheck={false}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => {
          sug.onBlur();
          onLeaveCell();
        }}
        {...p.aria}
        {...sug.aria}
      />
      {suggesting && <SuggestionList s={sug} anchor={input.ref} label={`推荐的${p.suggestFor!.level2}`} valueOf={() => ''} />}
    </>
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
