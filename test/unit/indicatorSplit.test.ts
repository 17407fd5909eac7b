/**
 * 指标值 split into 指标性质 | 值 | 计量单位 and joined back (issue 25, point 1): the reading is
 * the 指标值 reader's, a split value joins to a text that reads the same, and rows moved from a
 * combined-column grid to a split one and back lose nothing.
 */
import { describe, expect, it } from 'vitest';
import type { GroupRow } from '../../shared/form';
import { completeRow } from '../../shared/formOps';
import {
  combinedValue,
  joinIndicatorValue,
  moveIndicatorRows,
  splitIndicatorValue,
  type IndicatorColumns,
} from '../../shared/indicatorSplit';
import { readIndicatorValue } from '../../shared/indicatorValue';
import { STARTER_LIBRARY, fillPlaceholders } from '../../shared/library/starter';
import type { GroupDef } from '../../shared/template/schema';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';

describe('splitting one 指标值', () => {
  it.each([
    ['≥95%', '≥', '95', '%'],
    ['95%以上', '≥', '95', '%'],
    ['不低于 95 ％', '≥', '95', '%'],
    ['≧300人次', '≥', '300', '人次'],
    ['≤1,000.50万元', '≤', '1000.5', '万元'],
    ['=100%', '=', '100', '%'],
    ['> 3 次', '＞', '3', '次'],
    ['少于2起', '＜', '2', '起'],
    ['280人次', '', '280', '人次'],
    ['显著改善', '定性', '显著改善', ''],
    ['2025年12月底前', '定性', '2025年12月底前', ''],
    ['  ', '', '', ''],
  ])('%s → %s | %s | %s', (raw, comparator, value, unit) => {
    expect(splitIndicatorValue(raw)).toEqual({ comparator, value, unit });
  });

  it('joins back to a text the reader reads the same, for every starter 指标库 value', () => {
    const values = { 年度: '2025', 年度资金总额: '120', 财政拨款: '100', 其他资金: '20' };
    for (const e of STARTER_LIBRARY) {
      const raw = fillPlaceholders(e.value, values);
      const joined = joinIndicatorValue(splitIndicatorValue(raw));
      const [a, b] = [readIndicatorValue(raw), readIndicatorValue(joined)];
      expect({ ...b, raw: '' }, raw).toEqual({ ...a, raw: '' });
      // and a value already split the app's way splits again to the same three cells
      expect(splitIndicatorValue(joined)).toEqual(splitIndicatorValue(raw));
    }
  });

  it('joins what a clerk put in three cells, a type column’s 定量 counting as no sign', () => {
    expect(joinIndicatorValue({ comparator: '≥', value: '95', unit: '%' })).toBe('≥95%');
    expect(joinIndicatorValue({ comparator: '定性', value: '应保尽保', unit: '' })).toBe('应保尽保');
    expect(joinIndicatorValue({ comparator: '定量', value: '28.8', unit: '万元' })).toBe('28.8万元');
    expect(joinIndicatorValue({ comparator: '', value: '', unit: '' })).toBe('');
  });
});

const combined = xiangmuZhichu.groups![0];
const COMBINED: IndicatorColumns = combined.indicators![0];
/** A split grid as the newer layouts print it, with a column the combined grid lacks. */
const split: GroupDef = {
  ...combined,
  columns: [
    ...combined.columns.filter((c) => c.id !== 'value'),
    { id: 'sign', label: '符号', kind: 'comparator' },
    { id: 'number', label: '值', kind: 'text' },
    { id: 'unit', label: '计量单位', kind: 'unit' },
    { id: 'explain', label: '指标解释', kind: 'multiline' },
  ],
};
const SPLIT: IndicatorColumns = { level1: 'level1', level2: 'level2', name: 'name', value: 'number', comparator: 'sign', unit: 'unit' };

describe('moving rows between a combined and a split grid', () => {
  const rows: GroupRow[] = [
    { level1: '产出指标', level2: '数量指标', name: '培训人次', value: '≥200人次' },
    { level1: '产出指标', level2: '时效指标', name: '完成时间', value: '2025年年底前' },
    { level1: '效益指标', level2: '社会效益指标', name: '群众出行条件', value: '显著改善' },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', value: '≥95%' },
  ];

  it('splits on the way in and joins on the way back, equal to what it was', () => {
    const there = moveIndicatorRows(rows, { group: combined, set: COMBINED }, { group: split, set: SPLIT }, () => completeRow(split));
    expect(there.dropped).toEqual([]);
    expect(there.rows[0]).toMatchObject({ sign: '≥', number: '200', unit: '人次', name: '培训人次', explain: '' });
    expect(there.rows[1]).toMatchObject({ sign: '定性', number: '2025年年底前', unit: '' });
    expect(there.rows.map((r) => combinedValue(r, SPLIT))).toEqual(rows.map((r) => r.value));
    const back = moveIndicatorRows(there.rows, { group: split, set: SPLIT }, { group: combined, set: COMBINED }, () =>
      completeRow(combined),
    );
    expect(back.rows).toEqual(rows);
    expect(back.dropped).toEqual([]);
  });

  it('names a filled column the target grid has no place for instead of losing it silently', () => {
    const there = moveIndicatorRows(rows, { group: combined, set: COMBINED }, { group: split, set: SPLIT }, () => completeRow(split));
    there.rows[0].explain = '参加培训的人次，以签到表为准';
    const back = moveIndicatorRows(there.rows, { group: split, set: SPLIT }, { group: combined, set: COMBINED }, () =>
      completeRow(combined),
    );
    expect(back.dropped).toEqual(['指标解释']);
  });
});
