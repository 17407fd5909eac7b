/** How a form maps onto its row: identity and summary columns, search text, packed JSON. */
import type { FormSummary } from '../../../shared/contract';
import { formDataSchema } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import { withComputed } from '../../../shared/formOps';
import { formName, identityOf, keyLabels } from '../../../shared/identity';
import { toLabelJson } from '../../../shared/labelJson';
import type { TemplateRegistry } from '../../../shared/template/registry';
import type { TemplateDef } from '../../../shared/template/schema';
import { packJson } from './jsonBlob';

export interface FormColumns {
  template: TemplateDef;
  templateId: string;
  templateVersion: number;
  year: string;
  identityKey: string;
  title: string;
  unit: string;
  searchText: string;
  /** The form JSON as stored in its revision. */
  packed: Buffer;
  data: FormData;
}

/** Every printed value, so a search finds a form by anything on it (a project name, a unit, an indicator). */
function searchTextOf(data: FormData, t: TemplateDef): string {
  const parts: string[] = [];
  for (const v of Object.values(toLabelJson(data, t))) {
    if (typeof v === 'string') parts.push(v);
    else for (const row of v) parts.push(...Object.values(row).filter((x) => x !== ''));
  }
  return parts.join('\n');
}

function templateOf(templateId: string, templates: TemplateRegistry): TemplateDef {
  const t = templates.find(templateId);
  if (!t) throw new UserError(`未知的表样「${templateId}」：请先在「表样管理」中导入它，或升级本程序后再打开`, 'unknown-template');
  return t;
}

/**
 * Only what finds a form's stored twin (template, year, identity): no search text and no packing,
 * which are most of formColumns' cost and which an import's two conflict checks do not need.
 */
export function identityColumns(data: FormData, templates: TemplateRegistry): Pick<FormColumns, 'templateId' | 'year' | 'identityKey'> {
  const t = templateOf(data.templateId, templates);
  const id = identityOf(withComputed(data, t), t);
  return { templateId: t.id, year: id.year, identityKey: id.key };
}

/** Checks the shape, fills computed fields, and derives the columns. */
export function formColumns(input: FormData, templates: TemplateRegistry): FormColumns {
  const parsed = formDataSchema.safeParse(input);
  if (!parsed.success) throw new UserError('表单内容格式不正确，无法保存；请重新打开表单后再试');
  const t = templateOf(parsed.data.templateId, templates);
  const data = withComputed(parsed.data as FormData, t);
  const id = identityOf(data, t);
  return {
    template: t,
    templateId: t.id,
    templateVersion: t.version,
    year: id.year,
    identityKey: id.key,
    title: id.title,
    unit: id.unit,
    searchText: searchTextOf(data, t),
    packed: packJson(JSON.stringify(data)),
    data,
  };
}

export const SUMMARY_COLUMNS =
  'id, template_id AS templateId, template_version AS templateVersion, year, title, unit, status, updated_at AS updatedAt, deleted_at AS deletedAt';

export const statusText = (s: FormSummary['status']): string => (s === 'final' ? '已定稿' : '草稿');

/** How messages name a form: 2019 年度「湖南省桃源县看守所」（编号 3，草稿）. */
export function describeForm(f: FormSummary, t: TemplateDef | undefined): string {
  const name = t ? formName(f, t) : `${f.year || '（未填年度）'} 年度「${f.title || '未填名称'}」`;
  return `${name}（编号 ${f.id}，${statusText(f.status)}）`;
}

/** What must differ between two forms of one template and year: 部门名称, or 实施单位、项目名称. */
export const identityWords = (t: TemplateDef): string => keyLabels(t);

/** LIKE pattern for a literal search term. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
