/**
 * Last year's results beside this year's targets (issue 24, point 6): for each indicator row of a
 * declaration, what this unit declared for the same indicator last year (年度指标值) and, from last
 * year's 自评 when there is one, what it achieved (实际完成值). The store finds last year's forms
 * (electron/core/history/lastYear.ts); this module joins them and matches rows, so the editor can
 * match a row as it is typed, and the check `targetCopiedDespiteActual` reads the same answer.
 * Matching is the history columns' (shared/history.ts): 一级/二级/三级 as written, then the most
 * similar 三级 under the same 一级.
 */
import type { FormData } from './form';
import { rowsOf } from './formOps';
import { earlierIndicators, matchIndicator, namesOf, type EarlierIndicator, type EarlierIndicators } from './history';
import type { TemplateDef } from './template/schema';

/** One of last year's indicators: its declared target (`value`) and its 实际完成值 ('' without a 自评 row). */
export interface LastYearIndicator extends EarlierIndicator {
  actual: string;
}

/** A form last year's values come from. */
export interface LastYearForm {
  id: number;
  title: string;
  templateTitle: string;
}

/** What the store answers for a form (contract `forms.lastYear`). */
export interface LastYear {
  /** Last year ('' when the form's year is not a year). */
  year: string;
  declaration: LastYearForm | null;
  selfEvaluation: LastYearForm | null;
  indicators: LastYearIndicator[];
  /** The earlier years' indicators the template's history columns (近两年指标值) are filled from. */
  history: EarlierIndicators[];
}

/** A row of this year's form beside its match last year. */
export interface LastYearRow {
  group: string;
  row: number;
  /** The column the side value stands beside (the 指标值, or the 值 of a split one). */
  column: string;
  target: string;
  actual: string;
  matched: 'same' | 'similar';
  /** Last year's 三级 (differs from this year's when matched by similarity). */
  earlierName: string;
}

interface Source {
  form: FormData;
  template: TemplateDef;
}

/** The 自评's indicator rows with what was achieved: the blocks that name an `actual` column. */
function achieved(s: Source): LastYearIndicator[] {
  return (s.template.groups ?? []).flatMap((g) =>
    (g.indicators ?? [])
      .filter((set) => set.actual !== undefined)
      .flatMap((set) =>
        rowsOf(s.form.values, g.id)
          .map((r) => ({ ...namesOf(r, set), value: (r[set.value] ?? '').trim(), actual: (r[set.actual!] ?? '').trim() }))
          .filter((i) => i.name.trim() !== ''),
      ),
  );
}

/**
 * Last year's indicators: the declaration's rows, each with the 实际完成值 of the same indicator in
 * the 自评; a 自评 row no declared row matches (the declaration gone, or a row added by a 调整) is
 * listed with the 自评's own 年度指标值.
 */
export function joinLastYear(declaration: Source | null, selfEvaluation: Source | null): LastYearIndicator[] {
  const actuals = selfEvaluation ? achieved(selfEvaluation) : [];
  const used = new Set<LastYearIndicator>();
  const declared = (declaration ? earlierIndicators(declaration) : []).map((d): LastYearIndicator => {
    const m = matchIndicator(d, actuals, used);
    if (m) used.add(m.found);
    return { ...d, value: d.value.trim(), actual: m?.found.actual ?? '' };
  });
  return [...declared, ...actuals.filter((a) => !used.has(a))];
}

/** Each named row of the form's first indicator block (of every group) beside last year's indicator, where one matches. */
export function lastYearRows(t: TemplateDef, values: FormData['values'], indicators: readonly LastYearIndicator[]): LastYearRow[] {
  if (indicators.length === 0) return [];
  return (t.groups ?? []).flatMap((g) => {
    const set = g.indicators?.[0];
    if (!set) return [];
    return rowsOf(values, g.id).flatMap((r, row): LastYearRow[] => {
      const m = matchIndicator(namesOf(r, set), indicators);
      return m
        ? [
            {
              group: g.id,
              row,
              column: set.value,
              target: m.found.value,
              actual: m.found.actual,
              matched: m.matched,
              earlierName: m.found.name,
            },
          ]
        : [];
    });
  });
}

/** The side note of a row, as the editor shows it and a screen reader reads it. */
export function describeLastYear(year: string, r: Pick<LastYearRow, 'target' | 'actual' | 'matched' | 'earlierName'>): string {
  const what = `${year} 年目标 ${r.target || '（空）'}${r.actual ? `，实际完成 ${r.actual}` : '，无自评'}`;
  return r.matched === 'same' ? what : `${what}（相近指标「${r.earlierName}」）`;
}
