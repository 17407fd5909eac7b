/**
 * Which later stage a template's forms are for the 汇总, and where their figures are, read off the
 * template's data — never its id: a stage template (it `follows` a declaration role) whose fields
 * compute a grade (`grade`) and a total score (`scoreTotal`) is a 自评; one that asks for the
 * monitoring lights check is a 监控. The 自评's 执行率 is the computed quotient of the fields its
 * budget checks compare (spent ÷ budget), its reasons the columns of its `reasonBelowFull` check.
 */
import type { SummaryStage } from '../../../shared/contract';
import { monitoringLights } from '../../../shared/checks/monitoringLights';
import type { TemplateDef } from '../../../shared/template/schema';

export interface SelfEvaluationColumns {
  stage: 'selfEvaluation';
  score: string;
  grade: string;
  /** The computed 执行率 field, if the template has one. */
  rate?: string;
  /** Rows below full marks and their 偏差原因: the group and its columns. */
  reasons?: { group: string; name: string; points: string; score: string; reason: string };
}

export interface MonitoringColumns {
  stage: 'monitoring';
}

export type StageColumns = SelfEvaluationColumns | MonitoringColumns;

const cache = new WeakMap<TemplateDef, StageColumns | null>();

const computedBy = (t: TemplateDef, formula: string) => t.fields.find((f) => f.compute && formula in f.compute);

const checkParams = (t: TemplateDef, name: string): Record<string, unknown> | undefined => {
  const r = t.rules.find((x) => x.type === 'check' && x.check === name);
  return r && r.type === 'check' ? ((r.params ?? {}) as Record<string, unknown>) : undefined;
};

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function selfColumns(t: TemplateDef): SelfEvaluationColumns | null {
  const score = computedBy(t, 'scoreTotal');
  const grade = computedBy(t, 'grade');
  if (!score || !grade) return null;
  const budget = checkParams(t, 'spentWithinBudget') ?? checkParams(t, 'selfScoreConsistency');
  const rate = t.fields.find((f) => {
    const q = f.compute?.quotient as { a?: unknown; b?: unknown } | undefined;
    return q !== undefined && (!budget || (q.a === budget.spent && q.b === budget.budget));
  });
  const r = checkParams(t, 'reasonBelowFull');
  const group = text(r?.group);
  const g = group ? t.groups?.find((x) => x.id === group) : undefined;
  const name = g?.indicators?.[0]?.name ?? t.summary?.indicators?.name;
  const reasons =
    g && name && text(r?.points) && text(r?.score) && text(r?.reason)
      ? { group: g.id, name, points: text(r!.points)!, score: text(r!.score)!, reason: text(r!.reason)! }
      : undefined;
  return { stage: 'selfEvaluation', score: score.id, grade: grade.id, ...(rate ? { rate: rate.id } : {}), ...(reasons ? { reasons } : {}) };
}

/** What the stage 汇总 reads of `t`'s forms; null when `t` is no later stage it summarises. */
export function stageColumns(t: TemplateDef): StageColumns | null {
  if (cache.has(t)) return cache.get(t)!;
  let c: StageColumns | null = null;
  if (t.follows !== undefined) {
    if (checkParams(t, monitoringLights.name)) c = { stage: 'monitoring' };
    else c = selfColumns(t);
  }
  cache.set(t, c);
  return c;
}

export const stageOf = (t: TemplateDef | undefined): SummaryStage | null => (t ? (stageColumns(t)?.stage ?? null) : null);
