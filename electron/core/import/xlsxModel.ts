/**
 * An Excel workbook (.xlsx) as the document model (docModel.ts): each visible sheet one
 * section, its used range one table — merged ranges as spans, column widths and row heights
 * from the sheet — and the rows above and below the grid that hold one text across the whole
 * width (title, （2025年度）, 填报人 … lines) as paragraphs around it, as a Word file has them.
 *
 * Untrusted input throughout: the zip is opened with zipReader.ts's limits, every part parsed
 * with xml.ts (no DTDs, bounded elements and depth), cell references are checked against
 * Excel's own last cell (XFD1048576) and kept in a sparse map, and the grid is laid out only
 * after its size is known to be within MAX_TABLE_COLUMNS and MAX_TABLE_POSITIONS. Cell values
 * are kept as the text the file stores: a number's decimal text is never turned into a binary
 * float (Excel's 17-digit noise such as 2.6000000000000001 is rounded to 15 digits as text).
 */
import { UserError } from '../../../shared/errors';
import { checkDeadline } from './deadline';
import type { DocBlock, DocCell, DocModel, DocPage, DocSection, DocTable } from './docModel';
import {
  cellOutOfRange,
  MAX_MERGED_RANGES,
  MAX_SHARED_STRING_CHARS,
  MAX_SHARED_STRINGS,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_POSITIONS,
  MAX_XLSX_SHEETS,
  MAX_XML_PART_BYTES,
  partTooLarge,
  sharedStringsTooLarge,
  sheetTooLarge,
  tooManySheets,
  XLSX_MAX_COLUMN,
  XLSX_MAX_ROW,
} from './limits';
import { attr, child, children, decodeXml, parseXml, type El } from './xml';
import type { ZipArchive } from './zipReader';

/** The sheet our own exports keep the form's machine-readable copy in (very hidden). */
export const EMBED_SHEET = 'shenbao.form';

const readPart = (zip: ZipArchive, path: string): Uint8Array | null =>
  zip.read(path, { maxBytes: MAX_XML_PART_BYTES, tooLarge: () => partTooLarge(path) });

const damaged = (what: string): UserError =>
  new UserError(`Excel 文件的 ${what} 已损坏，无法读取。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入`, 'import.damaged');

function parsePart(zip: ZipArchive, path: string): El | null {
  const bytes = readPart(zip, path);
  return bytes ? parseXml(decodeXml(bytes), path) : null;
}

