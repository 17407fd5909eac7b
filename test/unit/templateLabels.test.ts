/**
 * Names that label JSON cannot carry (issue #27, item 11): label JSON skips keys starting with "_"
 * (its comments, "_about"), and an object key "__proto__" replaces the prototype, so a field or
 * column named so lost its value on every show / import-json round trip. The template check
 * refuses such names, with a message that says why.
 */
import { describe, expect, it } from 'vitest';
import { fromLabelJson, toLabelJson } from '../../shared/labelJson';
import { checkTemplate } from '../../shared/template/check';
import { templateFromFile, templateToFile } from '../../shared/template/file';
import type { TemplateDef } from '../../shared/template/schema';
import { MADE_UP_TEMPLATE as T, MADE_UP_VALUES } from '../helpers/madeUpTemplate';

const renamed = (field: string, label: string): TemplateDef => ({
  ...T,
  fields: T.fields.map((f) => (f.id === field ? { ...f, label } : f)),
});

describe('names starting with _ in a template', () => {
  it('are what label JSON loses (the reason for the check)', () => {
    const t = renamed('notes', '__proto__');
    const form = { templateId: t.id, values: structuredClone(MADE_UP_VALUES), options: { twoDecimals: false, blankZero: false } };
    const back = fromLabelJson(JSON.parse(JSON.stringify(toLabelJson(form, t))), t).form;
    expect(back.values.notes).not.toBe(MADE_UP_VALUES.notes);
  });

  it.each(['__proto__', '_备注', ' _备注'])('refuses a field named %j, and a template file with one', (label) => {
    const t = renamed('notes', label);
    expect(checkTemplate(t).join()).toMatch(/以下划线“_”开头.*JSON 中会被当作注释忽略，请换一个名称/);
    expect(() => templateFromFile(templateToFile(t))).toThrow(/这个表样文件不能导入：.*以下划线“_”开头/);
  });

  it('refuses a column, an alias or a printed name starting with _', () => {
    const column: TemplateDef = {
      ...T,
      groups: T.groups!.map((g) => ({ ...g, columns: g.columns.map((c, i) => (i === 0 ? { ...c, label: '_大类' } : c)) })),
    };
    expect(checkTemplate(column).join()).toMatch(/「_大类」以下划线/);
    const alias: TemplateDef = { ...T, fields: T.fields.map((f) => (f.id === 'maker' ? { ...f, aliases: ['_制表'] } : f)) };
    expect(checkTemplate(alias).join()).toMatch(/「_制表」以下划线/);
    expect(checkTemplate(T)).toEqual([]);
  });
});
