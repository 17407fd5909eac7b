/**
 * `comparator`: 指标性质, how an indicator's 指标值 is compared (Sichuan's 自评 grid and the newer
 * declaration layouts): ≥ ≤ = ＞ ＜, or 定性 for a qualitative one. What clerks write for the same
 * thing (>=, ≧, 大于等于, 不低于 …) reads as the one sign.
 */
import { z } from 'zod';
import { joinWrapped } from '../text/trim';
import { defineKind, halfWidth, keptAsTyped, str } from './types';

export const COMPARATORS = ['≥', '≤', '=', '＞', '＜', '定性'] as const;

/** Spellings of each sign, compared after full-width signs are made ASCII and spaces removed. */
const SPELLINGS: [string, readonly string[]][] = [
  ['≥', ['≥', '>=', '≧', '=>', '大于等于', '大于或等于', '不低于', '不少于', '不小于', '正向']],
  ['≤', ['≤', '<=', '≦', '=<', '小于等于', '小于或等于', '不高于', '不超过', '不多于', '不大于', '反向']],
  ['=', ['=', '==', '等于']],
  ['＞', ['>', '大于', '高于', '多于']],
  ['＜', ['<', '小于', '低于', '少于']],
  ['定性', ['定性', '定性指标']],
];
const BY_SPELLING = new Map(SPELLINGS.flatMap(([sign, all]) => all.map((s) => [s, sign] as const)));

export const comparatorKind = defineKind({
  name: 'comparator',
  title: '指标性质',
  description: '指标性质：≥、≤、=、＞、＜ 或 定性',
  column: true,
  labelHint: { pattern: /指标性质|计算符号|^符号$|运算符号/, weight: 6, columnsOnly: true },
  fixedOptions: COMPARATORS,
  value: z.union([z.enum(COMPARATORS), z.literal('')]),
  maxLength: 20,
  lines: 'one',
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read(text) {
    const s = joinWrapped(text.trim());
    if (s === '') return { value: '' };
    const sign = BY_SPELLING.get(halfWidth(s).replace(/\s+/g, ''));
    return sign ? { value: sign } : { value: s, problem: keptAsTyped('不是指标性质（≥、≤、=、＞、＜ 或 定性）') };
  },
  print: (v) => str(v),
  check: (s, _d, label) =>
    (COMPARATORS as readonly string[]).includes(s) ? null : { code: 'comparator', message: `${label}应为 ≥、≤、=、＞、＜ 或 定性` },
  requiredMessage: (label) => `请选择${label}`,
});
