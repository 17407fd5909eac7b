/**
 * 年度对比: what changed between two forms of one template (last year's and this year's, or a
 * form and the one it was started from). Generic over templates: money is every amount field
 * side by side with the change and percentage; texts are the other printed fields with a
 * character-level difference; each repeating group's rows are matched by their heading
 * columns (the merged ones, 一级/二级) and the first column after them (三级), and shown as
 * added, removed, changed (old → new in the other columns) or unchanged.
 */
import { compareTexts, type DiffOp, type DiffGranularity } from '../diff/textDiff';
import type { FormData, GroupRow } from '../form';
import { rowsOf, str, withComputed } from '../formOps';
import { amountUnits, formatUnits } from '../money';
import { kindOf } from '../kinds';
import { printedFieldText } from '../printing';
import type { GroupDef, TemplateDef } from '../template/schema';

export interface MoneyChange {
  field: string;
  label: string;
  before: string;
  after: string;
  /** after − before, exact; '' when either is blank. */
  change: string;
  /** The change as a percentage of before, one decimal ('' when before is blank or zero). */
  percent: string;
}

export interface TextChange {
  field: string;
  label: string;
  same: boolean;
  ops: DiffOp[];
  granularity: DiffGranularity;
}

export type RowStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface RowChange {
  status: RowStatus;
  /** The matching columns' values, e.g. 产出指标 / 数量指标 / 培训人次. */
  key: string[];
  /** The other columns that differ: label, old, new. */
  changes: { column: string; label: string; before: string; after: string }[];
  before: GroupRow | null;
  after: GroupRow | null;
}

export interface GroupChanges {
  group: string;
  label: string;
  keyLabels: string[];
  rows: RowChange[];
  counts: Record<RowStatus, number>;
}

export interface FormDiff {
  templateId: string;
  money: MoneyChange[];
  texts: TextChange[];
  groups: GroupChanges[];
}

/** The percentage with one decimal, computed on exact amounts (元), rounded half away from zero. */
function percentOf(change: bigint, base: bigint): string {
  if (base === 0n) return '';
  const tenths = (change * 1000n) / base; // truncated tenths of a percent
  const rest = (change * 1000n) % base;
  const rounded = tenths + (2n * (rest < 0n ? -rest : rest) >= (base < 0n ? -base : base) ? (change < 0n ? -1n : 1n) : 0n);
  const sign = rounded < 0n ? '-' : '';
  const abs = rounded < 0n ? -rounded : rounded;
  return `${sign}${abs / 10n}.${abs % 10n}`;
}

function moneyChanges(t: TemplateDef, a: FormData, b: FormData): MoneyChange[] {
  return t.fields
    .filter((f) => kindOf(f.kind).money)
    .map((f) => {
      const before = str(a.values[f.id]);
      const after = str(b.values[f.id]);
      const ua = amountUnits(before);
      const ub = amountUnits(after);
      const delta = ua !== null && ub !== null ? ub - ua : null;
      return {
        field: f.id,
        label: f.label,
        before,
        after,
        change: delta === null ? '' : formatUnits(delta),
        percent: delta === null || ua === null ? '' : percentOf(delta, ua),
      };
    });
}

function textChanges(t: TemplateDef, a: FormData, b: FormData): TextChange[] {
  return t.fields
    .filter((f) => !kindOf(f.kind).money && f.id !== t.identity.year)
    .map((f) => {
      const before = printedFieldText(f, a.values[f.id], a.options);
      const after = printedFieldText(f, b.values[f.id], b.options);
      const d = compareTexts(before, after);
      return { field: f.id, label: f.label, same: before === after, ops: d.ops, granularity: d.granularity };
    });
}

/** The columns that identify a row: the merged headings and the first column after them. */
export function keyColumns(g: GroupDef): string[] {
  const merged = g.columns.filter((c) => c.merge).map((c) => c.id);
  const first = g.columns.find((c) => !c.merge);
  return first ? [...merged, first.id] : merged;
}

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');

function groupChanges(g: GroupDef, a: readonly GroupRow[], b: readonly GroupRow[]): GroupChanges {
  const keys = keyColumns(g);
  const others = g.columns.filter((c) => !keys.includes(c.id));
  const keyOf = (r: GroupRow) => keys.map((k) => norm(r[k])).join('\u0001');
  // Rows without anything of their own (the default 一级/二级 skeleton) are not compared.
  const used = (r: GroupRow) => g.columns.some((c) => !c.merge && norm(r[c.id]) !== '');
  const remaining = new Map<string, GroupRow[]>();
  for (const r of a.filter(used)) {
    const k = keyOf(r);
    remaining.set(k, [...(remaining.get(k) ?? []), r]);
  }
  const rows: RowChange[] = [];
  for (const r of b.filter(used)) {
    const list = remaining.get(keyOf(r));
    const old = list?.shift();
    const key = keys.map((k) => r[k] ?? '');
    if (!old) {
      rows.push({ status: 'added', key, changes: [], before: null, after: r });
      continue;
    }
    const changes = others
      .filter((c) => norm(old[c.id]) !== norm(r[c.id]))
      .map((c) => ({ column: c.id, label: c.label, before: old[c.id] ?? '', after: r[c.id] ?? '' }));
    rows.push({ status: changes.length ? 'changed' : 'unchanged', key, changes, before: old, after: r });
  }
  for (const list of remaining.values())
    for (const old of list) rows.push({ status: 'removed', key: keys.map((k) => old[k] ?? ''), changes: [], before: old, after: null });
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const r of rows) counts[r.status]++;
  return { group: g.id, label: g.label, keyLabels: keys.map((k) => g.columns.find((c) => c.id === k)!.label), rows, counts };
}

/** What changed from `before` to `after`, two forms of template `t`. */
export function diffForms(t: TemplateDef, before: FormData, after: FormData): FormDiff {
  const a = withComputed(before, t);
  const b = withComputed(after, t);
  return {
    templateId: t.id,
    money: moneyChanges(t, a, b),
    texts: textChanges(t, a, b),
    groups: (t.groups ?? []).map((g) => groupChanges(g, rowsOf(a.values, g.id), rowsOf(b.values, g.id))),
  };
}
