/**
 * A later-stage form pre-filled from its declaration (shared/stage/seed.ts), compared field by
 * field with what the declaration's label-keyed JSON fixture says — read here straight from the
 * JSON by label, not through the seed's own mapping.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormData, GroupRow } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';
import { seedStage, targetRows } from '../../shared/stage/seed';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';

const T = (id: string): TemplateDef => BUILTIN_TEMPLATES.find((t) => t.id === id)!;
const fixture = (file: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const formOf = (json: Record<string, unknown>, t: TemplateDef): FormData => fromLabelJson(json, t).form;

const tiyu = fixture('xiangmu-2025-tiyu.json');
type JsonRow = Record<string, string>;
const declaredRows = (json: Record<string, unknown>, prefix = '') =>
  (json['绩效指标'] as JsonRow[])
    .filter((r) => (r[`${prefix}三级指标`] ?? '') !== '' || (r[`${prefix}指标值`] ?? '') !== '')
    .map((r) => [r['一级指标'], r[`${prefix}二级指标`], r[`${prefix}三级指标`], r[`${prefix}指标值`]]);
const rowsOf = (f: FormData, cols: string[]) => (f.values.indicators as GroupRow[]).map((r) => cols.map((c) => r[c]));

describe('a 监控 form from a project declaration', () => {
  const stage = seedStage(
    T('xiangmu-jiankong'),
    { form: formOf(tiyu, T('xiangmu-zhichu')), template: T('xiangmu-zhichu') },
    { month: '6' },
  );

  it('takes identity, money and goal from the declaration, the month from the request', () => {
    const v = stage.values;
    expect(stage.templateId).toBe('xiangmu-jiankong');
    expect(v.year).toBe(tiyu['年度']);
    expect(v.month).toBe('6');
    expect(v.projectName).toBe(tiyu['项目名称']);
    expect(v.department).toBe(tiyu['主管部门及代码']);
    expect(v.unit).toBe(tiyu['实施单位']);
    // 年初预算数 ← 年度资金总额 and its 其中 rows; amounts canonical (1000.00 → 1000).
    expect(v.totalBudget).toBe(String(Number(tiyu['年度资金总额'])));
    expect(v.fiscalBudget).toBe(String(Number(tiyu['财政拨款'])));
    expect(v.otherBudget).toBe(String(Number(tiyu['其他资金'])));
    expect(v.bondBudget).toBe('');
    // What the clerk fills in at month N starts blank.
    for (const id of ['totalSpent', 'fiscalSpent', 'fiscalAdded', 'fiscalRate', 'period', 'area'])
      expect(v[id], id).toBe(id === 'period' ? tiyu['项目期'] : '');
    expect(v.goal).toBe(tiyu['年度目标']);
  });

  it('lists every declared indicator row with its 指标值 as 年度指标值, the monitoring columns blank', () => {
    expect(rowsOf(stage, ['level1', 'level2', 'name', 'target'])).toEqual(declaredRows(tiyu));
    for (const r of stage.values.indicators as GroupRow[])
      expect([r.progress, r.forecast, r.causes, r.likelihood, r.remark]).toEqual(['', '', '', '', '']);
  });
});

describe('other declaration layouts, mapped by what their templates state', () => {
  it('the two-block project form gives its 年度 rows and money (labels 年度财政拨款 / 年度其他资金)', () => {
    const json = fixture('xiangmu-2015-example.json');
    const s = seedStage(T('xiangmu-tiaozheng'), { form: formOf(json, T('xiangmu-zhichu-2015')), template: T('xiangmu-zhichu-2015') });
    expect(rowsOf(s, ['level1', 'level2', 'name', 'value'])).toEqual(declaredRows(json, '年度'));
    expect(s.values.fiscal).toBe(String(json['年度财政拨款']));
    expect(s.values.other).toBe(String(json['年度其他资金']));
    expect(s.values.goal).toBe(json['年度目标']);
    expect(s.values.projectName).toBe(json['项目名称']);
  });

  it('the 2019 department form gives its 产出指标 parts and 效益指标 items as rows under their 一级', () => {
    const json = fixture('seed-2019-taoyuan.json');
    const s = seedStage(
      T('bumen-jiankong'),
      { form: formOf(json, T('bumen-zhengti-2019')), template: T('bumen-zhengti-2019') },
      { month: '10' },
    );
    expect(s.values.department).toBe(json['部门名称']);
    expect(s.values.totalBudget).toBe(json['资金总额']);
    expect(s.values.generalBudget).toBe(json['一般公共预算拨款']);
    expect(s.values.otherBudget).toBe(json['其他资金']);
    expect(s.values.goal).toBe(json['整体绩效目标']);
    const rows = s.values.indicators as GroupRow[];
    // Independently: each line of the fixture's text is an item, numbering dropped; a part heading
    // (3、 时效指标：) is not, though what follows it on its line is (四、成本指标：成本支出…).
    const heading = /^\s*(?:\d+|[一二三四])、\s*(?:数量|质量|时效|成本)指标：\s*/;
    const outputItems = (json['产出指标'] as string)
      .split('\n')
      .map((l) => (heading.test(l) ? l.replace(heading, '') : l.replace(/^\s*\d+、\s*/, '')).trim())
      .filter((l) => l !== '');
    const benefitNames = [...(json['效益指标'] as string).matchAll(/指标\d+：\s*(.+)/g)].map((m) => m[1].trim());
    expect(rows.filter((r) => r.level1 === '产出指标').map((r) => r.name)).toEqual(outputItems);
    expect(rows.filter((r) => r.level1 === '效益指标').map((r) => r.name)).toEqual(benefitNames);
    expect(new Set(rows.filter((r) => r.level1 === '产出指标').map((r) => r.level2))).toEqual(
      new Set(['数量指标', '质量指标', '时效指标', '成本指标']),
    );
  });
});

