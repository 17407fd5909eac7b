/**
 * The neutral interchange shape: printed labels as keys, amounts as printed strings,
 * 填报日期 as YYYY-MM-DD, indicators as their printed (numbered) text. This is the shape of
 * test/fixtures/seed-2019-taoyuan.json and of the command line's show/import-json.
 */
import { DEFAULT_OPTIONS, type FieldValue, type FormData } from './form';
import { blankForm, str, withComputed } from './formOps';
import { parseBenefit, parseOutput, renderBenefit, renderOutput } from './indicators';
import { parseAmountInput } from './money';
import type { FieldDef, TemplateDef } from './template/types';
import { DEFAULT_TEMPLATE_ID, getTemplate } from './templates';

export type LabelJson = Record<string, string>;

/** Comparable key: brackets and colons in either width, spaces removed. */
export function normalizeLabel(s: string): string {
  return s.replace(/[（(]/g, '（').replace(/[）)]/g, '）').replace(/[:：]/g, '').replace(/\s+/g, '').trim();
}

export function labelsOf(def: FieldDef): string[] {
  return [def.label, ...(def.aliases ?? [])].map(normalizeLabel);
}

export function printValue(def: FieldDef, v: FieldValue | undefined): string {
  if (def.kind === 'outputIndicators' && v && typeof v === 'object' && v.mode !== undefined) return renderOutput(v as never);
  if (def.kind === 'benefitIndicators' && v && typeof v === 'object' && v.mode !== undefined) return renderBenefit(v as never);
  return str(v);
}

export function toLabelJson(form: FormData): LabelJson {
  const t = getTemplate(form.templateId);
  const full = withComputed(form, t);
  const out: LabelJson = {};
  for (const def of t.fields) out[def.label] = printValue(def, full.values[def.id]);
  return out;
}

export interface LabelJsonRead {
  form: FormData;
  /** Keys that matched no field, and values that had to be read loosely. */
  notes: string[];
}

/** Reads label-keyed JSON; computed fields are ignored (they are recomputed from their parts). */
export function fromLabelJson(json: Record<string, unknown>, template: TemplateDef = getTemplate(DEFAULT_TEMPLATE_ID)): LabelJsonRead {
  const notes: string[] = [];
  const byLabel = new Map<string, FieldDef>();
  for (const def of template.fields) for (const l of labelsOf(def)) byLabel.set(l, def);
  const yearField = template.identity.year;
  const form = blankForm(template.id, '');
  form.options = { ...DEFAULT_OPTIONS };
  for (const [key, raw] of Object.entries(json)) {
    if (key.startsWith('_')) continue;
    const def = byLabel.get(normalizeLabel(key));
    if (!def) {
      notes.push(`未识别的项目「${key}」已忽略`);
      continue;
    }
    if (def.sumOf) continue;
    const text = raw === null || raw === undefined ? '' : String(raw);
    form.values[def.id] = readValue(def, text, notes);
  }
  if (str(form.values[yearField]) === '') notes.push('没有年度');
  return { form, notes };
}

function readValue(def: FieldDef, text: string, notes: string[]): FieldValue {
  switch (def.kind) {
    case 'amount': {
      const r = parseAmountInput(text);
      if (r.ok) return r.value;
      notes.push(`${def.label}「${text}」：${r.message}`);
      return text.trim();
    }
    case 'outputIndicators':
      return parseOutput(text);
    case 'benefitIndicators':
      return parseBenefit(text);
    case 'year':
      return text.replace(/[^0-9]/g, '') || text.trim();
    default:
      return text;
  }
}
