/**
 * Turns the first zod issue of a rejected request into one Chinese sentence that names the
 * field the way the user knows it, so a bad payload never reaches the user as English jargon.
 */
import type { z } from 'zod';
import { valueLabel } from '../../../shared/limits';
import type { TemplateDef } from '../../../shared/template/schema';

/** Marks an issue that carries zod's default text, so a schema's own Chinese message is kept. */
const DEFAULT_MARK = '\u0000default';
export const markDefaults: z.core.$ZodErrorMap = () => DEFAULT_MARK;

const KEY_NAMES: Record<string, string> = {
  id: '编号',
  year: '年度',
  department: '部门名称',
  templateId: '表格模板',
  data: '表单内容',
  values: '填写内容',
  options: '选项',
  twoDecimals: '“统一保留两位小数”',
  blankZero: '“零值留空”',
  fileName: '文件名',
  reason: '解除定稿的原因',
  revision: '版本号',
  search: '搜索内容',
  onConflict: '重复时的处理方式',
  kind: '文件类型',
  multiple: '是否多选',
  mode: '指标形式',
  parts: '产出指标',
  items: '效益指标',
  name: '指标名称',
  description: '指标说明',
  text: '文字',
};

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否',
  object: '一组数据',
  array: '列表',
  null: '空值',
  undefined: '空',
};

/**
 * The innermost part of the path the user can recognise, e.g. data.values.x → the field's label in
 * `template`, the form's own (without it, the field's id).
 */
export function pathLabel(path: readonly PropertyKey[], template?: TemplateDef): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    if (path[i - 1] === 'values') return template && valueLabel(template, key) !== key ? `“${valueLabel(template, key)}”` : `字段 ${key}`;
    if (KEY_NAMES[key]) return KEY_NAMES[key];
  }
  return path.length ? `字段 ${path.map(String).join('.')}` : '请求';
}

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** `template`: the form's own, to name its fields. */
export function issueMessage(issue: z.core.$ZodIssue, template?: TemplateDef): string {
  if (issue.message && issue.message !== DEFAULT_MARK) return issue.message;
  const where = pathLabel(issue.path, template);
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_NAMES[issue.expected] ?? issue.expected;
      const got = 'input' in issue ? TYPE_NAMES[received(issue.input)] : undefined;
      return got ? `${where}应为${want}，收到的是${got}` : `${where}应为${want}`;
    }
    case 'too_big':
      if (issue.origin === 'string') return `${where}太长，最多 ${String(issue.maximum)} 个字`;
      return issue.inclusive === false ? `${where}应小于 ${String(issue.maximum)}` : `${where}不能大于 ${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? `${where}不能为空` : `${where}至少要 ${String(issue.minimum)} 个字`;
      }
      return issue.inclusive === false ? `${where}应大于 ${String(issue.minimum)}` : `${where}不能小于 ${String(issue.minimum)}`;
    case 'unrecognized_keys':
      return `${where}含有不认识的项目：${issue.keys.join('、')}`;
    case 'invalid_value':
      return `${where}的取值不在允许范围内`;
    case 'invalid_union':
      return `${where}的格式不对`;
    case 'invalid_format':
      return `${where}的格式不对`;
    default:
      return `${where}不符合要求`;
  }
}
