/**
 * The cross-form rules (crossEqual, crossSumAtMost) over a year: each form is compared with the
 * live forms of its unit and year that its rules name, as the editor compares it (store.related:
 * the same unit as stored), so a form's status in the 汇总 is the one its clerk sees.
 */
import { DEFAULT_OPTIONS } from '../../../shared/form';
import type { TemplateRegistry } from '../../../shared/template/registry';
import { crossRulesOf, roleOf, ruleReadsFrom } from '../../../shared/template/roles';
import { crossFormMessages, type RelatedForm } from '../../../shared/validation';
import { addMessages, type FormFacts } from './facts';

/** Fields of template `id` that cross-form rules read: its own rules' fields and what other templates' rules read off it. */
export function crossFieldsOf(id: string, templates: TemplateRegistry): Set<string> {
  const out = new Set<string>();
  const self = templates.find(id);
  for (const t of templates.all())
    for (const r of crossRulesOf(t)) {
      if (t.id === id) out.add(r.field);
      if (self && ruleReadsFrom(r, self)) out.add(r.otherField);
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
    const rules = crossRulesOf(t);
    if (rules.length === 0) continue;
    const related: RelatedForm[] = (byUnit.get(f.unit) ?? [])
      .filter((o) => o.id !== f.id)
      .flatMap((o) => {
        const ot = templates.find(o.templateId);
        return ot && rules.some((r) => ruleReadsFrom(r, ot)) ? [{ o, ot }] : [];
      })
      .sort((a, b) => a.o.id - b.o.id)
      .map(({ o, ot }) => ({
        id: o.id,
        templateId: o.templateId,
        templateTitle: ot.title,
        templateRole: roleOf(ot),
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
