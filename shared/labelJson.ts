/**
 * The neutral interchange shape: printed labels as keys, each value as its kind prints it (amounts as printed strings, dates as
 * YYYY-MM-DD, indicators as their printed (numbered) text, a repeating group as a list of rows
 * keyed by its printed column headers, and the form named by its printed title under "表".
 * This is the shape of test/fixtures/*.json and of the command line's show/import-json.
 */
import { UserError } from './errors';
import { DEFAULT_OPTIONS, type FieldValue, type FormData, type GroupRow } from './form';
import { compare, parseDecimal } from './compute/decimal';
import { computeValues } from './computeForm';
import { blankForm, completeRow, rowsOf, str, withComputed } from './formOps';
import { kindOf } from './kinds';
import { capFieldText, MAX_FIELD_CHARS, MAX_GROUP_ROWS } from './limits';
import { quoteText } from './text/quote';
import { splitSetForCombined, writeCombinedValue } from './indicatorSplit';
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

function asText(def: FieldDef | ColumnDef, v: FieldValue | undefined, options: FormData['options']): string {
  const k = kindOf(def.kind);
  return k.asText ? k.asText(v, def, options) : k.print(v, def, options);
}

function printRows(g: GroupDef, rows: FieldValue | undefined, options: FormData['options']): Record<string, string>[] {
  return (Array.isArray(rows) ? rows : []).map((row) => {
    const out: Record<string, string> = {};
    for (const c of g.columns) out[c.label] = asText(c, row[c.id] ?? '', options);
    return out;
  });
}

export function toLabelJson(form: FormData, t: TemplateDef): LabelJson {
  const full = withComputed(form, t);
  const options = form.options ?? DEFAULT_OPTIONS;
  const out: LabelJson = { [TITLE_KEY]: t.title };
  for (const def of t.fields) out[def.label] = asText(def, full.values[def.id], options);
  for (const g of t.groups ?? []) out[g.label] = printRows(g, full.values[g.id], options);
  return out;
}

export interface LabelJsonRead {
  form: FormData;
  template: TemplateDef;
  /** Keys that matched no field, and values that had to be read loosely. */
  notes: string[];
}

/** A label-keyed JSON file that cannot be read at all, in Chinese. */
export const labelJsonRefusal = (why: string): UserError => new UserError(`这个 JSON 文件不能导入：${why}`, 'labelJson.invalid');

/** What a JSON value is, in words, for a note saying it was not what a key needs. */
const jsonTypeOf = (v: unknown): string => (Array.isArray(v) ? '列表' : v === null ? '空值' : typeof v === 'object' ? '对象' : '文字');

/** The template a label-keyed JSON is for: `templateId` when given, else by its "表", else the 2019 form. */
export function templateForLabelJson(json: Record<string, unknown>, registry: TemplateRegistry, templateId?: string): TemplateDef {
  if (templateId) return registry.get(templateId);
  const title = json[TITLE_KEY];
  if (title === undefined) return registry.defaultTemplate();
  if (typeof title !== 'string')
    throw labelJsonRefusal(
      `「${TITLE_KEY}」应是表的名称（文字，例如「${registry.defaultTemplate().title}」），文件里却是${jsonTypeOf(title)}`,
    );
  const matches = registry.byTitle(title);
  if (matches.length === 1) return matches[0];
  if (matches.length === 0)
    throw new UserError(
      `不认识的表「${quoteText(title)}」。可用的表样：${registry
        .all()
        .map((t) => `${t.title}（${t.id}）`)
        .join('、')}`,
    );
  throw new UserError(
    `有 ${matches.length} 种表样都叫「${quoteText(title)}」，请用 --template 指定其一：${matches.map((t) => `${t.id}（${t.description}）`).join('；')}`,
  );
}

