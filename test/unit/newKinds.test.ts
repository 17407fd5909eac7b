/**
 * The kinds the 自评/监控 forms and the newer declaration layouts need, each a module of
 * shared/kinds: 指标性质 (comparator), 度量单位 (unit) and 分值/得分 (score, exact, with the
 * template's maximum). Each reads the spellings clerks use, prints as the paper does, is checked,
 * and works in a template: validation, Word export read back, label JSON both ways.
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import type { FormData } from '../../shared/form';
import { kindOf } from '../../shared/kinds';
import { fromLabelJson, toLabelJson } from '../../shared/labelJson';
import { withComputed } from '../../shared/formOps';
import { checkTemplate } from '../../shared/template/check';
import { templateDefSchema, type TemplateDef } from '../../shared/template/schema';
import { validateForm } from '../../shared/validation';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';
import { MADE_UP_TEMPLATE, MADE_UP_VALUES } from '../helpers/madeUpTemplate';

const read = (kind: string, text: string, params?: Record<string, unknown>) =>
  kindOf(kind).read(text, { id: 'x', label: 'x', kind, params });
const value = (kind: string, text: string) => read(kind, text).value;
const check = (kind: string, text: string, params?: Record<string, unknown>) =>
  kindOf(kind).check?.(text, { id: 'x', label: '得分', kind, params }, '得分') ?? null;

describe('comparator (指标性质)', () => {
  it('reads every spelling of a sign as the sign', () => {
    const cases: [string, string][] = [
      ['≥', '≥'],
      ['>=', '≥'],
      ['≧', '≥'],
      ['＞＝', '≥'],
      ['大于等于', '≥'],
      ['不低于', '≥'],
      ['<=', '≤'],
      ['≦', '≤'],
      ['不超过', '≤'],
      ['=', '='],
      ['＝', '='],
      ['>', '＞'],
      ['＞', '＞'],
      [' < ', '＜'],
      ['定性', '定性'],
      ['', ''],
    ];
    expect(cases.map(([t]) => value('comparator', t))).toEqual(cases.map(([, v]) => v));
    const r = read('comparator', '约等于');
    expect(r.value).toBe('约等于');
    expect(r.problem?.reason).toMatch(/不是指标性质/);
  });
  it('is checked against its six signs, whatever the template', () => {
    expect(check('comparator', '≥')).toBeNull();
    expect(check('comparator', '约')).toMatchObject({ code: 'comparator' });
    expect(kindOf('comparator').fixedOptions).toEqual(['≥', '≤', '=', '＞', '＜', '定性']);
  });
});

describe('unit (度量单位)', () => {
  it('reads full-width letters and signs as ASCII, and refuses a number', () => {
    expect(['ｋｍ', ' 人次 ', '％', '万元', 'm²', 'ｍ２'].map((t) => value('unit', t))).toEqual(['km', '人次', '%', '万元', 'm²', 'm2']);
    expect(check('unit', '100')).toMatchObject({ code: 'unit' });
    expect(check('unit', '个')).toBeNull();
  });
});

describe('score (分值、得分)', () => {
  it('reads exact decimals with two places at most, and prints two places', () => {
    const cases: [string, string][] = [
      ['8.5', '8.5'],
      ['８．５０', '8.5'],
      ['10分', '10'],
      ['007', '7'],
      ['0.05', '0.05'],
      ['', ''],
    ];
    expect(cases.map(([t]) => value('score', t))).toEqual(cases.map(([, v]) => v));
    expect(read('score', '8.555').problem?.reason).toMatch(/最多两位小数/);
    expect(read('score', '-1').problem).toBeDefined();
    const print = (v: string) => kindOf('score').print(v, { id: 'x', label: 'x', kind: 'score' }, { twoDecimals: false, blankZero: false });
    expect(['8.5', '10', '0.05', '', '八分'].map(print)).toEqual(['8.50', '10.00', '0.05', '', '八分']);
  });
  it('is at most the template maximum, compared exactly', () => {
    expect(check('score', '10', { max: 10 })).toBeNull();
    expect(check('score', '10.01', { max: 10 })).toEqual({ code: 'score', message: '得分不能超过 10 分' });
    expect(check('score', '0.3', { max: 0.3 })).toBeNull();
    expect(check('score', '0.31', { max: 0.3 })).not.toBeNull();
    expect(check('score', '999999')).toBeNull();
  });
});

/** The made-up template with 指标性质 (comparator), 得分 (score, at most 10) and 度量单位 (unit) in it. */
const T: TemplateDef = (() => {
  const t = structuredClone(MADE_UP_TEMPLATE);
  t.id = 'test-kinds';
  t.title = '专项资金分配明细表（新类型测试）';
  const cols = t.groups![0].columns;
  Object.assign(
    cols.find((c) => c.id === 'sub')!,
    { label: '指标性质', kind: 'comparator', merge: undefined, newYear: 'carry' },
  );
  Object.assign(
    cols.find((c) => c.id === 'when')!,
    { label: '得分', kind: 'score', params: { max: 10 }, newYear: 'clear' },
  );
  Object.assign(
    t.fields.find((f) => f.id === 'maker')!,
    { label: '度量单位', kind: 'unit' },
  );
  return t;
})();

