/** Warnings that are particular to this form: its indicator texts should agree with its numbers. */
import type { FormData, OutputIndicators } from '../form';
import { str } from '../formOps';
import { amountUnits, formatUnits } from '../money';
import type { Message } from '../validation';

const BUDGET_FIELDS = ['total', 'generalBudget', 'govFund', 'specialNonTax', 'otherFunds', 'basicExpenditure', 'projectExpenditure'];

function output(form: FormData): OutputIndicators | null {
  const v = form.values.output;
  return v && typeof v === 'object' && 'mode' in v && (v.mode === 'parts' || v.mode === 'text') ? (v as OutputIndicators) : null;
}

/** Amounts quoted as "…万元" in 成本指标 should be budget figures, or a split that adds up to one. */
function costAmounts(form: FormData): Message[] {
  const out = output(form);
  if (!out || out.mode !== 'parts') return [];
  const text = out.parts.cost.join('\n');
  const quoted = [...text.matchAll(/([0-9][0-9,]*(?:\.[0-9]+)?)\s*万元/g)]
    .map((m) => amountUnits(m[1].replace(/,/g, '')))
    .filter((u): u is bigint => u !== null);
  const budget = new Set(BUDGET_FIELDS.map((f) => amountUnits(str(form.values[f]))).filter((u) => u !== null));
  const unmatched = quoted.filter((u) => !budget.has(u));
  if (unmatched.length === 0) return [];
  // "项目支出49万元（医疗专项29万元，伙食费20万元）": a breakdown that adds up to a budget cell is fine.
  if (unmatched.length > 1 && budget.has(unmatched.reduce((a, b) => a + b, 0n))) return [];
  return [
    {
      field: 'output',
      severity: 'warning',
      code: 'costAmount',
      message: `成本指标中的金额 ${unmatched.map((u) => formatUnits(u) + '万元').join('、')} 与预算金额不一致，请核对`,
    },
  ];
}

function timelinessYear(form: FormData, year: string): Message[] {
  const out = output(form);
  if (!out || out.mode !== 'parts' || !/^\d{4}$/.test(year)) return [];
  const years = [...out.parts.timeliness.join('\n').matchAll(/(\d{4})\s*年/g)].map((m) => m[1]).filter((y) => y !== year);
  if (years.length === 0) return [];
  return [
    {
      field: 'output',
      severity: 'warning',
      code: 'timelinessYear',
      message: `时效指标中的年份 ${[...new Set(years)].join('、')} 不是预算年度 ${year}`,
    },
  ];
}

const HAS_NUMBER = /[0-9０-９零一二三四五六七八九十百千万两]/;

function quantityNumbers(form: FormData): Message[] {
  const out = output(form);
  if (!out || out.mode !== 'parts') return [];
  return out.parts.quantity
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => !HAS_NUMBER.test(item))
    .map(({ i }) => ({
      field: 'output',
      severity: 'warning' as const,
      code: 'quantityNumber',
      message: `数量指标第${i + 1}条没有数量，数量指标应写明具体数字`,
    }));
}

export const bumenZhengtiChecks = [costAmounts, (f: FormData, y: string) => timelinessYear(f, y), quantityNumbers];
