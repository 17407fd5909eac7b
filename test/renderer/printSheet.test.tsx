// @vitest-environment jsdom
/**
 * The print view draws what the Word export prints: the same layout pass with print on, so the
 * same grid, paragraphs (with their indents) and lines above and below, on the template's paper.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { blankForm } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { BLANK_DATE, layoutForm } from '../../shared/template/layout';
import type { TemplateDef } from '../../shared/template/schema';
import { bumenZhengti2019 as t2019 } from '../../shared/templates/bumen-zhengti-2019';
import { headerRowCount, headerSplit, pageCss, PrintSheet, tableParts } from '../../renderer/src/print/PrintSheet';
import { headerSplit as wordSplit } from '../../electron/core/export/docxDocument';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { bumenZhengtiHunan2023 } from '../../shared/templates/bumen-zhengti-hunan-2023';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import hunanJson from '../fixtures/bumen-hunan-2023-example.json';
import xiangmuJson from '../fixtures/xiangmu-2025-tiyu.json';
import { MADE_UP_TEMPLATE, MADE_UP_VALUES } from '../helpers/madeUpTemplate';
import seedJson from '../fixtures/seed-2019-taoyuan.json';

afterEach(cleanup);

const lines = (el: Element) => Array.from(el.querySelectorAll('.print-line')).map((l) => l.textContent);

describe('PrintSheet', () => {
  it('prints a blank 2019 form as Word does: the blank date as 年 月 日, room for the year', () => {
    render(<PrintSheet template={t2019} data={blankForm(t2019, '')} />);
    const sheet = screen.getByTestId('print-sheet');
    const [title, year] = lines(sheet);
    expect(title).toBe('部门整体支出绩效目标申报表');
    expect(year).toBe('（ 　　　　 年度）');
    expect(lines(sheet).at(-1)).toContain(`填报日期：${BLANK_DATE}`);
  });

  it('prints each cell’s paragraphs with their alignment and indents, label and value sharing a cell', () => {
    const form = fromLabelJson(seedJson, t2019).form;
    render(<PrintSheet template={t2019} data={form} />);
    const table = screen.getByTestId('print-sheet').querySelector('table')!;
    const paragraphs = Array.from(table.querySelectorAll('p.pp')) as HTMLElement[];
    const expected = layoutForm(t2019, form, { print: true }).rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
    expect(paragraphs.map((p) => p.textContent)).toEqual(expected.map((p) => p.text || '\u200b'));
    const govFund = paragraphs.find((p) => p.textContent === '政府性基金拨款：0')!;
    expect(govFund.style.paddingLeft).toMatch(/em$/);
    const functions = paragraphs.find((p) => p.textContent?.startsWith('1、依据国家法律'))!;
    expect(functions.style.textIndent).toBe('2em');
    const stamp = paragraphs.find((p) => p.textContent === '（盖章）')!;
    expect(stamp.style.textAlign).toBe('right');
    expect(lines(screen.getByTestId('print-sheet'))[0]).toBe('部门整体支出绩效目标申报表');
  });

  it('draws a repeating group with its merges, and the template’s fonts', () => {
    const form = blankForm(MADE_UP_TEMPLATE, '2026');
    Object.assign(form.values, MADE_UP_VALUES);
    render(<PrintSheet template={MADE_UP_TEMPLATE} data={form} />);
    const table = screen.getByTestId('print-sheet').querySelector('table')!;
    const spans = Array.from(table.rows).map((r) => Array.from(r.cells).map((c) => [c.rowSpan, c.colSpan]));
    expect(spans[3].slice(0, 2)).toEqual([
      [3, 1],
      [2, 1],
    ]);
    expect(table.textContent).toContain('35.3003');
    expect(table.style.fontFamily).toMatch(/^"?Times New Roman"?, "?宋体"?/);
    const title = screen.getByTestId('print-sheet').querySelector('.line-title') as HTMLElement;
    expect(title.style.fontFamily).toMatch(/^"?Arial"?, "?黑体"?/);
    expect(title.style.fontSize).toBe('18pt');
  });

  it('sets the paper from the template, landscape when wider than high', () => {
    expect(pageCss(t2019)).toMatch(/size: A4 portrait/);
    const wide: TemplateDef = { ...MADE_UP_TEMPLATE, page: { ...MADE_UP_TEMPLATE.page, widthTwips: 16838, heightTwips: 11906 } };
    expect(pageCss(wide)).toMatch(/size: A4 landscape/);
    const odd: TemplateDef = { ...MADE_UP_TEMPLATE, page: { ...MADE_UP_TEMPLATE.page, widthTwips: 14000, heightTwips: 10000 } };
    expect(pageCss(odd)).toMatch(/size: 246\.\d\dmm 176\.\d\dmm/);
  });

  it('repeats leading header rows on each page; a label reaching below is cut there, a value cell is not', () => {
    const rows = layoutForm(MADE_UP_TEMPLATE, blankForm(MADE_UP_TEMPLATE, '2026')).rows;
    expect(headerRowCount(rows)).toBe(0);
    const marked = rows.map((r, i) => ({ ...r, repeatHeader: i < 3 }));
    expect(headerRowCount(marked)).toBe(3);
    const label = marked.map((r, i) => (i === 2 ? { ...r, cells: r.cells.map((c, j) => (j === 0 ? { ...c, rowSpan: 2 } : c)) } : r));
    expect(headerRowCount(label)).toBe(3);
    // 资金名称's value cell (row 1) reaching into row 3 keeps rows 1 and 2 out of the header.
    const value = marked.map((r, i) => (i === 1 ? { ...r, cells: r.cells.map((c, j) => (j === 1 ? { ...c, rowSpan: 3 } : c)) } : r));
    expect(headerRowCount(value)).toBe(1);
  });

  it('cuts the grid where Word does: a project form is two tables, the second repeating its header with 绩效指标 cut', () => {
    const form = fromLabelJson(xiangmuJson, xiangmuZhichu).form;
    const layout = layoutForm(xiangmuZhichu, form, { print: true });
    expect(headerSplit(layout.rows)).toBe(7);
    const parts = tableParts(layout.rows);
    expect(parts.map((p) => [p.head.length, p.body.length])).toEqual([
      [0, 7],
      [1, 11],
    ]);
    // 绩效指标: in the header over its one row, its lower part (no text) over the 11 indicator rows.
    expect(parts[1].head[0].cells[0]).toMatchObject({ rowSpan: 1, cut: 'bottom' });
    expect(parts[1].body[0].cells[0]).toMatchObject({ rowSpan: 11, cut: 'top' });

    render(<PrintSheet template={xiangmuZhichu} data={form} />);
    const tables = Array.from(screen.getByTestId('print-sheet').querySelectorAll('table'));
    expect(tables).toHaveLength(2);
    expect(tables[0].querySelector('thead')).toBeNull();
    const head = tables[1].querySelector('thead')!;
    expect(Array.from(head.rows[0].cells).map((c) => c.textContent)).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '指标值']);
    const body = tables[1].tBodies[0];
    expect(body.rows).toHaveLength(11);
    expect(body.rows[0].cells[0].classList.contains('pc-cut-top')).toBe(true);
    expect(body.rows[0].cells[0].rowSpan).toBe(11);
    expect(Array.from(body.rows[0].cells).map((c) => c.textContent)).toEqual(['', '产出指标', '数量指标', '开展运动种类', '1种']);
    // Every grid position is covered once in each table: the same number of columns on every row.
    for (const table of tables) {
      const covered = Array.from(table.rows).map(() => 0);
      Array.from(table.rows).forEach((r, ri) => {
        for (const c of Array.from(r.cells)) for (let k = 0; k < c.rowSpan; k++) covered[ri + k] += c.colSpan;
      });
      expect(new Set(covered)).toEqual(new Set([5]));
    }
  });

  it('cuts the Hunan grid at its fourth row, as the Word export does', () => {
    const form = fromLabelJson(hunanJson, bumenZhengtiHunan2023).form;
    const rows = layoutForm(bumenZhengtiHunan2023, form, { print: true }).rows;
    expect(headerSplit(rows)).toBe(4);
    const [first, second] = tableParts(rows);
    expect(first.body).toHaveLength(4);
    expect(second.head).toHaveLength(1);
    expect(second.head[0].cells.map((c) => c.cell.paragraphs[0].text)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值类型',
      '*指标值',
      '计量单位',
      '*指标解释',
      '*评（扣）分标准',
      '备注',
    ]);
  });

  it('cuts every built-in template where the Word export cuts it', () => {
    for (const tpl of BUILTIN_TEMPLATES) {
      const printed = layoutForm(tpl, blankForm(tpl, '2026'), { print: true });
      expect(headerSplit(printed.rows), tpl.id).toBe(wordSplit(printed));
      expect(tableParts(printed.rows), tpl.id).toHaveLength(wordSplit(printed) < 0 ? 1 : 2);
    }
  });

  it('keeps one table where the Word export keeps one', () => {
    const rows = layoutForm(t2019, fromLabelJson(seedJson, t2019).form).rows;
    expect(headerSplit(rows)).toBe(-1);
    expect(tableParts(rows)).toHaveLength(1);
    const marked = layoutForm(MADE_UP_TEMPLATE, blankForm(MADE_UP_TEMPLATE, '2026')).rows.map((r, i) => ({ ...r, repeatHeader: i === 0 }));
    expect(headerSplit(marked)).toBe(-1);
  });
});
