/**
 * Pasting rows copied from Excel or WPS 表格 into a repeating group (绩效指标): reading the
 * clipboard's tab-separated text as Excel writes it, and placing its rows among the group's
 * rows. Pure functions, so every case is tested without a browser.
 *
 * One rule, whatever the number of columns: **a paste never writes over a filled cell.** A
 * row whose pasted-into cells are all blank is filled; where they hold text, a new row is
 * inserted instead and the rows below move down, unchanged. The clerk is told how many rows
 * were filled and added (「已粘贴 N 行…」), and one Ctrl+Z takes the whole paste back. (Before,
 * a 2-column paste wrote over the rows from the caret while a 4-column one inserted.)
 *
 * Two shapes are understood:
 * - the columns of the cell pasted into and the unmerged columns after it (三级|指标值 into a
 *   三级 cell): the rows go in from the row pasted into, down that cell's run of 一级/二级
 *   (blank rows filled, new rows inserted before a filled one), never spilling into the next 二级;
 * - every column of the group (一级|二级|三级|指标值), or the columns from a merged cell pasted
 *   into onward as far as they name every heading (二级|三级|指标值 into a 二级 cell): each row
 *   goes under its 一级/二级, found by name, into a blank row of that run or after its last row;
 *   a new 二级 under a known 一级 is added at the end of that 一级; a row whose 一级 is not in
 *   the table is not placed but listed.
 * A merged heading left blank in a row (Excel copies a merged cell into its first row only)
 * is the one above it.
 *
 * A template that prints 指标值 as three columns (符号 | 值 | 计量单位) also takes a combined
 * 指标值 (`≥95%`, copied from an older form) where the three stand: the text is split by the
 * 指标值 reader (shared/indicatorSplit.ts) into the three. The pasted column is read as combined
 * when the shape fits only that way, or when its cells are not signs (or not bare numbers, when
 * pasted into 值).
 */
import type { GroupRow } from '../../../shared/form';
import { completeRow } from '../../../shared/formOps';
import { COMBINED_VALUE_LABELS, indicatorSets, isSplit, splitIndicatorValue, type IndicatorColumns } from '../../../shared/indicatorSplit';
import { kindOf } from '../../../shared/kinds';
import type { ColumnDef, GroupDef } from '../../../shared/template/schema';
import { maxRowsOf, padTo } from './groupRows';

/** A paste this large is refused before it is read. */
export const MAX_PASTE_BYTES = 2 * 1024 * 1024;

/** UTF-8 length of a text, counting no further than `limit`. */
export function utf8Length(s: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < s.length && n < limit; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Excel's and WPS's text/plain: cells separated by tabs, rows by CR LF (or LF), a cell holding
 * a line break, tab or quote written in double quotes with its quotes doubled. A cell that
 * merely starts with a quote ("十四五"规划) is read as it stands. One trailing line break (Excel
 * ends every copy with one) is not a row.
 */
export function parseTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (i <= n) {
    if (i === n) {
      if (row.length || rows.length === 0) row.push('');
      endRow();
      break;
    }
    let cell: string | null = null;
    if (text[i] === '"') {
      // Try a quoted cell: it must close with a quote followed by a tab, a line break or the end.
      let j = i + 1;
      let out = '';
      let closed = -1;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            out += '"';
            j += 2;
            continue;
          }
          closed = j;
          break;
        }
        out += text[j++];
      }
      const after = closed < 0 ? '' : (text[closed + 1] ?? '');
      if (closed >= 0 && (after === '' || after === '\t' || after === '\r' || after === '\n')) {
        cell = out.replace(/\r\n?/g, '\n');
        i = closed + 1;
      }
    }
    if (cell === null) {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\r' && text[j] !== '\n') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      endRow();
      break;
    }
    if (text[i] === '\t') {
      i++;
      if (i === n) {
        row.push('');
        endRow();
        break;
      }
      continue;
    }
    // A line break ends the row; a last line break ends the table.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRow();
    if (i === n) break;
  }
  return rows;
}

