/**
 * Size limits of a form's content, the same for the editor, a save and an import. The paper
 * form has room for a few hundred characters per cell; 50,000 is far beyond any real text,
 * and keeps every operation on a field (checks, printing, searching) cheap. An import cuts a
 * longer text and says so; a save of a longer text is refused with a message naming the field.
 */
import type { FieldValue, FormData } from './form';
import { getTemplate } from './templates';

export const MAX_FIELD_CHARS = 50_000;

/** All the text a value holds (indicator lists count every item, name and description). */
export function fieldTextLength(v: FieldValue | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === 'string') return v.length;
  if (v.mode === 'text') return v.text.length;
  if (v.mode === 'parts') return Object.values(v.parts).reduce((n, items) => n + items.reduce((m, s) => m + s.length, 0), 0);
  return v.items.reduce((n, it) => n + it.name.length + it.description.length, 0);
}

function labelOf(templateId: string, id: string): string {
  try {
    return getTemplate(templateId).fields.find((f) => f.id === id)?.label ?? id;
  } catch {
    return id;
  }
}

/** A Chinese message for the first field over the limit, or null when the form fits. */
export function formTooLong(data: FormData): string | null {
  for (const [id, v] of Object.entries(data.values)) {
    const n = fieldTextLength(v);
    if (n > MAX_FIELD_CHARS) {
      return `「${labelOf(data.templateId, id)}」的内容太长（${n} 字，每项最多 ${MAX_FIELD_CHARS} 字），没有保存。请删减后再保存`;
    }
  }
  return null;
}

/** The value cut to the limit (an indicator list keeps its items that fit), and whether it was cut. */
export function capFieldText(v: FieldValue): { value: FieldValue; cut: boolean } {
  if (fieldTextLength(v) <= MAX_FIELD_CHARS) return { value: v, cut: false };
  if (typeof v === 'string') return { value: v.slice(0, MAX_FIELD_CHARS), cut: true };
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
