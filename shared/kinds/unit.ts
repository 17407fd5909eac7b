/**
 * `unit`: 度量单位 of an indicator (Sichuan's 自评 grid, the newer declaration layouts): a short
 * name such as 个, 人次, %, 万元, km². Full-width letters and signs read as ASCII, so ｋｍ and ％
 * are km and %.
 */
import { z } from 'zod';
import { joinWrapped } from '../text/trim';
import { defineKind, halfWidth, str } from './types';

const MAX_UNIT = 20;

export const unitKind = defineKind({
  name: 'unit',
  title: '度量单位',
  description: '度量单位，如 个、人次、%、万元',
  column: true,
  labelHint: { pattern: /度量单位|计量单位|^单位$|单位（文字描述）/, weight: 6, columnsOnly: true },
  value: z.string(),
  maxLength: MAX_UNIT,
  lines: 'one',
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read: (text) => ({ value: halfWidth(joinWrapped(text.trim())).replace(/\s+/g, '') }),
  print: (v) => str(v),
  // A unit is a name: a number in it is a 指标值 written in the wrong column.
  check: (s, _d, label) =>
    /^\d+(\.\d+)?$/.test(s) ? { code: 'unit', message: `${label}「${s}」是数字，度量单位应写单位名称，如 个、人次、%` } : null,
});
