/**
 * The 自评 scoring formulas (cycle.md §7), as data a template states: an indicator row's 得分 by
 * the ratio method (正向 min(实际 ÷ 目标, 1) × 分值; 反向 full when 实际 ≤ 目标, else 目标 ÷ 实际 × 分值)
 * or the band method (the clerk's score within the band of 分值 the completion ratio falls in),
 * 定性 rows scored by the clerk within 分值, 不适用 rows left out and the rest rescaled; 总分; the
 * grade. A province's weights, reverse signs, bands and grades are parameters, never code.
 * 年度指标值 and 实际完成值 are read by the one 指标值 reader (shared/indicatorValue.ts).
 */
import { z } from 'zod';
import { readIndicatorValue } from '../indicatorValue';
import { add, compare, constantOfNumber, div, min, mul, ONE, parseDecimal, sub, ZERO, type Rational } from './decimal';
import { constantSchema, operandRefs, operandSchema, operandValue } from './operand';
import { defineFormula, type ComputeEnv, type TypedRange } from './types';

const ident = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
const words = z.array(z.string().min(1).max(20)).min(1).max(20);
const ratio = z.number().min(0).max(10);

export const DEFAULT_REVERSE = ['≤', '≦', '<', '＜'];
export const DEFAULT_QUALITATIVE = ['定性'];
export const DEFAULT_NOT_APPLICABLE = ['不适用'];
/** 区间法: 80–100 % of 分值 (80 % included), 60–80 %, under 60 %. */
export const DEFAULT_BANDS: [number, number][] = [
  [0.8, 1],
  [0.6, 0.8],
  [0, 0.6],
];

const isNotApplicable = (text: string, marks: readonly string[]) => marks.includes(text.trim());

/** A number a reader gave (the 指标值 reader's canonical decimal). */
const numberOf = (text: string): Rational | null => {
  const v = readIndicatorValue(text);
  return v.kind === 'quantity' ? parseDecimal(v.number) : null;
};

const typed = (lo: Rational, hi: Rational, why: string): TypedRange => ({ typed: true, min: lo, max: hi, why });

export const indicatorScoreParams = z
  .object({
    /** 年度指标值, 实际完成值 and 分值 columns of the row. */
    target: ident,
    actual: ident,
    points: ident,
    /** A 指标性质 column (≥ ≤ = ＞ ＜ 定性), when the grid has one; else the sign written in 年度指标值 decides. */
    comparator: ident.optional(),
    /** ratio (比例法, default) or band (区间法). */
    method: z.enum(['ratio', 'band']).optional(),
    /** Signs that make an indicator 反向 (smaller is better). */
    reverse: words.optional(),
    /** 指标性质 values that make a row 定性 (scored by the clerk). */
    qualitative: words.optional(),
    /** The bands of 区间法 as [from, to] shares of 分值, highest first. */
    bands: z
      .array(z.tuple([ratio, ratio]))
      .min(1)
      .max(10)
      .optional(),
    /** What 实际完成值 says for a row that is not assessed. */
    notApplicable: words.optional(),
  })
  .strict();
export type IndicatorScoreParams = z.infer<typeof indicatorScoreParams>;

/** How far the row's target is reached, capped at 1: 正向 实际 ÷ 目标; 反向 1 when 实际 ≤ 目标, else 目标 ÷ 实际. */
export function completion(target: Rational, actual: Rational, reverse: boolean): Rational {
  if (reverse) {
    if (compare(actual, target) <= 0) return ONE;
    return div(target, actual) ?? ZERO;
  }
  if (target.n === 0n) return ONE;
  const q = div(actual, target)!;
  return compare(q, ZERO) < 0 ? ZERO : min(q, ONE);
}

