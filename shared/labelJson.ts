/**
 * The neutral interchange shape: printed labels as keys, amounts as printed strings, dates as
 * YYYY-MM-DD, indicators as their printed (numbered) text, a repeating group as a list of rows
 * keyed by its printed column headers, and the form named by its printed title under "表".
 * This is the shape of test/fixtures/*.json and of the command line's show/import-json.
 */
import { UserError } from './errors';
import { DEFAULT_OPTIONS, type FieldValue, type FormData, type GroupRow } from './form';
import { blankForm, completeRow, str, withComputed } from './formOps';
import { parseBenefit, parseOutput, renderBenefit, renderOutput } from './indicators';
import { parseAmountInput, printAmount } from './money';
import type { ColumnDef, FieldDef, GroupDef, TemplateDef } from './template/schema';
import type { TemplateRegistry } from './template/registry';

export type LabelJsonValue = string | Record<string, string>[];
export type LabelJson = Record<string, LabelJsonValue>;

/** The key that names the form by its printed title. */
export const TITLE_KEY = '表';

/** Comparable key: brackets and colons in either width, spaces removed. */
export function normalizeLabel(s: string): string {
  return s.replace(/[（(]/g, '（').replace(/[）)]/g, '）').replace(/[:：]/g, '').replace(/\s+/g, '').trim();
}

export function labelsOf(def: { label: string; printed?: string; aliases?: readonly string[] }): string[] {
  return [def.label, ...(def.printed ? [def.printed] : []), ...(def.aliases ?? [])].map(normalizeLabel);
}

function printValue(def: FieldDef, v: FieldValue | undefined, options: FormData['options']): string {
  if (def.kind === 'outputIndicators' && v && typeof v === 'object' && !Array.isArray(v)) return renderOutput(v as never);
  if (def.kind === 'benefitIndicators' && v && typeof v === 'object' && !Array.isArray(v)) return renderBenefit(v as never);
  if (def.kind === 'amount') return printAmount(str(v), options);
  return str(v);
}

function printRows(g: GroupDef, rows: FieldValue | undefined, options: FormData['options']): Record<string, string>[] {
  return (Array.isArray(rows) ? rows : []).map((row) => {
    const out: Record<string, string> = {};
    for (const c of g.columns) out[c.label] = c.kind === 'amount' ? printAmount(row[c.id] ?? '', options) : (row[c.id] ?? '');
    return out;
  });
}

export function toLabelJson(form: FormData, t: TemplateDef): LabelJson {
  const full = withComputed(form, t);
  const options = form.options ?? DEFAULT_OPTIONS;
  const out: LabelJson = { [TITLE_KEY]: t.title };
  for (const def of t.fields) out[def.label] = printValue(def, full.values[def.id], options);
  for (const g of t.groups ?? []) out[g.label] = printRows(g, full.values[g.id], options);
  return out;
}

export interface LabelJsonRead {
  form: FormData;
  template: TemplateDef;
  /** Keys that matched no field, and values that had to be read loosely. */
  notes: string[];
}

/** The template a label-keyed JSON is for: `templateId` when given, else by its "表", else the 2019 form. */
export function templateForLabelJson(json: Record<string, unknown>, registry: TemplateRegistry, templateId?: string): TemplateDef {
  if (templateId) return registry.get(templateId);
  const title = json[TITLE_KEY];
  if (title === undefined) return registry.defaultTemplate();
  const matches = registry.byTitle(String(title));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0)
    throw new UserError(
      `不认识的表「${String(title)}」。可用的表样：${registry
        .all()
        .map((t) => `${t.title}（${t.id}）`)
        .join('、')}`,
    );
  throw new UserError(
    `有 ${matches.length} 种表样都叫「${String(title)}」，请用 --template 指定其一：${matches.map((t) => `${t.id}（${t.description}）`).join('；')}`,
  );
}

/** 统一保留两位小数 shows as every amount having two decimals, some padded ("1000.00"). */
export function looksTwoDecimals(printed: readonly string[]): boolean {
  const nums = printed.map((p) => p.trim().replace(/,/g, '')).filter((p) => p !== '');
  return nums.length > 0 && nums.every((n) => /^\d{1,15}\.\d{2,4}$/.test(n)) && nums.some((n) => /\.\d{0,3}0$/.test(n));
}

function readValue(def: FieldDef | ColumnDef, label: string, text: string, notes: string[]): string {
  if (def.kind !== 'amount') return def.kind === 'year' ? text.replace(/[^0-9]/g, '') || text.trim() : text;
  const r = parseAmountInput(text);
  if (r.ok) return r.value;
  notes.push(`${label}「${text.slice(0, 50)}」：${r.message}`);
  return text.trim().slice(0, 100);
}

function readRows(g: GroupDef, raw: unknown, notes: string[]): GroupRow[] {
  if (!Array.isArray(raw)) {
    notes.push(`「${g.label}」应是一组行（列表），已忽略`);
    return [];
  }
  const byLabel = new Map<string, ColumnDef>();
  for (const c of g.columns) for (const l of labelsOf(c)) byLabel.set(l, c);
  return raw.flatMap((item, i): GroupRow[] => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      notes.push(`「${g.label}」第 ${i + 1} 行不是以列名为键的对象，已忽略`);
      return [];
    }
    const row = completeRow(g);
    for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
      const c = byLabel.get(normalizeLabel(key));
      if (!c) {
        notes.push(`「${g.label}」第 ${i + 1} 行的列「${key}」不认识，已忽略`);
        continue;
      }
      row[c.id] = readValue(c, `${g.label}第 ${i + 1} 行的${c.label}`, v === null || v === undefined ? '' : String(v), notes);
    }
    return [row];
  });
}

/** Reads label-keyed JSON; computed fields are ignored (they are recomputed from their parts). */
export function fromLabelJson(json: Record<string, unknown>, template: TemplateDef): LabelJsonRead {
  const notes: string[] = [];
  const fields = new Map<string, FieldDef>();
  for (const def of template.fields) for (const l of labelsOf(def)) fields.set(l, def);
  const groups = new Map<string, GroupDef>();
  for (const g of template.groups ?? []) groups.set(normalizeLabel(g.label), g);
  const form = blankForm(template, '');
  const amounts: string[] = [];
  for (const [key, raw] of Object.entries(json)) {
    if (key.startsWith('_') || key === TITLE_KEY) continue;
    const g = groups.get(normalizeLabel(key));
    if (g) {
      form.values[g.id] = readRows(g, raw, notes);
      for (const c of g.columns.filter((x) => x.kind === 'amount'))
        amounts.push(...(Array.isArray(raw) ? raw : []).map((r) => String(r?.[c.label] ?? '')));
      continue;
    }
    const def = fields.get(normalizeLabel(key));
    if (!def) {
      notes.push(`未识别的项目「${key}」已忽略`);
      continue;
    }
    const text = raw === null || raw === undefined ? '' : typeof raw === 'string' ? raw : String(raw);
    if (def.kind === 'amount') amounts.push(text);
    if (def.compute) continue;
    form.values[def.id] =
      def.kind === 'outputIndicators'
        ? parseOutput(text)
        : def.kind === 'benefitIndicators'
          ? parseBenefit(text)
          : readValue(def, def.label, text, notes);
  }
  form.options = { ...DEFAULT_OPTIONS, twoDecimals: looksTwoDecimals(amounts) };
  if (str(form.values[template.identity.year]) === '') notes.push('没有年度');
  return { form, template, notes };
}
