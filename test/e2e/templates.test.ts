/**
 * A form the app has no code for, end to end in real Chromium: the made-up template (known only
 * to the tests) is imported through 表样管理 as the JSON file a finance bureau would hand out, a
 * form of it is made with 新建, its repeating group is filled row by row with the keyboard and
 * the row tools, 分配合计 follows exactly, and after a reload everything is there and stored.
 * Also: a save over a newer revision (the form changed in another window) is refused and the
 * clerk chooses what to keep, losing nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateToFile } from '../../shared/template/file';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';
import { cli, OUTPUT_DIR, startEditorEnv, type EditorEnv } from './helpers/app';
import { caretAtEnd, cell, waitSaved } from './helpers/editorPage';
import { writeMadeUpTemplateFile } from './helpers/madeUp';

let env: EditorEnv;
let page: Page;

const TITLE = MADE_UP_TEMPLATE.title;
const OWNER = '某某县教育局';
const FUND = '义务教育薄弱环节改善资金';
const name = (row: number, column: string) => `分配明细第${row}行 ${column}`;
const shot = (file: string) => page.screenshot({ path: join(OUTPUT_DIR, file) });
const dialog = (title: string): Locator => page.getByRole('dialog', { name: title });

interface Listed {
  id: number;
  template: string;
  year: string;
  title: string;
  unit: string;
}
const listed = (): Listed[] => JSON.parse(cli(env.db, 'list', '--json'));
const stored = (id: number): Record<string, unknown> => JSON.parse(cli(env.db, 'show', String(id), '--json'));

/** The form's rows as the store has them, by printed column header. */
const storedRows = (id: number) => stored(id)['分配明细'] as Record<string, string>[];

/** The grid as [rowSpan, colSpan] per row, without the row tools beside the group rows. */
const grid = () =>
  page.getByTestId('paper-table').evaluate((table: HTMLTableElement) =>
    Array.from(table.rows).map((r) =>
      Array.from(r.cells)
        .filter((c) => !c.classList.contains('row-tools'))
        .map((c) => [c.rowSpan, c.colSpan]),
    ),
  );

const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

async function waitFocus(label: string): Promise<void> {
  await page.waitForFunction((l) => document.activeElement?.getAttribute('aria-label') === l, label);
}

beforeAll(async () => {
  env = await startEditorEnv();
  page = env.page;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.goto(env.server.url);
  await page.getByRole('button', { name: '新建' }).waitFor();
});

afterAll(async () => {
  await env?.dispose();
});

