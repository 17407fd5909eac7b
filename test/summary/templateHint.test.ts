import { describe, expect, it } from 'vitest';
import { summaryColumns } from '../../electron/core/summary/columns';
import { checkTemplate } from '../../shared/template/check';
import { templateDefSchema, type TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';

const t = (id: string) => BUILTIN_TEMPLATES.find((x) => x.id === id)!;

describe('what a template tells the 汇总', () => {
  it('every built-in template says it, soundly', () => {
    for (const tpl of BUILTIN_TEMPLATES) {
      expect(tpl.summary, tpl.id).toBeDefined();
      expect(templateDefSchema.safeParse(tpl).success).toBe(true);
      expect(checkTemplate(tpl), tpl.id).toEqual([]);
    }
    expect(summaryColumns(t('xiangmu-zhichu')).money.map((c) => c.label)).toEqual(['年度资金总额', '财政拨款', '其他资金']);
    expect(summaryColumns(t('bumen-zhengti-2019')).money.map((c) => c.label)).toEqual([
      '资金总额',
      '一般公共预算拨款',
      '政府性基金拨款',
      '纳入专户管理的非税收入拨款',
      '其他资金',
      '基本支出',
      '项目支出',
    ]);
    expect(summaryColumns(t('bumen-zhengti-hunan-2023')).money).toEqual([]);
  });

  it('a hint naming a field that is missing or of the wrong kind is refused, in Chinese', () => {
    const bad: TemplateDef = {
      ...t('xiangmu-zhichu'),
      summary: {
        money: ['total', 'projectName', 'nope', 'total'],
        parent: 'total',
        goal: 'nope2',
        indicators: { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'missing' },
      },
    };
    const problems = checkTemplate(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        '汇总设置（summary）的金额栏（money）有重复的字段',
        '汇总设置（summary）的金额栏用到的字段「项目名称」应为金额类型',
        '汇总设置（summary）的金额栏用到的字段「nope」不存在',
        '汇总设置（summary）的主管部门（parent）用到的字段「年度资金总额」应为文字类型',
        '汇总设置（summary）的年度目标（goal）用到的字段「nope2」不存在',
        '汇总设置（summary）的绩效指标（indicators）用到的列「missing」在分组「绩效指标」中不存在',
      ]),
    );
  });

  it('without a hint, the typed amounts are the money (the computed ones when all are computed), and a [code] field is the 主管部门', () => {
    const made = summaryColumns(MADE_UP_TEMPLATE);
    expect(made.money).toEqual([{ field: 'total', label: '分配合计' }]);
    expect(made.parent).toEqual({ fields: ['fundName', 'maker'], codeRequired: true });
    const noHint: TemplateDef = { ...t('xiangmu-zhichu'), summary: undefined };
    expect(summaryColumns(noHint).money.map((c) => c.field)).toEqual(['total', 'fiscal', 'other']);
    // Without a hint a plain 主管部门 name is not taken for one: only a value written with its code.
    expect(summaryColumns(noHint).parent.codeRequired).toBe(true);
  });
});
