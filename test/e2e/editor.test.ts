/**
 * The editor end to end: the real browser-mode server on a temp database seeded through the
 * command line, real Chromium, everything reached by accessible names.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankForm } from '../../shared/formOps';
import { layoutForm } from '../../shared/template/layout';
import { bumenZhengti2019 as template } from '../../shared/templates/bumen-zhengti-2019';
import { cli, OUTPUT_DIR, startEditorEnv, type EditorEnv } from './helpers/app';
import { caretAtEnd, cell, openForm, waitSaved } from './helpers/editorPage';

let env: EditorEnv;
let page: Page;

const stored = (id: number): Record<string, string> => JSON.parse(cli(env.db, 'show', String(id), '--json'));

beforeAll(async () => {
  env = await startEditorEnv();
  page = env.page;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await openForm(page, env.server.url, env.seedId);
});

afterAll(async () => {
  await env?.dispose();
});

describe('editor (browser mode)', () => {
  it('draws the template grid: same rows, spans and column proportions', async () => {
    const grid = await page.getByTestId('paper-table').evaluate((table: HTMLTableElement) => ({
      rows: Array.from(table.rows).map((r) => Array.from(r.cells).map((c) => [c.rowSpan, c.colSpan])),
      cols: Array.from(table.querySelectorAll('col')).map((c) => c.getBoundingClientRect().width),
    }));
    const expected = layoutForm(template, blankForm(template, '2019')).rows.map((r) => r.cells.map((c) => [c.rowSpan, c.colSpan]));
    expect(grid.rows).toEqual(expected);
    const total = template.table.columnsTwips.reduce((a, b) => a + b, 0);
    const width = grid.cols.reduce((a, b) => a + b, 0);
    template.table.columnsTwips.forEach((tw, i) => expect(Math.abs(grid.cols[i] / width - tw / total)).toBeLessThan(0.01));
    await expect(cell(page, '部门名称').inputValue()).resolves.toBe('湖南省桃源县看守所');
    await expect(cell(page, '资金总额').inputValue()).resolves.toBe('442.21');
    await expect(page.getByRole('textbox', { name: '效益指标1 名称' }).inputValue()).resolves.toBe('岗位职责效益');
    await page.screenshot({ path: join(OUTPUT_DIR, 'editor-seed.png'), fullPage: true });
    await page.getByTestId('sheet').screenshot({ path: join(OUTPUT_DIR, 'editor-sheet.png') });
  });

  it('updates sums live and marks errors on the right cells, then clears them', async () => {
    const other = cell(page, '其他资金');
    const income = cell(page, '按收入性质分');
    await other.fill('70');
    await expect(income.inputValue()).resolves.toBe('452.21');
    await expect(
      income.getAttribute('aria-readonly').then(async (v) => v ?? (await income.getAttribute('readonly'))),
    ).resolves.not.toBeNull();
    // New messages wait for a pause in typing (600 ms), then show.
    await expect.poll(() => income.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await income.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toContain('按收入性质分合计应等于资金总额');
    await expect(page.getByTestId('messages-panel').textContent()).resolves.toContain('按收入性质分合计应等于资金总额');
    await other.fill('60');
    await expect(income.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(income.getAttribute('aria-describedby')).resolves.toBeNull();

    const fund = cell(page, '政府性基金拨款');
    await fund.fill('12a');
    // New messages wait for a pause in typing (600 ms), then show.
    await expect.poll(() => fund.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await fund.getAttribute('aria-describedby')}`).textContent()).toContain('金额只能填写数字');
    await fund.fill('1,234.5');
    await expect(fund.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(income.inputValue()).resolves.toBe('1676.71');
    await fund.fill('０');
    await fund.press('Tab');
    await expect(fund.inputValue()).resolves.toBe('0');
    await expect(income.inputValue()).resolves.toBe('442.21');

    const total = cell(page, '资金总额');
    await total.fill('４４２．２１');
    await total.blur();
    await expect(total.inputValue()).resolves.toBe('442.21');
    await expect(income.getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('moves down on Enter in an amount cell and undoes with Ctrl+Z', async () => {
    await cell(page, '一般公共预算拨款').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('政府性基金拨款');

    const phone = cell(page, '联系电话');
    const before = await phone.inputValue();
    await caretAtEnd(phone);
    await page.keyboard.type('99');
    await expect(phone.inputValue()).resolves.toBe(before + '99');
    await page.keyboard.press('Control+z');
    await expect(phone.inputValue()).resolves.toBe(before);
    await page.keyboard.press('Control+y');
    await expect(phone.inputValue()).resolves.toBe(before + '99');
    await page.keyboard.press('Control+z');
    await expect(phone.inputValue()).resolves.toBe(before);
  });

  it('takes Chinese from insertText and from an input method, never saving half-typed pinyin', async () => {
    const functions = cell(page, '部门职能职责概述');
    await caretAtEnd(functions);
    await page.keyboard.insertText('（补充职责）');
    await expect(functions.inputValue()).resolves.toMatch(/（补充职责）$/);

    const filler = cell(page, '填报人');
    const name = await filler.inputValue();
    await caretAtEnd(filler);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'zh', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: 'zhang', selectionStart: 5, selectionEnd: 5 });
    await expect(filler.inputValue()).resolves.toBe(name + 'zhang');
    await page.waitForTimeout(1600);
    const draftDuring = await page.evaluate((id) => localStorage.getItem(`shenbao.draft.${id}`) ?? '', env.seedId);
    expect(draftDuring).not.toContain('zhang');
    expect(stored(env.seedId)['填报人']).toBe(name);
    await cdp.send('Input.insertText', { text: '张' });
    await expect(filler.inputValue()).resolves.toBe(name + '张');
    await filler.blur();
    await waitSaved(page);
    const saved = stored(env.seedId);
    expect(saved['填报人']).toBe(name + '张');
    expect(saved['部门职能职责概述']).toMatch(/（补充职责）$/);
    await cdp.detach();
  });

  it('keeps typed text across a reload: saved ones and ones typed just before it', async () => {
    const goal = cell(page, '整体绩效目标');
    await caretAtEnd(goal);
    await page.keyboard.insertText('甲');
    await waitSaved(page);
    await caretAtEnd(goal);
    await page.keyboard.insertText('乙');
    await page.reload(); // within the autosave delay: only the draft has 乙
    await page.getByTestId('paper-table').waitFor();
    await expect(cell(page, '整体绩效目标').inputValue()).resolves.toMatch(/甲乙$/);
    await waitSaved(page);
    expect(stored(env.seedId)['整体绩效目标']).toMatch(/甲乙$/);
  });

  it('edits indicator items: add, reorder, remove, and a pasted numbered block becomes items', async () => {
    const group = page.getByRole('group', { name: '产出指标' });
    const count = () => group.getByRole('textbox', { name: /^质量指标 第\d+条$/ }).count();
    const n = await count();
    await group.getByRole('button', { name: '＋ 添加质量指标' }).click();
    expect(await count()).toBe(n + 1);
    const last = page.getByRole('textbox', { name: `质量指标 第${n + 1}条`, exact: true });
    await expect(last.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await last.evaluate((el, text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, '1、第一条新增\n2、第二条新增');
    expect(await count()).toBe(n + 2);
    await expect(page.getByRole('textbox', { name: `质量指标 第${n + 2}条`, exact: true }).inputValue()).resolves.toBe('第二条新增');
    await page.getByRole('button', { name: `上移质量指标第${n + 2}条` }).click({ force: true });
    await expect(page.getByRole('textbox', { name: `质量指标 第${n + 1}条`, exact: true }).inputValue()).resolves.toBe('第二条新增');
    await page.getByRole('button', { name: `删除质量指标第${n + 1}条` }).click({ force: true });
    await page.getByRole('button', { name: `删除质量指标第${n + 1}条` }).click({ force: true });
    expect(await count()).toBe(n);
  });

  it('exports a .docx whose values match the form', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Word' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const path = join(env.dir, 'export.docx');
    await file.saveAs(path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
    for (const s of ['湖南省桃源县看守所', '442.21', '382.21', '393.21', '岗位职责效益', '（补充职责）', '甲乙']) expect(text).toContain(s);
  });

  it('生成下一年度 (once 从上年复制) shows the text changes and opens next year’s draft', async () => {
    await page.getByRole('button', { name: '生成下一年度' }).click();
    const create = page.getByRole('button', { name: '创建2020年草稿' });
    await create.waitFor();
    await expect(create.isEnabled()).resolves.toBe(true);
    await create.click();
    await page.waitForFunction(() => (document.querySelector('[aria-label="年度"]') as HTMLInputElement | null)?.value === '2020');
    await expect(cell(page, '部门名称').inputValue()).resolves.toBe('湖南省桃源县看守所');
    await expect(page.getByRole('region', { name: '2020年' }).getByRole('button', { name: '湖南省桃源县看守所' }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(OUTPUT_DIR, 'editor-new-year.png') });
    await page.getByRole('region', { name: '2019年' }).getByRole('button', { name: '湖南省桃源县看守所' }).click();
    await page.waitForFunction(() => (document.querySelector('[aria-label="年度"]') as HTMLInputElement | null)?.value === '2019');
  });

  it('a finalised form cannot be edited until 解除定稿', async () => {
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    await page.getByTestId('final-banner').waitFor();
    const dept = cell(page, '部门名称');
    await expect(dept.getAttribute('readonly')).resolves.not.toBeNull();
    await dept.focus();
    await page.keyboard.type('改');
    await expect(dept.inputValue()).resolves.toBe('湖南省桃源县看守所');
    await expect(page.getByRole('button', { name: '＋ 添加质量指标' }).count()).resolves.toBe(0);
    await page.screenshot({ path: join(OUTPUT_DIR, 'editor-final.png') });
    await page.getByRole('button', { name: '解除定稿' }).click();
    await page.getByRole('button', { name: '确认解除定稿' }).click();
    await page.getByTestId('final-banner').waitFor({ state: 'detached' });
    await expect(cell(page, '部门名称').getAttribute('readonly')).resolves.toBeNull();
  });
});
