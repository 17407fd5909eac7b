/**
 * Exact money in 万元. 1 元 = 0.0001 万元, so four decimals keep whole-yuan precision.
 * Values travel as canonical decimal strings ("442.21", "49", "" for empty) and are
 * computed as bigint counts of 元 — binary floats never touch an amount.
 */

import { trimTrailingZeros } from './text/trim';

export const AMOUNT_DECIMALS = 4;
const SCALE = 10n ** BigInt(AMOUNT_DECIMALS);
/** Largest amount we accept: 一千亿万元 is far beyond any county budget; it guards typos. */
const MAX_UNITS = 10n ** 11n * SCALE;

/**
 * Longest text read as an amount. The largest amount (一千亿万元, four decimals, thousands
 * separators, 万元) fits in about 25 characters; anything longer is a typo or a hostile file,
 * and is refused before any parsing, so no amount can cost more than a few microseconds.
 */
export const MAX_AMOUNT_CHARS = 40;

export type AmountParse = { ok: true; value: string; units: bigint | null } | { ok: false; message: string };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B\u3000]/g;
/** What formatUnits writes for a non-negative amount: no leading or trailing zeros, at most four decimals. */
const CANONICAL = /^(0|[1-9]\d{0,15})(?:\.(\d{0,3}[1-9]))?$/;

function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => {
    if (c === '\u3000') return ' ';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/**
 * Reads what a user typed or a Word file printed: `1,234.5`, `４４２．２１`, `442.21万元`,
 * blank. Returns the canonical string (no thousands separators, no trailing zeros) or a
 * Chinese message saying what is wrong.
 */
export function parseAmountInput(raw: string): AmountParse {
  if ((raw ?? '').length > MAX_AMOUNT_CHARS) {
    return { ok: false, message: `金额太长（超过 ${MAX_AMOUNT_CHARS} 个字符），请检查是否多输入了数字、零或空格（单位：万元）` };
  }
  // Stored amounts are canonical already; reading them is most of what a check of many forms
  // (the 汇总 of a year) does with money, so they skip the normalising below.
  const c = typeof raw === 'string' ? CANONICAL.exec(raw) : null;
  if (c) {
    const units = BigInt(c[1]) * SCALE + BigInt((c[2] ?? '').padEnd(AMOUNT_DECIMALS, '0'));
    if (units <= MAX_UNITS) return { ok: true, value: raw, units };
  }
  let s = toHalfWidth(raw ?? '').trim();
  s = s.replace(/\s+/g, '');
  s = s.replace(/万元$/, '').replace(/万$/, '');
  if (s === '') return { ok: true, value: '', units: null };
  if (/^-/.test(s)) return { ok: false, message: '金额不能为负数' };
  if (s.startsWith('+')) s = s.slice(1);
  // Thousands separators only between digit groups of three before the decimal point; text with
  // words in it (854万854万(高标准农田建设400万元,…)) is not a comma problem, it is not a number.
  if (s.includes(',') && /^[\d,.]+$/.test(s)) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return { ok: false, message: '金额的千分位逗号位置不对' };
    s = s.replace(/,/g, '');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, message: '金额只能填写数字（单位：万元）' };
  const [intPart, fracRaw = ''] = s.split('.');
  const frac = trimTrailingZeros(fracRaw);
  if (frac.length > AMOUNT_DECIMALS) {
    return { ok: false, message: `金额最多保留${AMOUNT_DECIMALS}位小数（精确到元）` };
  }
  const units = BigInt(intPart || '0') * SCALE + BigInt((frac + '0000').slice(0, AMOUNT_DECIMALS));
  if (units > MAX_UNITS) return { ok: false, message: '金额过大，请确认单位是万元' };
  return { ok: true, value: formatUnits(units), units };
}

/** Canonical string of a count of 元 as 万元, with no trailing zeros. */
export function formatUnits(units: bigint): string {
  const neg = units < 0n;
  const abs = neg ? -units : units;
  const int = abs / SCALE;
  const frac = trimTrailingZeros((abs % SCALE).toString().padStart(AMOUNT_DECIMALS, '0'));
  return (neg ? '-' : '') + int.toString() + (frac ? '.' + frac : '');
}

/** Units of a canonical (or any acceptable) amount string; null when blank or invalid. */
export function amountUnits(value: string): bigint | null {
  const r = parseAmountInput(value);
  return r.ok ? r.units : null;
}

/** Exact sum; blanks count as zero. Returns '' only when every input is blank. */
export function sumAmounts(values: readonly string[]): string {
  let total = 0n;
  let any = false;
  for (const v of values) {
    const u = amountUnits(v);
    if (u !== null) {
      total += u;
      any = true;
    }
  }
  return any ? formatUnits(total) : '';
}

export function amountsEqual(a: string, b: string): boolean {
  return (amountUnits(a) ?? 0n) === (amountUnits(b) ?? 0n);
}

export interface AmountPrintOptions {
  /** 统一保留两位小数: pad to two decimals (never cut: 4-decimal amounts keep all four). */
  twoDecimals: boolean;
  /** 零值留空: print a zero amount as blank. */
  blankZero: boolean;
}

/** The printing rule: never fewer decimals than the value has. */
export function printAmount(value: string, opts: AmountPrintOptions): string {
  const units = amountUnits(value);
  if (units === null) return '';
  if (units === 0n && opts.blankZero) return '';
  const s = formatUnits(units);
  if (!opts.twoDecimals) return s;
  const [i, f = ''] = s.split('.');
  return `${i}.${f.padEnd(2, '0')}`;
}
