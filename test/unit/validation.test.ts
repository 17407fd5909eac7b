import { describe, expect, it } from 'vitest';
import type { FormData, OutputIndicators } from '../../shared/form';
import { validateForm, hasErrors, isValidPhone, type Message } from '../../shared/validation';
import { blankForm } from '../../shared/formOps';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { seedForm, T2019 } from '../helpers/seed';

function withValues(patch: Record<string, unknown>): FormData {
  const f = seedForm();
  return { ...f, values: { ...f.values, ...(patch as FormData['values']) } };
}
const errorsOn = (ms: Message[], field: string) => ms.filter((m) => m.severity === 'error' && m.field === field);
const output = (f: FormData) => f.values.output as Extract<OutputIndicators, { mode: 'parts' }>;

describe('validation', () => {
  it('finds no error in the seed form', () => {
    const ms = validateForm(seedForm(), T2019);
    expect(ms.filter((m) => m.severity === 'error')).toEqual([]);
    expect(ms.filter((m) => m.severity === 'warning')).toEqual([]);
  });

  it('flags 按收入性质分 when the income parts do not add up to 资金总额', () => {
    const ms = validateForm(withValues({ otherFunds: '61' }), T2019);
    expect(errorsOn(ms, 'incomeTotal')).toHaveLength(1);
    expect(errorsOn(ms, 'incomeTotal')[0].message).toContain('按收入性质分合计应等于资金总额');
    expect(errorsOn(ms, 'expenditureTotal')).toHaveLength(0);
  });

  it('flags 按支出性质分 when basic + project differ from 资金总额', () => {
    const ms = validateForm(withValues({ projectExpenditure: '48.99' }), T2019);
    expect(errorsOn(ms, 'expenditureTotal')).toHaveLength(1);
    expect(errorsOn(ms, 'incomeTotal')).toHaveLength(0);
  });

  it('flags both subtotals when 资金总额 alone is wrong', () => {
    const ms = validateForm(withValues({ total: '442.2' }), T2019);
    expect(errorsOn(ms, 'incomeTotal')).toHaveLength(1);
    expect(errorsOn(ms, 'expenditureTotal')).toHaveLength(1);
  });

  it('sums 0.1 + 0.2 exactly when checking', () => {
    const ms = validateForm(
      withValues({
        total: '0.3',
        generalBudget: '0.1',
        govFund: '0.2',
        specialNonTax: '',
        otherFunds: '',
        basicExpenditure: '0.3',
        projectExpenditure: '',
      }),
      T2019,
    );
    expect(ms.filter((m) => m.code === 'sum')).toEqual([]);
  });

  it.each([
    ['generalBudget', 'abc', '金额只能填写数字'],
    ['govFund', '-1', '金额不能为负数'],
    ['otherFunds', '60.00001', '最多保留4位小数'],
  ])('refuses a bad amount in %s on that cell', (field, value, text) => {
    const ms = validateForm(withValues({ [field]: value }), T2019);
    expect(errorsOn(ms, field)[0]?.message).toContain(text);
    expect(ms.filter((m) => m.code === 'sum')).toEqual([]);
  });

  it.each([
    ['year', '请填写年度'],
    ['department', '请填写部门名称'],
    ['unit', '请填写填报单位'],
    ['total', '请填写资金总额'],
    ['functions', '请填写部门职能职责概述'],
    ['overallGoal', '请填写整体绩效目标'],
    ['filler', '请填写填报人'],
    ['phone', '请填写联系电话'],
  ])('requires %s', (field, text) => {
    const ms = validateForm(withValues({ [field]: '' }), T2019);
    expect(errorsOn(ms, field).map((m) => m.message)).toContain(text);
  });

  it('requires at least one 产出 and one 效益 item', () => {
    const ms = validateForm(
      withValues({
        output: { mode: 'parts', parts: { quantity: [], quality: [], timeliness: [], cost: [] } },
        benefit: { mode: 'items', items: [] },
      }),
      T2019,
    );
    expect(errorsOn(ms, 'output')[0].message).toBe('请至少填写一条产出指标');
    expect(errorsOn(ms, 'benefit')[0].message).toBe('请至少填写一条效益指标');
  });

  it.each(['13973666908', '0736-6621234', '(0736)6621234', '0736 6621234', '010-12345678'])('accepts the phone %s', (p) => {
    expect(isValidPhone(p)).toBe(true);
  });
  it.each(['12345', '6621234', '23973666908', '1397366690', 'abc'])('refuses the phone %s', (p) => {
    expect(isValidPhone(p)).toBe(false);
    expect(errorsOn(validateForm(withValues({ phone: p }), T2019), 'phone')).toHaveLength(1);
  });

  it('refuses a year that is not four digits', () => {
    expect(errorsOn(validateForm(withValues({ year: '19' }), T2019), 'year')).toHaveLength(1);
  });

  it('warns when 成本指标 quotes an amount that is in no budget cell', () => {
    const f = seedForm();
    output(f).parts.cost = ['成本支出控制在年初预算450万元之内'];
    const ms = validateForm(f, T2019);
    expect(ms.filter((m) => m.code === 'costAmount')).toMatchObject([{ field: 'output', severity: 'warning' }]);
    expect(hasErrors(ms)).toBe(false);
  });

  it('warns when 时效指标 names a year other than the budget year', () => {
    const f = seedForm();
    output(f).parts.timeliness = ['2018年1月1日至2018年12月31日'];
    expect(validateForm(f, T2019).filter((m) => m.code === 'timelinessYear')).toHaveLength(1);
  });

  it('warns about a 数量指标 item with no number', () => {
    const f = seedForm();
    output(f).parts.quantity.push('加强看守工作');
    const ws = validateForm(f, T2019).filter((m) => m.code === 'quantityNumber');
    expect(ws).toHaveLength(1);
    expect(ws[0].message).toContain('第6条');
  });
});

describe('a total that is not the sum of its parts (issue 26 item 10)', () => {
  it('says the computed sum beside the typed total, in the field’s unit', () => {
    const f = blankForm(xiangmuZhichu, '2026');
    f.values = { ...f.values, total: '100', fiscal: '60.5', other: '20' };
    const sum = validateForm(f, xiangmuZhichu).filter((m) => m.code === 'sum');
    expect(sum.map((m) => m.message)).toEqual(['年度资金总额应等于财政拨款与其他资金之和（年度资金总额 100，各项之和为 80.5 万元）']);
    const yuan = {
      ...xiangmuZhichu,
      fields: xiangmuZhichu.fields.map((d) => (['total', 'fiscal', 'other'].includes(d.id) ? { ...d, params: { unit: '元' } } : d)),
    };
    const inYuan = validateForm(f, yuan).filter((m) => m.code === 'sum');
    expect(inYuan.map((m) => m.message)).toEqual(['年度资金总额应等于财政拨款与其他资金之和（年度资金总额 100，各项之和为 80.5 元）']);
  });
});
