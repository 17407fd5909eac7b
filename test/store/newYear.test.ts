import { describe, expect, it } from 'vitest';
import type { OutputIndicators } from '../../shared/form';
import { carryToNewYear, moveYearInText } from '../../shared/newYear';
import { seedForm, T2019 } from '../helpers/seed';

describe('moveYearInText', () => {
  it.each([
    ['2019年1月1日至2019年12月31日', '2020年1月1日至2020年12月31日'],
    ['2019年度目标', '2020年度目标'],
    ['截至2019-12-31完成', '截至2020-12-31完成'],
    ['2019.1.1起', '2020.1.1起'],
    ['2018年全年收押2019人', '2018年全年收押2019人'],
    ['预算12019年', '预算12019年'],
    ['金额2019.5万元', '金额2019.5万元'],
    ['编号20191', '编号20191'],
  ])('%s → %s', (before, after) => {
    expect(moveYearInText(before, '2019', '2020')).toBe(after);
  });

  it('turns 2月29日 into 2月28日 when the new year has none', () => {
    expect(moveYearInText('2020年2月29日前', '2020', '2021')).toBe('2021年2月28日前');
    expect(moveYearInText('2023年2月29日', '2023', '2024')).toBe('2024年2月29日');
  });
});

describe('carryToNewYear', () => {
  it('carries the six texts, leaves amounts and signatures empty and lists the moved dates', () => {
    const old = seedForm();
    const { form, changes } = carryToNewYear(old, T2019, '2020');
    expect(form.values.year).toBe('2020');
    for (const id of ['unit', 'department', 'functions', 'overallGoal', 'benefit']) expect(form.values[id]).toEqual(old.values[id]);
    for (const id of [
      'total',
      'generalBudget',
      'otherFunds',
      'basicExpenditure',
      'projectExpenditure',
      'filler',
      'phone',
      'fillDate',
      'reviewOpinion',
    ])
      expect(form.values[id]).toBe('');
    const parts = (form.values.output as Extract<OutputIndicators, { mode: 'parts' }>).parts;
    expect(parts.timeliness).toEqual(['2020年1月1日至2020年12月31日']);
    expect(parts.quantity).toEqual((old.values.output as Extract<OutputIndicators, { mode: 'parts' }>).parts.quantity);
    expect(changes).toEqual([
      { field: 'output', label: '产出指标·时效指标', before: '2019年1月1日至2019年12月31日', after: '2020年1月1日至2020年12月31日' },
    ]);
  });

  it('does not change the form it was given', () => {
    const old = seedForm();
    const before = JSON.stringify(old);
    carryToNewYear(old, T2019, '2020');
    expect(JSON.stringify(old)).toBe(before);
  });

  it('moves dates in free-text indicators line by line', () => {
    const old = seedForm();
    old.values.benefit = { mode: 'text', text: '第一行\n2019年度满意度达到95%' };
    const { form, changes } = carryToNewYear(old, T2019, '2021');
    expect(form.values.benefit).toEqual({ mode: 'text', text: '第一行\n2021年度满意度达到95%' });
    expect(changes.find((c) => c.field === 'benefit')).toEqual({
      field: 'benefit',
      label: '效益指标',
      before: '2019年度满意度达到95%',
      after: '2021年度满意度达到95%',
    });
  });
});
