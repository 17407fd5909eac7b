/**
 * How much text a value may hold. A clerk never comes near these; they keep a pasted novel or a
 * hostile file from making every later check, export, search and save slow.
 *
 * Two levels: per field kind (its module's `maxLength`, shared/kinds), validation marks a value over its limit on the cell (nothing is cut);
 * and one hard limit for any single value, MAX_FIELD_CHARS, that a save cannot pass (refused with a
 * message naming the field) and an import cuts to (and says so). Documented in the README.
 */
import type { FieldValue, FormData } from './form';
import type { TemplateDef } from './template/schema';

/**
 * A 指标库 file (.xlsx or JSON): what an import accepts, and so what an export may write — an export
 * past either is refused, never a file the next import refuses (issue #27). A real library is a
 * few hundred KB.
 */
export const MAX_LIBRARY_ENTRIES = 20_000;
export const MAX_LIBRARY_BYTES = 5 * 1024 * 1024;

/** Rows of one repeating group when the template gives no maximum. */
export const MAX_GROUP_ROWS = 500;

/** The most any one value may hold: a field, or one cell of a repeating group. */
export const MAX_FIELD_CHARS = 50_000;

/** All the text a value holds (indicator lists count every item, name and description; a group its longest cell). */
export function fieldTextLength(v: FieldValue | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === 'string') return v.length;
  if (Array.isArray(v)) return v.reduce((n, row) => Math.max(n, ...Object.values(row).map((c) => c.length)), 0);
  if (v.mode === 'text') return v.text.length;
  if (v.mode === 'parts') return Object.values(v.parts).reduce((n, items) => n + items.reduce((m, s) => m + s.length, 0), 0);
  return v.items.reduce((n, it) => n + it.name.length + it.description.length, 0);
}

/** A field's or group's label in the form's own template; its id only when the template is unknown. */
export const valueLabel = (t: TemplateDef | undefined, id: string): string =>
  t?.fields.find((f) => f.id === id)?.label ?? t?.groups?.find((g) => g.id === id)?.label ?? id;

/** A Chinese message for the first value over the limit, or null when the form fits; `template` is the form's own. */
export function formTooLong(data: FormData, template: TemplateDef | undefined): string | null {
  for (const [id, v] of Object.entries(data.values)) {
    const n = fieldTextLength(v);
    if (n > MAX_FIELD_CHARS) {
      return `「${valueLabel(template, id)}」的内容太长（${n} 字，每项最多 ${MAX_FIELD_CHARS} 字），没有保存。请删减后再保存`;
    }
  }
  return null;
}

/** The value cut to the limit (an indicator list keeps its items that fit; a group cuts each cell), and whether it was cut. */
export function capFieldText(v: FieldValue): { value: FieldValue; cut: boolean } {
  if (fieldTextLength(v) <= MAX_FIELD_CHARS) return { value: v, cut: false };
  if (typeof v === 'string') return { value: v.slice(0, MAX_FIELD_CHARS), cut: true };
  if (Array.isArray(v))
    return { value: v.map((row) => Object.fromEntries(Object.entries(row).map(([k, c]) => [k, c.slice(0, MAX_FIELD_CHARS)]))), cut: true };
  if (v.mode === 'text') return { value: { mode: 'text', text: v.text.slice(0, MAX_FIELD_CHARS) }, cut: true };
  let room = MAX_FIELD_CHARS;
  const take = (s: string) => {
    const t = s.slice(0, Math.max(0, room));
    room -= t.length;
    return t;
  };
  if (v.mode === 'parts') {
    const parts = Object.fromEntries(
      Object.entries(v.parts).map(([k, items]) => [k, items.map(take).filter((s) => s !== '')]),
    ) as typeof v.parts;
    return { value: { mode: 'parts', parts }, cut: true };
  }
  const items = v.items.map((it) => ({ name: take(it.name), description: take(it.description) })).filter((it) => it.name || it.description);
  return { value: { mode: 'items', items }, cut: true };
}