/** A zip whose parts say it is a workbook (a Word document is read as one, whatever else it holds). */
export function isWorkbook(zip: ZipArchive): boolean {
  if (zip.has('word/document.xml')) return false;
  return zip.has('xl/workbook.xml') || zip.names().some((n) => n.startsWith('xl/'));
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(fromFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (fromFolder ? fromFolder.split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relationships(zip: ZipArchive, relsPath: string, fromFolder: string): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  const root = parsePart(zip, relsPath);
  if (!root) return rels;
  for (const r of children(root)) {
    const id = attr(r, 'Id');
    const target = attr(r, 'Target');
    if (id && target && attr(r, 'TargetMode') !== 'External')
      rels.set(id, { type: attr(r, 'Type') ?? '', target: resolveTarget(fromFolder, target) });
  }
  return rels;
}

/** Excel escapes characters XML cannot hold as _xHHHH_. */
const unescapeOoxml = (s: string): string =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;

/** The text of a string item (<si>, <is>): plain or rich runs; phonetic guides (rPh) are not text. */
function stringItem(el: El): string {
  let s = '';
  for (const k of children(el)) {
    if (k.localName === 't') s += textOf(k);
    else if (k.localName === 'r') {
      const t = child(k, 't');
      if (t) s += textOf(t);
    }
  }
  return unescapeOoxml(s);
}

function textOf(el: El): string {
  let s = '';
  for (const k of el.kids) if (typeof k === 'string') s += k;
  return s;
}

function sharedStrings(zip: ZipArchive, path: string | undefined): string[] {
  const root = path ? parsePart(zip, path) : null;
  if (!root) return [];
  const out: string[] = [];
  let chars = 0;
  for (const si of children(root)) {
    if (si.localName !== 'si') continue;
    if (out.length >= MAX_SHARED_STRINGS) throw sharedStringsTooLarge();
    const s = stringItem(si);
    chars += s.length;
    if (chars > MAX_SHARED_STRING_CHARS) throw sharedStringsTooLarge();
    out.push(s);
  }
  return out;
}

/** Built-in number formats that show a date (ECMA-376 18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

interface Styles {
  /** Cell styles (index into cellXfs) that show a number as a date. */
  dates: Set<number>;
  /** Cell styles with a line on any side: the grid of a printed form. */
  bordered: Set<number>;
  /** Cell styles showing a fixed number of decimals (0.00, #,##0.00): how many. */
  decimals: Map<number, number>;
  /** Cell styles showing a number as a percentage (0%, 0.00%): how many decimals of the percentage. */
  percents: Map<number, number>;
}

/** Built-in formats with fixed decimals (ECMA-376 18.8.30); 10 is 0.00%, a percentage, not 2 decimals. */
const FIXED_DECIMALS: Record<number, number> = { 2: 2, 4: 2, 11: 2, 39: 2, 40: 2 };
/** Built-in percentage formats: 9 is 0%, 10 is 0.00%. */
const PERCENT_DECIMALS: Record<number, number> = { 9: 0, 10: 2 };

/** Decimals a plain number format shows: "0.00" and "#,##0.00" → 2, "0" → 0; null for anything else. */
export function fixedDecimals(code: string): number | null {
  const first = code
    .split(';')[0]
    .replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '')
    .trim();
  const m = /^[#,0]*0(?:\.(0+))?%?$/.exec(first);
  return m && !first.endsWith('%') ? (m[1] ?? '').length : null;
}

/** Decimals a percentage format shows: "0%" → 0, "0.00%" → 2; null when the format is not a percentage. */
export function percentDecimals(code: string): number | null {
  const first = code
    .split(';')[0]
    .replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '')
    .trim();
  const m = /^[#,0]*0(?:\.(0+))?%$/.exec(first);
  return m ? (m[1] ?? '').length : null;
}

/**
 * A number shown with a percentage format as the percentage the form means, exactly: the decimal
 * point moved two places in the text, never multiplied as a binary float (0.8533 → 85.33%,
 * 0.5 → 50%), padded to the decimals the format shows (0.5 with 0.00% → 50.00%) but never cut:
 * a value with more decimals than shown keeps them, as padDecimals does for amounts.
 */
export function percentText(text: string, decimals: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const frac = (m[3] ?? '').padEnd(2, '0');
  const whole = `${m[2]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2);
  const shown = padDecimals(rest ? `${whole}.${rest}` : whole, decimals);
  return `${/^0(\.0*)?$/.test(shown) ? '' : m[1]}${shown}%`;
}

/** A number cell's text as its format shows it: a percentage, a fixed number of decimals, else as stored. */
export function formattedNumber(text: string, code: string): string {
  const percent = percentDecimals(code);
  return percent !== null ? percentText(text, percent) : padDecimals(text, fixedDecimals(code) ?? 0);
}

const NONE: El = { localName: '', attrs: {}, kids: [] };

function readStyles(zip: ZipArchive, path: string | undefined): Styles {
  const out: Styles = { dates: new Set(), bordered: new Set(), decimals: new Map(), percents: new Map() };
  const root = path ? parsePart(zip, path) : null;
  if (!root) return out;
  const lined = children(child(root, 'borders') ?? NONE).map((b) =>
    children(b).some((side) => ['left', 'right', 'top', 'bottom'].includes(side.localName) && (attr(side, 'style') ?? 'none') !== 'none'),
  );
  const custom = new Map<number, string>();
  for (const f of children(child(root, 'numFmts') ?? NONE))
    custom.set(parseInt(attr(f, 'numFmtId') ?? '', 10), attr(f, 'formatCode') ?? '');
  const isDate = (id: number) => {
    if (DATE_FORMAT_IDS.has(id)) return true;
    const code = custom.get(id);
    if (code === undefined) return false;
    const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
    return /[yd年日]/i.test(bare);
  };
  children(child(root, 'cellXfs') ?? NONE).forEach((xf, i) => {
    const id = parseInt(attr(xf, 'numFmtId') ?? '0', 10);
    if (isDate(id)) out.dates.add(i);
    const fixed = custom.has(id) ? fixedDecimals(custom.get(id)!) : (FIXED_DECIMALS[id] ?? null);
    if (fixed) out.decimals.set(i, fixed);
    const percent = custom.has(id) ? percentDecimals(custom.get(id)!) : (PERCENT_DECIMALS[id] ?? null);
    if (percent !== null) out.percents.set(i, percent);
    if (lined[parseInt(attr(xf, 'borderId') ?? '0', 10)]) out.bordered.add(i);
  });
  return out;
}

/** 2.6000000000000001 → 2.6, 1.5E-3 → 0.0015: the decimal Excel shows (15 significant digits), as text. */
export function excelNumberText(v: string): string {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?\s*$/.exec(v);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return v.trim();
  const sign = m[1] === '-' ? '-' : '';
  let digits = (m[2] + (m[3] ?? '')).replace(/^0+/, '');
  // Position of the decimal point counted from the start of `digits`.
  let point = m[2].replace(/^0+/, '').length + parseInt(m[4] ?? '0', 10);
  if (m[2].replace(/^0+/, '') === '') point -= (m[3] ?? '').length - (m[3] ?? '').replace(/^0+/, '').length;
  if (digits === '') return '0';
  if (digits.length > 15) {
    // Round half up at the 15th significant digit, in decimal.
    const up = digits.charCodeAt(15) >= 53;
    let kept = digits.slice(0, 15).split('');
    if (up) {
      let i = kept.length - 1;
      while (i >= 0 && kept[i] === '9') kept[i--] = '0';
      if (i < 0) {
        kept = ['1', ...kept];
        point++;
      } else kept[i] = String.fromCharCode(kept[i].charCodeAt(0) + 1);
    }
    digits = kept.join('');
  }
  digits = digits.replace(/0+$/, '');
  if (digits === '') return '0';
  if (point > 30 || point < -30) return v.trim();
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + out;
}

/**
 * The number as its cell shows it where the format pads decimals (1000 as 1000.00), padding
 * only: a value with more decimals than the format shows keeps them, as amounts are printed.
 */
export function padDecimals(text: string, decimals: number): string {
  if (decimals === 0 || !/^-?\d+(\.\d+)?$/.test(text)) return text;
  const have = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return have >= decimals ? text : `${text}${have === 0 ? '.' : ''}${'0'.repeat(decimals - have)}`;
}

/** A date serial (days since 1899-12-30, Excel's 1900 system) as YYYY-MM-DD; null when it is none. */
export function serialDate(v: string): string | null {
  const n = /^\d{1,6}(?:\.\d+)?$/.test(v.trim()) ? parseInt(v, 10) : NaN;
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return null;
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

const REF = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

/** "C12" → { row: 11, col: 2 } (from 0); past XFD1048576 is refused. */
export function parseRef(ref: string): { row: number; col: number } {
  const m = REF.exec(ref);
  if (!m) throw cellOutOfRange(ref);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = parseInt(m[2], 10);
  if (col > XLSX_MAX_COLUMN || row > XLSX_MAX_ROW) throw cellOutOfRange(ref);
  return { row: row - 1, col: col - 1 };
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetRead {
  /** Sparse: row → col → text; only cells with something in them. */
  values: Map<number, Map<number, string>>;
  merges: Merge[];
  /** Widths of column ranges in Excel's character unit (from 0, inclusive); later ones win. */
  widths: { min: number; max: number; width: number }[];
  defaultWidth: number;
  heights: Map<number, number>;
  /** Positions (row × XLSX_MAX_COLUMN + col) of cells drawn with a border, empty ones too. */
  borders: Set<number>;
}

function cellValue(c: El, strings: readonly string[], styles: Styles): string {
  const type = attr(c, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = child(c, 'is');
    return is ? stringItem(is) : '';
  }
  const v = child(c, 'v');
  const raw = v ? textOf(v) : '';
  switch (type) {
    case 's': {
      const i = parseInt(raw, 10);
      return Number.isInteger(i) && i >= 0 && i < strings.length ? strings[i] : '';
    }
    case 'str':
    case 'e':
      return unescapeOoxml(raw);
    case 'b':
      return raw.trim() === '1' ? 'TRUE' : raw.trim() === '0' ? 'FALSE' : raw;
    case 'd':
      return raw.trim().slice(0, 10);
    default: {
      if (raw.trim() === '') return '';
      const style = parseInt(attr(c, 's') ?? '0', 10);
      if (styles.dates.has(style)) return serialDate(raw) ?? excelNumberText(raw);
      const percent = styles.percents.get(style);
      if (percent !== undefined) return percentText(excelNumberText(raw), percent);
      return padDecimals(excelNumberText(raw), styles.decimals.get(style) ?? 0);
    }
  }
}

function readSheet(root: El, strings: readonly string[], styles: Styles, name: string): SheetRead {
  const read: SheetRead = { values: new Map(), merges: [], widths: [], defaultWidth: 8.43, heights: new Map(), borders: new Set() };
  const fmt = child(root, 'sheetFormatPr');
  const dw = fmt ? parseFloat(attr(fmt, 'defaultColWidth') ?? attr(fmt, 'baseColWidth') ?? '') : NaN;
  if (Number.isFinite(dw) && dw > 0 && dw < 256) read.defaultWidth = attr(fmt!, 'defaultColWidth') ? dw : dw + 0.71;
  for (const col of children(child(root, 'cols') ?? NONE)) {
    const min = parseInt(attr(col, 'min') ?? '', 10);
    const max = parseInt(attr(col, 'max') ?? '', 10);
    const width = parseFloat(attr(col, 'width') ?? '');
    if (!(min >= 1 && max >= min && max <= XLSX_MAX_COLUMN && Number.isFinite(width) && width >= 0)) continue;
    // Each range is laid over the used columns later; more ranges than a form has columns are noise.
    if (read.widths.length < MAX_TABLE_COLUMNS)
      read.widths.push({ min: min - 1, max: max - 1, width: attr(col, 'hidden') === '1' ? 0 : width });
  }
  const data = child(root, 'sheetData');
  let nextRow = 0;
  for (const row of data ? children(data) : []) {
    if (row.localName !== 'row') continue;
    checkDeadline();
    const r = attr(row, 'r') !== null ? parseRef(`A${attr(row, 'r')}`).row : nextRow;
    nextRow = r + 1;
    const ht = parseFloat(attr(row, 'ht') ?? '');
    if (Number.isFinite(ht) && ht >= 0 && attr(row, 'customHeight') === '1') read.heights.set(r, ht);
    if (attr(row, 'hidden') === '1') read.heights.set(r, 0);
    let nextCol = 0;
    for (const c of children(row)) {
      if (c.localName !== 'c') continue;
      const ref = attr(c, 'r');
      const at = ref !== null ? parseRef(ref) : { row: r, col: nextCol };
      if (at.row !== r) throw damaged(`工作表「${name}」`);
      nextCol = at.col + 1;
      if (styles.bordered.has(parseInt(attr(c, 's') ?? '0', 10))) read.borders.add(at.row * XLSX_MAX_COLUMN + at.col);
      const text = cellValue(c, strings, styles);
      if (text === '') continue;
      let line = read.values.get(r);
      if (!line) read.values.set(r, (line = new Map()));
      line.set(at.col, text);
    }
  }
  const merges = child(root, 'mergeCells');
  for (const m of merges ? children(merges) : []) {
    if (m.localName !== 'mergeCell') continue;
    if (read.merges.length >= MAX_MERGED_RANGES) throw sheetTooLarge(name);
    const [a, b] = (attr(m, 'ref') ?? '').split(':');
    if (!a) continue;
    const p = parseRef(a);
    const q = b ? parseRef(b) : p;
    read.merges.push({
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    });
  }
  return read;
}

/** Excel's column width unit (a digit's width plus padding) in twips; the inverse of formXlsx.ts's. */
const widthTwips = (w: number): number => Math.round((w * 7 + 5) * 15);

function columnWidths(read: SheetRead, left: number, cols: number): number[] {
  const w = new Array<number>(cols).fill(read.defaultWidth);
  for (const r of read.widths) for (let c = Math.max(r.min, left); c <= Math.min(r.max, left + cols - 1); c++) w[c - left] = r.width;
  return w.map(widthTwips);
}

/**
 * The sheet's used range as blocks. The range is where values are, widened by the merged
 * ranges that start in it (a title merged across the grid's width); merged ranges that reach
 * beyond Excel's sane sizes (a whole row merged) are cut to the values' range instead. The
 * range is checked against MAX_TABLE_COLUMNS and MAX_TABLE_POSITIONS before it is laid out.
 */
export function sheetBlocks(read: SheetRead, name: string): DocBlock[] {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [r, line] of read.values)
    for (const c of line.keys()) {
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  if (bottom < 0) return [];
  const valueBox = { top, left, bottom, right };
  for (const m of read.merges)
    if (m.top >= valueBox.top && m.top <= valueBox.bottom && m.left >= valueBox.left && m.left <= valueBox.right) {
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
  // Empty cells drawn with lines are the grid's too (a blank value column at the right edge).
  for (const key of read.borders) {
    const r = Math.floor(key / XLSX_MAX_COLUMN);
    const c = key % XLSX_MAX_COLUMN;
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  const fits = (b: number, r: number) => r - left + 1 <= MAX_TABLE_COLUMNS && (b - top + 1) * (r - left + 1) <= MAX_TABLE_POSITIONS;
  if (!fits(bottom, right)) {
    ({ top, left, bottom, right } = valueBox);
    if (!fits(bottom, right)) throw sheetTooLarge(name);
  }
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  checkDeadline();
  // owner[row][col] within the range; merged ranges first, clipped to it; overlapping ones keep the first.
  const owner: (DocCell | undefined)[][] = Array.from({ length: rows }, () => new Array<DocCell | undefined>(cols));
  const text = (r: number, c: number) => read.values.get(r + top)?.get(c + left) ?? '';
  const paragraphsOf = (s: string): DocBlock[] => s.split(/\r\n|\r|\n/).map((t) => ({ kind: 'paragraph', text: t }));
  for (const m of read.merges) {
    const r0 = m.top - top;
    const c0 = m.left - left;
    if (r0 < 0 || c0 < 0 || r0 >= rows || c0 >= cols) continue;
    const r1 = Math.min(m.bottom - top, rows - 1);
    const c1 = Math.min(m.right - left, cols - 1);
    let free = true;
    for (let r = r0; r <= r1 && free; r++) for (let c = c0; c <= c1 && free; c++) if (owner[r][c]) free = false;
    if (!free) continue;
    // Excel shows the first cell of a merge; text left in the others is kept, not lost.
    const texts: string[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (text(r, c) !== '') texts.push(text(r, c));
    const cell: DocCell = { row: r0, col: c0, rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1, blocks: texts.flatMap(paragraphsOf) };
    if (cell.blocks.length === 0) cell.blocks.push({ kind: 'paragraph', text: '' });
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) owner[r][c] = cell;
  }
  const cells: DocCell[] = [];
  for (let r = 0; r < rows; r++) {
    if ((r & 255) === 0) checkDeadline();
    for (let c = 0; c < cols; c++) {
      const o = owner[r][c];
      if (o) {
        if (o.row === r && o.col === c) cells.push(o);
        continue;
      }
      const cell: DocCell = { row: r, col: c, rowSpan: 1, colSpan: 1, blocks: paragraphsOf(text(r, c)) };
      owner[r][c] = cell;
      cells.push(cell);
    }
  }
  // Rows outside a grid are the lines above, between and below forms, as paragraphs; each run
  // of grid rows between them is a table (several forms typed one under another on a sheet read
  // as several tables, as in Word; the fitting joins tables that continue one form). Where the
  // sheet draws its grid with lines, a row with no line and at most one text is outside it;
  // where it draws none, an empty row or one text across the whole width. A row a merged cell
  // runs through is always the grid's.
  const drawn = read.borders.size > 0;
  const bordered = (r: number) => {
    for (let c = 0; c < cols; c++) if (read.borders.has((r + top) * XLSX_MAX_COLUMN + c + left)) return true;
    return false;
  };
  const filledIn = (r: number) => new Set(owner[r].filter((c) => c!.blocks.some((b) => b.kind === 'paragraph' && b.text.trim() !== '')));
  const isLine = (r: number) => {
    if (owner[r].some((c) => c!.rowSpan > 1)) return false;
    const filled = filledIn(r);
    if (drawn) return filled.size <= 1 && !bordered(r);
    if (filled.size === 0) return true;
    const [only] = filled;
    return filled.size === 1 && only!.col === 0 && only!.colSpan === cols && cols > 1;
  };
  const lineText = (r: number) => {
    const [cell] = filledIn(r);
    return (cell?.blocks ?? [])
      .map((b) => (b.kind === 'paragraph' ? b.text : ''))
      .join('\n')
      .trim();
  };
  const widths = columnWidths(read, left, cols);
  const blocks: DocBlock[] = [];
  const tableOf = (from: number, to: number): DocTable => ({
    kind: 'table',
    rows: to - from + 1,
    cells: cells.filter((c) => c.row >= from && c.row <= to).map((c) => ({ ...c, row: c.row - from })),
    columnWidthsTwips: widths,
    rowHeightsTwips: Array.from({ length: to - from + 1 }, (_, r) => {
      const h = read.heights.get(r + from + top);
      return h === undefined ? undefined : Math.round(h * 20);
    }),
  });
  let start = -1;
  for (let r = 0; r <= rows; r++) {
    const line = r === rows || isLine(r);
    if (!line) {
      if (start < 0) start = r;
      continue;
    }
    if (start >= 0) {
      blocks.push(tableOf(start, r - 1));
      start = -1;
    }
    if (r === rows) break;
    const text = lineText(r);
    if (text !== '') blocks.push(...text.split('\n').map((p): DocBlock => ({ kind: 'paragraph', text: p })));
  }
  return blocks;
}

/** Paper sizes by Excel's paperSize code, portrait, in twips: A4 (9, the default), A3 (8), B5 (13), letter (1). */
const PAPER: Record<number, [number, number]> = { 9: [11906, 16838], 8: [16838, 23811], 13: [10319, 14571], 1: [12240, 15840] };

/** The sheet's print setup (pageSetup, pageMargins in inches) as the page, when the sheet has one. */
function sheetPage(sheet: El): DocPage | undefined {
  const setup = child(sheet, 'pageSetup');
  const margins = child(sheet, 'pageMargins');
  if (!setup && !margins) return undefined;
  const [w, h] = PAPER[parseInt((setup && attr(setup, 'paperSize')) ?? '9', 10)] ?? PAPER[9];
  const landscape = setup ? attr(setup, 'orientation') === 'landscape' : false;
  const inch = (name: string, fallback: number) => {
    const v = margins ? parseFloat(attr(margins, name) ?? '') : NaN;
    return Math.round((Number.isFinite(v) && v >= 0 && v < 10 ? v : fallback) * 1440);
  };
  return {
    widthTwips: landscape ? h : w,
    heightTwips: landscape ? w : h,
    margins: { top: inch('top', 0.75), bottom: inch('bottom', 0.75), left: inch('left', 0.7), right: inch('right', 0.7) },
  };
}

export interface Workbook {
  model: DocModel;
  /** The very hidden sheet of our own exports, as name → value (column A → column B); empty when absent. */
  embedded: Map<string, string>;
}

/** Reads the workbook's visible sheets into the document model, and our embedded copy if any. */
export function readWorkbook(zip: ZipArchive): Workbook {
  const rels = relationships(zip, '_rels/.rels', '');
  const main = [...rels.values()].find((r) => /\/officeDocument$/.test(r.type))?.target ?? 'xl/workbook.xml';
  const root = parsePart(zip, main);
  if (!root || root.localName !== 'workbook')
    throw new UserError('这个 Excel 文件里没有工作簿内容，无法导入。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试', 'import.damaged');
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : '';
  const relsPath = `${folder ? folder + '/' : ''}_rels/${main.slice(main.lastIndexOf('/') + 1)}.rels`;
  const wbRels = relationships(zip, relsPath, folder);
  const byType = (suffix: string) => [...wbRels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const strings = sharedStrings(
    zip,
    byType('/sharedStrings') ?? (zip.has(`${folder}/sharedStrings.xml`) ? `${folder}/sharedStrings.xml` : undefined),
  );
  const styles = readStyles(zip, byType('/styles'));
  const sheets = children(child(root, 'sheets') ?? NONE).filter((s) => s.localName === 'sheet');
  if (sheets.length > MAX_XLSX_SHEETS) throw tooManySheets();
  const sections: DocSection[] = [];
  const embedded = new Map<string, string>();
  for (const s of sheets) {
    checkDeadline();
    const name = attr(s, 'name') ?? '';
    const target = wbRels.get(attr(s, 'id') ?? '')?.target;
    if (!target) continue;
    const state = attr(s, 'state');
    if (name === EMBED_SHEET) {
      const sheet = parsePart(zip, target);
      if (!sheet) continue;
      const read = readSheet(sheet, strings, styles, name);
      for (const line of read.values.values()) {
        const key = line.get(0);
        if (key !== undefined) embedded.set(key, line.get(1) ?? '');
      }
      continue;
    }
    if (state === 'hidden' || state === 'veryHidden') continue;
    const sheet = parsePart(zip, target);
    if (!sheet || sheet.localName !== 'worksheet') continue; // a chart sheet or a missing part: nothing to read
    const page = sheetPage(sheet);
    const blocks = sheetBlocks(readSheet(sheet, strings, styles, name), name);
    sections.push(page ? { name, blocks, page } : { name, blocks });
  }
  return { model: { format: 'xlsx', sections }, embedded };
}
