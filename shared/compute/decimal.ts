/**
 * Exact arithmetic for computed cells: a value is a fraction of two bigints, so a quotient
 * (执行率 = 全年执行数 ÷ 全年预算数) stays exact until the one rounding the template states. Binary
 * floats never touch a computed value: 0.1 + 0.2 is 0.3 here, and 2.675 rounds half-up to 2.68.
 */
import { trimTrailingZeros } from '../text/trim';

/** n / d with d > 0, not necessarily reduced. */
export interface Rational {
  n: bigint;
  d: bigint;
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;
/** Longest text read as a number: a computed cell's inputs are amounts, scores and percentages. */
const MAX_CHARS = 40;

/**
 * A stored number (`1234.5`, `85`, `0.25`, a canonical amount or score): thousands separators and
 * full-width digits are allowed, as a value read from text may still hold them. null when blank
 * or not a plain decimal number.
 */
export function parseDecimal(text: string): Rational | null {
  if (text.length > MAX_CHARS) return null;
  const s = text.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s,]/g, '');
  const m = DECIMAL.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  const n = BigInt((m[2] || '0') + frac) * (m[1] === '-' ? -1n : 1n);
  return { n, d: 10n ** BigInt(frac.length) };
}

/** A template's constant (a number) as the exact decimal it is written as: 0.8 is 8/10, not a binary float. */
export const constantOfNumber = (x: number): Rational => parseDecimal(String(x)) ?? ZERO;

export const fromInt = (i: number | bigint): Rational => ({ n: BigInt(i), d: 1n });

export const add = (a: Rational, b: Rational): Rational => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const sub = (a: Rational, b: Rational): Rational => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
export const mul = (a: Rational, b: Rational): Rational => ({ n: a.n * b.n, d: a.d * b.d });

/** a ÷ b; null when b is zero. */
export function div(a: Rational, b: Rational): Rational | null {
  if (b.n === 0n) return null;
  const sign = b.n < 0n ? -1n : 1n;
  return { n: a.n * b.d * sign, d: a.d * b.n * sign };
}

/** -1, 0 or 1. */
export function compare(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);

export type RoundingMode = 'halfUp' | 'down';

/** The count of 10^-places nearest `r` by `mode` (half-up: away from zero at exactly half). */
export function roundToUnits(r: Rational, places: number, mode: RoundingMode): bigint {
  const scale = 10n ** BigInt(places);
  const neg = r.n < 0n;
  const num = (neg ? -r.n : r.n) * scale;
  let q = num / r.d;
  const rem = num % r.d;
  if (mode === 'halfUp' && rem * 2n >= r.d) q += 1n;
  return neg ? -q : q;
}

/** `r` rounded to `places` decimals, written without trailing zeros (`8.5`, `10`, `0.33`). */
export function formatRounded(r: Rational, places: number, mode: RoundingMode): string {
  const units = roundToUnits(r, places, mode);
  const neg = units < 0n;
  const abs = neg ? -units : units;
  const scale = 10n ** BigInt(places);
  const frac = places > 0 ? trimTrailingZeros((abs % scale).toString().padStart(places, '0')) : '';
  return (neg ? '-' : '') + (abs / scale).toString() + (frac ? '.' + frac : '');
}
