/**
 * The 汇总's list (明细) in the column set of published system exports — 单位名称 | 项目名称 |
 * 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 — plus the template's other indicator
 * columns: one row per indicator, the form's 预算数 and 年度目标 on its first row only (so the
 * column adds up to the forms' money). Indicators come from the template's indicator grid, and
 * from 产出指标/效益指标 written as lists (the 2019 form), one item per row.
 */
import type { FormData } from '../../../shared/form';
import { rowInUse, rowsOf, str, withComputed } from '../../../shared/formOps';
import { kindOf } from '../../../shared/kinds';
import { parseAmountInput } from '../../../shared/money';
import type { TemplateDef } from '../../../shared/template/schema';
import { summaryColumns } from './columns';

/** One indicator: 一级, 二级, 三级, 指标值, then the extra columns by their label. */
export interface IndicatorRow {
  level1: string;
  level2: string;
  name: string;
  value: string;
  extra: Record<string, string>;
}

export interface FormListRows {
  /** The form's first money column (its 预算数), canonical; '' when blank. */
  budget: string;
  goal: string;
  indicators: IndicatorRow[];
}

/** Labels of the indicator grid's columns that are not 一级/二级/三级/指标值, in the template's order. */
export function extraColumns(t: TemplateDef): string[] {
  const ind = summaryColumns(t).indicators;
  const g = ind && t.groups?.find((x) => x.id === ind.group);
  if (!ind || !g) return [];
  const standard = new Set([ind.level1, ind.level2, ind.name, ind.value]);
  return g.columns.filter((c) => !standard.has(c.id)).map((c) => c.label);
}

function textIndicators(form: FormData, t: TemplateDef): IndicatorRow[] {
  return t.fields.flatMap((f) =>
    (kindOf(f.kind).indicators?.(form.values[f.id]) ?? []).map((i) => ({
      level1: f.label,
      level2: i.level2,
      name: i.name,
      value: i.value,
      extra: {},
    })),
  );
}

export function formListRows(input: FormData, t: TemplateDef): FormListRows {
  const form = withComputed(input, t);
  const cols = summaryColumns(t);
  const first = cols.money[0];
  const budget = first ? parseAmountInput(str(form.values[first.field])) : null;
  const rows: IndicatorRow[] = [];
  const ind = cols.indicators;
  const g = ind && t.groups?.find((x) => x.id === ind.group);
  if (ind && g) {
    const standard = new Set([ind.level1, ind.level2, ind.name, ind.value]);
    const extras = g.columns.filter((c) => !standard.has(c.id));
    for (const r of rowsOf(form.values, g.id)) {
      if (!rowInUse(g, r)) continue;
      rows.push({
        level1: (r[ind.level1] ?? '').trim(),
        level2: (r[ind.level2] ?? '').trim(),
        name: (r[ind.name] ?? '').trim(),
        value: (r[ind.value] ?? '').trim(),
        extra: Object.fromEntries(extras.map((c) => [c.label, (r[c.id] ?? '').trim()])),
      });
    }
  }
  rows.push(...textIndicators(form, t));
  return {
    budget: budget?.ok ? budget.value : '',
    goal: cols.goal ? str(form.values[cols.goal]).trim() : '',
    indicators: rows,
  };
}
