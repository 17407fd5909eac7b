/** A check's finding: Chinese text bound to the cell it concerns, so the editor can mark that cell. */
export type Severity = 'error' | 'warning';

export interface Message {
  /** A field id, or a group id with `row` and `column` for a cell of a repeating group. */
  field: string;
  row?: number;
  column?: string;
  severity: Severity;
  code: string;
  message: string;
}

/** The cell a message belongs to: `department`, or `indicators[3].value` for a group cell. */
export function messageCell(m: Pick<Message, 'field' | 'row' | 'column'>): string {
  return m.row === undefined ? m.field : groupCellKey(m.field, m.row, m.column ?? '');
}

export const groupCellKey = (group: string, row: number, column: string): string => `${group}[${row}].${column}`;

export const hasErrors = (ms: readonly Message[]): boolean => ms.some((m) => m.severity === 'error');
