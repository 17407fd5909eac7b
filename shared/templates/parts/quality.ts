/**
 * The indicator quality checks as template rules, for one indicator block. A template switches a
 * check off by leaving it out (`except`); a bureau's template file lists the ones it wants.
 */
import { QUALITY_CHECK_NAMES } from '../../checks/quality';
import type { RuleDef } from '../../template/schema';

export function qualityChecks(
  block: { group: string; level1: string; level2: string; name: string; value: string; comparator?: string; unit?: string },
  except: readonly string[] = [],
): RuleDef[] {
  return QUALITY_CHECK_NAMES.filter((n) => !except.includes(n)).map((check) => ({ type: 'check', check, params: { ...block } }));
}
