/**
 * Issue 22 in real Chromium (browser mode): 表样管理 → 从空白表生成 opens a county's blank .docx
 * (written by test/helpers/blankForms.ts, not by the app), shows the proposal as the paper grid,
 * the keyboard chooses a cell and makes the 项目期 value cell a blank nobody fills in, the
 * template is saved, 新建 makes a form of it, 导出 Word gives the file, and LibreOffice renders it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankDocx } from '../helpers/blankForms';
import { LAYOUTS } from '../helpers/blankLayouts';
import { readDocxGrid } from '../helpers/docxGrid';
import { cli, OUTPUT_DIR, startEditorEnv, type EditorEnv } from './helpers/app';

let env: EditorEnv;
let page: Page;
const dialog = (title: string): Locator => page.getByRole('dialog', { name: title });
const shot = (file: string) => page.screenshot({ path: join(OUTPUT_DIR, file) });

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

describe('从空白表生成 (browser mode)', () => {
  let templateId = '';

  it('opens a blank, changes one cell’s role by keyboard, and saves the template', async () => {
    const blank = join(env.dir, '县级项目支出绩效目标表（空白）.docx');
    writeFileSync(blank, await blankDocx(LAYOUTS[0].spec));
    await page.getByRole('button', { name: '表样管理' }).click();
    const list = dialog('表样管理');
    await list.getByRole('button', { name: '从空白表生成' }).click();
    const dlg = dialog('从空白表生成表样');
    const chooser = page.waitForEvent('filechooser');
    await dlg.getByRole('button', { name: '选择空白表…' }).click();
    await (await chooser).setFiles(blank);
    const grid = dlg.getByTestId('designer-grid');
    await grid.waitFor();
    await expect(grid.getByRole('button', { name: /^第 1 行第 1 列：项目名称（标签）$/ }).count()).resolves.toBe(1);
    await expect(grid.getByRole('button', { name: /^第 4 行第 4 列：空白（填写处，金额）$/ }).count()).resolves.toBe(1);
    const cell = grid.getByRole('button', { name: /^第 3 行第 5 列：空白（填写处，文字）$/ });
    await cell.focus();
    await page.keyboard.press('Enter');
    await expect(cell.getAttribute('aria-pressed')).resolves.toBe('true');
    const panel = dlg.getByTestId('designer-panel');
    await expect(panel.getByRole('textbox', { name: '字段名称' }).inputValue()).resolves.toBe('项目期');
    await panel.getByRole('combobox', { name: '作用' }).selectOption('empty');
    await grid.getByRole('button', { name: /^第 3 行第 5 列：空白（空白格）$/ }).waitFor();
    await shot('blank-designer.png');
    await dlg.getByRole('button', { name: '保存表样' }).click();
    await dlg.waitFor({ state: 'detached' });
    const row = list.getByTestId('templates-list').getByRole('row').filter({ hasText: '项目支出绩效目标表' }).filter({ hasText: '导入' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('第 1 版');
    const stored = JSON.parse(cli(env.db, 'templates', '--json')) as { id: string; builtIn: boolean }[];
    templateId = stored.find((t) => !t.builtIn && t.id.startsWith('blank-'))!.id;
    await list.getByRole('button', { name: '关闭' }).click();
    await list.waitFor({ state: 'detached' });
  });

  it('新建 makes a form of it, 导出 Word gives its file, LibreOffice renders it', async () => {
    await page.getByRole('button', { name: '新建' }).click();
    const dlg = dialog('新建申报表');
    await dlg
      .getByRole('radio', { name: /项目支出绩效目标表/ })
      .last()
      .check();
    await dlg.getByRole('textbox', { name: '年度' }).fill('2026');
    await dlg.getByRole('textbox', { name: '实施单位' }).fill('六安市金安区体育局');
    await dlg.getByRole('textbox', { name: '项目名称' }).fill('全民健身赛事活动经费');
    await dlg.getByRole('button', { name: '创建' }).click();
    await dlg.waitFor({ state: 'detached' });
    await page.getByTestId('paper-table').waitFor();
    const forms = JSON.parse(cli(env.db, 'list', '--json')) as { id: number; template: string }[];
    expect(forms.some((f) => f.template === templateId)).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Word' }).click();
    const path = join(env.dir, 'export.docx');
    await (await download).saveAs(path);
    const g = await readDocxGrid(readFileSync(path));
    expect(g.table.cells.find((c) => c.row === 0 && c.col === 1)?.text).toBe('全民健身赛事活动经费');
    expect(g.table.cells.find((c) => c.row === 2 && c.col === 3)?.text).toBe('项目期');
    expect(g.table.cells.find((c) => c.row === 2 && c.col === 4)?.text).toBe('');

    const out = join(env.dir, 'pdf');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(env.dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
    const pdf = join(out, 'export.pdf');
    expect(existsSync(pdf)).toBe(true);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, join(OUTPUT_DIR, 'blank-designer-export')]);
    expect(statSync(join(OUTPUT_DIR, 'blank-designer-export-1.png')).size).toBeGreaterThan(5000);
  });
});
