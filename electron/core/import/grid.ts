/**
 * A Word table as a grid of merged cells: horizontal spans (gridSpan, legacy hMerge),
 * vertical merges (vMerge restart/continue, and a bare vMerge meaning continue), and
 * skipped leading/trailing grid columns (gridBefore/gridAfter).
 */
import { checkDeadline } from './deadline';
import { MAX_TABLE_COLUMNS, MAX_TABLE_POSITIONS, tableTooLarge } from './limits';
import { blockParagraphs } from './wordText';
import { attr, child, children, type El } from './xml';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  paragraphs: string[];
}

export interface Grid {
  cells: GridCell[];
  /** owner[row][col]: the cell covering that grid position. */
  owner: (GridCell | undefined)[][];
}

function intVal(el: El | undefined, fallback: number): number {
  if (!el) return fallback;
  const n = parseInt(attr(el, 'val') ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Rows and cells may sit inside content controls or custom XML wrappers. */
function unwrap(el: El, localName: string): El[] {
  const out: El[] = [];
  for (const c of children(el)) {
    if (c.localName === localName) out.push(c);
    else if (c.localName === 'sdt' || c.localName === 'customXml' || c.localName === 'sdtContent') out.push(...unwrap(c, localName));
  }
  return out;
}

/**
 * One grid from one table, or from a table split into several whose rows continue one another.
 * Spans and skipped columns are bounded (MAX_TABLE_COLUMNS per row, MAX_TABLE_POSITIONS per
 * table) before any position is filled: a span of two billion columns in a 1 KB file once
 * made V8 abort. The import's deadline is checked at every row.
 */
export function readGrid(tbls: El | readonly El[]): Grid {
  const cells: GridCell[] = [];
  const owner: (GridCell | undefined)[][] = [];
  const rows = (Array.isArray(tbls) ? (tbls as readonly El[]) : [tbls as El]).flatMap((t) => unwrap(t, 'tr'));
  let positions = 0;
  rows.forEach((tr, r) => {
    checkDeadline();
    const rowOwner: (GridCell | undefined)[] = [];
    owner.push(rowOwner);
    const trPr = child(tr, 'trPr');
    let col = trPr ? intVal(child(trPr, 'gridBefore'), 0) : 0;
    const after = trPr ? intVal(child(trPr, 'gridAfter'), 0) : 0;
    if (col + after > MAX_TABLE_COLUMNS) throw tableTooLarge();
    let prev: GridCell | undefined;
    for (const tc of unwrap(tr, 'tc')) {
      const tcPr = child(tc, 'tcPr');
      const span = tcPr ? intVal(child(tcPr, 'gridSpan'), 1) : 1;
      if (col + span + after > MAX_TABLE_COLUMNS) throw tableTooLarge();
      positions += span;
      if (positions > MAX_TABLE_POSITIONS) throw tableTooLarge();
      const vMerge = tcPr ? child(tcPr, 'vMerge') : undefined;
      const hMerge = tcPr ? child(tcPr, 'hMerge') : undefined;
      const paragraphs = blockParagraphs(tc);
      let cell: GridCell | undefined;
      if (hMerge && attr(hMerge, 'val') !== 'restart' && prev) {
        cell = prev;
        cell.colSpan += span;
      } else if (vMerge && attr(vMerge, 'val') !== 'restart') {
        const above = owner[r - 1]?.[col];
        if (above && above.col === col) {
          cell = above;
          cell.rowSpan = r - cell.row + 1;
        }
      }
      if (cell) {
        // Word shows only the first cell of a merge; text left in the others is kept, not lost.
        if (paragraphs.some((p) => p.trim() !== '')) cell.paragraphs.push(...paragraphs);
      } else {
        cell = { row: r, col, rowSpan: 1, colSpan: span, paragraphs };
        cells.push(cell);
      }
      for (let c = col; c < col + span; c++) rowOwner[c] = cell;
      col += span;
      prev = cell;
    }
  });
  return { cells, owner };
}

export function cellText(cell: GridCell): string {
  return cell.paragraphs.join('\n');
}
