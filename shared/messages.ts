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

/** Codes of the messages of cross-form rules (validation.ts `crossMessages`): they compare this form with others. */
const CROSS_FORM_CODES: ReadonlySet<string> = new Set(['crossEqual', 'crossSum']);

/**
 * Whether a message compares this form with other forms: long (it names the other form) and
 * about nothing being typed here, so the editor lists it in the checks panel and only marks the
 * cell, never writing it into the paper.
 */
export const isCrossForm = (m: Pick<Message, 'code'>): boolean => CROSS_FORM_CODES.has(m.code);
