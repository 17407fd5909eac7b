/**
 * The dialogs end to end, as a clerk uses them: 导入 (review, conflicts, bad files, batches),
 * 备份 / 恢复, 回收站, 历史版本 and the print view — through the real browser-mode server on a
 * fresh temp database and real Chromium, everything reached by accessible names.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, launchBrowser, OUTPUT_DIR, ROOT, SEED_JSON, startServer, type WebServer } from './helpers/app';
import { caretAtEnd, cell, waitSaved } from './helpers/editorPage';

const SEED_DOCX = join(ROOT, 'test/fixtures/handmade-seed-2019.docx');
const SEED_DEPT = '湖南省桃源县看守所';
const COPY_DEPT = `${SEED_DEPT}（副本）`;
const OTHER_DEPT = '桃源县财政局';

let dir: string;
let db: string;
let server: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
/** Files the test uploads, made once in the temp dir. */
const files = { notDocx: '', other: '', seed: '' };

interface Row {
  id: number;
  year: string;
  /** The form's name (部门名称 for the 2019 form). */
  title: string;
}
const listed = (): Row[] => JSON.parse(cli(db, 'list', '--json'));
const trashed = (): Row[] => JSON.parse(cli(db, 'trash', '--json'));
const stored = (id: number): Record<string, string> => JSON.parse(cli(db, 'show', String(id), '--json'));
const idOf = (department: string): number => {
  const row = listed().find((r) => r.title === department);
  if (!row) throw new Error(`no live form named ${department}`);
  return row.id;
};

