/**
 * Reading the document before fitting templates: where one form ends and the next begins.
 * Many counties print a form's title, its year line and its sign line as rows inside the table
 * (one cell across the whole width), and a unit's project forms one after another — sometimes
 * as one long table. A row like that after the form's own rows starts another form: the table
 * is cut there into two tables of the document model, so that each is fitted on its own and a
 * table is joined to the one before it only when it has no identity of its own (tableReader.ts).
 */
import { cellParagraphs, type DocBlock, type DocModel, type DocTable } from './docModel';
import { squash } from './looseText';

/** A form's title as printed: 项目支出绩效目标表, 绩效目标申报表(基础设施建设类), 绩效目标表 … */
const TITLE = /^.{0,30}绩效目标.{0,12}表(?:[（(].{0,20}[）)])?$/;
/** A year line: （2025年度）, 2025年度, (2025 年). */
const YEAR_LINE = /^[（(]?[0-9０-９]{4}年度?[）)]?$/;

/** Whether a line (a paragraph or a whole-width table row) names a form: its title or its year. */
export function isIdentityLine(text: string, titles: ReadonlySet<string> = new Set()): boolean {
  const s = squash(text).replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
  if (s === '' || s.length > 60) return false;
  return titles.has(s) || TITLE.test(s) || YEAR_LINE.test(s);
}

function columnsOf(t: DocTable): number {
  return t.cells.reduce((n, c) => Math.max(n, c.col + c.colSpan), 0);
}

/** The text of each row that is one cell across the whole width (a title or note row), by row. */
export function wholeWidthRows(t: DocTable): Map<number, string> {
  const width = columnsOf(t);
  const byRow = new Map<number, DocTable['cells']>();
  for (const c of t.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const out = new Map<number, string>();
  if (width < 2) return out;
  for (const [row, cells] of byRow) {
    if (cells.length === 1 && cells[0].col === 0 && cells[0].colSpan === width && cells[0].rowSpan === 1)
      out.set(row, cellParagraphs(cells[0]).join('\n'));
  }
  return out;
}

/** Rows of `t` from `from` to `to` (exclusive) as a table of their own. */
function sliceRows(t: DocTable, from: number, to: number): DocTable {
  const out: DocTable = {
    kind: 'table',
    rows: to - from,
    cells: t.cells.filter((c) => c.row >= from && c.row < to).map((c) => ({ ...c, row: c.row - from })),
  };
  if (t.columnWidthsTwips) out.columnWidthsTwips = t.columnWidthsTwips;
  if (t.rowHeightsTwips) out.rowHeightsTwips = t.rowHeightsTwips.slice(from, to);
  return out;
}

/**
 * The rows where a new form starts inside the table: an identity row (title or year) that
 * follows rows of another kind, the first of a run of such rows. No cell may span the cut.
 */
function formStarts(t: DocTable, titles: ReadonlySet<string>): number[] {
  const whole = wholeWidthRows(t);
  if (whole.size === 0) return [];
  // Per row: whether a cell starting on it holds text, and how far down the cells above it reach.
  const filled = new Set<number>();
  const reach: number[] = new Array<number>(t.rows + 1).fill(0);
  for (const c of t.cells) {
    if (cellParagraphs(c).some((p) => p.trim() !== '')) filled.add(c.row);
    reach[c.row] = Math.max(reach[c.row], c.row + c.rowSpan);
  }
  const starts: number[] = [];
  let seenContent = false;
  let below = 0; // the furthest row reached by a cell starting above the current one
  for (let r = 0; r < t.rows; r++) {
    const text = whole.get(r);
    const identity = text !== undefined && isIdentityLine(text, titles);
    if (identity && seenContent && below <= r && !isIdentityLine(whole.get(r - 1) ?? '', titles)) starts.push(r);
    if (!identity && filled.has(r)) seenContent = true;
    below = Math.max(below, reach[r]);
  }
  return starts;
}

function splitBlocks(blocks: readonly DocBlock[], titles: ReadonlySet<string>): DocBlock[] {
  const out: DocBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      out.push(b);
      continue;
    }
    const starts = formStarts(b, titles);
    if (starts.length === 0) {
      out.push(b);
      continue;
    }
    const cuts = [0, ...starts, b.rows];
    for (let i = 0; i + 1 < cuts.length; i++) out.push(sliceRows(b, cuts[i], cuts[i + 1]));
  }
  return out;
}

/** The model with each table that holds several forms cut into one table per form (top-level tables only). */
export function splitForms(model: DocModel, titles: readonly string[]): DocModel {
  const known = new Set(titles.map((t) => squash(t)));
  return { ...model, sections: model.sections.map((s) => ({ ...s, blocks: splitBlocks(s.blocks, known) })) };
}