/** What the editor does with a paste into a group cell. */
export type PasteDecision =
  /** Ordinary text: the browser pastes it (and input methods are never involved). */
  | { kind: 'text' }
  /** One cell as Excel copies it (with a trailing line break, or quoted): the cell's text alone. */
  | { kind: 'insert'; text: string }
  | { kind: 'refused'; message: string }
  | { kind: 'rows'; table: string[][] };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Reads a paste into a cell of column kind `kind`. */
export function readPaste(text: string, kind: string): PasteDecision {
  const bytes = utf8Length(text, MAX_PASTE_BYTES + 4);
  if (bytes >= MAX_PASTE_BYTES)
    return {
      kind: 'refused',
      message: `粘贴的内容太大（${bytes > MAX_PASTE_BYTES ? '超过' : ''} ${mb(MAX_PASTE_BYTES)} MB），没有粘贴，表中没有任何改动。请分几次复制、粘贴。`,
    };
  const hasTab = text.includes('\t');
  const body = text.replace(/\r?\n$/, '');
  if (!hasTab && !/[\r\n]/.test(body)) return body === text ? { kind: 'text' } : { kind: 'insert', text: body };
  // Several lines of plain text into free text (主要内容) are that cell's text, not rows.
  const freeText = kindOf(kind).lines === 'many';
  if (!hasTab && freeText && !body.startsWith('"')) return { kind: 'text' };
  const table = parseTable(text);
  if (table.length === 1 && table[0].length === 1) return { kind: 'insert', text: table[0][0] };
  if (!hasTab && freeText) return { kind: 'text' };
  return { kind: 'rows', table };
}

/** For matching headings only: spaces gone, full-width letters and digits half-width, ≧ as ≥. */
export function matchKey(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/≧/g, '≥')
    .replace(/≦/g, '≤')
    .replace(/[\s\u3000]+/g, '');
}

export interface SkippedRow {
  /** The row's number in what was pasted (1 = the first line). */
  line: number;
  cells: string[];
  reason: string;
}

export interface PastePlan {
  rows: GroupRow[];
  /** Indexes in `rows` of the rows the paste wrote, in the order they were pasted. */
  placed: number[];
  /** Of those, how many were new rows (the others were blank rows filled in). */
  added: number;
  /** Blank rows filled in (never a filled cell: a paste does not write over anything). */
  filledIn: number;
  skipped: SkippedRow[];
  /** Headings the paste started (a new 二级 under a known 一级), as 二级指标「…」. */
  newHeadings: string[];
  /** The first column the paste wrote (for the caret). */
  column: string;
}

export type PasteResult = PastePlan | { refused: string };

/** The group's columns in paper order (the order Excel holds them in). */
export function paperColumns(g: GroupDef): ColumnDef[] {
  const byId = new Map(g.columns.map((c) => [c.id, c]));
  return [...g.cells].sort((a, b) => a.col - b.col).map((p) => byId.get(p.column)!);
}

const shownLabel = (c: ColumnDef) => c.printed?.replace(/^\*/, '') ?? c.label;

/** A pasted value as the store holds it for its column. */
function valueFor(c: ColumnDef, raw: string): string {
  const kind = kindOf(c.kind);
  let text = raw.replace(/\r\n?/g, '\n');
  // A spreadsheet cell's line breaks in a one-line column only wrapped it.
  if (kind.lines === 'one') text = text.replace(/\s*\n\s*/g, ' ');
  const r = kind.read(text, c);
  const v = typeof r.value === 'string' ? r.value : text.trim();
  // An option pasted with other spaces or widths (≧ for ≥) is that option.
  return (c.options ?? kind.fixedOptions)?.find((o) => matchKey(o) === matchKey(v)) ?? v;
}

