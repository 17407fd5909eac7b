/**
 * `percent`: a percentage (执行率, 完成率), exact — stored as the canonical decimal of the
 * percentage (`85.5` is 85.5 %), typed or computed (a quotient with `percent: true`), at most two
 * decimal places, printed with two places and a percent sign (`85.50%`). Read from `85.5%`,
 * `８５．５％` or `85.5`. An 执行率 may pass 100 %; `params.max` caps it where the template says so.
 */
import { z } from 'zod';
import { canonicalHundredths, hundredthsReader, maxParam, printedHundredths } from './hundredths';
import { defineKind, halfWidth, keptAsTyped, str } from './types';

/** Hundredths of a percent as an exact integer; null when it is not a percentage. */
export const percentHundredths = hundredthsReader(9);

export const percentKind = defineKind({
  name: 'percent',
  title: '百分比',
  description: '百分比（如执行率）：精确，最多两位小数，打印为 85.50%；可由公式计算',
  column: true,
  declaration: z.object({
    params: z
      .object({ max: z.number({ error: '的上限（params.max）应为数字' }).min(0, '的上限（params.max）不能小于 0').max(1_000_000) })
      .partial()
      .optional(),
  }),
  value: z.string().regex(/^(\d{1,9}(\.\d{1,2})?)?$/),
  maxLength: 20,
  lines: 'one',
  readWhileTyping: true,
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read(text) {
    const s = halfWidth(text)
      .replace(/．/g, '.')
      .replace(/[\s,%]/g, '');
    if (s === '') return { value: '' };
    const h = percentHundredths(s);
    return h !== null
      ? { value: canonicalHundredths(h) }
      : { value: text.trim(), problem: keptAsTyped('不是百分数（如 85.5%，最多两位小数）') };
  },
  print(v) {
    const h = percentHundredths(str(v).trim());
    if (h === null) return str(v);
    return `${printedHundredths(h)}%`;
  },
  excelNumber(v) {
    // 85.33 % is the number 0.8533 shown 0.00%: the decimal point moved in the text, never a float multiplied.
    const h = percentHundredths(str(v).trim());
    if (h === null) return null;
    const digits = h.toString().padStart(5, '0');
    const frac = digits.slice(-4).replace(/0+$/, '');
    const whole = digits.slice(0, -4);
    return { exact: frac ? `${whole}.${frac}` : whole, format: '0.00%' };
  },
  check(s, d, label) {
    const h = percentHundredths(s);
    if (h === null) return { code: 'percent', message: `${label}应为最多两位小数的百分数，如 85.5%` };
    const max = maxParam(d);
    if (max !== undefined && h > BigInt(Math.round(max * 100))) return { code: 'percent', message: `${label}不能超过 ${max}%` };
    return null;
  },
});
