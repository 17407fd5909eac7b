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
import { headerRowCount, pageCss, PrintSheet } from '../../renderer/src/print/PrintSheet';
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

  it('repeats leading header rows on each page only when no cell reaches below them', () => {
    const rows = layoutForm(MADE_UP_TEMPLATE, blankForm(MADE_UP_TEMPLATE, '2026')).rows;
    expect(headerRowCount(rows)).toBe(0);
    const marked = rows.map((r, i) => ({ ...r, repeatHeader: i < 3 }));
    expect(headerRowCount(marked)).toBe(3);
    const spanning = marked.map((r, i) => (i === 2 ? { ...r, cells: r.cells.map((c, j) => (j === 0 ? { ...c, rowSpan: 2 } : c)) } : r));
    expect(headerRowCount(spanning)).toBe(2);
  });
});
