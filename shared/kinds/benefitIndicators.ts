/**
 * `benefitIndicators`: the 2019 form's 效益指标, named items (指标N：name, then a description), or
 * whole text when what was written has no such structure (shared/indicators.ts prints and reads it).
 */
import { z } from 'zod';
import { emptyBenefit, type BenefitIndicators, type FieldValue } from '../form';
import { countBenefitItems, parseBenefit, renderBenefit } from '../indicators';
import { defineKind, str, type ListedIndicator } from './types';

export const benefitValueSchema = z.union([
  z.object({ mode: z.literal('items'), items: z.array(z.object({ name: z.string(), description: z.string() })) }),
  z.object({ mode: z.literal('text'), text: z.string() }),
]);

function asBenefit(v: FieldValue | undefined): BenefitIndicators | null {
  return v && typeof v === 'object' && !Array.isArray(v) && 'mode' in v && (v.mode === 'items' || v.mode === 'text')
    ? (v as BenefitIndicators)
    : null;
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();

export const benefitIndicatorsKind = defineKind({
  name: 'benefitIndicators',
  title: '效益指标',
  description: '效益指标：“指标1：名称”及其说明',
  column: false,
  value: benefitValueSchema,
  maxLength: 50_000,
  lines: 'many',
  block: true,
  libraryHeading: '效益指标',
  empty: emptyBenefit,
  isBlank: (v) => {
    const b = asBenefit(v);
    return !b || countBenefitItems(b) === 0;
  },
  read(text) {
    if (text.trim() === '') return { value: emptyBenefit() };
    const v = parseBenefit(text);
    return v.mode === 'text' ? { value: v, note: '没有按“指标1：”编号书写，已整段保留为文字' } : { value: v };
  },
  print: (v) => {
    const b = asBenefit(v);
    return b ? renderBenefit(b) : str(v);
  },
  requiredMessage: (label) => `请至少填写一条${label}`,
  moveYear(v, move, label) {
    const b = asBenefit(v);
    if (!b) return JSON.parse(JSON.stringify(v)) as FieldValue;
    if (b.mode === 'text') return { mode: 'text', text: move(b.text, label) };
    return {
      mode: 'items',
      items: b.items.map((item, i) => ({
        name: move(item.name, `${label}·指标${i + 1}`),
        description: move(item.description, `${label}·指标${i + 1}`),
      })),
    };
  },
  indicators(v): ListedIndicator[] {
    const b = asBenefit(v);
    if (!b) return [];
    if (b.mode === 'text') return b.text.trim() ? [{ level2: '', name: b.text.trim(), value: '', numbered: false }] : [];
    return (b.items ?? []).map((item) => ({ level2: '', name: oneLine(item.name), value: item.description.trim(), numbered: true }));
  },
});
