/** One filled form of every built-in template, from the fixtures, for tests that go over all of them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormData } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';

const FIXTURES: Record<string, string> = {
  'bumen-zhengti-2019': 'seed-2019-taoyuan.json',
  'bumen-zhengti-2015': 'bumen-2015-example.json',
  'bumen-zhengti-hunan-2023': 'bumen-hunan-2023-example.json',
  'xiangmu-zhichu': 'xiangmu-2025-tiyu.json',
  'xiangmu-zhichu-2015': 'xiangmu-2015-example.json',
  'xiangmu-tiaozheng': 'xiangmu-tiaozheng-example.json',
  'xiangmu-jiankong': 'xiangmu-jiankong-example.json',
  'bumen-jiankong': 'bumen-jiankong-example.json',
  'xiangmu-zipin': 'xiangmu-zipin-example.json',
  'bumen-zipin': 'bumen-zipin-example.json',
  'xiangmu-hubei-2021': 'xiangmu-hubei-2025-example.json',
  'xiangmu-guangxi-2024': 'xiangmu-guangxi-2025-example.json',
};

export interface BuiltinForm {
  template: TemplateDef;
  /** Label-keyed JSON of the fixture (printed labels as keys). */
  json: Record<string, unknown>;
  form: FormData;
}

export function builtinForms(): BuiltinForm[] {
  return BUILTIN_TEMPLATES.map((template) => {
    const file = FIXTURES[template.id];
    if (!file) throw new Error(`内置表样 ${template.id} 没有测试用的示例表单（test/fixtures）`);
    const json = JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${file}`, import.meta.url)), 'utf8')) as Record<
      string,
      unknown
    >;
    return { template, json, form: withComputed(fromLabelJson(json, template).form, template) };
  });
}
