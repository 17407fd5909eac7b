/**
 * Validation as pure functions over a form and its template. Each message is in Chinese
 * and names the field (cell) it concerns, so the editor can mark that cell.
 */
import type { FieldValue, FormData } from './form';
import { fieldDef, str, withComputed } from './formOps';
import { countBenefitItems, countOutputItems } from './indicators';
import { amountsEqual, parseAmountInput } from './money';
import type { FieldDef, TemplateDef } from './template/types';
import { getTemplate } from './templates';

export type Severity = 'error' | 'warning';

export interface Message {
  field: string;
  severity: Severity;
  code: string;
  message: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with area code: 0736-7221234, (0736)7221234, 073 6722 1234, with an optional extension. */
const LANDLINE = /^0\d{2,3}\d{7,8}(?:转\d{1,6}|-\d{1,6})?$/;

export function isValidPhone(raw: string): boolean {
  const s = raw
    .replace(/[\s（）()]/g, '')
    .replace(/^(0\d{2,3})-/, '$1')
    .replace(/^\+?86-?/, '');
  return MOBILE.test(s) || LANDLINE.test(s);
}

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function isEmpty(def: FieldDef, v: FieldValue | undefined): boolean {
  if (v === undefined) return true;
  if (def.kind === 'outputIndicators') return typeof v === 'string' || !('mode' in v) || countOutputItems(v as never) === 0;
  if (def.kind === 'benefitIndicators') return typeof v === 'string' || !('mode' in v) || countBenefitItems(v as never) === 0;
  return str(v).trim() === '';
}

function requiredMessage(def: FieldDef): string {
  if (def.kind === 'outputIndicators') return `请至少填写一条${def.label}`;
  if (def.kind === 'benefitIndicators') return `请至少填写一条${def.label}`;
  return `请填写${def.label}`;
}

function checkField(def: FieldDef, v: FieldValue | undefined): Message[] {
  const out: Message[] = [];
  const err = (code: string, message: string) => out.push({ field: def.id, severity: 'error', code, message });
  if (def.sumOf) return out;
  if (def.required && isEmpty(def, v)) {
    err('required', requiredMessage(def));
    return out;
  }
  const s = str(v).trim();
  if (s === '') return out;
  switch (def.kind) {
    case 'amount': {
      const r = parseAmountInput(s);
      if (!r.ok) err('amount', `${def.label}：${r.message}`);
      break;
    }
    case 'year':
      if (!/^\d{4}$/.test(s) || +s < 2000 || +s > 2099) err('year', '年度应为四位数字年份，如 2020');
      break;
    case 'phone':
      if (!isValidPhone(s)) err('phone', '联系电话应为11位手机号或带区号的固定电话，如 0736-6621234');
      break;
    case 'date':
      if (!isValidIsoDate(s)) err('date', '填报日期不是有效日期');
      break;
  }
  return out;
}

export function validateForm(form: FormData, template: TemplateDef = getTemplate(form.templateId)): Message[] {
  const full = withComputed(form, template);
  const messages: Message[] = [];
  for (const def of template.fields) messages.push(...checkField(def, full.values[def.id]));
  const amountBad = new Set(messages.filter((m) => m.code === 'amount').map((m) => m.field));
  for (const eq of template.equalities) {
    const inputs = [eq.a, eq.b].flatMap((id) => fieldDef(template, id).sumOf ?? [id]);
    if (inputs.some((id) => amountBad.has(id))) continue;
    const a = str(full.values[eq.a]);
    const b = str(full.values[eq.b]);
    if (a === '' && b === '') continue;
    if (!amountsEqual(a, b)) {
      messages.push({
        field: eq.a,
        severity: 'error',
        code: 'sum',
        message: `${eq.message}（${fieldDef(template, eq.a).label} ${a || 0}，${fieldDef(template, eq.b).label} ${b || 0}）`,
      });
    }
  }
  const year = str(full.values[template.identity.year]);
  for (const check of template.extraChecks ?? []) messages.push(...check(full, year));
  return messages;
}

export const hasErrors = (ms: readonly Message[]): boolean => ms.some((m) => m.severity === 'error');
