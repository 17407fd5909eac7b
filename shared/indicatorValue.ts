/**
 * A 指标值 as a clerk typed it (`≥95%`, `≧300人`, `不超过1000万元`, `2025年年底前`, `显著改善`),
 * read into a typed value that checks can use. Reading never changes what is stored: every
 * result carries `raw`, the input exactly as given; ≧/≦, full-width digits and the like are
 * normalised only for reading.
 *
 * Everything here is linear in the input. Text longer than MAX_READ_LENGTH (after trimming) is
 * not read at all — no real 指标值 is that long, and it keeps every regular expression below
 * on short input. The few regular expressions have no nested or unbounded backtracking.
 */
import { formatUnits, parseAmountInput } from './money';

export type Comparator = '≥' | '>' | '=' | '≤' | '<';

/** comparator + number + unit: `≥95%`, `= 11 个`, `280人次`, `2`, `不超过1000万元`. */
export interface QuantityValue {
  kind: 'quantity';
  /** null when none was typed (`280人次`). */
  comparator: Comparator | null;
  /** Canonical exact decimal, half-width, no thousands separators, no leading or trailing zeros: `1,000.50` → `1000.5`. */
  number: string;
  /** What follows the number, spaces removed, without a trailing 以上/以下/以内 (read into the comparator): `%`, `人次`, `元/人`, or ''. */
  unit: string;
  /** The unit is exactly a percent sign (％ or %). 个百分点 is not a percentage. */
  percent: boolean;
  raw: string;
}

/** A date or time phrase: `2025年年底前`, `2025年10月底前`, `按月安排`, `及时`, `当年`. */
export interface DateValue {
  kind: 'date';
  /** The first year named, or null (`按月安排`, `年底前`). */
  year: string | null;
  /** Every year named, in order of first appearance, without repeats: `2024-2026年` → ['2024', '2026']. */
  years: string[];
  raw: string;
}

/** Anything else that is not blank: `显著改善`, `应保尽保`, `无`; also text too long to read. */
export interface QualitativeValue {
  kind: 'qualitative';
  raw: string;
}

export interface EmptyValue {
  kind: 'empty';
  raw: string;
}

export type IndicatorValue = QuantityValue | DateValue | QualitativeValue | EmptyValue;

/** Longer (trimmed) text is returned as qualitative without being read. */
export const MAX_READ_LENGTH = 200;

export function readIndicatorValue(raw: string): IndicatorValue {
  const trimmed = raw.trim(); // native and linear, so safe before the length cap
  if (trimmed === '') return { kind: 'empty', raw };
  if (trimmed.length > MAX_READ_LENGTH) return { kind: 'qualitative', raw };
  const text = normaliseForReading(trimmed);
  const compact = withoutSpaces(text);

  const years = yearsInNormalised(text);
  if (years.length > 0 || MONTH_PHRASE.test(compact) || DAY_DEADLINE.test(compact)) {
    return { kind: 'date', year: years[0] ?? null, years, raw };
  }
  const quantity = readQuantity(text);
  if (quantity) return { kind: 'quantity', ...quantity, raw };
  if (DATE_WORDS.some((w) => compact.includes(w))) return { kind: 'date', year: null, years: [], raw };
  return { kind: 'qualitative', raw };
}

/**
 * A percentage target that cannot be met: above 100% with ≥, or 100% and above with >.
 * `≥100%` is allowed (it means 100%); a percentage without a comparator is not judged here.
 */
export function isPercentAbove100(v: IndicatorValue): boolean {
  if (v.kind !== 'quantity' || !v.percent) return false;
  const vs100 = compareDecimals(v.number, '100');
  if (v.comparator === '≥') return vs100 > 0;
  if (v.comparator === '>') return vs100 >= 0;
  return false;
}

/**
 * The amount as an exact 万元 decimal string when the unit is exactly 万元 or 元 (`≤1000万元` →
 * '1000', `50000元` → '5'). null for any other unit (元/人 is a rate, not an amount), and when
 * the amount needs more than four decimals in 万元 (fractions of a yuan) or is beyond what
 * money.ts accepts — so the result is always a valid amount for money.ts.
 */
export function amountInWanYuan(v: IndicatorValue): string | null {
  if (v.kind !== 'quantity') return null;
  let wan: string;
  if (v.unit === '万元') wan = v.number;
  else if (v.unit === '元' && !v.number.includes('.')) wan = formatUnits(BigInt(v.number));
  else return null;
  const parsed = parseAmountInput(wan);
  return parsed.ok && parsed.units !== null ? parsed.value : null;
}

/**
 * Four-digit years (1900–2099) the text names: followed by 年 (`2025年`), as a date
 * (`2025-12-31`, `2025/12`, `2025.12.31`), or as the start of a range whose end is a year
 * (`2024-2026年`, `2024至2026年`). A bare 2000 (`≥2000人次`) is not a year. In order of first
 * appearance, without repeats. Linear, with no length cap.
 */
