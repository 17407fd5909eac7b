/**
 * The evidence for the import review (issue #21 point 5): each table a form was read from, as a
 * plain grid of its cells' text, every cell marked as read (its text is a value the form took),
 * unplaced (listed as having no place in the template) or neither (a label, an empty cell).
 *
 * The marks come from the texts, not from the reader's inner bookkeeping: a cell counts as read
 * when its text, or the part after its label's colon, is a value the form holds (amounts
 * compared as numbers). That is what the clerk checks by eye, and it cannot claim a cell the
 * form does not show. Bounded so a huge table never makes a huge preview.
 */
import { cellParagraphs, type DocTable } from './docModel';

export const MAX_SOURCE_ROWS = 120;
export const MAX_SOURCE_COLS = 40;
const MAX_CELL_CHARS = 300;

export type SourceMark = 'read' | 'unplaced' | 'none';

export interface SourceCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  mark: SourceMark;
}

export interface SourceTable {
  rows: number;
  cols: number;
  cells: SourceCell[];
  /** Rows or columns past the limits were left out of the picture (never out of the reading). */
  cut: boolean;
}

const norm = (s: string) => s.replace(/\s+/g, '').replace(/[：:]/g, ':');
const NUMBER = /^-?\d+(\.\d+)?$/;
const numeric = (s: string) => (NUMBER.test(s.replace(/,/g, '')) ? Number(s.replace(/,/g, '')) : null);

/** Every text a form value holds (a field, a group's cells, an indicator list's items). */
function collect(v: unknown, into: Set<string>): void {
  if (typeof v === 'string') {
    const n = norm(v);
    if (n !== '') into.add(n);
  } else if (Array.isArray(v)) for (const x of v) collect(x, into);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x, into);
}

function matcher(texts: Set<string>): (cell: string) => boolean {
  const numbers = new Set([...texts].map(numeric).filter((n): n is number => n !== null));
  const one = (t: string) => texts.has(t) || (numeric(t) !== null && numbers.has(numeric(t)!));
  return (cell) => {
    if (cell === '') return false;
    if (one(cell)) return true;
    // 「label：value」 in one cell.
    const colon = cell.indexOf(':');
    return colon >= 0 && colon < cell.length - 1 && one(cell.slice(colon + 1));
  };
}

export function sourceTable(table: DocTable, values: unknown, unplaced: readonly { text: string }[]): SourceTable {
  const read = new Set<string>();
  collect(values, read);
  const isRead = matcher(read);
  const left = new Set(unplaced.map((u) => norm(u.text)).filter((t) => t !== ''));
  const isUnplaced = (t: string) => t !== '' && (left.has(t) || [...left].some((u) => u.length >= 4 && u.includes(t) && t.length >= 4));
  const width = table.cells.reduce((w, c) => Math.max(w, c.col + c.colSpan), 0);
  const rows = Math.min(table.rows, MAX_SOURCE_ROWS);
  const cols = Math.min(width, MAX_SOURCE_COLS);
  const cells: SourceCell[] = [];
  for (const c of table.cells) {
    if (c.row >= rows || c.col >= cols) continue;
    const full = cellParagraphs(c).join('\n').trim();
    const n = norm(full);
    cells.push({
      row: c.row,
      col: c.col,
      rowSpan: Math.min(c.rowSpan, rows - c.row),
      colSpan: Math.min(c.colSpan, cols - c.col),
      text: full.length > MAX_CELL_CHARS ? `${full.slice(0, MAX_CELL_CHARS)}…` : full,
      mark: isRead(n) ? 'read' : isUnplaced(n) ? 'unplaced' : 'none',
    });
  }
  return { rows, cols, cells, cut: rows < table.rows || cols < width };
}
