/** 分值/权重 with their sum rule (issue 25, point 1): the total and each 一级's share, exact in hundredths. */
import { describe, expect, it } from 'vitest';
import { builtinCheck } from '../../shared/checks';
import type { GroupRow } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { checkTemplate } from '../../shared/template/check';
import type { TemplateDef } from '../../shared/template/schema';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';

const g = xiangmuZhichu.groups![0];
/** The project grid with a 分值 column after 指标值 (the table widened by one column). */
const T: TemplateDef = {
  ...xiangmuZhichu,
  id: 'test-scores',
  groups: [
    {
      ...g,
      columns: [...g.columns, { id: 'score', label: '分值', kind: 'score', params: { max: 100 } }],
      cells: [...g.cells, { column: 'score', col: 5 }],
    },
  ],
  table: {
    ...xiangmuZhichu.table,
    columnsTwips: [...xiangmuZhichu.table.columnsTwips.slice(0, 4), 1000, 700],
    cells: xiangmuZhichu.table.cells.map((c) => (c.col + (c.colSpan ?? 1) === 5 ? { ...c, colSpan: (c.colSpan ?? 1) + 1 } : c)).concat([]),
  },
};
const rule = {
  type: 'check' as const,
  check: 'scoresSum',
  params: { group: 'indicators', score: 'score', total: 100, by: 'level1', shares: { 产出指标: 50, 效益指标: 30, 满意度指标: 20 } },
};

function run(scores: [string, string][]) {
  const form = blankForm(T, '2025');
  form.values.indicators = scores.map(([level1, score], i): GroupRow => ({ level1, level2: '', name: `指标${i}`, value: '1', score }));
  const c = builtinCheck('scoresSum')!;
  return c.run({ template: T, form, year: '2025' }, c.params.parse(rule.params));
}

describe('scoresSum', () => {
  it('is a sound rule of a template with a score column, and refused naming a column that is not there', () => {
    expect(checkTemplate({ ...T, rules: [rule] }).filter((p) => p.includes('scoresSum'))).toEqual([]);
    const wrong = { ...rule, params: { ...rule.params, score: 'points' } };
    expect(checkTemplate({ ...T, rules: [wrong] }).join('\n')).toMatch(/scoresSum.*列「points」/);
  });

  it('says nothing when the scores add up, exactly, in hundredths', () => {
    const ok: [string, string][] = [
      ['产出指标', '16.67'],
      ['产出指标', '16.67'],
      ['产出指标', '16.66'],
      ['效益指标', '30'],
      ['满意度指标', '20'],
    ];
    expect(run(ok)).toEqual([]);
    expect(run([])).toEqual([]);
  });

  it('says how far the total and a 一级 are off, on that 一级’s last row', () => {
    const found = run([
      ['产出指标', '25'],
      ['产出指标', '20'],
      ['效益指标', '30'],
      ['满意度指标', '20'],
    ]);
    expect(found.map((m) => [m.code, m.row, m.message])).toEqual([
      ['scoreSum', 3, '各行分值合计 95，应为 100，还差 5，请调整'],
      ['scoreShare', 1, '产出指标的分值合计 45，应为 50，请调整'],
    ]);
  });
});
