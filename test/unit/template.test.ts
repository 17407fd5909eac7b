import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../shared/template/check';
import { labelText } from '../../shared/template/layout';
import { templateDefSchema, type TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';

const ALL: TemplateDef[] = [...BUILTIN_TEMPLATES, MADE_UP_TEMPLATE];

describe.each(ALL.map((t) => [t.id, t] as const))('template %s', (_id, t) => {
  it('is valid data: the schema accepts it and it survives JSON unchanged', () => {
    expect(templateDefSchema.parse(JSON.parse(JSON.stringify(t)))).toEqual(t);
  });

  it('passes every soundness check (grid covered once, every field printed once, rules and identity name real fields)', () => {
    expect(checkTemplate(t)).toEqual([]);
  });

  it('has column widths that fit the text width of the page', () => {
    const { widthTwips, marginsTwips } = t.page;
    const sum = t.table.columnsTwips.reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(widthTwips - marginsTwips.left - marginsTwips.right + 2);
  });
});

/** A copy of the made-up template with one thing changed. */
function broken(change: (t: TemplateDef) => void): TemplateDef {
  const t = structuredClone(MADE_UP_TEMPLATE);
  change(t);
  return t;
}

describe('template soundness checks', () => {
  it('finds a cell outside the grid', () => {
    const t = broken((x) => x.table.cells.push({ row: 0, col: 9, content: { type: 'empty' } }));
    expect(checkTemplate(t).join()).toMatch(/超出了表格/);
  });
  it('finds overlapping spans and uncovered positions', () => {
    const t = broken((x) => {
      x.table.cells[1].colSpan = 3; // 主管单位's value now leaves the last column empty
      x.table.cells[3].colSpan = 5; // 资金名称's value runs over the edge
    });
    const problems = checkTemplate(t).join();
    expect(problems).toMatch(/没有单元格/);
    expect(problems).toMatch(/超出了表格/);
  });
  it('finds a rule, an identity and a sum naming a field that does not exist', () => {
    const t = broken((x) => {
      x.rules.push({ type: 'equal', a: 'total', b: 'nope', message: 'x' });
      x.identity.key = ['owner', 'ghost'];
      x.fields[3].compute = { columnSum: { group: 'items', column: 'missing' } };
    });
    const problems = checkTemplate(t).join('\n');
    expect(problems).toMatch(/字段「nope」不存在/);
    expect(problems).toMatch(/表单标识用到的字段「ghost」不存在/);
    expect(problems).toMatch(/列「missing」在分组「分配明细」中不存在/);
  });
  it('finds a field printed twice and one printed nowhere', () => {
    const t = broken((x) => {
      x.table.cells[1] = { row: 0, col: 1, colSpan: 4, content: { type: 'field', field: 'fundName' } };
    });
    const problems = checkTemplate(t).join('\n');
    expect(problems).toMatch(/「资金名称」在表中放了 2 次/);
    expect(problems).toMatch(/「主管单位」没有放在表格或文字行中/);
  });
  it('refuses an unknown field kind through the schema', () => {
    const t = broken((x) => ((x.fields[0] as { kind: string }).kind = 'spreadsheet'));
    expect(templateDefSchema.safeParse(t).success).toBe(false);
  });
});

describe('部门整体支出绩效目标申报表 2019', () => {
  const t = BUILTIN_TEMPLATES.find((x) => x.id === 'bumen-zhengti-2019')!;
  it('prints the labels seen on the paper form', () => {
    const labels = t.table.cells.flatMap((c) =>
      c.content.type === 'label'
        ? [labelText(t, c.content).replace(/\n/g, '')]
        : c.content.type === 'field' && c.content.showLabel
          ? [t.fields.find((f) => f.id === (c.content as { field: string }).field)!.label]
          : [],
    );
    for (const l of [
      '部门名称',
      '年度预算申请（万元）',
      '资金总额',
      '按收入性质分',
      '按支出性质分',
      '一般公共预算拨款',
      '基本支出',
      '政府性基金拨款',
      '项目支出',
      '纳入专户管理的非税收入拨款',
      '其他资金',
      '部门职能职责概述',
      '整体绩效目标',
      '部门整体支出年度绩效指标',
      '产出指标',
      '效益指标',
      '审核意见',
    ])
      expect(labels).toContain(l);
    expect(t.table.rows).toHaveLength(12);
    expect(t.table.columnsTwips).toEqual([1701, 1361, 2835, 2948]);
  });
  it('is A4 portrait with the GB/T 9704 margins', () => {
    expect(t.page).toEqual({ widthTwips: 11906, heightTwips: 16838, marginsTwips: { top: 2098, bottom: 1984, left: 1587, right: 1474 } });
  });
});
