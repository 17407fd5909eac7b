/**
 * The indicators a form holds, as the 指标库 sees them: one entry per filled 三级 of each indicator
 * block a template declares (group.indicators), and the items of a free-text 产出指标 / 效益指标
 * (the 2019 form). Generic: the template says where indicators are.
 */
import type { FormData } from '../form';
import { rowsOf } from '../formOps';
import { kindOf } from '../kinds';
import type { TemplateDef } from '../template/schema';

/** What identifies an indicator: its 一级, 二级 and 三级. */
export type IndicatorKey = Pick<IndicatorEntry, 'level1' | 'level2' | 'name'>;

export interface IndicatorEntry {
  level1: string;
  level2: string;
  name: string;
  value: string;
}

const tidy = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);

export function indicatorEntries(form: FormData, t: TemplateDef): IndicatorEntry[] {
  const out: IndicatorEntry[] = [];
  for (const g of t.groups ?? []) {
    for (const set of g.indicators ?? []) {
      for (const r of rowsOf(form.values, g.id)) {
        const name = tidy(r[set.name]);
        if (name === '') continue;
        out.push({ level1: tidy(r[set.level1]), level2: tidy(r[set.level2]), name, value: tidy(r[set.value]) });
      }
    }
  }
  for (const f of t.fields) {
    const kind = kindOf(f.kind);
    if (!kind.indicators || !kind.libraryHeading) continue;
    for (const i of kind.indicators(form.values[f.id]))
      if (i.numbered && tidy(i.name)) out.push({ level1: kind.libraryHeading, level2: i.level2, name: tidy(i.name), value: '' });
  }
  return out;
}
