/** `date`: stored YYYY-MM-DD, printed YYYY年M月D日. */
import { z } from 'zod';
import { defineKind, halfDigits, keptAsTyped, str } from './types';

/** A blank date in a line of text, for writing in by hand. */
export const BLANK_DATE = '　　年　　月　　日';

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** 2019年11月26日, 2019-11-26, 2019.11.26, 2019/11/26, full-width digits too → 2019-11-26; null otherwise. */
export function parsePrintedDate(raw: string): string | null {
  const s = halfDigits(raw).replace(/\s+/g, '');
  const m = /^(\d{4})[年.．\-/](\d{1,2})[月.．\-/](\d{1,2})日?$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** 2019-11-26 → 2019年11月26日 (as printed); anything else is printed as typed. */
export function printDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export const dateKind = defineKind({
  name: 'date',
  title: '日期',
  description: '日期，打印为“2019年11月26日”',
  column: false,
  labelHint: { pattern: /日期|时间$/, weight: 4 },
  value: z.string(),
  maxLength: 40,
  lines: 'one',
  blankInLine: BLANK_DATE,
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read(text) {
    const s = text.trim();
    const bare = s.replace(/\s+/g, '');
    // A blank printed date is its 年 月 日.
    if (bare === '' || bare === '年月日') return { value: '' };
    const iso = parsePrintedDate(s);
    return iso ? { value: iso } : { value: s, problem: keptAsTyped('不是有效日期') };
  },
  print: (v) => printDate(str(v).trim()),
  asText: (v) => str(v),
  check: (s, _d, label) => (isValidIsoDate(s) ? null : { code: 'date', message: `${label}不是有效日期` }),
});
