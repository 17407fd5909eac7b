/**
 * History columns filled from the store (issue 25, point 2): 近两年指标值 (前年 | 上年) and
 * 历史指标值 are what this unit declared for the same indicator in those years. Each row of the
 * form's first indicator block is matched in the earlier form of that year — by 一级/二级/三级
 * name, then, under the same 一级, by the most similar 三级 (character pairs, at least
 * SIMILAR_ENOUGH alike) — and the earlier 指标值, joined when that form splits it, is written
 * into the column. Pure: the caller finds the earlier forms (electron/core/history). Every value
 * filled says where it came from.
 */
import type { FormData, GroupRow } from './form';
import { rowsOf, str } from './formOps';
import { combinedValue, type IndicatorColumns } from './indicatorSplit';
import type { GroupDef, TemplateDef } from './template/schema';

export interface EarlierForm {
  year: string;
  /** What names it in a note (项目名称, 部门名称). */
  title: string;
  form: FormData;
  template: TemplateDef;
}

export interface HistorySource {
  group: string;
  row: number;
  column: string;
  /** The column's label and the row's 三级, for the note. */
  label: string;
  name: string;
  value: string;
  year: string;
  from: string;
  /** same: 一级/二级/三级 as written; similar: the closest 三级 under the same 一级. */
  matched: 'same' | 'similar';
  earlierName: string;
}

export const SIMILAR_ENOUGH = 0.6;

const key = (s: string | undefined) => (s ?? '').replace(/[\s\u3000]+/g, '').toLowerCase();

function pairs(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
  return out;
}

/** Dice coefficient over character pairs: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const [x, y] = [key(a), key(b)];
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const px = pairs(x);
  let common = 0;
  for (const [p, n] of pairs(y)) common += Math.min(n, px.get(p) ?? 0);
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

/** An indicator of an earlier form: its names and its 指标值 (joined when that form splits it). */
export interface EarlierIndicator {
  level1: string;
  level2: string;
  name: string;
  value: string;
}

/** An earlier year's indicators, as the store finds them (a history column is filled from these). */
export interface EarlierIndicators {
  year: string;
  /** What names the form they come from, for the note. */
  title: string;
  indicators: EarlierIndicator[];
}

/** The indicators of a form's first indicator block of each group (the 年度 block), named rows only. */
export function earlierIndicators(e: Pick<EarlierForm, 'form' | 'template'>): EarlierIndicator[] {
  return (e.template.groups ?? []).flatMap((g) =>
    (g.indicators ?? []).slice(0, 1).flatMap((set) =>
      rowsOf(e.form.values, g.id)
        .map((r) => ({ level1: r[set.level1] ?? '', level2: r[set.level2] ?? '', name: r[set.name] ?? '', value: combinedValue(r, set) }))
        .filter((i) => key(i.name) !== ''),
    ),
  );
}

/** Names of an indicator, as a row of this year's form states them. */
export interface IndicatorNames {
  level1: string;
  level2: string;
  name: string;
}

export const namesOf = (row: GroupRow, set: IndicatorColumns): IndicatorNames => ({
  level1: row[set.level1] ?? '',
  level2: row[set.level2] ?? '',
  name: row[set.name] ?? '',
});

const fullKey = (i: IndicatorNames) => `${key(i.level1)}\u0001${key(i.level2)}\u0001${key(i.name)}`;

/** Each list's indicators by 一级/二级/三级, built once per list (the editor matches every row against the same list). */
const exactIndexes = new WeakMap<readonly IndicatorNames[], Map<string, IndicatorNames[]>>();
function exactIndex(list: readonly IndicatorNames[]): Map<string, IndicatorNames[]> {
  let index = exactIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const i of list) {
      const k = fullKey(i);
      const at = index.get(k);
      if (at) at.push(i);
      else index.set(k, [i]);
    }
    exactIndexes.set(list, index);
  }
  return index;
}

