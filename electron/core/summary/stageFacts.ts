/**
 * What the stage 汇总 keeps of one later-stage form, beside its FormFacts (facts.ts), read off the
 * form with its computed cells filled: for a 自评 its 总分, grade and 执行率 as the form itself
 * shows them, and the indicator rows below full marks with their 偏差原因; for a 监控 the lights of
 * its rows (the template's monitoring lights check, shared/checks/monitoringLights.ts), its worst
 * light, the spending light and the 执行率 beside the time elapsed. Exact: every figure is decimal
 * text, every ratio a fraction of bigints rounded half up once.
 */
import { formLights } from '../../../shared/checks/monitoringLights';
import { compare, div, formatRounded, fromInt, parseDecimal } from '../../../shared/compute/decimal';
import type { FormData } from '../../../shared/form';
import { rowsOf, str } from '../../../shared/formOps';
import type { Light } from '../../../shared/stage/lights';
import type { TemplateDef } from '../../../shared/template/schema';
import { stageColumns } from './stageKinds';

/** Rows below full marks kept per form, and characters of each reason: a list to read, not the form. */
export const BELOW_FULL_KEPT = 30;
export const REASON_CHARS = 300;

export interface BelowFull {
  name: string;
  score: string;
  points: string;
  reason: string;
}

export interface SelfEvaluationFacts {
  stage: 'selfEvaluation';
  /** As the form computes them; '' when it cannot yet (nothing scored). */
  score: string;
  grade: string;
  /** 执行率 in percent, '' when the budget is blank or 0. */
  rate: string;
  below: BelowFull[];
}

export type LightCounts = Record<Light, number>;

export interface MonitoringFacts {
  stage: 'monitoring';
  month: number;
  lights: LightCounts;
  worst: Light | null;
  spending: Light | null;
  /** 1-N月执行率 and the time elapsed (N ÷ 12), in percent; rate '' when the budget is blank or 0. */
  rate: string;
  elapsed: string;
}

export type StageFacts = SelfEvaluationFacts | MonitoringFacts;

const HUNDRED = fromInt(100);

/** a ÷ b × 100 rounded half up to 2 places; '' when either does not read or b is 0. */
export function percentOf(a: string, b: string): string {
  const x = parseDecimal(a.trim());
  const y = parseDecimal(b.trim());
  if (!x || !y) return '';
  const q = div({ n: x.n * HUNDRED.n, d: x.d }, y);
  return q ? formatRounded(q, 2, 'halfUp') : '';
}

export const emptyLights = (): LightCounts => ({ red: 0, yellow: 0, green: 0, blue: 0 });

/** `full`: the form with its computed cells filled (withComputed). */
export function stageFacts(full: FormData, t: TemplateDef): StageFacts | null {
  const c = stageColumns(t);
  if (!c) return null;
  if (c.stage === 'monitoring') {
    const l = formLights(t, full);
    if (!l) return null;
    const lights = emptyLights();
    for (const r of l.rows) if (r) lights[r.light]++;
    return {
      stage: 'monitoring',
      month: l.month,
      lights,
      worst: l.worst,
      spending: l.spending?.light ?? null,
      rate: l.spent === '' ? '' : percentOf(l.spent, l.budget),
      elapsed: l.month >= 1 && l.month <= 12 ? percentOf(String(l.month), '12') : '',
    };
  }
  const below: BelowFull[] = [];
  const r = c.reasons;
  if (r)
    for (const row of rowsOf(full.values, r.group)) {
      const points = parseDecimal((row[r.points] ?? '').trim());
      const score = parseDecimal((row[r.score] ?? '').trim());
      if (!points || !score || compare(score, points) >= 0) continue;
      if (below.length >= BELOW_FULL_KEPT) break;
      below.push({
        name: (row[r.name] ?? '').trim(),
        score: formatRounded(score, 2, 'halfUp'),
        points: formatRounded(points, 2, 'halfUp'),
        reason: (row[r.reason] ?? '').trim().slice(0, REASON_CHARS),
      });
    }
  return {
    stage: 'selfEvaluation',
    score: str(full.values[c.score]).trim(),
    grade: str(full.values[c.grade]).trim(),
    rate: c.rate ? str(full.values[c.rate]).trim() : '',
    below,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const LIGHTS: readonly Light[] = ['red', 'yellow', 'green', 'blue'];
const isLight = (v: unknown): v is Light | null => v === null || LIGHTS.includes(v as Light);

/** Stored stage facts as they were encoded (JSON), or undefined when they do not read as such. */
export function decodeStageFacts(v: unknown): StageFacts | null | undefined {
  if (v === null) return null;
  if (!isRecord(v)) return undefined;
  if (v.stage === 'selfEvaluation') {
    const below = v.below;
    if (!isText(v.score) || !isText(v.grade) || !isText(v.rate) || !Array.isArray(below)) return undefined;
    if (!below.every((b) => isRecord(b) && isText(b.name) && isText(b.score) && isText(b.points) && isText(b.reason))) return undefined;
    return v as unknown as SelfEvaluationFacts;
  }
  if (v.stage === 'monitoring') {
    const l = v.lights;
    if (!Number.isInteger(v.month) || !isRecord(l) || !LIGHTS.every((k) => Number.isInteger(l[k]))) return undefined;
    if (!isLight(v.worst) || !isLight(v.spending) || !isText(v.rate) || !isText(v.elapsed)) return undefined;
    return v as unknown as MonitoringFacts;
  }
  return undefined;
}