describe('a template imported from a file (browser mode)', () => {
  let formId: number;

  it('表样管理 imports the template file and lists it next to the built-in one', async () => {
    const file = writeMadeUpTemplateFile(env.dir);
    await page.getByRole('button', { name: '表样管理' }).click();
    const dlg = dialog('表样管理');
    const list = dlg.getByTestId('templates-list');
    await list.waitFor();
    const rowsBefore = await list.getByRole('row').count(); // header + the built-in ones
    expect(rowsBefore).toBeGreaterThanOrEqual(2);
    const chooser = page.waitForEvent('filechooser');
    await dlg.getByRole('button', { name: '导入表样文件' }).click();
    await (await chooser).setFiles(file);
    const row = list.getByRole('row').filter({ hasText: TITLE });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(MADE_UP_TEMPLATE.id);
    expect(text).toContain('第 1 版');
    expect(text).toContain('导入');
    // Not used by any form yet, so it could be removed; the built-in one cannot.
    await expect(row.getByRole('button', { name: `删除表样「${TITLE}」` }).isEnabled()).resolves.toBe(true);
    await expect(list.getByRole('button', { name: /删除表样「部门整体支出绩效目标申报表」/ }).count()).resolves.toBe(0);
    await shot('templates-dialog.png');
    expect(JSON.parse(cli(env.db, 'templates', '--json')).map((t: { id: string }) => t.id)).toContain(MADE_UP_TEMPLATE.id);

    // 导出 gives back the same template as a file.
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: `导出表样「${TITLE}」` }).click();
    const saved = join(env.dir, 'exported-template.json');
    await (await download).saveAs(saved);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(JSON.parse(templateToFile(MADE_UP_TEMPLATE)));

    // A file that is no template: refused in Chinese, nothing changed.
    const bad = join(env.dir, '不是表样.json');
    writeFileSync(bad, '{"format":"shenbao-template","schemaVersion":1,"template":{"id":"x"}}');
    const chooser2 = page.waitForEvent('filechooser');
    await dlg.getByRole('button', { name: '导入表样文件' }).click();
    await (await chooser2).setFiles(bad);
    const error = dlg.getByTestId('templates-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/这个表样文件不能导入.*没有做任何改动/);
    await expect(list.getByRole('row').count()).resolves.toBe(rowsBefore + 1);
    await dlg.getByRole('button', { name: '关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
  });

  it('新建 offers it; choosing it asks for its two identity fields and opens the new form', async () => {
    await page.getByRole('button', { name: '新建' }).click();
    const dlg = dialog('新建申报表');
    await dlg.waitFor();
    const choices = dlg.getByRole('radio');
    const count = await choices.count();
    expect(count).toBe(JSON.parse(cli(env.db, 'templates', '--json')).length);
    // The 2019 form first and chosen; the imported one last; the keyboard goes round to it.
    await expect(choices.first().isChecked()).resolves.toBe(true);
    await expect(choices.first().getAttribute('value')).resolves.toBe('bumen-zhengti-2019');
    await expect(choices.last().getAttribute('value')).resolves.toBe(MADE_UP_TEMPLATE.id);
    await expect(dlg.getByRole('textbox', { name: '部门名称' }).count()).resolves.toBe(1);
    await choices.first().focus();
    await page.keyboard.press('ArrowUp');
    await expect(dlg.getByRole('radio', { name: new RegExp(TITLE.replace(/[（）]/g, '.')) }).isChecked()).resolves.toBe(true);
    await expect(dlg.getByRole('textbox', { name: '部门名称' }).count()).resolves.toBe(0);
    await dlg.getByRole('textbox', { name: '年度' }).fill('2026');
    await dlg.getByRole('textbox', { name: '主管单位' }).fill(OWNER);
    await dlg.getByRole('textbox', { name: '资金名称' }).fill(FUND);
    await shot('new-form-dialog.png');
    await dlg.getByRole('button', { name: '创建' }).click();
    await dlg.waitFor({ state: 'detached' });
    await page.getByTestId('paper-table').waitFor();
    await expect(cell(page, '主管单位').inputValue()).resolves.toBe(OWNER);
    await expect(cell(page, '资金名称').inputValue()).resolves.toBe(FUND);
    const row = listed().find((r) => r.template === MADE_UP_TEMPLATE.id)!;
    expect(row).toMatchObject({ year: '2026', title: FUND, unit: OWNER });
    formId = row.id;
    // The default rows: 设备/采购 and 培训/师资.
    await expect(cell(page, name(1, '大类')).inputValue()).resolves.toBe('设备');
    await expect(cell(page, name(2, '小类')).inputValue()).resolves.toBe('师资');
  });

  it('fills the rows with the keyboard and the row tools; 分配合计 follows exactly', async () => {
    const total = cell(page, '分配合计');
    await cell(page, name(1, '事项')).focus();
    await page.keyboard.type('教室多媒体');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(name(1, '金额（万元）'));
    await page.keyboard.type('10.1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2026年9月前');
    // Enter in the last column: a new row under 设备/采购, the caret in its 事项.
    await page.keyboard.press('Enter');
    await waitFocus(name(2, '事项'));
    await page.keyboard.type('实验室器材');
    await page.keyboard.press('Tab');
    await page.keyboard.type('２０．２'); // full-width, as an input method types it
    await page.keyboard.press('Tab');
    await expect(total.inputValue()).resolves.toBe('30.3');
    await page.keyboard.type('2026年10月前');
    // Shift+Enter: a new row under 设备 only, the caret in its 小类.
    await page.keyboard.press('Shift+Enter');
    await waitFocus(name(3, '小类'));
    await page.keyboard.type('维修');
    await page.keyboard.press('Tab');
    await page.keyboard.type('课桌椅维修');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0.0003');
    await cell(page, name(4, '事项')).fill('骨干教师培训');
    await cell(page, name(4, '金额（万元）')).fill('5');
    await expect(total.inputValue()).resolves.toBe('35.3003');
    // Leaving the cell tidied the full-width digits.
    await expect(cell(page, name(2, '金额（万元）')).inputValue()).resolves.toBe('20.2');

    // 设备 over three rows, 采购 over two.
    const rows = await grid();
    expect(rows[3].slice(0, 2)).toEqual([
      [3, 1],
      [2, 1],
    ]);
    expect(rows.length).toBe(3 + 4 + 2);

    // Add a row at the end and remove it again: the sum follows.
    await page.getByRole('button', { name: '在分配明细末尾添加一行' }).click();
    await waitFocus(name(5, '大类'));
    await cell(page, name(5, '金额（万元）')).fill('1');
    await expect(total.inputValue()).resolves.toBe('36.3003');
    await page.getByRole('button', { name: '删除分配明细第5行' }).click();
    await expect(total.inputValue()).resolves.toBe('35.3003');
    await expect(cell(page, name(5, '事项')).count()).resolves.toBe(0);

    // Insert below a row by its tool, then delete it with Ctrl+Delete.
    await page.getByRole('button', { name: '在分配明细第1行下方插入一行' }).click();
    await waitFocus(name(2, '事项'));
    await expect(cell(page, name(3, '事项')).inputValue()).resolves.toBe('实验室器材');
    await page.keyboard.press('Control+Delete');
    await expect(cell(page, name(2, '事项')).inputValue()).resolves.toBe('实验室器材');

    // Alt+↓ then Alt+↑ moves a row and back; the caret stays with it.
    await cell(page, name(1, '事项')).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await waitFocus(name(2, '事项'));
    await expect(cell(page, name(2, '事项')).inputValue()).resolves.toBe('教室多媒体');
    await page.keyboard.press('Alt+ArrowUp');
    await waitFocus(name(1, '事项'));
    await expect(cell(page, name(1, '事项')).inputValue()).resolves.toBe('教室多媒体');

    await page.getByTestId('sheet').screenshot({ path: join(OUTPUT_DIR, 'editor-made-up-sheet.png') });
    await shot('editor-made-up.png');
    await waitSaved(page);
  });

  it('after a reload everything is there, and the store has it exactly', async () => {
    await page.reload();
    await page.getByTestId('paper-table').waitFor();
    await expect(cell(page, '分配合计').inputValue()).resolves.toBe('35.3003');
    await expect(cell(page, name(3, '小类')).inputValue()).resolves.toBe('维修');
    expect(storedRows(formId)).toEqual([
      { 大类: '设备', 小类: '采购', 事项: '教室多媒体', '金额（万元）': '10.1', 完成时间: '2026年9月前' },
      { 大类: '设备', 小类: '采购', 事项: '实验室器材', '金额（万元）': '20.2', 完成时间: '2026年10月前' },
      { 大类: '设备', 小类: '维修', 事项: '课桌椅维修', '金额（万元）': '0.0003', 完成时间: '' },
      { 大类: '培训', 小类: '师资', 事项: '骨干教师培训', '金额（万元）': '5', 完成时间: '' },
    ]);
    expect(stored(formId)['分配合计']).toBe('35.3003');
    // The side list: 2026, the unit, the form with its template's short name.
    const unit = page.getByRole('region', { name: '2026年' }).getByRole('group', { name: OWNER });
    await expect(unit.getByRole('button', { name: FUND }).textContent()).resolves.toContain('专项资金分配明细表');
    await page.locator('nav').screenshot({ path: join(OUTPUT_DIR, 'form-list.png') });
  });

  it('the print view draws the same grid with its merges and the sum', async () => {
    await page.goto(`${env.server.origin}/#/print/${formId}`);
    await page.locator('[data-print-ready]').waitFor({ state: 'attached' });
    const sheet = page.getByTestId('print-sheet');
    const text = (await sheet.textContent()) ?? '';
    for (const s of ['专项资金分配明细表', '2026年度', OWNER, FUND, '教室多媒体', '35.3003', '制表人：']) expect(text).toContain(s);
    const spans = await sheet
      .locator('table')
      .evaluate((table: HTMLTableElement) => Array.from(table.rows).map((r) => Array.from(r.cells).map((c) => [c.rowSpan, c.colSpan])));
    expect(spans[3].slice(0, 2)).toEqual([
      [3, 1],
      [2, 1],
    ]);
    await page.screenshot({ path: join(OUTPUT_DIR, 'print-made-up.png'), fullPage: true });
    await page.goto(`${env.server.origin}/#/form/${formId}`);
    await page.getByTestId('paper-table').waitFor();
  });
});

describe('a form changed elsewhere while it is open', () => {
  it('refuses the stale save, keeps the text, and 保留我的修改 saves it over the newer version', async () => {
    const id = env.seedId;
    await page.goto(`${env.server.origin}/#/form/${id}`);
    await page.getByTestId('paper-table').waitFor();
    // Another window on the same form saves first.
    const other = await env.context.newPage(); // a new tab needs the address with the token
    await other.goto(`${env.server.url}#/form/${id}`);
    await other.getByTestId('paper-table').waitFor();
    const otherFiller = cell(other, '填报人');
    await caretAtEnd(otherFiller);
    await other.keyboard.insertText('（别处）');
    await otherFiller.blur();
    await waitSaved(other);
    await other.close();
    const theirs = stored(id)['填报人'] as string;
    expect(theirs).toMatch(/（别处）$/);

    const phone = cell(page, '联系电话');
    await caretAtEnd(phone);
    await page.keyboard.insertText('8');
    await phone.blur();
    const alert = page.getByTestId('conflict-alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('表单已在别处修改');
    await expect(page.getByTestId('save-status').getAttribute('data-state')).resolves.toBe('conflict');
    await shot('editor-conflict.png');
    const mine = await phone.inputValue();
    expect(stored(id)['联系电话']).not.toBe(mine);
    // Typing more is kept (in the draft), not saved.
    await caretAtEnd(phone);
    await page.keyboard.insertText('8');
    await page.waitForTimeout(1500);
    expect(stored(id)['联系电话']).not.toBe(mine + '8');
    const draft = await page.evaluate((i) => localStorage.getItem(`shenbao.draft.${i}`) ?? '', id);
    expect(draft).toContain(mine + '8');

    await alert.getByRole('button', { name: '保留我的修改（覆盖）' }).click();
    await alert.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(stored(id)['联系电话']).toBe(mine + '8');
  });

  it('放弃我的修改 loads the newer version', async () => {
    const id = env.seedId;
    const other = await env.context.newPage(); // a new tab needs the address with the token
    await other.goto(`${env.server.url}#/form/${id}`);
    await other.getByTestId('paper-table').waitFor();
    await cell(other, '填报人').fill('钱七');
    await cell(other, '填报人').blur();
    await waitSaved(other);
    await other.close();

    await cell(page, '填报人').fill('孙八');
    await cell(page, '填报人').blur();
    const alert = page.getByTestId('conflict-alert');
    await alert.waitFor();
    await alert.getByRole('button', { name: '放弃我的修改，载入最新版本' }).click();
    await page.waitForFunction(() => (document.querySelector('[aria-label="填报人"]') as HTMLInputElement | null)?.value === '钱七');
    await expect(page.getByTestId('conflict-alert').count()).resolves.toBe(0);
    expect(stored(id)['填报人']).toBe('钱七');
  });
});
