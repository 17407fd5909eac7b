/**
 * A table of the document model (docModel.ts) as the grid the template fitting reads: each
 * cell once with its text, and which cell covers each grid position. A form split into
 * several tables (Enter pressed inside the table, a page break) is one grid: the tables' rows
 * one after another, a cell that continues the one above it across the split joined to it.
 */
import { cellParagraphs, type DocTable } from './docModel';
import { wordTable } from './wordModel';
import type { El } from './xml';

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

/** One grid from one table, or from tables whose rows continue one another. */
export function gridOf(tables: DocTable | readonly DocTable[]): Grid {
  const cells: GridCell[] = [];
  const owner: (GridCell | undefined)[][] = [];
  for (const table of Array.isArray(tables) ? (tables as readonly DocTable[]) : [tables as DocTable]) {
    const top = owner.length;
    for (let r = 0; r < table.rows; r++) owner.push([]);
    for (const c of table.cells) {
      const row = top + c.row;
      const above = c.mergeUp && c.row === 0 && top > 0 ? owner[top - 1][c.col] : undefined;
      let cell: GridCell;
      if (above && above.col === c.col) {
        cell = above;
        cell.rowSpan = row + c.rowSpan - cell.row;
        const paragraphs = cellParagraphs(c);
        if (paragraphs.some((p) => p.trim() !== '')) cell.paragraphs.push(...paragraphs);
      } else {
        cell = { row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, paragraphs: cellParagraphs(c) };
        cells.push(cell);
      }
      for (let r = row; r < row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) owner[r][k] = cell;
    }
  }
  return { cells, owner };
}

/** The grid of Word table elements (tbl), read as the document model reads them. */
export function readGrid(tbls: El | readonly El[]): Grid {
  return gridOf((Array.isArray(tbls) ? (tbls as readonly El[]) : [tbls as El]).map(wordTable));
}

export function cellText(cell: GridCell): string {
  return cell.paragraphs.join('\n');
}
