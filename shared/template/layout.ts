/**
 * The one layout pass: template + form → the concrete grid of the paper (rows, cells, spans,
 * what each cell is bound to, and — when printing — the paragraphs each cell prints). The
 * editor, the Word exporter, the print view and the importer's table matcher all start here,
 * so none of them walks the template on its own.
 *
 * A template's grid has fixed rows and group slots. A slot becomes one concrete row per row
 * of the group's list (at least `minRows`), and a fixed cell whose rows cross a slot grows by
 * the slot's extra rows (绩效指标 down the side of the whole indicator grid). Group columns with
 * `merge` join equal, non-blank neighbours into one cell (一级指标 over its rows).
 */
import { DEFAULT_OPTIONS, type FormData, type GroupRow } from '../form';
import { columnDef, indexOf, printedLabel, rowsOf, withComputed } from '../formOps';
import { kindOf } from '../kinds';
import { printedColumnText, printedFieldText } from '../printing';
import type { Align, CellContent, CellDef, FieldDef, FontSpec, GroupDef, LabelRef, LineDef, TemplateDef } from './schema';

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

export type CellBinding =
  | { kind: 'label'; ref?: LabelRef }
  | { kind: 'empty' }
  | {
      kind: 'field';
      field: string;
      showLabel: boolean;
      lead?: string;
      indentLead?: string;
      footer?: readonly { text: string; align: Align }[];
    }
  /** A cell of a repeating group; a merged cell covers several data rows. Rows past the list are blank padding. */
  | { kind: 'group'; group: string; column: string; rows: number[]; option?: string };

export interface LaidCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  widthTwips: number;
  align: Align;
  valign: 'top' | 'center' | 'bottom';
  binding: CellBinding;
  /** The template's content of a fixed cell (absent for group cells). */
  content?: CellContent;
  /** What the cell prints; filled when laying out for print. */
  paragraphs: PrintedParagraph[];
}

export interface LaidRow {
  minHeightTwips: number;
  canSplit: boolean;
  repeatHeader: boolean;
  /** Set on a row of a group: which data row it shows (`padding` past the end of the list). */
  group?: { id: string; index: number; padding: boolean };
  /** The cells that start in this row, left to right. */
  cells: LaidCell[];
}

export interface PrintedRun {
  text: string;
  /** Set when the run shows a field's value. */
  field?: string;
}

export interface PrintedLine {
  id: string;
  role?: 'title';
  align: Align;
  font: FontSpec;
  spaceAfterPt: number;
  runs: PrintedRun[];
}

export interface FormLayout {
  template: TemplateDef;
  columnsTwips: readonly number[];
  rows: LaidRow[];
  /** Filled when laying out for print. */
  above: PrintedLine[];
  below: PrintedLine[];
}

/** Word's own default cell padding; written out so every office suite uses the same. */
export const CELL_PADDING_TWIPS = 108;

/** A blank form leaves room to write by hand; a date gets its 年 月 日 printed. */
const BLANK_SEGMENT_CHARS = 4;
export { BLANK_DATE } from '../kinds/date';

/** Width of a text in full-width characters: CJK counts one, ASCII half. */
export function charWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

export function linesOf(text: string): string[] {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').split('\n');
}

/**
 * `{fieldId}` in a label's lines is the form's value of that field (the month of a 监控表's
 * 1-{month}月执行数 headers); `N` while it is blank or no form is given (import matches on it).
 */
function filledIn(text: string, t: TemplateDef, values?: FormData['values']): string {
  if (!text.includes('{')) return text;
  return text.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, id: string) => {
    const def = indexOf(t).fields.get(id);
    if (!def) return whole;
    const v = values ? printedFieldText(def, values[id], DEFAULT_OPTIONS).trim() : '';
    return v === '' ? 'N' : v;
  });
}

/** The fields whose values a label cell prints (`{month}` in 1-{month}月执行数); none for most labels. */
export function labelFields(t: TemplateDef, content: Extract<CellContent, { type: 'label' }>): string[] {
  const raw = rawLabelText(t, content);
  return raw.includes('{')
    ? [...raw.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1]).filter((id) => indexOf(t).fields.has(id))
    : [];
}

/** The label text a label cell prints (with the form's values, for labels that name a field's value). */
export function labelText(t: TemplateDef, content: Extract<CellContent, { type: 'label' }>, values?: FormData['values']): string {
  return filledIn(rawLabelText(t, content), t, values);
}

function rawLabelText(t: TemplateDef, content: Extract<CellContent, { type: 'label' }>): string {
  let base: string;
  if (content.lines) base = content.lines.join('\n');
  else if (content.of && 'field' in content.of) base = printedLabel(indexOf(t).fields.get(content.of.field)!);
  else if (content.of && 'column' in content.of) {
    const c = columnDef(indexOf(t).groups.get(content.of.group)!, content.of.column);
    base = c.printed ?? c.label;
  } else if (content.of) base = indexOf(t).groups.get(content.of.group)!.label;
  else base = '';
  return (content.lead ?? '') + base;
}

