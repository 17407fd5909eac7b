import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffForms } from '../../shared/compare/formDiff';
import type { FormData, GroupRow } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { seedForm, T2019 } from '../helpers/seed';

const fixture = () =>
  fromLabelJson(JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url)), 'utf8')), T).form;

/** The fixture with exactly these edits: money, one goal line, one 指标值, one row added, one removed. */
function edited(): FormData {
  const f = structuredClone(fixture());
  f.values.year = '2026';
  f.values.total = '1200';
  f.values.fiscal = '1200';
  f.values.goal = (f.values.goal as string).replace('打造1项品牌赛事', '打造2项品牌赛事');
  const rows = f.values.indicators as GroupRow[];
  rows.find((r) => r.name === '群众满意度')!.value = '≥96%';
  rows.splice(
    rows.findIndex((r) => r.name === '赛事完成率'),
    1,
  );
  rows.splice(2, 0, { level1: '产出指标', level2: '数量指标', name: '参赛人次', value: '≥5000人次' });
  return f;
}

describe('年度对比', () => {
  it('lists exactly the changes made to the shared project fixture', () => {
    const d = diffForms(T, fixture(), edited());
    expect(d.money).toEqual([
      { field: 'total', label: '年度资金总额', before: '1000', after: '1200', change: '200', percent: '20.0' },
      { field: 'fiscal', label: '财政拨款', before: '1000', after: '1200', change: '200', percent: '20.0' },
      { field: 'other', label: '其他资金', before: '0', after: '0', change: '0', percent: '' },
    ]);
    expect(d.texts.filter((x) => !x.same).map((x) => x.label)).toEqual(['年度目标']);
    const goal = d.texts.find((x) => x.field === 'goal')!;
    expect(goal.granularity).toBe('char');
    expect(goal.ops.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'delete', text: '1' },
      { op: 'insert', text: '2' },
    ]);
    const [g] = d.groups;
    expect(g.keyLabels).toEqual(['一级指标', '二级指标', '三级指标']);
    expect(g.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 9 });
    const notSame = g.rows.filter((r) => r.status !== 'unchanged').map((r) => [r.status, r.key.join('/'), r.changes]);
    expect(notSame).toEqual([
      ['added', '产出指标/数量指标/参赛人次', []],
      ['changed', '满意度指标/服务对象满意度指标/群众满意度', [{ column: 'value', label: '指标值', before: '≥95%', after: '≥96%' }]],
      ['removed', '产出指标/质量指标/赛事完成率', []],
    ]);
  });

  it('compares identical forms as unchanged, and works for a form without groups', () => {
    const d = diffForms(T, fixture(), fixture());
    expect(d.texts.every((x) => x.same)).toBe(true);
    expect(d.groups[0].counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 11 });
    const s = diffForms(T2019, seedForm(), { ...seedForm(), values: { ...seedForm().values, total: '486.431' } });
    expect(s.money.find((m) => m.field === 'total')).toMatchObject({ change: '44.221', percent: '10.0' });
    expect(s.groups).toEqual([]);
  });

  it('computes the change exactly and rounds the percentage half away from zero', () => {
    const a = { ...fixture(), values: { ...fixture().values, total: '0.3' } };
    const b = { ...fixture(), values: { ...fixture().values, total: '0.1' } };
    expect(diffForms(T, a, b).money[0]).toMatchObject({ change: '-0.2', percent: '-66.7' });
    expect(diffForms(T, b, a).money[0]).toMatchObject({ change: '0.2', percent: '200.0' });
  });
});
