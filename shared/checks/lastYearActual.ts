/**
 * A target copied unchanged from last year although last year's 自评 found a different result
 * (issue 24, point 6): 「上年目标为 X，实际完成 Y，本年目标仍为 X，请核对」. It needs last year's
 * indicators (CheckContext.lastYear, shared/lastYear.ts) and says nothing without them, or where the
 * two values cannot be compared (a date, a figure against words, different units).
 */
import { z } from 'zod';
import { rowsOf } from '../formOps';
import { matchIndicator, namesOf } from '../history';
import { combinedValue } from '../indicatorSplit';
import { readIndicatorValue } from '../indicatorValue';
import type { Message } from '../messages';
import { paramText } from './params';
import { defineCheck } from './types';

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The same target: the same text, or the same sign, figure and unit however written (≧95％ is ≥95%). */
function sameTarget(a: string, b: string): boolean {
  if (compact(a) === compact(b)) return true;
  const [x, y] = [readIndicatorValue(a), readIndicatorValue(b)];
  return x.kind === 'quantity' && y.kind === 'quantity' && x.comparator === y.comparator && x.number === y.number && x.unit === y.unit;
}

/** Whether the result differs from the target: true or false where that can be told, null where it cannot. */
function resultDiffers(target: string, actual: string): boolean | null {
  const [t, a] = [readIndicatorValue(target), readIndicatorValue(actual)];
  if (t.kind === 'quantity' && a.kind === 'quantity') {
    if (t.unit !== '' && a.unit !== '' && t.unit !== a.unit) return null;
    return t.number !== a.number;
  }
  if (t.kind === 'qualitative' && a.kind === 'qualitative') return compact(target) !== compact(actual);
  return null;
}

export const targetCopiedDespiteActual = defineCheck({
  name: 'targetCopiedDespiteActual',
  description: '本年指标值与上年目标相同，而上年自评的实际完成值与目标不同时，提醒按实际完成情况核对',
  params: z.object({ group: paramText(), name: paramText() }).strict(),
  refs: (p) => ({ columns: [{ group: p.group, column: p.name }] }),
  run({ form, template, lastYear }, p) {
    if (!lastYear || lastYear.length === 0) return [];
    const set = template.groups?.find((g) => g.id === p.group)?.indicators?.find((s) => s.name === p.name);
    if (!set) return [];
    return rowsOf(form.values, p.group).flatMap((r, i): Message[] => {
      const now = combinedValue(r, set).trim();
      const m = now === '' ? null : matchIndicator(namesOf(r, set), lastYear);
      if (!m || m.found.actual === '' || !sameTarget(now, m.found.value)) return [];
      if (resultDiffers(m.found.value, m.found.actual) !== true) return [];
      return [
        {
          field: p.group,
          row: i,
          column: set.value,
          severity: 'warning',
          code: 'targetCopiedDespiteActual',
          message: `「${r[set.name]}」上年目标为 ${m.found.value}，实际完成 ${m.found.actual}，本年目标仍为 ${now}，请核对`,
        },
      ];
    });
  },
});