/**
 * The earlier indicator that is this one: the same 一级/二级/三级 as written, else under the same
 * 一级 the most similar 三级 (at least SIMILAR_ENOUGH alike); null for a blank 三级 or no match.
 * Indicators in `taken` are passed over (each earlier indicator matched once).
 */
export function matchIndicator<I extends IndicatorNames>(
  wanted: IndicatorNames,
  earlier: readonly I[],
  taken?: ReadonlySet<I>,
): { found: I; matched: 'same' | 'similar' } | null {
  if (key(wanted.name) === '') return null;
  const same = (exactIndex(earlier).get(fullKey(wanted)) as I[] | undefined)?.find((i) => !taken?.has(i));
  if (same) return { found: same, matched: 'same' };
  const l1 = key(wanted.level1);
  let best: I | null = null;
  let score = SIMILAR_ENOUGH;
  for (const i of earlier) {
    if (taken?.has(i) || key(i.level1) !== l1) continue;
    const s = similarity(i.name, wanted.name);
    if (s >= score) [best, score] = [i, s];
  }
  return best ? { found: best, matched: 'similar' } : null;
}

/** A group's history columns (filled from the store, never typed). */
export const historyColumns = (g: GroupDef) => g.columns.filter((c) => c.history);

/** Whether the template has any history column (then a new form looks up the earlier years). */
export const hasHistory = (t: TemplateDef): boolean => (t.groups ?? []).some((g) => historyColumns(g).length > 0);

/** The years a form of `year` needs for its history columns. */
export function historyYears(t: TemplateDef, year: string): string[] {
  const back = new Set((t.groups ?? []).flatMap((g) => historyColumns(g).map((c) => c.history!.yearsBack)));
  return /^\d{4}$/.test(year) ? [...back].map((n) => String(Number(year) - n)) : [];
}

/**
 * The form with its history columns filled again from `earlier` (cells with no match left blank),
 * and where each value came from. A refresh is the same call on the saved form.
 */
export function fillHistory(form: FormData, t: TemplateDef, earlier: readonly EarlierForm[]): { form: FormData; sources: HistorySource[] } {
  return fillHistoryFrom(
    form,
    t,
    earlier.map((e) => ({ year: e.year, title: e.title, indicators: earlierIndicators(e) })),
  );
}

/** fillHistory from the earlier years' indicators alone (what the editor is sent, shared/lastYear.ts). */
export function fillHistoryFrom(
  form: FormData,
  t: TemplateDef,
  earlier: readonly EarlierIndicators[],
): { form: FormData; sources: HistorySource[] } {
  const year = str(form.values[t.identity.year]).trim();
  const sources: HistorySource[] = [];
  const values = { ...form.values };
  for (const g of t.groups ?? []) {
    const cols = historyColumns(g);
    const set = g.indicators?.[0];
    if (cols.length === 0 || !set) continue;
    const rows = rowsOf(form.values, g.id).map((r) => ({ ...r }));
    for (const c of cols) {
      const wanted = String(Number(year) - c.history!.yearsBack);
      const from = earlier.find((e) => e.year === wanted);
      rows.forEach((r, i) => {
        r[c.id] = '';
        const m = from ? matchIndicator(namesOf(r, set), from.indicators) : null;
        if (!from || !m) return;
        r[c.id] = m.found.value;
        sources.push({
          group: g.id,
          row: i,
          column: c.id,
          label: c.label,
          name: r[set.name],
          value: m.found.value,
          year: wanted,
          from: from.title,
          matched: m.matched,
          earlierName: m.found.name,
        });
      });
    }
    values[g.id] = rows;
  }
  return { form: { ...form, values }, sources };
}

/** One line for a source, as the new-year list and the command line show it. */
export const describeSource = (s: HistorySource): string =>
  `第${s.row + 1}行「${s.name}」的${s.label}：${s.value}（${s.year} 年「${s.from}」${s.matched === 'same' ? '同一指标' : `相近指标「${s.earlierName}」`}）`;