/** Merged columns, outer before inner (一级 before 二级), with their depth. */
function mergeLevels(g: GroupDef): { col: ColumnDef; depth: number }[] {
  const merged = g.columns.filter((c) => c.merge);
  const depth = new Map<string, number>();
  const of = (c: ColumnDef, seen: Set<string>): number => {
    if (depth.has(c.id)) return depth.get(c.id)!;
    if (seen.has(c.id)) return 0;
    seen.add(c.id);
    const within = (c.merge?.within ?? []).map((id) => merged.find((m) => m.id === id)).filter((m): m is ColumnDef => !!m);
    const d = within.length ? 1 + Math.max(...within.map((w) => of(w, seen))) : 0;
    depth.set(c.id, d);
    return d;
  };
  return merged.map((col) => ({ col, depth: of(col, new Set()) })).sort((a, b) => a.depth - b.depth);
}

const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

type SplitSet = IndicatorColumns & { comparator: string; unit: string };

/**
 * Where one pasted column goes: a column of the group, or (`split`) a combined 指标值 for a
 * split set's three columns, `col` then being the first of the three on paper.
 */
interface Slot {
  col: ColumnDef;
  split?: SplitSet;
}

/** The columns a slot writes. */
const slotColumns = (s: Slot): string[] => (s.split ? [s.split.comparator, s.split.value, s.split.unit] : [s.col.id]);

/** Whether a pasted row is the header row of the columns (copied with the table's header). */
function isHeaderRow(cells: readonly string[], slots: readonly Slot[]): boolean {
  let named = 0;
  for (let i = 0; i < cells.length && i < slots.length; i++) {
    const v = matchKey(cells[i]).replace(/^\*/, '');
    if (v === '') continue;
    const { col: c, split } = slots[i];
    const names = [c.label, c.printed ?? '', ...(c.aliases ?? []), ...(split ? COMBINED_VALUE_LABELS : [])]
      .filter(Boolean)
      .map((s) => matchKey(s).replace(/^\*/, ''));
    if (!names.includes(v)) return false;
    named++;
  }
  return named >= Math.min(2, slots.length);
}

/**
 * The group's columns with a split set's three (符号 | 值 | 计量单位, side by side on paper) as
 * one combined 指标值 slot, and where the cell pasted into falls in it (-1: on 计量单位, or no
 * such set, where no combined value is taken).
 */
function combinedSlots(g: GroupDef, cols: readonly ColumnDef[], column: string): { slots: Slot[]; p: number } | null {
  const sets = indicatorSets(g).filter(isSplit);
  if (sets.length !== 1) return null;
  const set = sets[0];
  const at = [set.comparator, set.value, set.unit].map((id) => cols.findIndex((c) => c.id === id));
  const lo = Math.min(...at);
  if (at.includes(-1) || Math.max(...at) - lo !== 2) return null;
  const slots: Slot[] = [
    ...cols.slice(0, lo).map((col) => ({ col })),
    { col: cols[lo], split: set },
    ...cols.slice(lo + 3).map((col) => ({ col })),
  ];
  const p = cols.findIndex((c) => c.id === column);
  if (column === set.comparator || column === set.value) return { slots, p: lo };
  if (column === set.unit) return null;
  return { slots, p: p < lo ? p : p - 2 };
}

interface Shape {
  mode: 'byName' | 'inRun';
  target: Slot[];
}

/** Which columns a paste `width` wide into slot `p` fills, and how (null: it does not fit). */
function shapeOf(slots: readonly Slot[], p: number, width: number): Shape | null {
  const here = slots[p].col;
  const merged = (s: Slot) => !!s.col.merge;
  const hasMerges = slots.some(merged);
  if (hasMerges && width === slots.length) return { mode: 'byName', target: [...slots] };
  const fromHere = slots.slice(p, p + width);
  if (
    hasMerges &&
    here.merge &&
    width <= slots.length - p &&
    slots.slice(0, p).every(merged) &&
    // Every heading from here on is named, and something under them.
    slots.slice(p + width).every((s) => !merged(s)) &&
    fromHere.some((s) => !merged(s))
  )
    return { mode: 'byName', target: fromHere };
  const following = slots.slice(p).filter((s) => !merged(s));
  if (!here.merge && width <= following.length) return { mode: 'inRun', target: following.slice(0, width) };
  return null;
}

