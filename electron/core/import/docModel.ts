/**
 * A document's tables as plain data, whatever file they came from (.docx today, .xlsx beside
 * it; .xls and .doc later): what a reader of the page sees — paragraphs, and tables of cells
 * with their text, grid position and spans — and nothing of the file format. The Word reader
 * (wordModel.ts) and the Excel reader (xlsxModel.ts) fill it; the template fitting
 * (tableReader.ts, formFromTable.ts) reads only this, so a layout is read the same way from
 * either kind of file.
 */

export interface DocParagraph {
  kind: 'paragraph';
  text: string;
  /** How the paragraph is drawn, where the file says (Word); a blank form's lines keep it. */
  look?: DocLook;
}

/** A paragraph's alignment and the font of its first run with text, where the file gives them. */
export interface DocLook {
  align?: 'left' | 'center' | 'right';
  sizePt?: number;
  bold?: boolean;
  eastAsia?: string;
  ascii?: string;
}

/** The page a section is printed on, in twips, where the file gives it. */
export interface DocPage {
  widthTwips: number;
  heightTwips: number;
  margins: { top: number; bottom: number; left: number; right: number };
}

export interface DocCell {
  /** Grid position of the cell's top-left corner, from 0, within its table. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** What the cell holds, in reading order: paragraphs, and tables nested in it. */
  blocks: DocBlock[];
  /**
   * The file says this cell continues the one above it, but the table has no row above (Word's
   * vMerge="continue" in a table's first row): when the table is read as the continuation of
   * the table before it (a form split by a page break), the two cells are one.
   */
  mergeUp?: boolean;
}

export interface DocTable {
  kind: 'table';
  /** Grid rows, empty ones included. */
  rows: number;
  /** Cells in reading order (row by row, left to right), each once however far it spans. */
  cells: DocCell[];
  /** Width of each grid column in twips, where the file gives them. */
  columnWidthsTwips?: number[];
  /**
   * Height of each grid row in twips, where the file gives one (Word: the least height, the row
   * grows with its text; Excel: the height set); undefined: as its text needs.
   */
  rowHeightsTwips?: (number | undefined)[];
  /** Width of the table's outer lines in points, where the file gives it. */
  borderPt?: number;
}

export type DocBlock = DocParagraph | DocTable;

/**
 * One flow of blocks: a Word document's body, or one sheet of a workbook. Tables in different
 * sections never continue one another.
 */
export interface DocSection {
  /** The sheet's name (a workbook); absent for a Word body. */
  name?: string;
  blocks: DocBlock[];
  /** Page size and margins, where the file gives them (Word's sectPr, Excel's page setup). */
  page?: DocPage;
}

export interface DocModel {
  format: 'docx' | 'xlsx' | 'xls';
  sections: DocSection[];
}

/** The paragraphs of a cell, nested tables' paragraphs flattened in place. */
export function cellParagraphs(cell: DocCell): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly DocBlock[]) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph') out.push(b.text);
      else for (const c of b.cells) walk(c.blocks);
    }
  };
  walk(cell.blocks);
  return out;
}

/** A table in the reading order of the whole document, with the paragraphs it spans. */
export interface WalkTable {
  table: DocTable;
  /** The block list holding the table: tables that follow one another share it. */
  parent: readonly DocBlock[];
  /** 0 for a table in the flow, 1 for one nested in a table's cell, … */
  depth: number;
  /** The range of `paragraphs` its cells hold. */
  start: number;
  end: number;
}

/**
 * The document as a reader runs through it: every paragraph in order (those in table cells
 * too), and where each table (nested ones too) sits among them — which paragraphs lie between
 * two tables, which lie above and below a form.
 */
export interface DocWalk {
  paragraphs: string[];
  tables: WalkTable[];
}

export function walkModel(model: DocModel, tick: () => void = () => undefined): DocWalk {
  const acc: DocWalk = { paragraphs: [], tables: [] };
  const walk = (blocks: readonly DocBlock[], depth: number) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph') {
        if ((acc.paragraphs.length & 1023) === 0) tick();
        acc.paragraphs.push(b.text);
        continue;
      }
      const entry: WalkTable = { table: b, parent: blocks, depth, start: acc.paragraphs.length, end: 0 };
      acc.tables.push(entry);
      for (const c of b.cells) walk(c.blocks, depth + 1);
      entry.end = acc.paragraphs.length;
    }
  };
  for (const s of model.sections) walk(s.blocks, 0);
  return acc;
}
