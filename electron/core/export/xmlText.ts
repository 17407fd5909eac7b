/**
 * Text that Word can save: a form's values through the one XML-text sanitiser
 * (shared/text/xmlChars.ts) before anything is written, with a note for each field that lost
 * characters, which the caller reports.
 */
import type { BenefitIndicators, FieldValue, FormData, OutputIndicators } from '../../../shared/form';
import type { TemplateDef } from '../../../shared/template/schema';
import { sanitizeXmlText } from '../../../shared/text/xmlChars';

export { sanitizeXmlText, xmlSafe } from '../../../shared/text/xmlChars';

interface Counter {
  removed: number;
}

function clean(s: string, c: Counter): string {
  const r = sanitizeXmlText(s);
  c.removed += r.removed;
  return r.text;
}

function cleanValue(v: FieldValue, c: Counter): FieldValue {
  if (typeof v === 'string') return clean(v, c);
  if (Array.isArray(v)) return v.map((row) => Object.fromEntries(Object.entries(row).map(([k, x]) => [k, clean(x, c)])));
  if ('parts' in v) {
    const o = v as Extract<OutputIndicators, { mode: 'parts' }>;
    const parts = { ...o.parts };
    for (const k of Object.keys(parts) as (keyof typeof parts)[]) parts[k] = parts[k].map((x) => clean(x, c));
    return { mode: 'parts', parts };
  }
  if ('items' in v) {
    const b = v as Extract<BenefitIndicators, { mode: 'items' }>;
    return { mode: 'items', items: b.items.map((i) => ({ name: clean(i.name, c), description: clean(i.description, c) })) };
  }
  return { ...v, text: clean(v.text, c) };
}

/**
 * The form with every value made writable, and one Chinese note per field that lost
 * characters. The printed table and the embedded copy both use the result, so they agree.
 */
export function sanitizeForm(form: FormData, t: TemplateDef): { form: FormData; dropped: string[] } {
  const dropped: string[] = [];
  const values: Record<string, FieldValue> = {};
  for (const [id, v] of Object.entries(form.values)) {
    const c: Counter = { removed: 0 };
    values[id] = cleanValue(v, c);
    if (c.removed > 0) {
      const label = t.fields.find((f) => f.id === id)?.label ?? t.groups?.find((g) => g.id === id)?.label ?? id;
      dropped.push(`${label}：删除了 ${c.removed} 个 Word 无法保存的控制字符`);
    }
  }
  return { form: { ...form, values }, dropped };
}
