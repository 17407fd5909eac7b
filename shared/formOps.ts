/** Small pure operations on a form and its template that every side needs. */
import { DEFAULT_OPTIONS, type FieldValue, type FormData, type GroupRow } from './form';
import { withFixedRows } from './fixedRows';
import { kindOf } from './kinds';
import { refsOf } from './compute';
import { computeValues, fieldOutcome } from './computeForm';
import type { ColumnDef, FieldDef, GroupDef, TemplateDef } from './template/schema';

interface TemplateIndex {
  fields: Map<string, FieldDef>;
  groups: Map<string, GroupDef>;
}

const indexes = new WeakMap<TemplateDef, TemplateIndex>();

/** Fields and groups by id, built once per template object. */
export function indexOf(t: TemplateDef): TemplateIndex {
  let ix = indexes.get(t);
  if (!ix) {
    ix = { fields: new Map(t.fields.map((f) => [f.id, f])), groups: new Map((t.groups ?? []).map((g) => [g.id, g])) };
    indexes.set(t, ix);
  }
  return ix;
}

export function fieldDef(t: TemplateDef, id: string): FieldDef {
  const f = indexOf(t).fields.get(id);
  if (!f) throw new Error(`模板 ${t.id} 没有字段 ${id}`);
  return f;
}

export function groupDef(t: TemplateDef, id: string): GroupDef {
  const g = indexOf(t).groups.get(id);
  if (!g) throw new Error(`模板 ${t.id} 没有表格分组 ${id}`);
  return g;
}

export function columnDef(g: GroupDef, id: string): ColumnDef {
  const c = g.columns.find((x) => x.id === id);
  if (!c) throw new Error(`表格分组 ${g.id} 没有列 ${id}`);
  return c;
}

export function str(v: FieldValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** A group's rows as stored; anything that is not a list of rows reads as no rows. */
export function rowsOf(values: FormData['values'], groupId: string): GroupRow[] {
  const v = values[groupId];
  return Array.isArray(v) ? v : [];
}

/** A row with every column of the group present, as text. */
export function completeRow(g: GroupDef, row: Partial<GroupRow> = {}): GroupRow {
  const out: GroupRow = {};
  for (const c of g.columns) out[c.id] = typeof row[c.id] === 'string' ? (row[c.id] as string) : '';
  return out;
}

/** Whether the clerk wrote anything in the row beyond the merged headings (一级/二级) it sits under. */
export function rowInUse(g: GroupDef, row: GroupRow): boolean {
  return g.columns.some((c) => !c.merge && (row[c.id] ?? '').trim() !== '');
}

export function emptyValue(def: FieldDef): FieldValue {
  return kindOf(def.kind).empty();
}

export function defaultRows(g: GroupDef): GroupRow[] {
  return withFixedRows(
    g,
    (g.defaultRows ?? []).map((r) => completeRow(g, r)),
    () => completeRow(g),
  );
}

/** A blank form of a template for a budget year: empty fields, each group's default rows. */
export function blankForm(t: TemplateDef, year: string): FormData {
  const values: Record<string, FieldValue> = {};
  for (const f of t.fields) values[f.id] = emptyValue(f);
  for (const g of t.groups ?? []) values[g.id] = defaultRows(g);
  values[t.identity.year] = year;
  return { templateId: t.id, values, options: { ...DEFAULT_OPTIONS } };
}

/** The exact value of a computed field from the form's current values ('' while the clerk types it within a range). */
export function computedValue(def: FieldDef, values: FormData['values']): string {
  if (!def.compute) return str(values[def.id]);
  const o = fieldOutcome(def, values);
  return 'value' in o ? o.value : str(values[def.id]);
}

/** Fill computed fields and columns from their inputs (shared/computeForm.ts). Computed values are never typed. */
export function withComputed(form: FormData, t: TemplateDef): FormData {
  return { ...form, values: computeValues(t, form.values) };
}

/** The ids a computed field is worked out from (field ids, and group ids for what it reads of a group). */
export function computeInputs(def: FieldDef): string[] {
  if (!def.compute) return [];
  const r = refsOf(def.compute, { kind: 'field' });
  return [...new Set([...(r.fields ?? []), ...(r.groupColumns ?? []).map((g) => g.group)])];
}

export { printDate } from './kinds/date';

/** The printed name of a field: its paper text when that differs from its unique label. */
export const printedLabel = (def: FieldDef): string => def.printed ?? def.label;
