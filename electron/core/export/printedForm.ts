/**
 * What the paper shows, worked out from the template and a form before any Word XML:
 * every line above and below the table and every grid cell, with its printed paragraphs.
 * Keeping this apart from the docx code lets the layout rules be read (and tested) on
 * their own, and keeps the exporter generic: nothing here knows this form's field ids.
 */
import { DEFAULT_OPTIONS, type FormData } from '../../../shared/form';
import { withComputed } from '../../../shared/formOps';
import { printedFieldText } from '../../../shared/printing';
import type { Align, CellDef, FieldDef, FontSpec, LineDef, TemplateDef } from '../../../shared/template/types';

export interface PrintedParagraph {
  text: string;
  align: Align;
  /** First-line indent in characters (free text: 2). */
  firstLineChars?: number;
  /** Left indent in characters, so a label lines up under a previous cell's lead. */
  leftChars?: number;
  /** Right indent in characters (room for a stamp beside right-aligned footer lines). */
  rightChars?: number;
}

export interface PrintedCell {
  col: number;
  colSpan: number;
  widthTwips: number;
  /** 'restart' opens a vertical merge, 'continue' is a covered grid position below it. */
  vMerge?: 'restart' | 'continue';
  valign: 'top' | 'center' | 'bottom';
  paragraphs: PrintedParagraph[];
}

export interface PrintedRow {
  minHeightTwips: number;
  canSplit: boolean;
  cells: PrintedCell[];
}

export interface PrintedRun {
  text: string;
  font: FontSpec;
}

export interface PrintedLine {
  align: Align;
  spaceAfterPt: number;
  runs: PrintedRun[];
}

export interface PrintedForm {
  above: PrintedLine[];
  rows: PrintedRow[];
  below: PrintedLine[];
}

/** Word's own default cell padding; written out so every office suite uses the same. */
export const CELL_PADDING_TWIPS = 108;

/** A blank form leaves room to write by hand; a date gets its 年 月 日 printed. */
const BLANK_SEGMENT = '　'.repeat(4);
const BLANK_DATE = '　　年　　月　　日';

/** Width of a text in full-width characters: CJK counts one, ASCII half. */
export function charWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

function linesOf(text: string): string[] {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').split('\n');
}

/** The printed text of one field (may contain line breaks). */
export function printField(def: FieldDef, form: FormData): string {
  return printedFieldText(def, form.values[def.id], form.options ?? DEFAULT_OPTIONS);
}

const isFreeText = (def: FieldDef): boolean =>
  def.kind === 'multiline' || def.kind === 'outputIndicators' || def.kind === 'benefitIndicators';

/** Characters that fit on one line of a cell, after its padding. */
function cellChars(widthTwips: number, t: TemplateDef): number {
  return (widthTwips - 2 * CELL_PADDING_TWIPS) / (t.fonts.table.sizePt * 20);
}

/**
 * Indent that lines a label up under a lead, shrunk (never below zero) when the full
 * indent would push a short label-and-value onto a second line.
 */
function leadIndent(lead: string, text: string, lineChars: number): number {
  const room = lineChars - charWidth(text) - 0.5;
  return Math.max(0, Math.min(charWidth(lead), Math.floor(room * 2) / 2));
}

function cellParagraphs(
  cell: CellDef,
  t: TemplateDef,
  form: FormData,
  widthTwips: number,
): { paragraphs: PrintedParagraph[]; footer: boolean } {
  const c = cell.content;
  if (c.type === 'empty') return { paragraphs: [{ text: '', align: cell.align ?? 'left' }], footer: false };
  if (c.type === 'label') {
    return { paragraphs: c.lines.map((text) => ({ text, align: cell.align ?? 'center' })), footer: false };
  }
  const def = t.fields.find((f) => f.id === c.field);
  if (!def) throw new Error(`模板 ${t.id} 的表格引用了不存在的字段 ${c.field}`);
  const value = printField(def, form);
  const out: PrintedParagraph[] = [];
  if (c.label !== undefined) {
    // Label and value share the cell: 其中：一般公共预算拨款：382.21
    const [first, ...rest] = linesOf(value);
    const p: PrintedParagraph = { text: `${c.lead ?? ''}${c.label}：${first}`, align: cell.align ?? 'left' };
    if (c.indentLead) {
      const indent = leadIndent(c.indentLead, p.text, cellChars(widthTwips, t));
      if (indent > 0) p.leftChars = indent;
    }
    out.push(p, ...rest.map((text) => ({ text, align: p.align, leftChars: p.leftChars })));
  } else if (isFreeText(def)) {
    for (const text of linesOf(value)) out.push({ text, align: cell.align ?? 'left', firstLineChars: 2 });
  } else {
    for (const text of linesOf(value)) out.push({ text, align: cell.align ?? 'left' });
  }
  for (const f of c.footer ?? []) out.push({ text: f.text, align: f.align, ...(f.align === 'right' ? { rightChars: 2 } : {}) });
  return { paragraphs: out, footer: (c.footer?.length ?? 0) > 0 };
}

function printLine(line: LineDef, t: TemplateDef, form: FormData): PrintedLine {
  const runs = line.segments.map((s): PrintedRun => {
    if ('text' in s) return { text: s.text, font: line.font };
    const def = t.fields.find((f) => f.id === s.field);
    if (!def) throw new Error(`模板 ${t.id} 的文字行引用了不存在的字段 ${s.field}`);
    let text = linesOf(printField(def, form)).join(' ');
    if (text.trim() === '') text = def.kind === 'date' ? BLANK_DATE : '　'.repeat(s.minChars ?? BLANK_SEGMENT.length);
    else if (s.minChars && text.length < s.minChars) text = text.padEnd(s.minChars, ' ');
    return { text, font: line.font };
  });
  return { align: line.align, spaceAfterPt: line.spaceAfterPt ?? 0, runs };
}

export function printForm(t: TemplateDef, form: FormData): PrintedForm {
  const full = withComputed(form, t);
  const cols = t.table.columnsTwips;
  const widthOf = (col: number, span: number) => cols.slice(col, col + span).reduce((a, b) => a + b, 0);
  const rows: PrintedRow[] = t.table.rows.map((r) => ({ minHeightTwips: r.minHeight, canSplit: r.canSplit, cells: [] }));

  for (const cell of t.table.cells) {
    const colSpan = cell.colSpan ?? 1;
    const rowSpan = cell.rowSpan ?? 1;
    const widthTwips = widthOf(cell.col, colSpan);
    const { paragraphs, footer } = cellParagraphs(cell, t, full, widthTwips);
    const valign: PrintedCell['valign'] = cell.valign ?? (footer ? 'bottom' : 'center');
    const base = { col: cell.col, colSpan, widthTwips, valign };
    rows[cell.row].cells.push({ ...base, paragraphs, ...(rowSpan > 1 ? { vMerge: 'restart' as const } : {}) });
    // Covered positions get explicit continue cells, so every row spells out its whole grid.
    for (let r = cell.row + 1; r < cell.row + rowSpan; r++) {
      rows[r].cells.push({ ...base, vMerge: 'continue', paragraphs: [{ text: '', align: paragraphs[0]?.align ?? 'left' }] });
    }
  }
  for (const r of rows) r.cells.sort((a, b) => a.col - b.col);

  return {
    above: t.above.map((l) => printLine(l, t, full)),
    rows,
    below: t.below.map((l) => printLine(l, t, full)),
  };
}
