import { createContext, useContext } from 'react';
import type { FormStore } from './formStore';

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
}

export const SheetContext = createContext<SheetContextValue | null>(null);

export function useSheet(): SheetContextValue {
  const v = useContext(SheetContext);
  if (!v) throw new Error('单元格必须放在表格内');
  return v;
}

export const messageId = (field: string): string => `msg-${field}`;
