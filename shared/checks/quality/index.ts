/** The indicator quality checks (issue 25, point 5), in the order the checks panel lists their findings. */
import type { BuiltinCheck } from '../types';
import {
  qualityCompletionUnderBenefit,
  qualityDuplicateName,
  qualityLevelsPresent,
  qualityNameTooLong,
  qualitySatisfactionUnderBenefit,
} from './grid';
import {
  qualityCostComparator,
  qualityDeadline,
  qualityNoFigure,
  qualityRateOver100,
  qualityUnitMissing,
  qualityVagueWords,
} from './values';

export const QUALITY_CHECKS: readonly BuiltinCheck<never>[] = [
  qualityLevelsPresent,
  qualityNoFigure,
  qualityVagueWords,
  qualityUnitMissing,
  qualityCostComparator,
  qualityRateOver100,
  qualityDeadline,
  qualityNameTooLong,
  qualitySatisfactionUnderBenefit,
  qualityCompletionUnderBenefit,
  qualityDuplicateName,
] as never;

export const QUALITY_CHECK_NAMES: readonly string[] = QUALITY_CHECKS.map((c) => c.name);
