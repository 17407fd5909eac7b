/**
 * The 汇总's figures on screen. Amounts arrive as exact decimal strings in 万元 and stay strings:
 * thousands separators and at least two decimals are added to the text, never through a float,
 * and a sum the screen needs itself (a unit filter) is made with shared/money's exact sums.
 */
import type { CheckStatus, SummaryCounts, SummaryParent, SummarySection, SummaryUnit } from '../../../shared/contract';
import { sumAmounts } from '../../../shared/money';

/**
 * `1234.5` → `1,234.50`; `0.0003` → `0.0003`; blank stays blank. `decimals`: at least this many
 * (a column pads to the most any of its amounts has, so that its decimal points line up).
 */
export function formatWan(value: string, decimals = 2): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  const int = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${m[1]}${int}.${(m[3] ?? '').padEnd(decimals, '0')}`;
}

const decimalsOf = (value: string): number => {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
};

/** For each money column of a section: the most decimals any of its amounts has, at least two. */
export function columnDecimals(section: SummarySection): number[] {
  const out = section.moneyColumns.map(() => 2);
  const see = (values: readonly string[]) => values.forEach((v, i) => (out[i] = Math.max(out[i] ?? 2, decimalsOf(v))));
  see(section.totals);
  for (const p of section.parents) {
    see(p.totals);
    for (const u of p.units) {
      see(u.totals);
      for (const f of u.forms) see(f.money);
    }
  }
  return out;
}

export const STATUS_LABEL: Record<CheckStatus, string> = { error: '错误', warning: '提醒', complete: '完整', unreadable: '无法读取' };
/** What the status filter offers. */
export const STATUS_FILTER: Record<CheckStatus, string> = {
  error: '有错误',
  warning: '只有提醒',
  complete: '完整',
  unreadable: '无法读取',
};

const zero = (): SummaryCounts => ({ forms: 0, indicators: 0, error: 0, warning: 0, complete: 0, unreadable: 0 });

export function addCounts(list: readonly SummaryCounts[]): SummaryCounts {
  const out = zero();
  for (const c of list) for (const k of Object.keys(out) as (keyof SummaryCounts)[]) out[k] += c[k];
  return out;
}

/** Exact column sums of rows of amounts (a total is never blank: '0'). */
export function sumColumns(rows: readonly (readonly string[])[], columns: number): string[] {
  return Array.from({ length: columns }, (_, i) => sumAmounts(rows.map((r) => r[i] ?? '')) || '0');
}

/** A unit matches the unit filter by its name or code (letters in any case). */
export function unitMatches(u: Pick<SummaryUnit, 'name' | 'code'>, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  return f === '' || u.name.toLowerCase().includes(f) || u.code.toLowerCase().includes(f);
}

/**
 * The section with only the units the filter names; 小计 and 合计 worked out again from them,
 * exactly. Without a filter the section as the core made it.
 */
export function filterSection(section: SummarySection, filter: string): SummarySection {
  if (filter.trim() === '') return section;
  const columns = section.moneyColumns.length;
  const parents: SummaryParent[] = [];
  for (const p of section.parents) {
    const units = p.units.filter((u) => unitMatches(u, filter));
    if (units.length === 0) continue;
    parents.push({
      ...p,
      units,
      totals: sumColumns(
        units.map((u) => u.totals),
        columns,
      ),
      counts: addCounts(units.map((u) => u.counts)),
    });
  }
  return {
    ...section,
    parents,
    totals: sumColumns(
      parents.map((p) => p.totals),
      columns,
    ),
    counts: addCounts(parents.map((p) => p.counts)),
  };
}

/** `[042] 六安市金安区体育局`, or the name alone. */
export const codedName = (x: { code: string; name: string }): string => (x.code ? `[${x.code}] ${x.name}` : x.name);
