/**
 * `monitoringLights`: the 监控表's lights (shared/stage/lights.ts) — each indicator row's 执行情况
 * against its 年度指标值 and the months elapsed, and the spending against the budget — with the
 * bands as template data. A red or yellow light is a 提醒 on the row's 执行情况 (or on 执行数); every
 * light, green and blue included, is what the editor's strip counts (`formLights`).
 */
import { z } from 'zod';
import { rowsOf, str } from '../formOps';
import type { FormData } from '../form';
import type { Message } from '../messages';
import { sumAmounts } from '../money';
import {
  DEFAULT_BANDS,
  indicatorLight,
  LIGHT_NAMES,
  spendingLight,
  worstLight,
  type IndicatorLight,
  type Light,
  type LightBands,
} from '../stage/lights';
import type { TemplateDef } from '../template/schema';
import { paramList, paramText } from './params';
import { defineCheck } from './types';

const percent = z.number().min(0).max(1000);
const words = z.array(paramText()).max(20);

const paramsSchema = z
  .object({
    group: paramText(),
    /** 三级指标, 年度指标值 and 1-N月执行情况 columns. */
    name: paramText(),
    target: paramText(),
    actual: paramText(),
    /** The field holding the month (1–12). */
    month: paramText(),
    /** 1-N月执行数, and the budget it is measured against: `adjusted` (调整后预算数) when filled, else the sum of `budget`. */
    spent: paramText(),
    budget: paramList(),
    adjusted: paramText().optional(),
    bands: z
      .object({
        forward: z.tuple([percent, percent, percent]).optional(),
        spending: z.tuple([percent, percent]).optional(),
        qualitative: z.object({ green: words, yellow: words, red: words }).strict().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
type Params = z.infer<typeof paramsSchema>;

const bandsOf = (p: Params): LightBands => ({
  forward: p.bands?.forward ?? DEFAULT_BANDS.forward,
  spending: p.bands?.spending ?? DEFAULT_BANDS.spending,
  qualitative: p.bands?.qualitative ?? DEFAULT_BANDS.qualitative,
});

export interface FormLights {
  /** Per row of the group, its light (null: none, e.g. a date target or nothing written yet). */
  rows: (IndicatorLight | null)[];
  spending: IndicatorLight | null;
  /** The project's 目标预警: the worst light of all. */
  worst: Light | null;
  month: number;
  /** The 执行数 and the budget the spending light measured it against (the 汇总 shows their 执行率). */
  spent: string;
  budget: string;
}

function compute(form: FormData, p: Params): FormLights {
  const month = Number(str(form.values[p.month]).trim());
  const m = Number.isInteger(month) ? month : 0;
  const bands = bandsOf(p);
  const rows = rowsOf(form.values, p.group).map((r) => indicatorLight(r[p.target] ?? '', r[p.actual] ?? '', m, bands));
  const adjusted = p.adjusted ? str(form.values[p.adjusted]).trim() : '';
  // 调整后预算数 when the clerk filled it (a computed total of blank rows reads 0), else 年初预算数 + 追加预算数.
  const budget = adjusted !== '' && Number(adjusted) !== 0 ? adjusted : sumAmounts(p.budget.map((id) => str(form.values[id])));
  const spent = str(form.values[p.spent]).trim();
  const spending = spent === '' ? null : spendingLight(spent, budget, m, bands);
  return { rows, spending, month: m, worst: worstLight([...rows.map((r) => r?.light), spending?.light]), spent, budget };
}

export const monitoringLights = defineCheck({
  name: 'monitoringLights',
  description: '监控表的预警信号灯：各指标执行情况与全年目标按时间进度比较，资金执行率与时间进度比较（红、黄、绿、蓝）',
  params: paramsSchema,
  refs: (p) => ({
    fields: [p.month, p.spent, ...p.budget, ...(p.adjusted ? [p.adjusted] : [])].map((id) => ({ id })),
    columns: [p.name, p.target, p.actual].map((column) => ({ group: p.group, column })),
  }),
  run({ form }, p) {
    const lights = compute(form, p);
    const out: Message[] = [];
    const rows = rowsOf(form.values, p.group);
    lights.rows.forEach((l, i) => {
      if (!l || (l.light !== 'red' && l.light !== 'yellow')) return;
      const name = (rows[i][p.name] ?? '').trim() || `第${i + 1}行`;
      out.push({
        field: p.group,
        row: i,
        column: p.actual,
        severity: 'warning',
        code: `light.${l.light}`,
        message: `${LIGHT_NAMES[l.light]}：「${name}」1-${lights.month}月执行情况${l.why}，请分析偏差原因`,
      });
    });
    const s = lights.spending;
    if (s && (s.light === 'red' || s.light === 'yellow'))
      out.push({
        field: p.spent,
        severity: 'warning',
        code: `light.${s.light}`,
        message: `${LIGHT_NAMES[s.light]}：资金${s.why}，低于时间进度`,
      });
    return out;
  },
});

/** Every light of a form whose template asks for this check; null when it does not. */
export function formLights(t: TemplateDef, form: FormData): FormLights | null {
  const rule = t.rules.find((r) => r.type === 'check' && r.check === monitoringLights.name);
  if (!rule || rule.type !== 'check') return null;
  const p = paramsSchema.safeParse(rule.params ?? {});
  return p.success ? compute(form, p.data) : null;
}