/** One indicator row's 得分 (a group column's formula). */
export const indicatorScoreFormula = defineFormula({
  name: 'indicatorScore',
  description:
    '绩效指标一行的得分：比例法（正向 min(实际÷目标,1)×分值，反向 实际≤目标 得满分否则 目标÷实际×分值）或区间法；定性指标由填报人在分值内打分；不适用不计分',
  params: indicatorScoreParams,
  scopes: ['row'],
  refs: (p) => ({ columns: [p.target, p.actual, p.points, ...(p.comparator ? [p.comparator] : [])] }),
  evaluate(p, env) {
    const row = env.row ?? {};
    const points = parseDecimal((row[p.points] ?? '').trim());
    if (points === null) return null;
    const actualText = row[p.actual] ?? '';
    if (isNotApplicable(actualText, p.notApplicable ?? DEFAULT_NOT_APPLICABLE)) return null;
    const sign = p.comparator ? (row[p.comparator] ?? '').trim() : '';
    const target = readIndicatorValue(row[p.target] ?? '');
    if ((p.qualitative ?? DEFAULT_QUALITATIVE).includes(sign) || (target.kind !== 'quantity' && target.kind !== 'empty'))
      return typed(ZERO, points, '定性指标由填报人在分值内打分');
    if (target.kind !== 'quantity') return null;
    if (actualText.trim() === '') return null;
    const actual = numberOf(actualText);
    if (actual === null) return typed(ZERO, points, '实际完成值不是数字，由填报人在分值内打分');
    const reverseSigns = p.reverse ?? DEFAULT_REVERSE;
    const reverse = sign !== '' ? reverseSigns.includes(sign) : target.comparator !== null && reverseSigns.includes(target.comparator);
    const done = completion(parseDecimal(target.number)!, actual, reverse);
    if ((p.method ?? 'ratio') === 'ratio') return mul(done, points);
    const bands = p.bands ?? DEFAULT_BANDS;
    const band = bands.find(([from]) => compare(done, constantOfNumber(from)) >= 0) ?? bands[bands.length - 1];
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    return typed(
      mul(constantOfNumber(band[0]), points),
      mul(constantOfNumber(band[1]), points),
      `完成程度落在分值的 ${pct(band[0])}–${pct(band[1])} 档（区间法），由填报人在此档内打分`,
    );
  },
});

/** Σ of the parts and the rows' 得分, rescaled to `rescaleTo` over the 分值 of the rows assessed. */
export const scoreTotalFormula = defineFormula({
  name: 'scoreTotal',
  description: '总分：各部分得分与各行得分之和；给出 rescaleTo 时，不适用行的分值不计，其余按比例折算到 rescaleTo 分',
  params: z
    .object({
      parts: z.array(operandSchema).max(10).optional(),
      group: ident,
      score: ident,
      points: ident.optional(),
      actual: ident.optional(),
      notApplicable: words.optional(),
      rescaleTo: constantSchema.optional(),
    })
    .strict(),
  scopes: ['field'],
  refs: (p, scope) => {
    const own = operandRefs(p.parts ?? [], scope);
    const cols = [p.score, p.points, p.actual].filter((c): c is string => !!c).map((column) => ({ group: p.group, column }));
    return { ...own, groupColumns: [...(own.groupColumns ?? []), ...cols] };
  },
  evaluate(p, env: ComputeEnv) {
    let total = ZERO;
    let any = false;
    const take = (v: Rational | null) => {
      if (v === null) return;
      total = add(total, v);
      any = true;
    };
    for (const o of p.parts ?? []) take(operandValue(o, env));
    let left = ZERO;
    const marks = p.notApplicable ?? DEFAULT_NOT_APPLICABLE;
    for (const r of env.rows(p.group)) {
      take(parseDecimal((r[p.score] ?? '').trim()));
      if (p.points && p.actual && isNotApplicable(r[p.actual] ?? '', marks))
        left = add(left, parseDecimal((r[p.points] ?? '').trim()) ?? ZERO);
    }
    if (!any) return null;
    if (p.rescaleTo === undefined || left.n === 0n) return total;
    const full = parseDecimal(String(p.rescaleTo))!;
    const assessed = sub(full, left);
    return compare(assessed, ZERO) <= 0 ? null : mul(total, div(full, assessed)!);
  },
});

/** The grade of a score: the first [threshold, name] the score reaches (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差). */
export const gradeFormula = defineFormula({
  name: 'grade',
  description: '评价等级：分数达到的第一档（默认 优 ≥ 90、良 ≥ 80、中 ≥ 60、其余为 差）',
  params: z
    .object({
      score: operandSchema,
      grades: z
        .array(z.tuple([z.number().min(0).max(100_000), z.string().min(1).max(20)]))
        .min(1)
        .max(10)
        .optional(),
    })
    .strict(),
  scopes: ['field', 'row'],
  text: true,
  refs: (p, scope) => operandRefs([p.score], scope),
  evaluate(p, env) {
    const s = operandValue(p.score, env);
    if (s === null) return null;
    const grades = p.grades ?? DEFAULT_GRADES;
    const hit = grades.find(([from]) => compare(s, constantOfNumber(from)) >= 0);
    return hit ? { text: hit[1] } : null;
  },
});

export const DEFAULT_GRADES: [number, string][] = [
  [90, '优'],
  [80, '良'],
  [60, '中'],
  [0, '差'],
];
