/**
 * Text that Word can save. XML 1.0 forbids most C0 control characters, lone UTF-16
 * surrogates and U+FFFE/U+FFFF; Word refuses a file that contains them ("unreadable
 * content"), so they are removed before anything is written and the caller reports it.
 */
import type { BenefitIndicators, FieldValue, FormData, OutputIndicators } from '../../../shared/form';
import type { TemplateDef } from '../../../shared/template/schema';

// Tab, LF and CR are legal XML; everything else below U+0020 is not. A surrogate is legal
// only as half of a pair.
/* eslint-disable no-control-regex -- control characters are exactly what is removed */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

export function sanitizeXmlText(s: string): { text: string; removed: number } {
  let removed = 0;
  const text = s.replace(FORBIDDEN, () => {
    removed++;
    return '';
  });
  return { text, removed };
}

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
