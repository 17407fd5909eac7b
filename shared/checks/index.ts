/** The built-in checks a template may name (`{ type: 'check', check: name, params }`). */
import { costWithinTotal, levelsFilled, percentAtMost100, quantitativeIsNumber, yearInDeadline } from './indicatorGrid';
import { sameAsLastYear, unchangedWhileMoneyChanged } from './lastYear';
import { targetCopiedDespiteActual } from './lastYearActual';
import { monitoringLights } from './monitoringLights';
import { fixedRowsKept } from './fixedRows';
import { QUALITY_CHECKS } from './quality';
import { scoresSum } from './scores';
import { outputCostAmounts, outputQuantityNumbers, outputTimelinessYear } from './outputText';
import { pointsSum, reasonBelowFull, selfScoreConsistency, spentWithinBudget } from './selfEvaluation';
import type { BuiltinCheck } from './types';

export type { BuiltinCheck, CheckContext, CheckRefs } from './types';

export const BUILTIN_CHECKS: readonly BuiltinCheck<never>[] = [
  outputCostAmounts,
  outputTimelinessYear,
  outputQuantityNumbers,
  levelsFilled,
  costWithinTotal,
  yearInDeadline,
  percentAtMost100,
  quantitativeIsNumber,
  sameAsLastYear,
  unchangedWhileMoneyChanged,
  targetCopiedDespiteActual,
  reasonBelowFull,
  pointsSum,
  spentWithinBudget,
  selfScoreConsistency,
  monitoringLights,
  scoresSum,
  fixedRowsKept,
  ...QUALITY_CHECKS,
] as never;

export function builtinCheck(name: string): BuiltinCheck<unknown> | undefined {
  return BUILTIN_CHECKS.find((c) => c.name === name) as BuiltinCheck<unknown> | undefined;
}
