/**
 * A legacy Excel workbook (.xls: BIFF records in an OLE compound file) as the document model,
 * read by SheetJS (@e965/xlsx) and laid out by xlsxModel.ts's own sheet step (sheetBlocks): each
 * visible sheet one section, merged ranges as spans, lines above and below the grid as
 * paragraphs — so a form saved as .xls reads as the same form saved as .xlsx.
 *
 * Untrusted input: the file's size is checked before SheetJS sees it, the sheet count from a
 * names-only pass before the full one, and the full pass keeps at most XLS_MAX_ROWS + 1 rows
 * of each sheet (`sheetRows`): a sheet that declares or holds more is refused, never cut
 * silently. Merges and text are counted against the .xlsx limits. Numbers are the stored
 * doubles written as their shortest decimal text and rounded to Excel's 15 digits as text
 * (excelNumberText): no arithmetic on them. Each cell's border, which SheetJS does not give
 * for .xls, comes from xlsBorders.ts, so the grid is told from the lines around it as in .xlsx.
 */
import { read as readBook, SSF, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { UserError } from '../../../shared/errors';
import { checkDeadline } from './deadline';
import type { DocSection } from './docModel';
import { xlsBorders } from './xlsBorders';
import {
  MAX_MERGED_RANGES,
  MAX_SHARED_STRING_CHARS,
  MAX_TABLE_COLUMNS,
  MAX_XLS_BYTES,
  MAX_XLSX_SHEETS,
  sharedStringsTooLarge,
  sheetTooLarge,
  tooManySheets,
  XLS_MAX_ROWS,
  xlsTooLarge,
} from './limits';
import { EMBED_SHEET, excelNumberText, formattedNumber, serialDate, sheetBlocks, type SheetRead, type Workbook } from './xlsxModel';

const SAVE_AS_XLSX = '请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入';

function damagedXls(): UserError {
  return new UserError(`这个旧版 Excel 工作簿（.xls）不完整或已损坏，无法读取。${SAVE_AS_XLSX}`, 'import.damaged');
}

/** BIFF error codes (MS-XLS 2.5.97.2) as Excel shows them. */
const ERRORS: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A' };

/** SheetJS throws plain Errors for damaged input; the user hears what to do instead. */
function parse(bytes: Uint8Array, opts: Parameters<typeof readBook>[1]): WorkBook {
  try {
    return readBook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer', ...opts });
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (/password-protected|Password is incorrect|Encryption scheme/i.test(String((e as Error)?.message)))
      throw new UserError(
        '这个 Excel 工作簿设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开它，取消密码并另存为 .xlsx 后再导入',
        'import.encrypted',
      );
    throw damagedXls();
  }
}

/** A number as the decimal Excel shows: JavaScript's shortest round-trip text, cut to 15 digits as text. */
function numberText(v: number): string {
  return Number.isFinite(v) ? excelNumberText(String(v)) : '';
}

interface TextBudget {
  chars: number;
}

function cellText(cell: CellObject, budget: TextBudget): string {
  let text: string;
  switch (cell.t) {
    case 's':
      text = String(cell.v ?? '');
      break;
    case 'b':
      text = cell.v ? 'TRUE' : 'FALSE';
      break;
    case 'e':
      text = ERRORS[Number(cell.v)] ?? '#N/A';
      break;
    case 'n': {
      const v = Number(cell.v);
      const format = typeof cell.z === 'string' ? cell.z : '';
      if (format && SSF.is_date(format)) text = serialDate(String(v)) ?? numberText(v);
      else text = formattedNumber(numberText(v), format);
      break;
    }
    default:
      text = '';
  }
  budget.chars += text.length;
  if (budget.chars > MAX_SHARED_STRING_CHARS) throw sharedStringsTooLarge();
  return text;
}

/** A sheet's cells, merges, widths and heights in the form sheetBlocks lays out; its size checked first. */
function sheetRead(ws: WorkSheet, name: string, budget: TextBudget, borders: Set<number>): SheetRead {
  if (ws['!fullref']) throw sheetTooLarge(name); // more rows declared than `sheetRows` kept
  const read: SheetRead = { values: new Map(), merges: [], widths: [], defaultWidth: 8.43, heights: new Map(), borders };
  const rows = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
  if (rows.length > XLS_MAX_ROWS) throw sheetTooLarge(name);
  for (let r = 0; r < rows.length; r++) {
    const line = rows[r];
    if (!line) continue;
    if ((r & 255) === 0) checkDeadline();
    if (line.length > MAX_TABLE_COLUMNS) throw sheetTooLarge(name);
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (!cell) continue;
      const text = cellText(cell, budget);
      if (text === '') continue;
      let values = read.values.get(r);
      if (!values) read.values.set(r, (values = new Map()));
      values.set(c, text);
    }
  }
  const merges = ws['!merges'] ?? [];
  if (merges.length > MAX_MERGED_RANGES) throw sheetTooLarge(name);
  for (const m of merges) {
    const [top, bottom] = [Math.min(m.s.r, m.e.r), Math.max(m.s.r, m.e.r)];
    const [left, right] = [Math.min(m.s.c, m.e.c), Math.max(m.s.c, m.e.c)];
    if (top >= 0 && left >= 0) read.merges.push({ top, left, bottom, right });
  }
  const cols = ws['!cols'] ?? [];
  for (let c = 0; c < Math.min(cols.length, MAX_TABLE_COLUMNS); c++) {
    const info = cols[c];
    const width = info?.width ?? info?.wch;
    if (info && typeof width === 'number' && Number.isFinite(width) && width >= 0 && width < 256)
      read.widths.push({ min: c, max: c, width: info.hidden ? 0 : width });
  }
  const heights = ws['!rows'] ?? [];
  for (let r = 0; r < Math.min(heights.length, XLS_MAX_ROWS); r++) {
    const info = heights[r];
    if (!info) continue;
    if (info.hidden) read.heights.set(r, 0);
    else if (typeof info.hpt === 'number' && Number.isFinite(info.hpt) && info.hpt >= 0 && info.hpt < 1000) read.heights.set(r, info.hpt);
  }
  return read;
}

