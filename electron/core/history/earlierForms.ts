/**
 * The earlier forms a form's history columns are filled from (shared/history.ts): this unit's
 * live forms of those years with the same role and the same title (the same project; for a
 * 部门整体 form the unit itself), of any template — a project declared on last year's county
 * layout counts for this year's Hubei one.
 */
import type { FormRecord, FormSummary } from '../../../shared/contract';
import type { FormData } from '../../../shared/form';
import { str } from '../../../shared/formOps';
import { historyYears, type EarlierForm } from '../../../shared/history';
import { roleOf } from '../../../shared/template/roles';
import type { TemplateDef } from '../../../shared/template/schema';

export interface EarlierSource {
  list(year: string): FormSummary[];
  /** The live forms of a year with exactly this unit and title (an index look-up, where list reads the whole year). */
  sameIdentity(year: string, unit: string, title: string): FormSummary[];
  get(id: number): FormRecord;
  templateOf(r: Pick<FormRecord, 'templateId' | 'templateVersion'>): TemplateDef;
}

const trim = (s: string) => s.replace(/\s+/g, '');

/** The live forms of `year` with this form's unit and title (its declaration and stages that year), in id order. */
export function sameProjectIn(year: string, form: FormData, t: TemplateDef, src: EarlierSource): FormSummary[] {
  const unitText = str(form.values[t.identity.unit]).trim();
  const titleText = t.identity.title.map((f) => str(form.values[f]).trim()).join(' ');
  const [unit, title] = [trim(unitText), trim(titleText)];
  if (unit === '') return [];
  // Written the same way: found by the index. Else the year is read whole and compared without spaces.
  const exact = src.sameIdentity(year, unitText, titleText).filter((s) => !s.deletedAt);
  if (exact.length > 0) return exact;
  return src.list(year).filter((s) => !s.deletedAt && trim(s.unit) === unit && trim(s.title) === title);
}

export function earlierForms(form: FormData, t: TemplateDef, src: EarlierSource): EarlierForm[] {
  return historyYears(t, str(form.values[t.identity.year]).trim()).flatMap((year): EarlierForm[] => {
    const hit = sameProjectIn(year, form, t, src)
      .map((s) => src.get(s.id))
      .find((r) => roleOf(src.templateOf(r)) === roleOf(t));
    return hit ? [{ year, title: hit.title, form: hit.data, template: src.templateOf(hit) }] : [];
  });
}