describe('the latest adjustment gives the targets', () => {
  const decl = { form: formOf(tiyu, T('xiangmu-zhichu')), template: T('xiangmu-zhichu') };
  const adj = seedStage(T('xiangmu-tiaozheng'), decl);
  const rows = adj.values.indicators as GroupRow[];
  rows[0].status = '修改';
  rows[0].adjusted = '2种';
  rows[1].status = '删除';
  rows.push({ level1: '产出指标', level2: '数量指标', status: '新增', name: '新增赛事场次', value: '', adjusted: '≥3场' });

  it('调整后指标值 where given, 指标值 where unchanged, 删除 rows left out, 新增 rows in', () => {
    const expected = declaredRows(tiyu);
    expected[0][3] = '2种';
    expected.splice(1, 1);
    expected.push(['产出指标', '数量指标', '新增赛事场次', '≥3场']);
    const mon = seedStage(T('xiangmu-jiankong'), decl, { revised: { form: adj, template: T('xiangmu-tiaozheng') }, month: '6' });
    expect(rowsOf(mon, ['level1', 'level2', 'name', 'target'])).toEqual(expected);
    expect(targetRows({ form: adj, template: T('xiangmu-tiaozheng') }).length).toBe(expected.length);
  });
});

describe('any template that follows a role', () => {
  it('a made-up stage template takes what its seeds name, by label', () => {
    const made: TemplateDef = {
      ...T('xiangmu-tiaozheng'),
      id: 'made-up-stage',
      role: 'madeUpStage',
      fields: [
        { id: 'year', label: '年度', kind: 'year' },
        { id: 'name', label: '名称', kind: 'text', seed: { from: 'title' } },
        { id: 'money', label: '钱', kind: 'text', seed: { labels: ['财政拨款'] } },
        { id: 'nothing', label: '无', kind: 'text', seed: { labels: ['申报表里没有的栏目'] } },
      ],
      groups: [],
    };
    const s = seedStage(made, { form: formOf(tiyu, T('xiangmu-zhichu')), template: T('xiangmu-zhichu') });
    // An amount read into a text field: as the declaration prints it (the fixture keeps two decimals).
    expect(s.values).toEqual({ year: '2025', name: tiyu['项目名称'], money: tiyu['财政拨款'], nothing: '' });
  });
});
