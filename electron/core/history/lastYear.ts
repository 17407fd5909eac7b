/**
 * Last year's results for a form (contract `forms.lastYear`, shared/lastYear.ts): this unit's
 * declaration of the same project (or unit) last year, in the same role, of any template, and
 * that declaration's 自评 — a form of the same year, unit and title whose template follows the
 * declaration's role and names an `actual` column (the stages' link, store/stages.ts) — joined
 * indicator by indicator; and the earlier years' indicators the history columns are filled from.
 * A later-stage form (调整, 监控, 自评) gets nothing: its targets are the declaration's.
 */
import type { FormRecord, FormSummary } from '../../../shared/contract';
import type { FormData } from '../../../shared/form';
import { str } from '../../../shared/formOps';
import { earlierIndicators, hasHistory } from '../../../shared/history';
import { joinLastYear, type LastYear, type LastYearForm } from '../../../shared/lastYear';
import { roleOf } from '../../../shared/template/roles';
import type { TemplateDef } from '../../../shared/template/schema';
import { earlierForms, sameProjectIn, type EarlierSource } from './earlierForms';

const assesses = (t: TemplateDef): boolean => (t.groups ?? []).some((g) => (g.indicators ?? []).some((s) => s.actual !== undefined));

const newestFirst = (a: FormSummary, b: FormSummary) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id);

export function lastYearOf(form: FormData, t: TemplateDef, src: EarlierSource): LastYear {
  const year = str(form.values[t.identity.year]).trim();
  const last = /^\d{4}$/.test(year) ? String(Number(year) - 1) : '';
  const none: LastYear = { year: last, declaration: null, selfEvaluation: null, indicators: [], history: [] };
  if (last === '' || t.follows !== undefined) return none;
  const role = roleOf(t);
  const near = sameProjectIn(last, form, t, src).sort(newestFirst);
  const pick = (ok: (tt: TemplateDef) => boolean): { record: FormRecord; template: TemplateDef } | null => {
    for (const s of near) {
      try {
        const template = src.templateOf(s);
        if (ok(template)) return { record: src.get(s.id), template };
      } catch {
        // A form whose template is unknown here, or that is damaged, informs nothing; the next one may.
      }
    }
    return null;
  };
  const declaration = pick((tt) => tt.follows === undefined && roleOf(tt) === role);
  const selfEvaluation = pick((tt) => tt.follows === role && assesses(tt));
  const ref = (p: { record: FormRecord; template: TemplateDef } | null): LastYearForm | null =>
    p ? { id: p.record.id, title: p.record.title, templateTitle: p.template.title } : null;
  const source = (p: { record: FormRecord; template: TemplateDef } | null) => (p ? { form: p.record.data, template: p.template } : null);
  return {
    year: last,
    declaration: ref(declaration),
    selfEvaluation: ref(selfEvaluation),
    indicators: joinLastYear(source(declaration), source(selfEvaluation)),
    history: hasHistory(t)
      ? earlierForms(form, t, src).map((e) => ({ year: e.year, title: e.title, indicators: earlierIndicators(e) }))
      : [],
  };
}
