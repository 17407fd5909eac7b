/**
 * Which form this is: the identity fields a template declares (年度 + 部门名称; 年度 + 实施单位 +
 * 项目名称) read off a form, for the store's uniqueness key, lists, messages and file names.
 */
import type { FormData } from './form';
import { fieldDef, str } from './formOps';
import type { TemplateDef } from './template/schema';

export interface FormIdentity {
  year: string;
  /** The identity key besides the year; '' while any key field is blank (no identity yet, no conflict). */
  key: string;
  /** What names the form: the title fields' values, joined. */
  title: string;
  /** The unit the form belongs to. */
  unit: string;
}

const value = (form: FormData, id: string): string => str(form.values[id]).replace(/\s+/g, ' ').trim();

export function identityOf(form: FormData, t: TemplateDef): FormIdentity {
  const keyValues = t.identity.key.map((id) => value(form, id));
  return {
    year: value(form, t.identity.year),
    key: keyValues.every((v) => v !== '') ? JSON.stringify(keyValues) : '',
    title: t.identity.title
      .map((id) => value(form, id))
      .filter((v) => v !== '')
      .join(' '),
    unit: value(form, t.identity.unit),
  };
}

/** What a form is called while its title fields are blank: （未填项目名称）. */
export function untitled(t: TemplateDef): string {
  return `（未填${fieldDef(t, t.identity.title[0]).label}）`;
}

/** How messages name a form: 2025 年度「全民健身赛事活动经费」. */
export function formName(id: Pick<FormIdentity, 'year' | 'title'>, t: TemplateDef): string {
  return `${id.year || '（未填年度）'} 年度「${id.title || untitled(t).slice(1, -1)}」`;
}

/** The names of the identity fields, for messages: 部门名称 or 实施单位、项目名称. */
export function keyLabels(t: TemplateDef): string {
  return t.identity.key.map((id) => fieldDef(t, id).label).join('、');
}
