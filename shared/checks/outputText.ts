/**
 * Checks of a free-text 产出指标 (the 2019 form's four numbered lists): its texts should agree
 * with the form's numbers. Each takes the field to look at as a parameter.
 */
import { z } from 'zod';
import type { FormData, OutputIndicators } from '../form';
import { str } from '../formOps';
import { amountUnits, formatUnits } from '../money';
import { paramList, paramText } from './params';
import { defineCheck } from './types';

function output(form: FormData, field: string): OutputIndicators | null {
  const v = form.values[field];
  return v && typeof v === 'object' && !Array.isArray(v) && 'mode' in v && (v.mode === 'parts' || v.mode === 'text')
    ? (v as OutputIndicators)
    : null;
}

const OUTPUT_KIND = ['outputIndicators'];

/** Amounts quoted as "…万元" in 成本指标 should be budget figures, or a split that adds up to one. */
export const outputCostAmounts = defineCheck({
  name: 'outputCostAmounts',
  description: '产出指标的成本指标中写到的金额应与预算金额一致（或为其分项）',
  params: z.object({ field: paramText(), budget: paramList() }).strict(),
  refs: (p) => ({ fields: [{ id: p.field, kinds: OUTPUT_KIND }, ...p.budget.map((id) => ({ id, kinds: ['amount'] }))] }),
  run({ form }, p) {
    const out = output(form, p.field);
    if (!out || out.mode !== 'parts') return [];
    const text = out.parts.cost.join('\n');
    const quoted = [...text.matchAll(/([0-9][0-9,]{0,20}(?:\.[0-9]{1,10})?)\s*万元/g)]
      .map((m) => amountUnits(m[1].replace(/,/g, '')))
      .filter((u): u is bigint => u !== null);
    const budget = new Set(p.budget.map((f) => amountUnits(str(form.values[f]))).filter((u) => u !== null));
    const unmatched = quoted.filter((u) => !budget.has(u));
    if (unmatched.length === 0) return [];
    // "项目支出49万元（医疗专项29万元，伙食费20万元）": a breakdown that adds up to a budget cell is fine.
    if (unmatched.length > 1 && budget.has(unmatched.reduce((a, b) => a + b, 0n))) return [];
    return [
      {
        field: p.field,
        severity: 'warning',
        code: 'costAmount',
        message: `成本指标中的金额 ${unmatched.map((u) => formatUnits(u) + '万元').join('、')} 与预算金额不一致，请核对`,
      },
    ];
  },
});

export const outputTimelinessYear = defineCheck({
  name: 'outputTimelinessYear',
  description: '产出指标的时效指标中写到的年份应是预算年度',
  params: z.object({ field: paramText() }).strict(),
  refs: (p) => ({ fields: [{ id: p.field, kinds: OUTPUT_KIND }] }),
  run({ form, year }, p) {
    const out = output(form, p.field);
    if (!out || out.mode !== 'parts' || !/^\d{4}$/.test(year)) return [];
    const years = [...out.parts.timeliness.join('\n').matchAll(/(\d{4})\s*年/g)].map((m) => m[1]).filter((y) => y !== year);
    if (years.length === 0) return [];
    return [
      {
        field: p.field,
        severity: 'warning',
        code: 'timelinessYear',
        message: `时效指标中的年份 ${[...new Set(years)].join('、')} 不是预算年度 ${year}`,
      },
    ];
  },
});

const HAS_NUMBER = /[0-9０-９零一二三四五六七八九十百千万两]/;

export const outputQuantityNumbers = defineCheck({
  name: 'outputQuantityNumbers',
  description: '产出指标的每条数量指标应写明具体数字',
  params: z.object({ field: paramText() }).strict(),
  refs: (p) => ({ fields: [{ id: p.field, kinds: OUTPUT_KIND }] }),
  run({ form }, p) {
    const out = output(form, p.field);
    if (!out || out.mode !== 'parts') return [];
    return out.parts.quantity
      .map((item, i) => ({ item, i }))
      .filter(({ item }) => !HAS_NUMBER.test(item))
      .map(({ i }) => ({
        field: p.field,
        severity: 'warning' as const,
        code: 'quantityNumber',
        message: `数量指标第${i + 1}条没有数量，数量指标应写明具体数字`,
      }));
  },
});