const isFreeText = (def: FieldDef): boolean => kindOf(def.kind).block === true;

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

function fieldParagraphs(cell: LaidCell, b: Extract<CellBinding, { kind: 'field' }>, t: TemplateDef, form: FormData): PrintedParagraph[] {
  const def = indexOf(t).fields.get(b.field)!;
  const value = printedFieldText(def, form.values[def.id], form.options ?? DEFAULT_OPTIONS);
  const align = cell.align;
  const out: PrintedParagraph[] = [];
  if (b.showLabel) {
    // Label and value share the cell: 其中：一般公共预算拨款：382.21
    const [first, ...rest] = linesOf(value);
    const p: PrintedParagraph = { text: `${b.lead ?? ''}${printedLabel(def)}：${first}`, align };
    if (b.indentLead) {
      const indent = leadIndent(b.indentLead, p.text, cellChars(cell.widthTwips, t));
      if (indent > 0) p.leftChars = indent;
    }
    out.push(p, ...rest.map((text) => ({ text, align, leftChars: p.leftChars })));
  } else if (isFreeText(def)) {
    for (const text of linesOf(value)) out.push({ text, align, firstLineChars: 2 });
  } else {
    for (const text of linesOf(value)) out.push({ text, align });
  }
  for (const f of b.footer ?? []) out.push({ text: f.text, align: f.align, ...(f.align === 'right' ? { rightChars: 2 } : {}) });
  return out;
}

function groupParagraphs(cell: LaidCell, b: Extract<CellBinding, { kind: 'group' }>, t: TemplateDef, form: FormData): PrintedParagraph[] {
  const g = indexOf(t).groups.get(b.group)!;
  const rows = rowsOf(form.values, g.id);
  const def = columnDef(g, b.column);
  const raw = rows[b.rows[0]]?.[b.column];
  // One box of a value laid out per option (a tick column): ✓ or nothing.
  const value =
    b.option !== undefined
      ? (kindOf(def.kind).printOption?.(raw, b.option) ?? '')
      : printedColumnText(def, raw, form.options ?? DEFAULT_OPTIONS);
  return linesOf(value).map((text) => ({ text, align: cell.align }));
}

function cellParagraphs(cell: LaidCell, t: TemplateDef, form: FormData, content?: CellContent): PrintedParagraph[] {
  const b = cell.binding;
  switch (b.kind) {
    case 'empty':
      return [{ text: '', align: cell.align }];
    case 'label':
      return linesOf(labelText(t, content as Extract<CellContent, { type: 'label' }>, form.values)).map((text) => ({
        text,
        align: cell.align,
      }));
    case 'field':
      return fieldParagraphs(cell, b, t, form);
    case 'group':
      return groupParagraphs(cell, b, t, form);
  }
}

function printLine(line: LineDef, t: TemplateDef, form: FormData): PrintedLine {
  const runs = line.segments.map((s): PrintedRun => {
    if ('text' in s) return { text: s.text };
    const def = indexOf(t).fields.get(s.field)!;
    let text = linesOf(printedFieldText(def, form.values[def.id], form.options ?? DEFAULT_OPTIONS)).join(' ');
    if (text.trim() === '') text = kindOf(def.kind).blankInLine ?? '　'.repeat(s.minChars ?? BLANK_SEGMENT_CHARS);
    else if (s.minChars && text.length < s.minChars) text = text.padEnd(s.minChars, ' ');
    return { text, field: s.field };
  });
  return { id: line.id, role: line.role, align: line.align, font: line.font, spaceAfterPt: line.spaceAfterPt ?? 0, runs };
}

const norm = (s: string | undefined): string => (s ?? '').trim();

/** Whether data row `b` continues the merged cell of column `col` from row `a` above it. */
function continuesMerge(g: GroupDef, col: string, rows: readonly GroupRow[], a: number, b: number): boolean {
  const c = columnDef(g, col);
  if (!c.merge || a < 0 || b >= rows.length) return false;
  const v = norm(rows[b][col]);
  if (v === '' || v !== norm(rows[a][col])) return false;
  return (c.merge.within ?? []).every((w) => norm(rows[a][w]) === norm(rows[b][w]));
}

/** How many concrete rows a group's slot takes for a form. */
export function groupRowCount(g: GroupDef, rows: readonly GroupRow[]): number {
  return Math.max(rows.length, g.minRows ?? 1);
}

function defaultAlign(content: CellContent): Align {
  return content.type === 'label' ? 'center' : 'left';
}

function bindingOf(content: CellContent): CellBinding {
  if (content.type === 'label') return { kind: 'label', ref: content.of };
  if (content.type === 'empty') return { kind: 'empty' };
  return {
    kind: 'field',
    field: content.field,
    showLabel: content.showLabel ?? false,
    lead: content.lead,
    indentLead: content.indentLead,
    footer: content.footer,
  };
}

export interface LayoutOptions {
  /** Work out what every cell and line prints (the Word export, the print view, the importer). */
  print?: boolean;
}

