/**
 * Cells as finance staff expect them in Excel or WPS 表格: amounts as numbers showing two to four
 * decimals, widths that fit Chinese text, sheet names Excel accepts.
 */
import type { CellValue } from 'exceljs';
import { AMOUNT_DECIMALS } from '../../../shared/money';
import { xmlSafe } from '../../../shared/text/xmlChars';

/**
 * A row's values as a workbook may hold them: text through the one XML-text sanitiser (exceljs
 * writes U+FFFE as it is, and Excel then cannot open the file), numbers and blanks as they are.
 * Every cell any of our workbooks writes goes through here or textCell.
 */
export function safeCells<T>(cells: readonly T[]): T[] {
  return cells.map((c) => (typeof c === 'string' ? (xmlSafe(c) as T) : c));
}

/** One text cell's value, made writable. */
export const textCell = (s: string): string => xmlSafe(s);

/**
 * exceljs, loaded when a workbook is first written: loading it takes ~0.3 s, which every start of
 * the app and every command of the command line would pay otherwise.
 */
export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  const mod = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') };
  return mod.default ?? mod;
}

/** 1,234.5 shows as 1,234.50 and 0.0003 as 0.0003: never fewer decimals than the value has, never more than 4. */
export const AMOUNT_FORMAT = `#,##0.00${'#'.repeat(AMOUNT_DECIMALS - 2)}`;

/**
 * An exact amount (canonical decimal string, 万元) as a cell value. A spreadsheet number is a
 * binary double, and the file stores the number's shortest decimal text (what String(n) gives),
 * so a number cell is written only when that text is exactly the amount: then Excel, WPS and
 * LibreOffice read back the very decimal we summed with bigint. Every amount the app accepts
 * has at most 15 significant digits and passes; a total beyond that (over 10^11 万元 with
 * decimals) would not, and is written as text, which keeps every digit at the price of not
 * adding up in the spreadsheet: a wrong number would be worse than a number shown as text.
 * Blank stays blank.
 */
export function amountValue(exact: string): CellValue {
  if (exact === '') return null;
  const n = Number(exact);
  return String(n) === exact ? n : exact;
}

/** Columns a text takes in Excel's width unit: a CJK or full-width character about two, others one. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

/** A column width for these texts (their longest line), with room for padding, within [min, max]. */
export function fitWidth(texts: Iterable<string>, min: number, max: number): number {
  let w = min - 2;
  for (const t of texts) for (const line of t.split('\n')) w = Math.max(w, displayWidth(line));
  return Math.min(max, w + 2);
}

/** A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\, unique among `taken`. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    xmlSafe(wanted)
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || '表';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}
