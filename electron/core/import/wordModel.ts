/**
 * A Word body as the document model (docModel.ts): paragraphs and tables in order, each table
 * a grid of merged cells — horizontal spans (gridSpan, legacy hMerge), vertical merges (vMerge
 * restart/continue, and a bare vMerge meaning continue), skipped leading/trailing grid columns
 * (gridBefore/gridAfter) — with the column widths of its tblGrid. Content controls and custom
 * XML wrappers are looked through; deletions are not text.
 */
import { checkDeadline } from './deadline';
import { cellParagraphs, type DocBlock, type DocCell, type DocModel, type DocParagraph, type DocTable } from './docModel';
import { MAX_TABLE_COLUMNS, MAX_TABLE_POSITIONS, tableTooLarge } from './limits';
import { paragraphLook, sectionPage, tableBorderPt } from './wordLook';
import { boundLine, isPlaceholder, paragraphText } from './wordText';
import { attr, child, children, type El } from './xml';

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

/** The blocks of a container (the body, a cell), in order. */
function blocksOf(el: El, out: DocBlock[] = []): DocBlock[] {
  for (const c of children(el)) {
    switch (c.localName) {
      case 'p':
        if ((out.length & 1023) === 0) checkDeadline();
        out.push(withLook({ kind: 'paragraph', text: paragraphText(c) }, c));
        break;
      case 'tbl':
        out.push(wordTable(c));
        break;
      case 'sdt':
        if (!isPlaceholder(c)) blocksOf(c, out);
        break;
      case 'sectPr':
      case 'tblPr':
      case 'tblGrid':
      case 'trPr':
      case 'tcPr':
      case 'sdtPr':
      case 'del':
      case 'moveFrom':
        break;
      default:
        blocksOf(c, out); // sdtContent, customXml, ins …
    }
  }
  return out;
}

/** A paragraph with how it is drawn, where the file says (kept only when it says something). */
function withLook(p: DocParagraph, el: El): DocParagraph {
  const look = paragraphLook(el);
  return look ? { ...p, look } : p;
}

const hasText = (blocks: DocBlock[]): boolean =>
  cellParagraphs({ row: 0, col: 0, rowSpan: 1, colSpan: 1, blocks }).some((p) => p.trim() !== '');

/**
 * One Word table. Spans and skipped columns are bounded (MAX_TABLE_COLUMNS per row,
 * MAX_TABLE_POSITIONS per table) before any position is filled: a span of two billion columns
 * in a 1 KB file once made V8 abort. The import's deadline is checked at every row.
 */
export function wordTable(tbl: El): DocTable {
  const cells: DocCell[] = [];
  const rows = unwrap(tbl, 'tr');
  const heights: (number | undefined)[] = [];
  // owner[row][col]: the cell covering that grid position, for vertical merges.
  const owner: (DocCell | undefined)[][] = [];
  let positions = 0;
  rows.forEach((tr, r) => {
    checkDeadline();
    const rowOwner: (DocCell | undefined)[] = [];
    owner.push(rowOwner);
    const trPr = child(tr, 'trPr');
    const height = trPr ? child(trPr, 'trHeight') : undefined;
    const h = height ? parseInt(attr(height, 'val') ?? '', 10) : NaN;
    heights.push(Number.isFinite(h) && h >= 0 ? h : undefined);
    let col = trPr ? intVal(child(trPr, 'gridBefore'), 0) : 0;
    const after = trPr ? intVal(child(trPr, 'gridAfter'), 0) : 0;
    if (col + after > MAX_TABLE_COLUMNS) throw tableTooLarge();
    let prev: DocCell | undefined;
    for (const tc of unwrap(tr, 'tc')) {
      const tcPr = child(tc, 'tcPr');
      const span = tcPr ? intVal(child(tcPr, 'gridSpan'), 1) : 1;
      if (col + span + after > MAX_TABLE_COLUMNS) throw tableTooLarge();
      positions += span;
      if (positions > MAX_TABLE_POSITIONS) throw tableTooLarge();
      const vMerge = tcPr ? child(tcPr, 'vMerge') : undefined;
      const hMerge = tcPr ? child(tcPr, 'hMerge') : undefined;
      const blocks = blocksOf(tc);
      const continues = !!vMerge && attr(vMerge, 'val') !== 'restart';
      let cell: DocCell | undefined;
      if (hMerge && attr(hMerge, 'val') !== 'restart' && prev) {
        cell = prev;
        cell.colSpan += span;
      } else if (continues) {
        const above = owner[r - 1]?.[col];
        if (above && above.col === col) {
          cell = above;
          cell.rowSpan = r - cell.row + 1;
        }
      }
      if (cell) {
        // Word shows only the first cell of a merge; text left in the others is kept, not lost.
        if (hasText(blocks)) cell.blocks.push(...blocks);
      } else {
        cell = { row: r, col, rowSpan: 1, colSpan: span, blocks };
        if (continues && r === 0) cell.mergeUp = true;
        cells.push(cell);
      }
      for (let c = col; c < col + span; c++) rowOwner[c] = cell;
      col += span;
      prev = cell;
    }
  });
  const table: DocTable = { kind: 'table', rows: rows.length, cells };
  if (heights.some((h) => h !== undefined)) table.rowHeightsTwips = heights;
  const borderPt = tableBorderPt(tbl);
  if (borderPt !== undefined) table.borderPt = borderPt;
  const grid = child(tbl, 'tblGrid');
  if (grid) {
    const widths = children(grid)
      .filter((g) => g.localName === 'gridCol')
      .map((g) => parseInt(attr(g, 'w') ?? '', 10));
    if (widths.length > 0 && widths.length <= MAX_TABLE_COLUMNS && widths.every((w) => Number.isFinite(w) && w >= 0))
      table.columnWidthsTwips = widths;
  }
  return table;
}

/**
 * The body as one section. Paragraphs outside tables are only searched for the lines above
 * and below the form (年度, 填报单位, 填报人 …), so they are bounded there (boundLine).
 */
export function wordModel(body: El): DocModel {
  const blocks = blocksOf(body).map((b): DocBlock => (b.kind === 'paragraph' ? { ...b, text: boundLine(b.text) } : b));
  const page = sectionPage(child(body, 'sectPr'));
  return { format: 'docx', sections: [page ? { blocks, page } : { blocks }] };
}
