import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../shared/templates';
import type { CellContent } from '../../shared/template/types';

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, t) => {
  it('covers every grid position exactly once', () => {
    const rows = t.table.rows.length;
    const cols = t.table.columnsTwips.length;
    const cover = Array.from({ length: rows }, () => Array<number>(cols).fill(0));
    for (const c of t.table.cells) {
      for (let r = c.row; r < c.row + (c.rowSpan ?? 1); r++)
        for (let k = c.col; k < c.col + (c.colSpan ?? 1); k++) {
          expect(r, `cell at ${c.row},${c.col} runs past the last row`).toBeLessThan(rows);
          expect(k, `cell at ${c.row},${c.col} runs past the last column`).toBeLessThan(cols);
          cover[r][k]++;
        }
    }
    expect(cover).toEqual(Array.from({ length: rows }, () => Array<number>(cols).fill(1)));
  });

  it('has column widths that add up to the text width of the page', () => {
    const { widthTwips, marginsTwips } = t.page;
    const sum = t.table.columnsTwips.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - (widthTwips - marginsTwips.left - marginsTwips.right))).toBeLessThanOrEqual(2);
  });

  it('binds every field exactly once, and only known fields', () => {
    const bound: string[] = [];
    const fieldsOf = (c: CellContent) => (c.type === 'field' ? [c.field] : []);
    for (const c of t.table.cells) bound.push(...fieldsOf(c.content));
    for (const line of [...t.above, ...t.below]) for (const s of line.segments) if ('field' in s) bound.push(s.field);
    const ids = t.fields.map((f) => f.id);
    expect([...bound].sort()).toEqual([...ids].sort());
    expect(new Set(bound).size).toBe(bound.length);
  });

  it('has unique field ids and labels, and sums over amount fields only', () => {
    expect(new Set(t.fields.map((f) => f.id)).size).toBe(t.fields.length);
    expect(new Set(t.fields.map((f) => f.label)).size).toBe(t.fields.length);
    for (const f of t.fields.filter((x) => x.sumOf)) {
      for (const p of f.sumOf!) expect(t.fields.find((x) => x.id === p)?.kind).toBe('amount');
    }
  });
});

describe('部门整体支出绩效目标申报表 2019', () => {
  const t = TEMPLATES.find((x) => x.id === 'bumen-zhengti-2019')!;
  it('prints the labels seen on the paper form', () => {
    const labels = t.table.cells.flatMap((c) =>
      c.content.type === 'label' ? [c.content.lines.join('')] : c.content.type === 'field' && c.content.label ? [c.content.label] : [],
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
