/** Small pure operations on a form that every side needs. */
import { DEFAULT_OPTIONS, emptyBenefit, emptyOutput, type FieldValue, type FormData } from './form';
import { sumAmounts } from './money';
import type { FieldDef, TemplateDef } from './template/types';
import { getTemplate } from './templates';

export function emptyValue(def: FieldDef): FieldValue {
  if (def.kind === 'outputIndicators') return emptyOutput();
  if (def.kind === 'benefitIndicators') return emptyBenefit();
  return '';
}

/** A blank form of a template for a budget year. */
export function blankForm(templateId: string, year: string): FormData {
  const t = getTemplate(templateId);
  const values: Record<string, FieldValue> = {};
  for (const f of t.fields) values[f.id] = emptyValue(f);
  values[t.identity.year] = year;
  return { templateId, values, options: { ...DEFAULT_OPTIONS } };
}

/** Fill computed (sumOf) fields from their parts. Computed values are never typed. */
export function withComputed(form: FormData, t: TemplateDef = getTemplate(form.templateId)): FormData {
  const values = { ...form.values };
  for (const f of t.fields) {
    if (f.sumOf) values[f.id] = sumAmounts(f.sumOf.map((id) => str(values[id])));
  }
  return { ...form, values };
}

export function str(v: FieldValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

export function fieldDef(t: TemplateDef, id: string): FieldDef {
  const f = t.fields.find((x) => x.id === id);
  if (!f) throw new Error(`模板 ${t.id} 没有字段 ${id}`);
  return f;
}

/** 2019-11-26 → 2019年11月26日 (as printed); anything else is printed as typed. */
export function printDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
