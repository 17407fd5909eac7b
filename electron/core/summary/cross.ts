/**
 * The cross-form rules (crossEqual, crossSumAtMost) over a year: each form is compared with the
 * live forms of its unit and year that its rules name, as the editor compares it (store.related:
 * the same unit as stored), so a form's status in the 汇总 is the one its clerk sees.
 */
import { DEFAULT_OPTIONS } from '../../../shared/form';
import type { TemplateRegistry } from '../../../shared/template/registry';
import type { TemplateDef } from '../../../shared/template/schema';
import { crossFormMessages, type RelatedForm } from '../../../shared/validation';
import { addMessages, type FormFacts } from './facts';

const crossRules = (t: TemplateDef) => t.rules.filter((r) => r.type === 'crossEqual' || r.type === 'crossSumAtMost');

/** Fields of template `id` that cross-form rules read: its own rules' fields and what other templates' rules compare with it. */
export function crossFieldsOf(id: string, templates: TemplateRegistry): Set<string> {
  const out = new Set<string>();
  for (const t of templates.all())
    for (const r of crossRules(t)) {
      if (r.type !== 'crossEqual' && r.type !== 'crossSumAtMost') continue;
      if (t.id === id) out.add(r.field);
      if (r.templates.includes(id)) out.add(r.otherField);
    }
  return out;
}

/** Adds each checked form's cross-form messages; `others` are forms only read for comparison (other templates). */
export function applyCrossRules(checked: readonly FormFacts[], others: readonly FormFacts[], templates: TemplateRegistry): void {
  const byUnit = new Map<string, FormFacts[]>();
  for (const f of [...checked, ...others]) {
    if (!f.readable || !f.cross || f.unit === '') continue;
    let list = byUnit.get(f.unit);
    if (!list) byUnit.set(f.unit, (list = []));
    list.push(f);
  }
  for (const f of checked) {
    const t = templates.find(f.templateId);
    if (!t || !f.readable || !f.cross || f.unit === '') continue;
    const wanted = new Set(crossRules(t).flatMap((r) => (r.type === 'crossEqual' || r.type === 'crossSumAtMost' ? r.templates : [])));
    if (wanted.size === 0) continue;
    const related: RelatedForm[] = (byUnit.get(f.unit) ?? [])
      .filter((o) => o.id !== f.id && wanted.has(o.templateId))
      .sort((a, b) => a.id - b.id)
      .map((o) => ({
        id: o.id,
        templateId: o.templateId,
        templateTitle: templates.find(o.templateId)?.title ?? o.templateId,
        title: o.title,
        values: o.cross!.values,
        relation: 'sameUnit' as const,
      }));
    if (related.length === 0) continue;
    addMessages(
      f,
      crossFormMessages({ templateId: t.id, values: f.cross.values, options: DEFAULT_OPTIONS }, t, related, f.cross.unreadable),
    );
  }
}
