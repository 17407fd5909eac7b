/**
 * Reads a 指标库 Excel workbook (one sheet, the columns 一级指标 | 二级指标 | 三级指标 | 指标值 | 说明)
 * with our own bounded zip and XML readers, the same ones that read untrusted Word files, because
 * a library file comes by e-mail like any other and only its first sheet's cells are wanted. Runs
 * in the import worker (userFiles.ts).
 *
 * Cells are placed by their reference sparsely (a map per row): a reference such as ZZZZZ2 once
 * made an array of twelve million columns per row, 4 GB for a 2.6 KB file (issue #27). References
 * past Excel's own last cell, XFD1048576, are refused.
 */
import { isUserError, UserError } from '../../../shared/errors';
import { LIBRARY_COLUMNS, MAX_LIBRARY_ENTRIES } from '../../../shared/library/file';
import { checkDeadline } from './deadline';
import { attr, child, children, decodeXml, parseXml, textContent, type El } from './xml';
import { openZip, type ZipArchive } from './zipReader';

/** Excel's last column (XFD) and row. */
export const XLSX_MAX_COLUMNS = 16_384;
export const XLSX_MAX_ROWS = 1_048_576;
/** Elements of one sheet: a row of five cells is about 11 (row, c, v) to 16 (inline strings); 20,000 rows and room. */
const MAX_SHEET_ELEMENTS = (MAX_LIBRARY_ENTRIES + 1) * 20;

const refuse = (why: string) => new UserError(`这个指标库文件不能导入：${why}。没有做任何改动。`, 'library.invalid');

/**
 * The zip and XML readers' refusals are written for Word files; a 指标库 workbook gets the same
 * reason with advice for Excel.
 */
export function asLibraryRefusal(e: unknown): unknown {
  if (!isUserError(e) || e.message.startsWith('这个指标库文件不能导入')) return e;
  const why = e.message
    .replace(/Word 或 WPS ?/g, 'Excel 或 WPS 表格')
    .replace(/\.docx/g, '.xlsx')
    .replace(/一份申报表/g, '指标库文件')
    .replace(/[。，]?$/, '');
  return new UserError(`这个指标库文件不能导入：${why}。没有做任何改动。`, 'library.invalid');
}

function part(zip: ZipArchive, name: string, maxElements?: number): El | null {
  const bytes = zip.read(name);
  return bytes ? parseXml(decodeXml(bytes), name, maxElements) : null;
}

/** The first worksheet's part name, through the workbook and its relationships (sheet1.xml as a fallback). */
function firstSheet(zip: ZipArchive): string {
  const wb = part(zip, 'xl/workbook.xml');
  const rels = part(zip, 'xl/_rels/workbook.xml.rels');
  const sheet = wb ? children(child(wb, 'sheets') ?? wb).find((e) => e.localName === 'sheet') : undefined;
  const rid = sheet ? attr(sheet, 'id') : null;
  const target = rid && rels ? children(rels).find((r) => attr(r, 'Id') === rid) : undefined;
  const path = target ? attr(target, 'Target') : null;
  if (path) return path.startsWith('/') ? path.slice(1) : `xl/${path.replace(/^\.\//, '')}`;
  if (zip.has('xl/worksheets/sheet1.xml')) return 'xl/worksheets/sheet1.xml';
  throw refuse('里面没有工作表');
}

const tooFar = (ref: string) =>
  refuse(
    `单元格位置「${ref.slice(0, 20)}」超出了 Excel 表格的范围（最大 XFD${XLSX_MAX_ROWS}），文件可能已损坏。请在 Excel 或 WPS 表格中打开并另存为 .xlsx 后再试`,
  );

/** Column index of a cell reference (B7 → 1), or null when it names no column; past XFD is refused. */
function columnOf(ref: string): number | null {
  const m = /^\$?([A-Za-z]{1,})\$?(\d*)$/.exec(ref);
  if (!m) return null;
  if (m[1].length > 3 || (m[2] !== '' && (m[2].length > 7 || Number(m[2]) > XLSX_MAX_ROWS))) throw tooFar(ref);
  let n = 0;
  for (const ch of m[1].toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > XLSX_MAX_COLUMNS) throw tooFar(ref);
  return n - 1;
}

/**
 * The text of a shared or inline string: its <t>, or the <t> of each run. Excel's 拼音指南 keeps
 * the reading of a name in <rPh> runs beside them, which are not part of the text.
 */
export function stringItemText(si: El): string {
  let s = '';
  for (const k of si.kids) {
    if (typeof k === 'string') continue;
    if (k.localName === 't') s += textContent(k);
    else if (k.localName === 'r') {
      const t = child(k, 't');
      if (t) s += textContent(t);
    }
  }
  return s;
}

function cellText(c: El, strings: readonly string[]): string {
  const type = attr(c, 't');
  const v = child(c, 'v');
  if (type === 's') return strings[Number(v ? textContent(v) : -1)] ?? '';
  if (type === 'inlineStr') return stringItemText(child(c, 'is') ?? c);
  return v ? textContent(v) : '';
}

/** Rows of the first sheet keyed by its header row (the Chinese column names). */
export function libraryRowsFromXlsx(bytes: Uint8Array): Record<string, string>[] {
  try {
    return readRows(bytes);
  } catch (e) {
    throw asLibraryRefusal(e);
  }
}

function readRows(bytes: Uint8Array): Record<string, string>[] {
  const zip = openZip(bytes);
  if (!zip.has('xl/workbook.xml')) throw refuse('它不是 Excel 表格文件（.xlsx）');
  const shared = part(zip, 'xl/sharedStrings.xml', MAX_SHEET_ELEMENTS);
  const strings = shared ? children(shared).map(stringItemText) : [];
  const sheet = part(zip, firstSheet(zip), MAX_SHEET_ELEMENTS);
  const data = sheet ? child(sheet, 'sheetData') : undefined;
  if (!data) throw refuse('第一个工作表是空的');
  const grid: Map<number, string>[] = [];
  for (const row of children(data)) {
    if (row.localName !== 'row') continue;
    checkDeadline();
    const r = attr(row, 'r');
    if (r !== null && !(/^\d{1,7}$/.test(r) && Number(r) <= XLSX_MAX_ROWS)) throw tooFar(`第 ${r} 行`);
    const cells = new Map<number, string>();
    let next = 0;
    for (const c of children(row)) {
      if (c.localName !== 'c') continue;
      const col = columnOf(attr(c, 'r') ?? '') ?? next;
      cells.set(col, cellText(c, strings));
      next = col + 1;
    }
    grid.push(cells);
  }
  const header = [...(grid[0] ?? new Map<number, string>()).entries()].map(([col, h]) => [col, h.trim()] as const);
  if (!header.some(([, h]) => h === '三级指标')) throw refuse(`第一行应是列名：${LIBRARY_COLUMNS.join('、')}（没有找到「三级指标」列）`);
  return grid.slice(1).map((cells) => Object.fromEntries(header.map(([col, h]) => [h, cells.get(col) ?? ''])));
}
