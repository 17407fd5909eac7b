import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSummary } from '../../electron/core/summary';
import { summaryDocx } from '../../electron/core/summary/docx';
import type { Summary } from '../../shared/contract';
import { readDocxGrid, type DocxGrid } from '../helpers/docxGrid';
import { countyStore, expectedTotals, YEAR, type County } from './countyStore';

let county: County;
let summary: Summary;
let grid: DocxGrid;

/** 1234567.5 → 1,234,567.50: thousands separators, at least two decimals, written here independently. */
function printed(exact: string): string {
  const [int, frac = ''] = exact.split('.');
  const groups: string[] = [];
  for (let i = int.length; i > 0; i -= 3) groups.unshift(int.slice(Math.max(0, i - 3), i));
  return `${groups.join(',')}.${frac.padEnd(2, '0')}`;
}

beforeAll(async () => {
  county = countyStore();
  summary = await runSummary(county.store, { year: YEAR, templateId: 'bumen-zhengti-2019' }, { appVersion: 'test' });
  grid = await readDocxGrid(await summaryDocx(summary));
});
afterAll(() => county.cleanup());

describe('the 汇总 totals as a Word table', () => {
  it('is an A4 landscape page with the title, 金额单位：万元 and Chinese fonts', () => {
    expect(grid.page).toMatchObject({ widthTwips: 16838, heightTwips: 11906, orient: 'landscape' });
    expect(grid.before.map((p) => p.text)).toEqual([
      `${YEAR}年度部门整体支出绩效目标申报表汇总表`,
      expect.stringMatching(/^金额单位：万元/),
    ]);
    expect(grid.after[0].text).toMatch(/盖章/);
    expect(grid.fonts.eastAsia).toContain('仿宋_GB2312');
    expect(grid.eastAsiaLangs).toContain('zh-CN');
    expect(grid.table.layout).toBe('fixed');
    const text = grid.page.widthTwips - grid.page.margins.left - grid.page.margins.right;
    expect(grid.table.gridCols.reduce((a, b) => a + b, 0)).toBe(text);
    expect(grid.table.rows[0].header).toBe(true);
  });

  it('has a row per unit, a 小计 per 主管部门 and the 合计, with the exact totals', () => {
    const sec = summary.sections[0];
    const cell = (row: number, col: number) => grid.table.cells.find((c) => c.row === row && c.col === col)?.text ?? '';
    const money = sec.moneyColumns.length;
    expect(Array.from({ length: 4 + money + 2 }, (_, c) => cell(0, c))).toEqual([
      '主管部门',
      '单位名称',
      '表单数',
      '指标数',
      ...sec.moneyColumns.map((c) => c.label),
      '有错误',
      '有提示',
    ]);
    const expectedRows = sec.parents.flatMap((p) => [...p.units.map((u) => (u.code ? `${u.code} ${u.name}` : u.name)), '小计']);
    expect(grid.table.rows.length).toBe(1 + expectedRows.length + 1);
    expect(expectedRows.map((_, i) => cell(1 + i, 1))).toEqual(expectedRows);
    const last = grid.table.rows.length - 1;
    expect(cell(last, 0)).toBe('合计');
    expect(Array.from({ length: money }, (_, i) => cell(last, 4 + i))).toEqual(
      expectedTotals(county.forms, 'bumen-zhengti-2019').map(printed),
    );
    expect(cell(last, 2)).toBe(String(county.forms.filter((f) => f.data.templateId === 'bumen-zhengti-2019').length));
  });

  it('puts each template’s table on a page of its own', async () => {
    const all = await readDocxGrid(await summaryDocx(await runSummary(county.store, { year: YEAR }, { appVersion: 'test' })));
    expect(all.tableCount).toBe(3);
    expect(all.parts.get('word/document.xml')!.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
  });
});