export function yearsNamed(raw: string): string[] {
  return yearsInNormalised(normaliseForReading(raw));
}

// ---------------------------------------------------------------------------------------------
// Normalising for reading

const FULL_WIDTH_DIGIT = /[０-９]/g;
const FULL_WIDTH_TO_ASCII_OFFSET = 0xff10 - 0x30;

/** Characters read as another: full-width forms, the ≧/≦ variants, the ideographic space. */
const READ_AS: Readonly<Record<string, string>> = {
  '％': '%',
  '．': '.',
  '，': ',',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '≧': '≥',
  '≦': '≤',
  '⩾': '≥',
  '⩽': '≤',
  '／': '/',
  '－': '-',
  '\u3000': ' ',
};

/** A single-character class, so linear on any input. */
function halfWidthDigits(s: string): string {
  return s.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - FULL_WIDTH_TO_ASCII_OFFSET));
}

/** One character class of READ_AS's keys (single UTF-16 units, escaped as \\uXXXX), so replacing is linear. */
const READ_AS_PATTERN = new RegExp(`[${Object.keys(READ_AS).map(escapeForCharClass).join('')}]`, 'g');

function escapeForCharClass(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Linear, and cheap enough to run on uncapped text (yearsNamed does). */
function normaliseForReading(s: string): string {
  const out = halfWidthDigits(s).replace(READ_AS_PATTERN, (ch) => READ_AS[ch]);
  // Comparators typed as two ASCII characters.
  return out.split('>=').join('≥').split('<=').join('≤');
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

function withoutSpaces(s: string): string {
  let out = '';
  for (const ch of s) if (!isSpace(ch)) out += ch;
  return out;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpace(s[i])) i++;
  return i;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

// ---------------------------------------------------------------------------------------------
// Quantities

type Reading = Omit<QuantityValue, 'kind' | 'raw'>;

/** Comparator words before the number, longest first so 大于等于 wins over 大于. */
const LEADING_WORDS: readonly (readonly [string, Comparator])[] = sortLongestFirst([
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['大于等于', '≥'],
  ['大于或等于', '≥'],
  ['达到', '≥'],
  ['至少', '≥'],
  ['高于', '>'],
  ['超过', '>'],
  ['大于', '>'],
  ['多于', '>'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['小于等于', '≤'],
  ['小于或等于', '≤'],
  ['控制在', '≤'],
  ['至多', '≤'],
  ['最多', '≤'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['不足', '<'],
  ['等于', '='],
]);

/**
 * Comparator words after the unit. 以上、以下、以内 include the number itself in Chinese legal
 * usage (民法典第一千二百五十九条), so 95%以上 reads as ≥95%.
 */
const TRAILING_WORDS: readonly (readonly [string, Comparator])[] = sortLongestFirst([
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
  ['内', '≤'],
]);

const COMPARATOR_SYMBOLS: ReadonlySet<string> = new Set(['≥', '>', '=', '≤', '<']);

/** Characters a unit never has: digits and comparators (then it is not one quantity) and sentence punctuation. */
const NOT_IN_UNIT = new Set([...'0123456789≥>=≤<,;:!?()[]{}"\'，；。、：！？（）【】《》“”‘’']);
const MAX_UNIT_LENGTH = 10;

function sortLongestFirst<T extends readonly [string, Comparator]>(words: T[]): T[] {
  return [...words].sort((a, b) => b[0].length - a[0].length);
}

function readQuantity(text: string): Reading | null {
  let i = skipSpaces(text, 0);
  let leading: Comparator | null = null;
  if (COMPARATOR_SYMBOLS.has(text[i])) {
    leading = text[i] as Comparator;
    i++;
  } else {
    const word = LEADING_WORDS.find(([w]) => text.startsWith(w, i));
    if (word) {
      leading = word[1];
      i += word[0].length;
    }
  }
  const number = scanNumber(text, skipSpaces(text, i));
  if (!number) return null;

  let unit = withoutSpaces(text.slice(number.end));
  let trailing: Comparator | null = null;
  const word = TRAILING_WORDS.find(([w]) => unit.endsWith(w));
  if (word) {
    trailing = word[1];
    unit = unit.slice(0, unit.length - word[0].length);
  }
  if (!isPlausibleUnit(unit)) return null;
  // ≥100以内 says two different things: not a reading we can trust.
  if (leading && trailing && leading !== trailing) return null;
  return { comparator: leading ?? trailing, number: number.canonical, unit, percent: unit === '%' };
}

function isPlausibleUnit(unit: string): boolean {
  if (unit.length > MAX_UNIT_LENGTH) return false;
  for (const ch of unit) if (NOT_IN_UNIT.has(ch)) return false;
  return true;
}

interface ScannedNumber {
  canonical: string;
  end: number;
}

/** Digits with optional thousands separators (1,000) and decimals, read by hand rather than by a backtracking pattern. */
function scanNumber(s: string, start: number): ScannedNumber | null {
  let i = start;
  while (isDigit(s[i])) i++;
  if (i === start) return null;
  let intDigits = s.slice(start, i);
  if (s[i] === ',' && isDigit(s[i + 1])) {
    if (intDigits.length > 3) return null;
    while (s[i] === ',') {
      const group = s.slice(i + 1, i + 4);
      if (group.length !== 3 || ![...group].every(isDigit) || isDigit(s[i + 4])) return null;
      intDigits += group;
      i += 4;
    }
  }
  let fracDigits = '';
  if (s[i] === '.' && isDigit(s[i + 1])) {
    const fracStart = ++i;
    while (isDigit(s[i])) i++;
    fracDigits = s.slice(fracStart, i);
  }
  if (isDigit(s[i]) || s[i] === '.' || s[i] === ',') return null; // 1.2.3, 1,00: not one number
  return { canonical: canonicalDecimal(intDigits, fracDigits), end: i };
}

function canonicalDecimal(intDigits: string, fracDigits: string): string {
  let first = 0;
  while (first < intDigits.length - 1 && intDigits[first] === '0') first++;
  let last = fracDigits.length;
  while (last > 0 && fracDigits[last - 1] === '0') last--;
  const int = intDigits.slice(first);
  const frac = fracDigits.slice(0, last);
  return frac ? `${int}.${frac}` : int;
}

/** Compares two canonical decimals (as canonicalDecimal makes them). */
function compareDecimals(a: string, b: string): number {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const ap = af.padEnd(width, '0');
  const bp = bf.padEnd(width, '0');
  return ap === bp ? 0 : ap < bp ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** A month with what makes it a point in time: 10月底, 6月前, 3月份前, 12月31日. A bare 3月 may be a duration. */
const MONTH_PHRASE = /(?<![\d.])(?:1[0-2]|0?[1-9])月份?(?:底|末|初|中|上旬|中旬|下旬|前|以前|之前|\d{1,2}[日号])/;
/** A day deadline: 15日前, 20号之前. */
const DAY_DEADLINE = /(?<![\d.])\d{1,2}[日号](?:前|以前|之前)/;

/** Words that make a value a time or a schedule when it is not a quantity (so 2次/季度 stays a quantity). */
const DATE_WORDS: readonly string[] = [
  '年底',
  '年末',
  '年初',
  '年中',
  '年内',
  '年度内',
  '全年',
  '当年',
  '本年',
  '今年',
  '次年',
  '明年',
  '上半年',
  '下半年',
  '月底',
  '月末',
  '季度',
  '按月',
  '每月',
  '按季',
  '每季',
  '按年',
  '每年',
  '按周',
  '每周',
  '每日',
  '每天',
  '按日',
  '及时',
  '按时',
  '按期',
  '如期',
  '准时',
  '限期',
  '定期',
];

const YEAR_RANGE_SEPARATORS = new Set(['-', '—', '–', '~', '～', '至', '到']);

interface DigitRun {
  start: number;
  end: number;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Maximal runs of ASCII digits; char codes rather than one-character strings, since this also runs on uncapped text. */
function digitRuns(s: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isDigitCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < s.length && isDigitCode(s.charCodeAt(i))) i++;
    runs.push({ start, end: i });
  }
  return runs;
}

function looksLikeYear(s: string, run: DigitRun): boolean {
  return run.end - run.start === 4 && (s.startsWith('19', run.start) || s.startsWith('20', run.start));
}

function isMonthNumber(s: string, run: DigitRun | undefined, at: number): boolean {
  if (!run || run.start !== at || run.end - run.start > 2) return false;
  const month = Number(s.slice(run.start, run.end));
  return month >= 1 && month <= 12;
}

/** yearsNamed on text whose digits are already half-width. Decides right to left, so a range start can see whether its end is a year. */
function yearsInNormalised(s: string): string[] {
  const runs = digitRuns(s);
  const named: boolean[] = new Array(runs.length).fill(false);
  for (let r = runs.length - 1; r >= 0; r--) {
    if (!looksLikeYear(s, runs[r])) continue;
    const at = skipSpaces(s, runs[r].end);
    const next = runs[r + 1];
    const c = s[at];
    if (c === '年') named[r] = true;
    else if ((c === '-' || c === '/') && isMonthNumber(s, next, at + 1)) named[r] = true;
    else if (c === '.' && isMonthNumber(s, next, at + 1) && s[next.end] === '.') named[r] = true;
    else if (YEAR_RANGE_SEPARATORS.has(c) && next && next.start === skipSpaces(s, at + 1) && named[r + 1]) named[r] = true;
  }
  const years = new Set<string>(); // a Set keeps first-appearance order
  runs.forEach((run, r) => {
    if (named[r]) years.add(s.slice(run.start, run.end));
  });
  return [...years];
}
