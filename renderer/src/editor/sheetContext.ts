import { createContext, useContext } from 'react';
import type { FormStore } from './formStore';
import type { SuggestFn } from './suggest/useSuggestions';

/** What a row tool or key asks of a repeating group. */
export type RowAction = 'insertBelow' | 'insertNewRun' | 'append' | 'remove' | 'up' | 'down';

/** What every cell of the open sheet needs, passed once instead of through every prop. */
export interface SheetContextValue {
  store: FormStore;
  readOnly: boolean;
  /** Moves the caret to a field's first input (Enter in an amount cell, the message list). */
  focusField(id: string): void;
  /** Field below a field in the paper grid, for Enter in amount cells. */
  below(id: string): string | null;
  /** Called when the caret leaves a cell: autosave saves then. */
  onLeaveCell(): void;
  /**
   * A row operation on a group, from a row tool or a key; the caret follows the row (into
   * `column` when given). Refusals (the group is full) are said in a notice.
   */
  rowAction(group: string, action: RowAction, row: number, column?: string): void;
  /**
   * Rows pasted (Excel's tab-separated text, already read) into the cell of `column` on data row
   * `row`: placed, one undo step, and the clerk told what went where and what did not.
   */
  pasteRows(group: string, row: number, column: string, table: string[][]): void;
  /** Says something to the clerk below the sheet (a refusal, what a paste did). */
  notify(text: string, tone?: NoticeTone): void;
  /** 指标库 suggestions for a 三级指标 being typed (for this form); none when absent. */
  suggest?: SuggestFn;
}

export type NoticeTone = 'info' | 'warning';

export const SheetContext = createContext<SheetContextValue | null>(null);

export function useSheet(): SheetContextValue {
  const v = useContext(SheetContext);
  if (!v) throw new Error('单元格必须放在表格内');
  return v;
}

/** The id of a cell's message block (a field id or a group cell key such as items[2].amount). */
export const messageId = (cell: string): string => `msg-${cell.replace(/[^A-Za-z0-9_-]/g, '-')}`;