/** Reads an .xls workbook's visible sheets into the document model, and our embedded copy if it kept one. */
export function readXls(bytes: Uint8Array): Workbook {
  if (bytes.byteLength > MAX_XLS_BYTES) throw xlsTooLarge();
  // The sheet names alone first: SheetJS stops after the workbook's sheet list.
  const names = parse(bytes, { bookSheets: true }).SheetNames ?? [];
  if (names.length > MAX_XLSX_SHEETS) throw tooManySheets();
  checkDeadline();
  const book = parse(bytes, {
    dense: true,
    sheetRows: XLS_MAX_ROWS + 1,
    cellNF: true,
    cellText: false,
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    cellStyles: true, // column widths (ColInfo) are kept only with it
    bookVBA: false,
  });
  checkDeadline();
  if (book.SheetNames.length > MAX_XLSX_SHEETS) throw tooManySheets();
  const borders = xlsBorders(bytes);
  checkDeadline();
  const budget: TextBudget = { chars: 0 };
  const sections: DocSection[] = [];
  const embedded = new Map<string, string>();
  book.SheetNames.forEach((name, i) => {
    checkDeadline();
    const ws = book.Sheets[name];
    if (!ws) return;
    const read = sheetRead(ws, name, budget, borders.get(name) ?? new Set());
    if (name === EMBED_SHEET) {
      for (const line of read.values.values()) {
        const key = line.get(0);
        if (key !== undefined) embedded.set(key, line.get(1) ?? '');
      }
      return;
    }
    if (book.Workbook?.Sheets?.[i]?.Hidden) return;
    sections.push({ name, blocks: sheetBlocks(read, name) });
  });
  return { model: { format: 'xls', sections }, embedded };
}
