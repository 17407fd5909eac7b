/**
 * 指标值 in one cell (`≥95%`) or in three (指标性质 `≥` | 值 `95` | 计量单位 `%`, the newer
 * provincial layouts, declarations-newer.md pattern i): splitting one into the other and joining
 * back, and moving an indicator grid's rows between a combined-column and a split template (new
 * year into another layout, paste, import). The reading is the 指标值 reader's
 * (indicatorValue.ts), so `95%以上`, `不低于95%` and `≧95％` all split to `≥ | 95 | %`; what is
 * not a quantity (`显著改善`, `2025年12月底前`) splits to 定性 with the whole text as its 值, so
 * nothing is ever dropped. Joining a split value and reading it again gives the same comparator,
 * number and unit (test/unit/indicatorSplit.test.ts).
 */
import type { GroupRow } from './form';
import { readIndicatorValue, type Comparator } from './indicatorValue';
import type { GroupDef } from './template/schema';

/** The three cells of a split 指标值; comparator is one of the comparator kind's signs or ''. */
export interface SplitValue {
  comparator: string;
  value: string;
  unit: string;
}

/** The comparator kind prints > and < full width (shared/kinds/comparator.ts). */
const SIGN: Readonly<Record<Comparator, string>> = { '≥': '≥', '≤': '≤', '=': '=', '>': '＞', '<': '＜' };

export const QUALITATIVE = '定性';
export const QUANTITATIVE = '定量';

export function splitIndicatorValue(raw: string): SplitValue {
  const v = readIndicatorValue(raw);
  if (v.kind === 'empty') return { comparator: '', value: '', unit: '' };
  if (v.kind === 'quantity') return { comparator: v.comparator ? SIGN[v.comparator] : '', value: v.number, unit: v.unit };
  return { comparator: QUALITATIVE, value: raw.trim(), unit: '' };
}

/** `≥ | 95 | %` → `≥95%`; 定性 prints its text alone; a blank sign (or 定量) prints the number and unit. */
export function joinIndicatorValue(p: SplitValue): string {
  // 定量 (a type column such as Hunan's 指标值类型, not a sign) says only that the value is a figure.
  const comparator = p.comparator.trim() === QUANTITATIVE ? '' : p.comparator.trim();
  const value = p.value.trim();
  const unit = p.unit.trim();
  if (comparator === QUALITATIVE) return unit ? `${value}${unit}` : value;
  if (value === '' && unit === '') return comparator === '' ? '' : comparator;
  return `${comparator}${value}${unit}`;
}

/** One indicator block's columns in a group (the template's `indicators` set). */
export interface IndicatorColumns {
  level1: string;
  level2: string;
  name: string;
  /** The 指标值 (combined), or the 值 alone when comparator and unit are given. */
  value: string;
  comparator?: string;
  unit?: string;
}

export const isSplit = (set: IndicatorColumns): set is IndicatorColumns & { comparator: string; unit: string } =>
  set.comparator !== undefined && set.unit !== undefined;

/** The row's 指标值 as one text, whichever way the template keeps it. */
export function combinedValue(row: GroupRow, set: IndicatorColumns): string {
  if (!isSplit(set)) return row[set.value] ?? '';
  return joinIndicatorValue({ comparator: row[set.comparator] ?? '', value: row[set.value] ?? '', unit: row[set.unit] ?? '' });
}

/** Writes a combined 指标值 into the row, split when the template keeps it split. */
export function writeCombinedValue(row: GroupRow, set: IndicatorColumns, combined: string): void {
  if (!isSplit(set)) {
    row[set.value] = combined;
    return;
  }
  const s = splitIndicatorValue(combined);
  row[set.comparator] = s.comparator;
  row[set.value] = s.value;
  row[set.unit] = s.unit;
}

/** The group's indicator sets with their columns, for callers that hold the group. */
export const indicatorSets = (g: GroupDef): readonly IndicatorColumns[] => g.indicators ?? [];

/**
 * Rows of one template's indicator block as rows of another's: 一级/二级/三级 by role, the
 * 指标值 joined or split as the target keeps it, and every other column whose label the target
 * also has (指标解释, 备注, 评分标准 …) by that label. Columns the target lacks are left out and
 * named in `dropped`, so the caller can say so; nothing is dropped silently.
 */
export function moveIndicatorRows(
  rows: readonly GroupRow[],
  from: { group: GroupDef; set: IndicatorColumns },
  to: { group: GroupDef; set: IndicatorColumns },
  blank: () => GroupRow,
): { rows: GroupRow[]; dropped: string[] } {
  const roleColumns = (s: IndicatorColumns) => [s.level1, s.level2, s.name, s.value, s.comparator, s.unit].filter((c) => c !== undefined);
  const fromRoles = new Set(roleColumns(from.set));
  const toRoles = new Set(roleColumns(to.set));
  const byLabel = new Map(to.group.columns.filter((c) => !toRoles.has(c.id)).map((c) => [c.label, c.id] as const));
  const dropped = new Set<string>();
  const out = rows.map((row) => {
    const next = blank();
    next[to.set.level1] = row[from.set.level1] ?? '';
    next[to.set.level2] = row[from.set.level2] ?? '';
    next[to.set.name] = row[from.set.name] ?? '';
    writeCombinedValue(next, to.set, combinedValue(row, from.set));
    for (const c of from.group.columns) {
      if (fromRoles.has(c.id)) continue;
      const v = row[c.id] ?? '';
      const target = byLabel.get(c.label);
      if (target !== undefined) next[target] = v;
      else if (v.trim() !== '') dropped.add(c.label);
    }
    return next;
  });
  return { rows: out, dropped: [...dropped] };
}

/** Headers under which other layouts print the combined 指标值. */
export const COMBINED_VALUE_LABELS: readonly string[] = ['指标值', '指标值（目标值）', '目标值', '年度指标值'];

/**
 * The group's split indicator set when a combined 指标值 written under `label` belongs there:
 * the group keeps its 指标值 split in exactly one set and has no column of that name itself.
 */
export function splitSetForCombined(g: GroupDef, label: string): (IndicatorColumns & { comparator: string; unit: string }) | null {
  if (!COMBINED_VALUE_LABELS.includes(label)) return null;
  if (g.columns.some((c) => c.label === label || c.printed === label || c.aliases?.includes(label))) return null;
  const split = indicatorSets(g).filter(isSplit);
  return split.length === 1 ? split[0] : null;
}
