/**
 * The indicators a form holds, as the 指标库 sees them: one entry per filled 三级 of each indicator
 * block a template declares (group.indicators), and the items of a free-text 产出指标 / 效益指标
 * (the 2019 form). Generic: the template says where indicators are.
 */
import type { BenefitIndicators, FormData, OutputIndicators } from '../form';
import { OUTPUT_PARTS, OUTPUT_PART_LABELS } from '../form';
import { rowsOf } from '../formOps';
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
    const v = form.values[f.id];
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    if (f.kind === 'outputIndicators' && (v as OutputIndicators).mode === 'parts') {
      const parts = (v as Extract<OutputIndicators, { mode: 'parts' }>).parts;
      for (const p of OUTPUT_PARTS)
        for (const item of parts[p])
          if (tidy(item)) out.push({ level1: '产出指标', level2: OUTPUT_PART_LABELS[p], name: tidy(item), value: '' });
    }
    if (f.kind === 'benefitIndicators' && (v as BenefitIndicators).mode === 'items')
      for (const item of (v as Extract<BenefitIndicators, { mode: 'items' }>).items)
        if (tidy(item.name)) out.push({ level1: '效益指标', level2: '', name: tidy(item.name), value: '' });
  }
  return out;
}
