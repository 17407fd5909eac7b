/**
 * 历史版本: what one saved version changed against the one before it, in a line the clerk reads
 * (「项目名称、年度资金总额；绩效指标加 1 行、改 2 行」). Cheap on purpose — values compared whole,
 * rows by position — because the list says it for every version; 年度对比 (formDiff.ts) is the
 * detailed comparison.
 */
import type { FormData, GroupRow } from '../form';
import type { TemplateDef } from '../template/schema';

/** At most this many field names, then 「等 N 项」. */
const MAX_NAMED = 4;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

export function revisionChanges(t: TemplateDef, before: FormData, after: FormData): string {
  const fields = t.fields.filter((f) => !f.compute && !same(before.values[f.id], after.values[f.id])).map((f) => f.label);
  const groups: string[] = [];
  for (const g of t.groups ?? []) {
    const a = (before.values[g.id] as GroupRow[] | undefined) ?? [];
    const b = (after.values[g.id] as GroupRow[] | undefined) ?? [];
    let changed = 0;
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!same(a[i], b[i])) changed++;
    const parts = [
      b.length > a.length ? `加 ${b.length - a.length} 行` : '',
      a.length > b.length ? `删 ${a.length - b.length} 行` : '',
      changed ? `改 ${changed} 行` : '',
    ].filter(Boolean);
    if (parts.length) groups.push(`${g.label}${parts.join('、')}`);
  }
  const named = fields.length > MAX_NAMED ? `${fields.slice(0, MAX_NAMED).join('、')}等 ${fields.length} 项` : fields.join('、');
  const all = [named, ...groups].filter(Boolean).join('；');
  return all || (same(before.options, after.options) ? '内容没有变化' : '显示选项');
}
