/**
 * `score`: 分值, 权重 and 得分 of the 自评 forms — a non-negative decimal with at most two places,
 * at most the template's `params.max` (a row's 分值, a block's 10 or 90 分). Exact: compared in
 * hundredths as integers, never as binary floats. Printed with two places, as the vendors' forms
 * print scores (`FM990.00`).
 */
import { z } from 'zod';
import { canonicalHundredths, hundredthsReader, maxParam, printedHundredths } from './hundredths';
import { defineKind, halfDigits, keptAsTyped, str } from './types';

/** Hundredths of a score as an exact integer; null when it is not a score. */
export const scoreHundredths = hundredthsReader(6);

export const scoreKind = defineKind({
  name: 'score',
  title: '分值',
  description: '分值或得分：不小于 0，最多两位小数，不超过表样给出的最高分（params.max）',
  column: true,
  labelHint: { pattern: /分值|权重/, weight: 6, columnsOnly: true },
  declaration: z.object({
    params: z
      .object({
        max: z
          .number({ error: '的最高分（params.max）应为数字' })
          .min(0, '的最高分（params.max）不能小于 0')
          .max(100_000, '的最高分（params.max）过大')
          .refine((n) => scoreHundredths(String(n)) !== null, '的最高分（params.max）最多两位小数'),
      })
      .partial()
      .optional(),
  }),
  value: z.string().regex(/^(\d{1,6}(\.\d{1,2})?)?$/),
  maxLength: 20,
  lines: 'one',
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read(text) {
    const s = halfDigits(text).replace(/．/g, '.').replace(/\s+/g, '').replace(/分$/, '');
    if (s === '') return { value: '' };
    const h = scoreHundredths(s);
    return h !== null
      ? { value: canonicalHundredths(h) }
      : { value: text.trim(), problem: keptAsTyped('不是分数（不小于 0，最多两位小数）') };
  },
  print(v) {
    const h = scoreHundredths(str(v).trim());
    if (h === null) return str(v);
    return printedHundredths(h);
  },
  excelNumber(v) {
    const h = scoreHundredths(str(v).trim());
    return h === null ? null : { exact: canonicalHundredths(h), format: '0.00' };
  },
  check(s, d, label) {
    const h = scoreHundredths(s);
    if (h === null) return { code: 'score', message: `${label}应为不小于 0、最多两位小数的分数，如 8.5` };
    const max = maxParam(d);
    if (max !== undefined && h > scoreHundredths(String(max))!) return { code: 'score', message: `${label}不能超过 ${max} 分` };
    return null;
  },
});
