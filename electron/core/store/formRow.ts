/** How a form maps onto its row: identity and summary columns, search text, packed JSON. */
import type { FormSummary } from '../../../shared/contract';
import { formDataSchema } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import { str, withComputed } from '../../../shared/formOps';
import { toLabelJson } from '../../../shared/labelJson';
import { TEMPLATES } from '../../../shared/templates';
import { packJson } from './jsonBlob';

export interface FormColumns {
  templateId: string;
  year: string;
  department: string;
  unit: string;
  searchText: string;
  /** The form JSON as stored in its revision. */
  packed: Buffer;
  data: FormData;
}

/** Checks the shape, fills computed fields, and derives the columns. */
export function formColumns(input: FormData): FormColumns {
  const parsed = formDataSchema.safeParse(input);
  if (!parsed.success) throw new UserError('表单内容格式不正确，无法保存；请重新打开表单后再试');
  const t = TEMPLATES.find((x) => x.id === parsed.data.templateId);
  if (!t) throw new UserError(`未知的表格模板「${parsed.data.templateId}」，请升级本程序后再打开`);
  const data = withComputed(parsed.data as FormData, t);
  return {
    templateId: t.id,
    year: str(data.values[t.identity.year]).trim(),
    department: str(data.values[t.identity.name]).trim(),
    unit: t.identity.unit ? str(data.values[t.identity.unit]).trim() : '',
    searchText: Object.values(toLabelJson(data)).join('\n'),
    packed: packJson(JSON.stringify(data)),
    data,
  };
}

export const SUMMARY_COLUMNS =
  'id, template_id AS templateId, year, department, unit, status, updated_at AS updatedAt, deleted_at AS deletedAt';

export const statusText = (s: FormSummary['status']): string => (s === 'final' ? '已定稿' : '草稿');

/** How messages name a form: 2019 年度「湖南省桃源县看守所」（编号 3，草稿）. */
export function describeForm(f: FormSummary): string {
  return `${f.year || '（未填年度）'} 年度「${f.department || '（未填部门名称）'}」（编号 ${f.id}，${statusText(f.status)}）`;
}

/** LIKE pattern for a literal search term. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