const shot = (name: string) => page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`) });
const listItem = (year: string, department: string): Locator =>
  page.getByRole('region', { name: `${year}年` }).getByRole('button', { name: department, exact: true });
const dialog = (name: string | RegExp): Locator => page.getByRole('dialog', { name });

/** Clicks a button that opens the file picker (an <input type=file> in web mode) and picks files. */
async function pickFiles(button: string, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(paths);
}

async function openInList(year: string, department: string): Promise<void> {
  await listItem(year, department).click();
  await page.waitForFunction(
    ([y, d]) =>
      (document.querySelector('[aria-label="年度"]') as HTMLInputElement | null)?.value === y &&
      (document.querySelector('[aria-label="部门名称"]') as HTMLInputElement | null)?.value === d,
    [year, department],
  );
}

/** Waits until a file's row in the import result list says `text`. */
const waitResult = (fileName: string, text: string) => fileResult(fileName).filter({ hasText: text }).waitFor();

/** One row of the import dialog's per-file result list. */
const fileResult = (fileName: string): Locator => page.getByTestId('import-results').getByRole('listitem').filter({ hasText: fileName });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-dialogs-'));
  db = join(dir, 'forms.db');
  mkdirSync(OUTPUT_DIR, { recursive: true });

  // Upload copies under plain names, as a clerk's files would be.
  files.seed = join(dir, '2019年看守所申报表.docx');
  copyFileSync(SEED_DOCX, files.seed);
  files.notDocx = join(dir, '会议记录.docx');
  writeFileSync(files.notDocx, '这不是 Word 文件，只是改了扩展名的文本。\n');
  // A second, different form as a real export: made in another database through the CLI.
  const otherDb = join(dir, 'other.db');
  const seed = JSON.parse(readFileSync(SEED_JSON, 'utf8')) as Record<string, string>;
  const otherJson = join(dir, 'other.json');
  writeFileSync(otherJson, JSON.stringify({ ...seed, 年度: '2020', 部门名称: OTHER_DEPT, 填报单位: OTHER_DEPT }));
  const otherId = cli(otherDb, 'import-json', otherJson).trim().split('\n').pop()!;
  files.other = join(dir, '2020年财政局申报表.docx');
  cli(otherDb, 'export', otherId, '--out', files.other);

  server = await startServer(db);
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(server.url);
  await page.getByRole('button', { name: '导入', exact: true }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('dialogs (browser mode)', () => {
  it('导入: reviews the file field by field, then the form appears with the seed’s values', async () => {
    expect(listed()).toHaveLength(0);
    await pickFiles('导入', [files.seed]);
    const dlg = dialog(/导入 Word 文件/);
    await dlg.waitFor();
    const review = dlg.getByTestId('import-review');
    await review.waitFor();
    const row = (label: string) => review.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
    await expect(row('部门名称').textContent()).resolves.toContain(SEED_DEPT);
    await expect(row('资金总额').textContent()).resolves.toContain('442.21');
    await expect(row('其他资金').textContent()).resolves.toContain('60');
    await expect(dlg.getByTestId('import-check').textContent()).resolves.toMatch(/检查/);
    await shot('dialog-import-review');

    await dlg.getByRole('button', { name: '确认导入' }).click();
    await waitResult('2019年看守所申报表.docx', '已导入');
    await dlg.getByRole('button', { name: '关闭' }).click();
    await dlg.waitFor({ state: 'detached' });

    await listItem('2019', SEED_DEPT).waitFor();
    await openInList('2019', SEED_DEPT);
    await expect(cell(page, '部门名称').inputValue()).resolves.toBe(SEED_DEPT);
    await expect(cell(page, '资金总额').inputValue()).resolves.toBe('442.21');
    await expect(cell(page, '其他资金').inputValue()).resolves.toBe('60');
    await expect(cell(page, '一般公共预算拨款').inputValue()).resolves.toBe('382.21');
    expect(listed().map((r) => r.title)).toEqual([SEED_DEPT]);
    expect(stored(idOf(SEED_DEPT))['其他资金']).toBe('60');
  });

  it('导入 again: the conflict choice offers 替换 / 保留两份 / 跳过; skip changes nothing, keep both adds a copy', async () => {
    const before = stored(idOf(SEED_DEPT));

    await pickFiles('导入', [files.seed]);
    let dlg = dialog(/导入 Word 文件/);
    const conflict = dlg.getByTestId('import-conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain(`已有2019年「${SEED_DEPT}」`);
    for (const choice of ['替换', '保留两份', '跳过']) await expect(conflict.getByRole('radio', { name: choice }).count()).resolves.toBe(1);
    await conflict.getByText('跳过', { exact: true }).click();
    await expect(conflict.getByRole('radio', { name: '跳过' }).isChecked()).resolves.toBe(true);
    await shot('dialog-import-conflict');
    await dlg.getByRole('button', { name: '确认导入' }).click();
    await waitResult('2019年看守所申报表.docx', '已跳过');
    await dlg.getByRole('button', { name: '关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
    expect(listed()).toHaveLength(1);
    expect(stored(idOf(SEED_DEPT))).toEqual(before);

    await pickFiles('导入', [files.seed]);
    dlg = dialog(/导入 Word 文件/);
    await dlg.getByTestId('import-conflict').waitFor();
    await dlg.getByTestId('import-conflict').getByText('保留两份', { exact: true }).click();
    await dlg.getByRole('button', { name: '确认导入' }).click();
    await waitResult('2019年看守所申报表.docx', '已另存为副本');
    await dlg.getByRole('button', { name: '关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
    await listItem('2019', COPY_DEPT).waitFor();
    expect(
      listed()
        .map((r) => r.title)
        .sort(),
    ).toEqual([SEED_DEPT, COPY_DEPT].sort());
    expect(stored(idOf(COPY_DEPT))['资金总额']).toBe('442.21');
    expect(stored(idOf(SEED_DEPT))).toEqual(before);
  });

  it('导入 several files at once: a result per file, a clear Chinese failure for a file that is not Word', async () => {
    const countBefore = listed().length;
    await pickFiles('导入', [files.notDocx, files.other, files.seed]);
    const dlg = dialog(/导入 Word 文件（3 个）/);
    await dlg.waitFor();
    const bad = fileResult('会议记录.docx');
    await waitResult('会议记录.docx', '失败');
    // The reason is visible without opening anything, in Chinese, and says what to do.
    const reason = (await bad.textContent()) ?? '';
    expect(reason).toMatch(/Word|docx/);
    expect(reason).toMatch(/请/);
    expect(reason).not.toMatch(/Error|undefined|zip|ZIP|signature/i);
    await dlg.getByTestId('import-conflict').waitFor(); // the seed conflicts again
    await shot('dialog-import-batch');

    await dlg.getByRole('button', { name: /确认导入/ }).click();
    await waitResult('2020年财政局申报表.docx', '已导入');
    await waitResult('2019年看守所申报表.docx', '已跳过');
    await waitResult('会议记录.docx', '失败');
    await shot('dialog-import-batch-done');
    await dlg.getByRole('button', { name: '关闭' }).click();
    await dlg.waitFor({ state: 'detached' });

    const after = listed();
    expect(after).toHaveLength(countBefore + 1);
    expect(after.map((r) => r.title)).toContain(OTHER_DEPT);
    await listItem('2020', OTHER_DEPT).waitFor();
  });

  it('备份 then 恢复: the backed-up state comes back in the list and the editor', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '备份', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/备份.*\.db$/);
    const backup = join(dir, file.suggestedFilename());
    await file.saveAs(backup);

    // Change one form and delete another after the backup.
    await openInList('2019', SEED_DEPT);
    const functions = cell(page, '部门职能职责概述');
    const original = await functions.inputValue();
    await caretAtEnd(functions);
    await page.keyboard.insertText('（备份后新增）');
    await functions.blur();
    await waitSaved(page);
    expect(stored(idOf(SEED_DEPT))['部门职能职责概述']).toMatch(/（备份后新增）$/);
    await openInList('2020', OTHER_DEPT);
    await deleteOpenForm('2020', OTHER_DEPT);
    expect(listed().map((r) => r.title)).not.toContain(OTHER_DEPT);

    // A file that is no backup: a Chinese reason in the confirmation, nothing replaced.
    await pickFiles('恢复', [files.notDocx]);
    const refused = dialog('从备份恢复');
    await refused.getByRole('button', { name: '确认恢复' }).click();
    const reason = refused.getByRole('alert');
    await reason.waitFor();
    await expect(reason.textContent()).resolves.toMatch(/不是本程序的备份文件.*没有任何改动.*请选择/);
    await shot('dialog-restore-refused');
    await refused.getByRole('button', { name: '取消' }).click();
    await refused.waitFor({ state: 'detached' });
    expect(listed().map((r) => r.title)).not.toContain(OTHER_DEPT);

    await pickFiles('恢复', [backup]);
    const confirm = dialog('从备份恢复');
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toContain(file.suggestedFilename());
    await shot('dialog-restore-confirm');
    await confirm.getByRole('button', { name: '确认恢复' }).click();
    await confirm.waitFor({ state: 'detached' });
    await listItem('2020', OTHER_DEPT).waitFor();
    expect(listed().map((r) => r.title)).toContain(OTHER_DEPT);

    await openInList('2019', SEED_DEPT);
    await expect(cell(page, '部门职能职责概述').inputValue()).resolves.toBe(original);
    expect(stored(idOf(SEED_DEPT))['部门职能职责概述']).toBe(original);
  });

  it('回收站: 删除 asks first, the form leaves the list, comes back from 回收站, and is gone after emptying it', async () => {
    await openInList('2019', COPY_DEPT);
    const id = idOf(COPY_DEPT);

    // Cancelling the confirmation deletes nothing.
    await page.getByRole('button', { name: '删除', exact: true }).click();
    let confirm = dialog('移到回收站');
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toContain(COPY_DEPT);
    await shot('dialog-delete-confirm');
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(listed().map((r) => r.id)).toContain(id);

    await deleteOpenForm('2019', COPY_DEPT);
    expect(trashed().map((r) => r.id)).toEqual([id]);

    await page.getByRole('button', { name: '回收站', exact: true }).click();
    let trash = dialog('回收站');
    await trash.waitFor();
    const row = trash.getByRole('row').filter({ hasText: COPY_DEPT });
    await expect(row.textContent()).resolves.toContain('2019年');
    await shot('dialog-trash');
    await row.getByRole('button', { name: '恢复' }).click();
    await listItem('2019', COPY_DEPT).waitFor();
    await expect(trash.getByText('回收站是空的').count()).resolves.toBe(1);
    expect(trashed()).toHaveLength(0);
    expect(listed().map((r) => r.id)).toContain(id);
    await trash.getByRole('button', { name: '关闭' }).click();
    await trash.waitFor({ state: 'detached' });

    await openInList('2019', COPY_DEPT);
    await deleteOpenForm('2019', COPY_DEPT);
    await page.getByRole('button', { name: '回收站', exact: true }).click();
    trash = dialog('回收站');
    await trash.getByRole('row').filter({ hasText: COPY_DEPT }).waitFor();
    await trash.getByRole('button', { name: '清空回收站' }).click();
    confirm = trash.getByTestId('confirm-empty');
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toContain('不能恢复');
    await shot('dialog-empty-trash-confirm');
    await confirm.getByRole('button', { name: '确认清空' }).click();
    await trash.getByText('回收站是空的').waitFor();
    await trash.getByRole('button', { name: '关闭' }).click();
    expect(trashed()).toHaveLength(0);
    expect(listed().map((r) => r.id)).not.toContain(id);
    expect(() => stored(id)).toThrow();
  });

  it('历史版本: restoring an earlier revision brings the old value back and is itself a new revision', async () => {
    await openInList('2019', SEED_DEPT);
    const id = idOf(SEED_DEPT);
    const phone = cell(page, '联系电话');
    const old = await phone.inputValue();
    await phone.fill('0736-6621234');
    await phone.blur();
    await waitSaved(page);
    expect(stored(id)['联系电话']).toBe('0736-6621234');

    await page.getByRole('button', { name: '历史版本', exact: true }).click();
    const dlg = dialog('历史版本');
    const rows = dlg.getByTestId('revisions').locator('tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(2);
    await shot('dialog-revisions');
    // Newest first: the second row is the one before the edit.
    await rows.nth(1).getByRole('button', { name: '恢复此版本' }).click();
    await dlg.waitFor({ state: 'detached' });
    await page.waitForFunction((v) => (document.querySelector('[aria-label="联系电话"]') as HTMLInputElement | null)?.value === v, old);
    expect(stored(id)['联系电话']).toBe(old);

    await page.getByRole('button', { name: '历史版本', exact: true }).click();
    await dlg.getByTestId('revisions').waitFor();
    await expect(rows.count()).resolves.toBe(count + 1);
    await expect(rows.first().textContent()).resolves.toMatch(/恢复/);
    await dlg.getByRole('button', { name: '关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
  });

  it('打印 from the editor in web mode prints only the form (window.print of the print sheet)', async () => {
    await openInList('2019', SEED_DEPT);
    // Headless Chromium has no print dialog: record the call and keep the page in its printing state.
    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => void (window as unknown as { printCalls: number }).printCalls++;
    });
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await page.waitForFunction(() => (window as unknown as { printCalls: number }).printCalls === 1);
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() => ({
      sheet: (document.querySelector('.print-only [data-testid="print-sheet"]') as HTMLElement | null)?.offsetHeight ?? 0,
      toolbar: (document.querySelector('.editor-toolbar') as HTMLElement | null)?.offsetHeight ?? 0,
      list: document.querySelector('nav')?.getBoundingClientRect().height ?? 0,
    }));
    expect(visible.sheet).toBeGreaterThan(500);
    expect(visible.toolbar).toBe(0);
    expect(visible.list).toBe(0);
    await expect(page.locator('.print-only').textContent()).resolves.toContain('442.21');
    await page.screenshot({ path: join(OUTPUT_DIR, 'print-from-editor.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.locator('.print-only').waitFor({ state: 'detached' });
  });

  it('打印 in web mode: the print view is the paper form on an A4 page', async () => {
    const id = idOf(SEED_DEPT);
    await page.goto(`${server.origin}/#/print/${id}`);
    await page.locator('[data-print-ready]').waitFor({ state: 'attached' });
    const sheet = page.getByTestId('print-sheet');
    const text = (await sheet.textContent()) ?? '';
    for (const s of ['部门整体支出绩效目标申报表', '部门名称', '资金总额', '其他资金', '部门职能职责概述', SEED_DEPT, '442.21', '382.21'])
      expect(text).toContain(s);
    const pageRule = await page.evaluate(() => {
      for (const sheetObj of Array.from(document.styleSheets))
        for (const rule of Array.from(sheetObj.cssRules)) if (rule instanceof CSSPageRule) return rule.style.getPropertyValue('size');
      return null;
    });
    expect(pageRule).toMatch(/^a4( portrait)?$/i);
    // On screen the sheet sits on an A4-wide page with the margins as padding; on paper @page does that alone.
    const box = () =>
      page.locator('.print-page').evaluate((el) => {
        const s = getComputedStyle(el);
        return { width: el.getBoundingClientRect().width, padding: parseFloat(s.paddingLeft) + parseFloat(s.paddingTop) };
      });
    const onScreen = await box();
    expect(Math.abs(onScreen.width - (210 / 25.4) * 96)).toBeLessThan(2);
    expect(onScreen.padding).toBeGreaterThan(100);
    await page.emulateMedia({ media: 'print' });
    await expect(box().then((b) => b.padding)).resolves.toBe(0);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: join(OUTPUT_DIR, 'print-view.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(OUTPUT_DIR, 'print-view.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

/** 删除 on the open form, confirmed in the dialog; waits until it has left the side list. */
async function deleteOpenForm(year: string, department: string): Promise<void> {
  await page.getByRole('button', { name: '删除', exact: true }).click();
  const confirm = dialog('移到回收站');
  await confirm.getByRole('button', { name: '移到回收站' }).click();
  await confirm.waitFor({ state: 'detached' });
  await listItem(year, department).waitFor({ state: 'detached' });
}
