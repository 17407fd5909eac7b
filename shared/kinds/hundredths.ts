/**
 * Exact decimals with at most two places, as the percent and score kinds hold them: counted in
 * hundredths as integers (never binary floats), with one spelling for storing and one for print.
 */
import type { KindDecl } from './types';

/** A reader of `wholeDigits` whole digits and at most two decimals: its hundredths, or null. */
export function hundredthsReader(wholeDigits: number): (s: string) => bigint | null {
  const re = new RegExp(`^(\\d{1,${wholeDigits}})(?:\\.(\\d{1,2}))?$`);
  return (s) => {
    const m = re.exec(s);
    return m ? BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0')) : null;
  };
}

/** 12.50 → 12.5, 007 → 7, 10.00 → 10: the one spelling stored. */
export function canonicalHundredths(h: bigint): string {
  const frac = (h % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return frac ? `${h / 100n}.${frac}` : `${h / 100n}`;
}

/** Always two places, as the forms print scores and percentages (`FM990.00`). */
export const printedHundredths = (h: bigint): string => `${h / 100n}.${(h % 100n).toString().padStart(2, '0')}`;

/** The template's `params.max`, where it gives one. */
export const maxParam = (d: KindDecl): number | undefined => (typeof d.params?.max === 'number' ? d.params.max : undefined);
