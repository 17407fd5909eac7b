/**
 * Template files: a finance bureau whose layout differs from the built-in ones hands its units a
 * JSON file instead of waiting for a new release. Reading one checks everything before anything
 * is stored, and says in Chinese what is wrong and where.
 */
import type { z } from 'zod';
import { UserError } from '../errors';
import { checkTemplate } from './check';
import { TEMPLATE_FORMAT, TEMPLATE_SCHEMA_VERSION, templateDefSchema, templateFileSchema, type TemplateDef } from './schema';

/** A real template is a few tens of KB; anything near this is not one. */
export const MAX_TEMPLATE_FILE_CHARS = 1_000_000;

export function templateToFile(t: TemplateDef): string {
  return JSON.stringify({ format: TEMPLATE_FORMAT, schemaVersion: TEMPLATE_SCHEMA_VERSION, template: t }, null, 2) + '\n';
}

const PATH_NAMES: Record<string, string> = {
  fields: '字段',
  groups: '分组',
  columns: '列',
  cells: '单元格',
  rows: '行',
  rules: '检查规则',
  above: '表格上方的文字行',
  below: '表格下方的文字行',
  segments: '片段',
  table: '表格',
  page: '纸张',
  fonts: '字体',
  identity: '表单标识',
  kind: '类型',
  id: '编号',
  label: '名称',
  content: '内容',
  columnsTwips: '列宽',
  defaultRows: '默认行',
};

function pathText(path: readonly PropertyKey[], root: unknown): string {
  const parts: string[] = [];
  let node: unknown = root;
  for (const key of path) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const named =
        node && typeof node === 'object' ? ((node as { label?: unknown; id?: unknown }).label ?? (node as { id?: unknown }).id) : undefined;
      parts.push(`第 ${key + 1} 个${typeof named === 'string' ? `（${named}）` : ''}`);
    } else parts.push(PATH_NAMES[String(key)] ?? String(key));
  }
  return parts.join(' ') || '表样';
}

function issueText(issue: z.core.$ZodIssue, root: unknown): string {
  const where = pathText(issue.path, root);
  switch (issue.code) {
    case 'invalid_value':
      return `${where}的取值不认识（可用：${issue.values.map(String).join('、')}）`;
    case 'unrecognized_keys':
      return `${where}有不认识的项目：${issue.keys.join('、')}`;
    case 'invalid_type':
      return `${where}缺少或类型不对（应为${issue.expected}）`;
    case 'invalid_union':
      return `${where}的格式不对`;
    case 'too_big':
      return `${where}过大或过多（最多 ${String(issue.maximum)}）`;
    case 'too_small':
      return `${where}过小或过少（至少 ${String(issue.minimum)}）`;
    default:
      return `${where}：${issue.message}`;
  }
}

const refuse = (why: string): UserError => new UserError(`这个表样文件不能导入：${why}。没有做任何改动。`, 'template.invalid');

/** A checked template from a template file's text; throws a Chinese UserError naming the problem. */
export function templateFromFile(text: string): TemplateDef {
  if (text.length > MAX_TEMPLATE_FILE_CHARS) throw refuse(`文件过大（${Math.round(text.length / 1024)} KB，表样文件一般只有几十 KB）`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw refuse('它不是 JSON 格式的表样文件');
  }
  const file = templateFileSchema.safeParse(json);
  if (!file.success) throw refuse('它不是本程序导出的表样文件（缺少 format、schemaVersion 或 template）');
  if (file.data.schemaVersion > TEMPLATE_SCHEMA_VERSION)
    throw refuse(
      `它来自更新版本的程序（表样格式第 ${file.data.schemaVersion} 版，本程序只认识到第 ${TEMPLATE_SCHEMA_VERSION} 版），请升级后再导入`,
    );
  const parsed = templateDefSchema.safeParse(file.data.template);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => issueText(i, file.data.template));
    throw refuse(issues.join('；'));
  }
  const problems = checkTemplate(parsed.data);
  if (problems.length) throw refuse(problems.slice(0, 3).join('；'));
  return parsed.data;
}