/**
 * Whether the pasted column that the combined shape takes as 指标值 holds combined values: one
 * of its cells is not a sign (pasted onto 符号) or not a bare figure (pasted onto 值).
 */
function holdsCombined(comb: Shape, phys: Shape, lines: readonly { cells: string[] }[]): boolean {
  const k = comb.target.findIndex((s) => s.split);
  if (k < 0) return false;
  const set = comb.target[k].split!;
  const onPaper = phys.target[k]?.col;
  return lines.some(({ cells }) => {
    const text = (cells[k] ?? '').trim();
    if (text === '') return false;
    if (onPaper?.id === set.comparator) return kindOf(onPaper.kind).read(text, onPaper).problem !== undefined;
    if (onPaper?.id === set.value) {
      const s = splitIndicatorValue(text);
      return s.unit !== '' || (s.comparator !== '' && s.comparator !== '定性');
    }
    return true;
  });
}

const clip = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n)}…` : s);

function columnsList(cols: readonly ColumnDef[]): string {
  return cols.map(shownLabel).join('、');
}

/**
 * Places pasted rows (`table`, from readPaste) into a group's rows, the paste made into the
 * cell of `column` on data row `at` (a padding row past the end of the list too). Refuses
 * (nothing changes) when the shape does not fit or the group would grow past its maximum.
 */
export function planPaste(g: GroupDef, current: readonly GroupRow[], at: number, column: string, table: readonly string[][]): PasteResult {
  const cols = paperColumns(g);
  const p = cols.findIndex((c) => c.id === column);
  if (p < 0) return { refused: '这一格不能粘贴多行。' };
  const max = maxRowsOf(g);

  // Trailing columns left blank in every row (a wider selection in Excel) do not count.
  let width = Math.max(...table.map((r) => r.length));
  while (width > 1 && table.every((r) => (r[width - 1] ?? '').trim() === '')) width--;
  const lines = table.map((r, i) => ({ line: i + 1, cells: Array.from({ length: width }, (_, k) => r[k] ?? '') }));

  const here = cols[p];
  const phys = shapeOf(
    cols.map((col) => ({ col })),
    p,
    width,
  );
  const combined = combinedSlots(g, cols, column);
  const comb = combined ? shapeOf(combined.slots, combined.p, width) : null;
  const shape = comb && (!phys || holdsCombined(comb, phys, lines)) ? comb : phys;
  if (!shape) {
    const hasMerges = cols.some((c) => c.merge);
    const following = cols.slice(p).filter((c) => !c.merge);
    const shapes = [
      !here.merge ? `从「${shownLabel(here)}」起的 ${columnsList(following)}（${following.length} 列以内）` : '',
      hasMerges ? `完整的 ${columnsList(cols)}（${cols.length} 列）` : '',
    ].filter(Boolean);
    return {
      refused: `粘贴的内容有 ${width} 列，放不进「${shownLabel(here)}」这一格${shapes.length ? `。请复制${shapes.join('，或')}` : ''}。表中没有任何改动。`,
    };
  }
  const { mode, target } = shape;

  let data = lines.filter((l) => !isBlankRow(l.cells));
  if (data.length && isHeaderRow(data[0].cells, target)) data = data.slice(1);
  if (data.length === 0) return { refused: '粘贴的内容里没有可以填入的行。' };
  if (data.length > max)
    return { refused: `粘贴的内容有 ${data.length} 行，超过了${g.label}最多 ${max} 行的限制，没有粘贴，表中没有任何改动。` };

  const rows: GroupRow[] = padTo(g, current, at).map((r) => completeRow(g, r));
  const placed = new Set<GroupRow>();
  const order: GroupRow[] = [];
  let added = 0;
  let filledIn = 0;
  const skipped: SkippedRow[] = [];
  const newHeadings: string[] = [];
  const written = target.filter((s) => !s.col.merge).flatMap(slotColumns);
  // The one rule: a row takes a pasted row only when every cell the paste writes is blank in it.
  const free = (r: GroupRow) => !placed.has(r) && written.every((id) => (r[id] ?? '').trim() === '');
  const write = (r: GroupRow, cells: readonly string[]) => {
    target.forEach((s, k) => {
      if (s.col.merge) return;
      if (!s.split) {
        r[s.col.id] = valueFor(s.col, cells[k]);
        return;
      }
      const parts = splitIndicatorValue(cells[k].replace(/\s*\r?\n\s*/g, ' '));
      const byId = new Map(g.columns.map((c) => [c.id, c]));
      r[s.split.comparator] = valueFor(byId.get(s.split.comparator)!, parts.comparator);
      r[s.split.value] = valueFor(byId.get(s.split.value)!, parts.value);
      r[s.split.unit] = valueFor(byId.get(s.split.unit)!, parts.unit);
    });
  };

  if (mode === 'inRun') {
    // The run of the row pasted into: the neighbouring rows under the same merged headings.
    const merged = cols.filter((c) => c.merge);
    const key = (r: GroupRow) => merged.map((c) => matchKey(r[c.id] ?? '')).join('\u0001');
    const k0 = key(rows[at]);
    let end = at;
    while (merged.length && end + 1 < rows.length && key(rows[end + 1]) === k0) end++;
    if (!merged.length) end = rows.length - 1;
    const headings = Object.fromEntries(merged.map((c) => [c.id, rows[at][c.id] ?? '']));
    let pos = at;
    for (const l of data) {
      let r: GroupRow;
      if (pos <= end && free(rows[pos])) {
        r = { ...rows[pos] };
        rows[pos] = r;
        filledIn++;
      } else {
        // A filled row (or the run's end): a new row here, the filled one moves down unchanged.
        r = completeRow(g, { ...headings });
        rows.splice(pos, 0, r);
        end++;
        added++;
      }
      pos++;
      write(r, l.cells);
      placed.add(r);
      order.push(r);
    }
  } else {
    const levels = mergeLevels(g);
    const depths = [...new Set(levels.map((l) => l.depth))];
    const roots = levels.filter((l) => l.depth === 0).map((l) => l.col);
    const given = new Set(target.map((s) => s.col.id));
    const anchor = rows[at];
    let prev: Record<string, string> | null = null;
    for (const l of data) {
      // The row's headings: as pasted, a blank one the same as the row above (or the row pasted into).
      const heading: Record<string, string> = {};
      for (const { col } of levels) {
        const k = target.findIndex((s) => s.col.id === col.id);
        let v = k >= 0 ? l.cells[k].replace(/\s*\r?\n\s*/g, ' ').trim() : '';
        if (!given.has(col.id)) v = anchor[col.id] ?? '';
        else if (v === '') {
          const within = col.merge?.within ?? [];
          const from = prev ?? anchor;
          if (within.every((w) => matchKey(from[w] ?? '') === matchKey(heading[w] ?? ''))) v = from[col.id] ?? '';
        }
        heading[col.id] = v;
      }
      prev = heading;
      const matches = (r: GroupRow, which: readonly ColumnDef[]) => which.every((c) => matchKey(r[c.id] ?? '') === matchKey(heading[c.id]));
      const missingRoot = roots.find((c) => heading[c.id] === '');
      if (missingRoot) {
        skipped.push({ line: l.line, cells: l.cells, reason: `没有填${shownLabel(missingRoot)}` });
        continue;
      }
      const all = levels.map((x) => x.col);
      const exact = rows.filter((r) => matches(r, all));
      let r: GroupRow;
      if (exact.length) {
        const blank = exact.find(free);
        if (blank) {
          r = { ...blank };
          rows[rows.indexOf(blank)] = r;
          filledIn++;
        } else {
          r = completeRow(g, Object.fromEntries(all.map((c) => [c.id, exact[0][c.id] ?? ''])));
          rows.splice(rows.indexOf(exact[exact.length - 1]) + 1, 0, r);
          added++;
        }
      } else {
        // The deepest headings that exist: the new row goes at the end of their run.
        let under: GroupRow[] = [];
        let known: ColumnDef[] = [];
        for (const d of depths) {
          const which = levels.filter((x) => x.depth <= d).map((x) => x.col);
          const found = rows.filter((x) => matches(x, which));
          if (!found.length) break;
          under = found;
          known = which;
        }
        if (!under.length) {
          const unknown = roots.find((c) => !rows.some((x) => matchKey(x[c.id] ?? '') === matchKey(heading[c.id])))!;
          skipped.push({ line: l.line, cells: l.cells, reason: `表中没有${shownLabel(unknown)}「${clip(heading[unknown.id])}」` });
          continue;
        }
        const base = under[under.length - 1];
        for (const c of all)
          if (!known.includes(c) && heading[c.id] !== '') {
            const name = `${shownLabel(c)}「${clip(heading[c.id])}」`;
            if (!newHeadings.includes(name)) newHeadings.push(name);
          }
        r = completeRow(g, Object.fromEntries(all.map((c) => [c.id, known.includes(c) ? (base[c.id] ?? '') : heading[c.id]])));
        rows.splice(rows.indexOf(base) + 1, 0, r);
        added++;
      }
      write(r, l.cells);
      placed.add(r);
      order.push(r);
    }
  }

  if (rows.length > max)
    return {
      refused: `粘贴后${g.label}将有 ${rows.length} 行，超过最多 ${max} 行的限制，没有粘贴，表中没有任何改动。请先删去不用的行。`,
    };
  return {
    rows,
    placed: order.map((r) => rows.indexOf(r)),
    added,
    filledIn,
    skipped,
    newHeadings,
    column: (target.find((s) => !s.col.merge) ?? target[0]).col.id,
  };
}

/** What the clerk is told after a paste (in Chinese): how many rows, and every row not placed with why. */
export function pasteNotice(g: GroupDef, plan: PastePlan): string {
  const n = plan.placed.length;
  const parts: string[] = [];
  if (n) {
    const detail = [plan.filledIn ? `填入 ${plan.filledIn} 个空行` : '', plan.added ? `新增 ${plan.added} 行` : '']
      .filter(Boolean)
      .join('，');
    const started = plan.newHeadings.length ? `，新增了${plan.newHeadings.join('、')}` : '';
    parts.push(`已粘贴 ${n} 行到${g.label}${detail ? `（${detail}）` : ''}${started}。已填写的内容不会被覆盖，可按 Ctrl+Z 撤销。`);
  } else parts.push(`没有粘贴任何行。`);
  if (plan.skipped.length) {
    parts.push(`以下 ${plan.skipped.length} 行没有放入表中：`);
    for (const s of plan.skipped) {
      const text = s.cells
        .map((c) => c.trim())
        .filter(Boolean)
        .map((c) => clip(c, 16))
        .join(' | ');
      parts.push(`第 ${s.line} 行「${text}」：${s.reason}`);
    }
  }
  return parts.join('\n');
}

/** The rows not placed, as Excel's tab-separated text, so the clerk can copy them back out. */
export function skippedAsText(skipped: readonly SkippedRow[]): string {
  const cell = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return skipped.map((s) => s.cells.map(cell).join('\t')).join('\r\n');
}

/**
 * Whether one cell's text pasted into `column` of `row` is a combined 指标值 to split: the
 * column is the 值 of the group's split set, the three cells are still blank, and the text
 * has a sign or a unit (`≥95%`). Into a filled cell, text is pasted at the caret as typed.
 */
export function splitsOnPaste(g: GroupDef, row: GroupRow | undefined, column: string, text: string): boolean {
  const sets = indicatorSets(g).filter(isSplit);
  if (sets.length !== 1 || sets[0].value !== column) return false;
  const set = sets[0];
  if ([set.comparator, set.value, set.unit].some((id) => (row?.[id] ?? '').trim() !== '')) return false;
  const s = splitIndicatorValue(text);
  return s.unit !== '' || (s.comparator !== '' && s.comparator !== '定性');
}
