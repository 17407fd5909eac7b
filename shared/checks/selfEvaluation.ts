/**
 * Checks of a 自评 form (cycle.md §7), generic over the ids a template gives: a row below full
 * marks explains why; the 分值 of each 一级 adds up to its weight; 全年执行数 does not pass
 * 全年预算数 unless explained; and the consistency warning of the budget systems (results far
 * ahead of spending, or 结余 over 20 %). Exact: scores and amounts are compared as fractions.
 */
import { z } from 'zod';
import { compare, div, formatRounded, parseDecimal, sub, ZERO, add, type Rational } from '../compute/decimal';
import { rowsOf, str } from '../formOps';
import type { Message } from '../messages';
import { paramText } from './params';
import { defineCheck } from './types';

const severity = z.enum(['error', 'warning']).optional();
const weight = z.number().min(0).max(100_000);
const num = (s: string | undefined): Rational | null => parseDecimal((s ?? '').trim());
const show = (r: Rational): string => formatRounded(r, 2, 'halfUp');
const columns = (group: string, ...ids: (string | undefined)[]) => ids.filter((c): c is string => !!c).map((column) => ({ group, column }));

/** A row whose 得分 is below its 分值 needs its 偏差原因分析及改进措施. */
export const reasonBelowFull = defineCheck({
  name: 'reasonBelowFull',
  description: '得分低于分值的指标行要填写偏差原因分析及改进措施',
  params: z.object({ group: paramText(), points: paramText(), score: paramText(), reason: paramText(), severity }).strict(),
  refs: (p) => ({ columns: columns(p.group, p.points, p.score, p.reason) }),
  run({ form, template }, p) {
    const label = template.groups?.find((g) => g.id === p.group)?.columns.find((c) => c.id === p.reason)?.label ?? p.reason;
    return rowsOf(form.values, p.group).flatMap((r, i): Message[] => {
      const points = num(r[p.points]);
      const score = num(r[p.score]);
      if (!points || !score || compare(score, points) >= 0 || (r[p.reason] ?? '').trim() !== '') return [];
      return [
        {
          field: p.group,
          row: i,
          column: p.reason,
          severity: p.severity ?? 'warning',
          code: 'reasonBelowFull',
          message: `第${i + 1}行得分 ${show(score)} 低于分值 ${show(points)}，请填写${label}`,
        },
      ];
    });
  },
});

/**
 * The 分值 of the rows under each 一级 adds up to its weight (产出 50, 效益 30, 满意度 10), or, with
 * `total` alone, all rows to the indicator part's weight (Sichuan's 90). Rows 不适用 keep their 分值.
 */
export const pointsSum = defineCheck({
  name: 'pointsSum',
  description: '各一级指标下的分值之和应等于其权重（如产出 50、效益 30、满意度 10），或全部分值之和等于 total',
  params: z
    .object({
      group: paramText(),
      points: paramText(),
      level1: paramText().optional(),
      weights: z.record(paramText(), weight).optional(),
      total: weight.optional(),
      severity,
    })
    .strict()
    .refine((p) => (p.weights !== undefined && p.level1 !== undefined) || p.total !== undefined, {
      message: '要给出各一级指标的权重（level1 与 weights）或分值总和（total）',
    }),
  refs: (p) => ({ columns: columns(p.group, p.points, p.level1) }),
  run({ form }, p) {
    const rows = rowsOf(form.values, p.group);
    const sumOf = (pick: (r: Record<string, string>) => boolean) =>
      rows.filter(pick).reduce((a, r) => add(a, num(r[p.points]) ?? ZERO), ZERO);
    if (!rows.some((r) => num(r[p.points]) !== null)) return [];
    const out: Message[] = [];
    const say = (what: string, got: Rational, want: number) =>
      out.push({
        field: p.group,
        severity: p.severity ?? 'error',
        code: 'pointsSum',
        message: `${what}的分值合计为 ${show(got)}，应为 ${want} 分`,
      });
    for (const [level, w] of Object.entries(p.weights ?? {})) {
      const got = sumOf((r) => (r[p.level1!] ?? '').trim() === level);
      if (compare(got, parseDecimal(String(w))!) !== 0) say(level, got, w);
    }
    if (p.total !== undefined) {
      const got = sumOf(() => true);
      if (compare(got, parseDecimal(String(p.total))!) !== 0) say('绩效指标', got, p.total);
    }
    return out;
  },
});