const form = (): FormData => {
  const values = structuredClone(MADE_UP_VALUES) as Record<string, unknown>;
  values.items = MADE_UP_VALUES.items.map((r, i) => ({ ...r, sub: ['≥', '≤', '定性', '＞'][i], when: ['8.5', '10', '0', '9.25'][i] }));
  values.maker = '人次';
  return { templateId: T.id, values: values as FormData['values'], options: { twoDecimals: false, blankZero: false } };
};

describe('the new kinds in a template', () => {
  it('are sound declarations, and a bad maximum is refused in Chinese', () => {
    expect(templateDefSchema.safeParse(T).success).toBe(true);
    expect(checkTemplate(T)).toEqual([]);
    const bad = structuredClone(T);
    bad.groups![0].columns.find((c) => c.id === 'when')!.params = { max: 10.001 };
    expect(checkTemplate(bad)).toEqual(['分组「分配明细」的列「得分」的最高分（params.max）最多两位小数']);
    const notColumn = structuredClone(T);
    notColumn.groups![0].columns[0].kind = 'date';
    expect(templateDefSchema.safeParse(notColumn).success).toBe(false);
  });

  it('validate, print in Word and go through label JSON both ways', async () => {
    const f = form();
    expect(validateForm(f, T)).toEqual([]);
    const over = form();
    (over.values.items as Record<string, string>[])[1].when = '10.5';
    (over.values.items as Record<string, string>[])[2].sub = '大概';
    expect(validateForm(over, T).map((m) => [m.row, m.column, m.message])).toEqual([
      [1, 'when', '分配明细第2行的得分不能超过 10 分'],
      [2, 'sub', '分配明细第3行的指标性质应为 ≥、≤、=、＞、＜ 或 定性'],
    ]);

    const g = await readDocxGrid((await exportDocx(f, T, { appVersion: 't' })).bytes);
    expect([3, 4, 5, 6].map((r) => cellAt(g.table, r, 4)!.text)).toEqual(['8.50', '10.00', '0.00', '9.25']);
    expect([3, 4, 5, 6].map((r) => cellAt(g.table, r, 1)!.text)).toEqual(['≥', '≤', '定性', '＞']);

    const json = toLabelJson(f, T);
    expect((json['分配明细'] as Record<string, string>[]).map((r) => [r['指标性质'], r['得分']])).toEqual([
      ['≥', '8.50'],
      ['≤', '10.00'],
      ['定性', '0.00'],
      ['＞', '9.25'],
    ]);
    const back = fromLabelJson(JSON.parse(JSON.stringify(json)), T);
    expect(back.notes).toEqual([]);
    expect(withComputed(back.form, T)).toEqual(withComputed(f, T));
    const typed = fromLabelJson(
      { 表: T.title, 年度: '2026', 度量单位: 'ｋｍ', 分配明细: [{ 事项: 'x', 指标性质: '>=', 得分: '８．５分' }] },
      T,
    );
    expect(typed.form.values.maker).toBe('km');
    expect((typed.form.values.items as Record<string, string>[])[0]).toMatchObject({ sub: '≥', when: '8.5' });
  });
});