/**
 * Lays a form out on its template's grid. Without `print`, only the structure is worked out
 * (what the editor needs on every change of a group's rows).
 */
export function layoutForm(t: TemplateDef, input: FormData, opts: LayoutOptions = {}): FormLayout {
  const form = opts.print ? withComputed(input, t) : input;
  const cols = t.table.columnsTwips;
  const widthOf = (col: number, span: number) => cols.slice(col, col + span).reduce((a, b) => a + b, 0);
  const { groups } = indexOf(t);

  // Template row → first concrete row and how many it becomes.
  const start: number[] = [];
  const count: number[] = [];
  const rows: LaidRow[] = [];
  for (const r of t.table.rows) {
    start.push(rows.length);
    if ('group' in r) {
      const g = groups.get(r.group)!;
      const n = groupRowCount(g, rowsOf(form.values, g.id));
      const length = rowsOf(form.values, g.id).length;
      count.push(n);
      for (let i = 0; i < n; i++)
        rows.push({
          minHeightTwips: g.row.minHeight,
          canSplit: g.row.canSplit,
          repeatHeader: false,
          group: { id: g.id, index: i, padding: i >= length },
          cells: [],
        });
    } else {
      count.push(1);
      rows.push({ minHeightTwips: r.minHeight, canSplit: r.canSplit, repeatHeader: r.repeatHeader ?? false, cells: [] });
    }
  }

  for (const cell of t.table.cells as readonly CellDef[]) {
    const rowSpan = count.slice(cell.row, cell.row + (cell.rowSpan ?? 1)).reduce((a, b) => a + b, 0);
    const colSpan = cell.colSpan ?? 1;
    const footer = cell.content.type === 'field' && (cell.content.footer?.length ?? 0) > 0;
    const laid: LaidCell = {
      row: start[cell.row],
      col: cell.col,
      rowSpan,
      colSpan,
      widthTwips: widthOf(cell.col, colSpan),
      align: cell.align ?? defaultAlign(cell.content),
      valign: cell.valign ?? (footer ? 'bottom' : 'center'),
      binding: bindingOf(cell.content),
      content: cell.content,
      paragraphs: [],
    };
    rows[laid.row].cells.push(laid);
  }

  t.table.rows.forEach((r, ti) => {
    if (!('group' in r)) return;
    const g = groups.get(r.group)!;
    const data = rowsOf(form.values, g.id);
    for (const place of g.cells) {
      const colSpan = place.colSpan ?? 1;
      const merged = Boolean(columnDef(g, place.column).merge);
      let open: LaidCell | null = null;
      for (let i = 0; i < count[ti]; i++) {
        if (open && continuesMerge(g, place.column, data, i - 1, i)) {
          open.rowSpan++;
          (open.binding as Extract<CellBinding, { kind: 'group' }>).rows.push(i);
          continue;
        }
        open = {
          row: start[ti] + i,
          col: place.col,
          rowSpan: 1,
          colSpan,
          widthTwips: widthOf(place.col, colSpan),
          align: place.align ?? (merged ? 'center' : 'left'),
          valign: 'center',
          binding: {
            kind: 'group',
            group: g.id,
            column: place.column,
            rows: [i],
            ...(place.option !== undefined ? { option: place.option } : {}),
          },
          paragraphs: [],
        };
        rows[open.row].cells.push(open);
      }
    }
  });

  for (const r of rows) r.cells.sort((a, b) => a.col - b.col);

  if (opts.print) {
    for (const r of rows) for (const c of r.cells) c.paragraphs = cellParagraphs(c, t, form, c.content);
  }
  return {
    template: t,
    columnsTwips: cols,
    rows,
    above: opts.print ? t.above.map((l) => printLine(l, t, form)) : [],
    below: opts.print ? t.below.map((l) => printLine(l, t, form)) : [],
  };
}

/** A grid position in a row: the cell that starts there, or the continuation of a cell merged down from above. */
export interface RowPosition {
  cell: LaidCell;
  continues: boolean;
}

/**
 * Every row spelled out over the whole grid: the cells that start in it and, where a cell from
 * above covers the row, that cell again as a continuation (Word's vMerge="continue").
 */
export function rowPositions(layout: FormLayout): RowPosition[][] {
  const out: RowPosition[][] = layout.rows.map(() => []);
  layout.rows.forEach((r, ri) => {
    for (const cell of r.cells) {
      out[ri].push({ cell, continues: false });
      for (let k = ri + 1; k < ri + cell.rowSpan; k++) out[k].push({ cell, continues: true });
    }
  });
  for (const r of out) r.sort((a, b) => a.cell.col - b.cell.col);
  return out;
}

/** A text key for the structure of a layout: it changes exactly when rows, merges or blank padding rows change. */
export function structureKey(layout: FormLayout): string {
  return layout.rows
    .map((r) => (r.group?.padding ? 'p' : '') + r.cells.map((c) => `${c.col}.${c.rowSpan}.${c.colSpan}`).join(','))
    .join('|');
}