/** 全年执行数 ≤ 全年预算数, unless the form explains it in `explanation`. */
export const spentWithinBudget = defineCheck({
  name: 'spentWithinBudget',
  description: '全年执行数不应超过全年预算数（超过时应在说明中写明原因）',
  params: z.object({ budget: paramText(), spent: paramText(), explanation: paramText().optional(), severity }).strict(),
  refs: (p) => ({ fields: [{ id: p.budget }, { id: p.spent }, ...(p.explanation ? [{ id: p.explanation }] : [])] }),
  run({ form, template }, p) {
    const budget = num(str(form.values[p.budget]));
    const spent = num(str(form.values[p.spent]));
    if (!budget || !spent || compare(spent, budget) <= 0) return [];
    if (p.explanation && str(form.values[p.explanation]).trim() !== '') return [];
    const label = (id: string) => template.fields.find((f) => f.id === id)?.label ?? id;
    const explain = p.explanation ? `，请在${label(p.explanation)}中说明原因` : '，请核对';
    return [
      {
        field: p.spent,
        severity: p.severity ?? 'warning',
        code: 'spentAboveBudget',
        message: `${label(p.spent)} ${str(form.values[p.spent])} 超过了${label(p.budget)} ${str(form.values[p.budget])}${explain}`,
      },
    ];
  },
});

/**
 * The budget systems' consistency warning (rules selfwarnproject / selfwarndept): with s = Σ rows'
 * 得分 (of `indicatorWeight`), b = the budget part's 得分 (of `budgetWeight`), A = 全年预算数, B =
 * 全年执行数 — none when s = 0; results ahead of spending when (s/90 − b/10) ÷ (s/90) > 0.05; else
 * 结余 over 20 % when A = 0 or (A − B) ÷ A > 0.2. Thresholds are parameters.
 */
export const selfScoreConsistency = defineCheck({
  name: 'selfScoreConsistency',
  description: '自评得分与预算执行的一致性：指标得分率明显高于预算执行得分率，或结余超过 20%，给出提醒',
  params: z
    .object({
      group: paramText(),
      score: paramText(),
      budgetScore: paramText(),
      budget: paramText(),
      spent: paramText(),
      indicatorWeight: weight.optional(),
      budgetWeight: weight.optional(),
      ahead: z.number().min(0).max(1).optional(),
      surplus: z.number().min(0).max(1).optional(),
    })
    .strict(),
  refs: (p) => ({ columns: columns(p.group, p.score), fields: [{ id: p.budgetScore }, { id: p.budget }, { id: p.spent }] }),
  run({ form }, p) {
    const s = rowsOf(form.values, p.group).reduce((a, r) => add(a, num(r[p.score]) ?? ZERO), ZERO);
    if (s.n === 0n) return [];
    const b = num(str(form.values[p.budgetScore])) ?? ZERO;
    const rate = (x: Rational, w: number) => div(x, parseDecimal(String(w))!)!;
    const sRate = rate(s, p.indicatorWeight ?? 90);
    const bRate = rate(b, p.budgetWeight ?? 10);
    const gap = div(sub(sRate, bRate), sRate)!;
    const pct = (r: Rational) => `${formatRounded({ n: r.n * 100n, d: r.d }, 1, 'halfUp')}%`;
    if (compare(gap, parseDecimal(String(p.ahead ?? 0.05))!) > 0)
      return [
        {
          field: p.budgetScore,
          severity: 'warning',
          code: 'selfScoreAhead',
          message: `指标得分率 ${pct(sRate)} 明显高于预算执行得分率 ${pct(bRate)}，绩效完成情况与资金使用不相称，请核对自评得分`,
        },
      ];
    const budget = num(str(form.values[p.budget])) ?? ZERO;
    const spent = num(str(form.values[p.spent])) ?? ZERO;
    const surplus = budget.n === 0n ? null : div(sub(budget, spent), budget)!;
    if (surplus === null || compare(surplus, parseDecimal(String(p.surplus ?? 0.2))!) > 0)
      return [
        {
          field: p.spent,
          severity: 'warning',
          code: 'largeSurplus',
          message:
            surplus === null
              ? '全年预算数为 0 或未填，无法判断资金使用情况，请核对'
              : `资金结余率 ${pct(surplus)} 超过 ${pct(parseDecimal(String(p.surplus ?? 0.2))!)}，请说明原因`,
        },
      ];
    return [];
  },
});