/** 统一保留两位小数 shows as every amount having two decimals, some padded ("1000.00"). */
export function looksTwoDecimals(printed: readonly string[]): boolean {
  const nums = printed.map((p) => p.trim().replace(/,/g, '')).filter((p) => p !== '');
  return nums.length > 0 && nums.every((n) => /^\d{1,15}\.\d{2,4}$/.test(n)) && nums.some((n) => /\.\d{0,3}0$/.test(n));
}

/** Notes one file may give; past this they are counted, not listed. */
const MAX_NOTES = 50;

/** A JSON value as the text of a cell or field: strings, numbers and true/false; a list or object is no text (null). */
function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/**
 * The kind's one reader, after the text is cut to the field limit (saying so); what the reader
 * cannot read is kept as written (cut to 100 characters) and noted. Indicator lists are capped
 * over all their items together.
 */
function readValue(def: FieldDef | ColumnDef, label: string, text: string, notes: string[]): FieldValue {
  const over = text.length > MAX_FIELD_CHARS;
  if (over) text = text.slice(0, MAX_FIELD_CHARS + 1);
  const r = kindOf(def.kind).read(over ? text.slice(0, MAX_FIELD_CHARS) : text, def);
  const { value, cut } = capFieldText(r.value);
  if (over || cut) notes.push(`「${label}」的内容超过 ${MAX_FIELD_CHARS} 字，只导入了前 ${MAX_FIELD_CHARS} 字，请核对`);
  if (!r.problem) return value;
  notes.push(`${label}「${quoteText(text)}」：${r.problem.reason}`);
  return typeof value === 'string' ? value.slice(0, 100) : value;
}

function readRows(g: GroupDef, raw: unknown, notes: string[]): GroupRow[] {
  if (!Array.isArray(raw)) {
    notes.push(`「${g.label}」应是一组行（列表），文件里却是${jsonTypeOf(raw)}，已忽略`);
    return [];
  }
  const max = g.maxRows ?? MAX_GROUP_ROWS;
  if (raw.length > max) notes.push(`「${g.label}」有 ${raw.length} 行，超过上限 ${max} 行，只导入了前 ${max} 行，请核对`);
  const byLabel = new Map<string, ColumnDef>();
  for (const c of g.columns) for (const l of labelsOf(c)) byLabel.set(l, c);
  return raw.slice(0, max).flatMap((item: unknown, i): GroupRow[] => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      notes.push(`「${g.label}」第 ${i + 1} 行不是以列名为键的对象，已忽略`);
      return [];
    }
    const row = completeRow(g);
    for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
      const c = byLabel.get(normalizeLabel(key));
      const split = c ? null : splitSetForCombined(g, normalizeLabel(key));
      if (split) {
        // A combined 指标值 (≥95%) from a one-column layout: into 指标性质 | 值 | 计量单位.
        const text = textOf(v);
        if (text !== null) writeCombinedValue(row, split, text);
        continue;
      }
      if (!c) {
        notes.push(`「${g.label}」第 ${i + 1} 行的列「${quoteText(key)}」不认识，已忽略`);
        continue;
      }
      const text = textOf(v);
      if (text === null) {
        notes.push(`「${g.label}」第 ${i + 1} 行的「${c.label}」应是文字，文件里却是${jsonTypeOf(v)}，已忽略`);
        continue;
      }
      row[c.id] = str(readValue(c, `${g.label}第 ${i + 1} 行的${c.label}`, text, notes));
    }
    return [row];
  });
}

/** Two readings of a computed cell are the same value: equal numbers, or equal text. */
function sameComputed(a: string, b: string): boolean {
  const x = parseDecimal(a.trim());
  const y = parseDecimal(b.trim());
  return x && y ? compare(x, y) === 0 : a.trim() === b.trim();
}

/**
 * Computed cells are kept in label JSON but never trusted: they are worked out again from their
 * inputs, and a file whose value differs gets a note (its 得分 or 合计 was typed by hand or its
 * inputs were changed afterwards). A cell the formula leaves to the clerk (a 定性 row's 得分) keeps the file's value.
 */
