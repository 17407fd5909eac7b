/** `year`: the budget year, four digits. */
import { z } from 'zod';
import { defineKind, halfDigits, keptAsTyped, str } from './types';

export const yearKind = defineKind({
  name: 'year',
  title: '年度',
  description: '年度，四位数字',
  column: false,
  labelHint: { pattern: /^(?:预算)?年度$|^年份$/, weight: 5 },
  value: z.string(),
  maxLength: 20,
  lines: 'one',
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read(text) {
    const s = halfDigits(text).replace(/\s+/g, '');
    const m = /^(\d{4})(?:年度?)?$/.exec(s);
    if (m) return { value: m[1] };
    if (s === '') return { value: '' };
    return { value: text.trim(), problem: keptAsTyped('不是四位年份') };
  },
  print: (v) => str(v),
  check: (s, _d, label) =>
    !/^\d{4}$/.test(s) || +s < 2000 || +s > 2099 ? { code: 'year', message: `${label}应为四位数字年份，如 2020` } : null,
});
