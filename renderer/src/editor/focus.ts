/** Moving the caret to a cell: a field's input, a group cell, or the cell a message concerns. */
import type { Message } from '../../../shared/messages';

/** A value inside a double-quoted attribute selector. */
const q = (v: string): string => `"${v.replace(/["\\]/g, '\\$&')}"`;

function focusEl(el: HTMLElement | null): boolean {
  if (!el) return false;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
  return true;
}

/** A field's input: its own, its first indicator item, or its add button. */
export function focusFieldIn(root: ParentNode, id: string): boolean {
  return focusEl(
    root.querySelector<HTMLElement>(`[data-field=${q(id)}]`) ??
      root.querySelector<HTMLElement>(`[data-item-of=${q(id)}]`) ??
      root.querySelector<HTMLElement>(`[data-cell=${q(id)}] button`),
  );
}

/** The input of the group cell that covers data row `row` in `column` (a merged cell covers several). */
export function groupInputIn(root: ParentNode, group: string, row: number, column?: string): HTMLElement | null {
  const sel = `[data-group=${q(group)}]${column ? `[data-column=${q(column)}]` : ''}`;
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(sel)))
    if ((el.dataset.rows ?? '').split(',').map(Number).includes(row)) return el;
  return null;
}

export function focusGroupCellIn(root: ParentNode, group: string, row: number, column?: string): boolean {
  return focusEl(groupInputIn(root, group, row, column) ?? root.querySelector<HTMLElement>(`[data-group=${q(group)}]`));
}

/** The cell a message names: a field, a group cell, or (for a message on the whole group) its first cell. */
export function focusMessageIn(root: ParentNode, m: Pick<Message, 'field' | 'row' | 'column'>): boolean {
  if (m.row !== undefined) return focusGroupCellIn(root, m.field, m.row, m.column);
  return focusFieldIn(root, m.field) || focusGroupCellIn(root, m.field, 0);
}