function recomputed(
  t: TemplateDef,
  values: FormData['values'],
  fileFields: ReadonlyMap<string, string>,
  notes: string[],
): FormData['values'] {
  const out = computeValues(t, values);
  for (const def of t.fields) {
    const file = fileFields.get(def.id);
    if (file === undefined || file.trim() === '' || !def.compute) continue;
    const read = str(kindOf(def.kind).read(file, def).value);
    const mine = str(out[def.id]);
    if (!sameComputed(read, mine))
      notes.push(`「${def.label}」文件中为 ${quoteText(file)}，按公式计算为 ${mine || '空白'}，已采用计算结果，请核对`);
  }
  for (const g of t.groups ?? []) {
    const before = rowsOf(values, g.id);
    const after = rowsOf(out, g.id);
    for (const c of g.columns.filter((x) => x.compute))
      before.forEach((row, i) => {
        const file = row[c.id] ?? '';
        const mine = after[i]?.[c.id] ?? '';
        if (file.trim() !== '' && !sameComputed(file, mine))
          notes.push(
            `「${g.label}」第 ${i + 1} 行的「${c.label}」文件中为 ${quoteText(file)}，按公式计算为 ${mine || '空白'}，已采用计算结果，请核对`,
          );
      });
  }
  return out;
}

/** The notes, at most MAX_NOTES of them and a count of the rest. */
function boundNotes(notes: string[]): string[] {
  if (notes.length <= MAX_NOTES) return notes;
  return [...notes.slice(0, MAX_NOTES), `……另有 ${notes.length - MAX_NOTES} 条提示未列出`];
}

/**
 * Reads label-keyed JSON; computed fields are ignored (they are recomputed from their parts).
 * Like a Word import, whatever is past a limit is cut and said so, naming the label and the
 * limit: text past MAX_FIELD_CHARS, rows past the group's maximum; a value of the wrong shape
 * (a list where a text belongs, an object for a row's cell) is left out with a note.
 */
export function fromLabelJson(json: Record<string, unknown>, template: TemplateDef): LabelJsonRead {
  const notes: string[] = [];
  const fields = new Map<string, FieldDef>();
  for (const def of template.fields) for (const l of labelsOf(def)) fields.set(l, def);
  const groups = new Map<string, GroupDef>();
  for (const g of template.groups ?? []) groups.set(normalizeLabel(g.label), g);
  const form = blankForm(template, '');
  const amounts: string[] = [];
  /** What the file says in computed fields: recomputed, and a note where they differ. */
  const fileComputed = new Map<string, string>();
  for (const [key, raw] of Object.entries(json)) {
    if (key.startsWith('_') || key === TITLE_KEY) continue;
    const g = groups.get(normalizeLabel(key));
    if (g) {
      const rows = readRows(g, raw, notes);
      form.values[g.id] = rows;
      const printed = Array.isArray(raw) ? (raw as unknown[]).slice(0, rows.length) : [];
      for (const c of g.columns.filter((x) => kindOf(x.kind).money))
        amounts.push(...printed.map((r) => (r && typeof r === 'object' ? textOf((r as Record<string, unknown>)[c.label]) : null) ?? ''));
      continue;
    }
    const def = fields.get(normalizeLabel(key));
    if (!def) {
      notes.push(`未识别的项目「${quoteText(key)}」已忽略`);
      continue;
    }
    const read = textOf(raw);
    if (read === null) {
      notes.push(`「${def.label}」应是文字，文件里却是${jsonTypeOf(raw)}，已忽略`);
      continue;
    }
    if (kindOf(def.kind).money) amounts.push(read);
    if (def.compute) {
      fileComputed.set(def.id, read);
      continue;
    }
    form.values[def.id] = readValue(def, def.label, read, notes);
  }
  form.options = { ...DEFAULT_OPTIONS, twoDecimals: looksTwoDecimals(amounts) };
  form.values = recomputed(template, form.values, fileComputed, notes);
  if (str(form.values[template.identity.year]) === '') notes.push('没有年度');
  return { form, template, notes: boundNotes(notes) };
}
