/**
 * 原始文件 end to end (issue #21 point 2): a file of two project forms imported through the
 * dialog in browser mode; each form's editor shows 「原始文件：name（size）」 and 另存为…
 * downloads the very bytes that were uploaded.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, launchBrowser, OUTPUT_DIR, ROOT, startServer, type WebServer } from './helpers/app';

const TWO_FORMS = join(ROOT, 'test/fixtures/real/r05-anhui-jinan-2025-tiyu-2forms.docx');
const WITH_UNPLACED = join(ROOT, 'test/fixtures/real/r01-hunan-yueyangxian-2022-gaobiaonongtian.docx');
const FILE_NAME = '金安区两个项目.docx';

let dir: string;
let db: string;
let server: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-original-e2e-'));
  db = join(dir, 'forms.db');
  mkdirSync(OUTPUT_DIR, { recursive: true });
  copyFileSync(TWO_FORMS, join(dir, FILE_NAME));
  copyFileSync(WITH_UNPLACED, join(dir, '岳阳县高标准农田.docx'));
  server = await startServer(db);
  browser = await launchBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.url);
  await page.getByRole('button', { name: '导入', exact: true }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('原始文件 (browser mode)', () => {
  it('imports both forms of one file, and each editor saves the uploaded file back byte for byte', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await (await chooser).setFiles([join(dir, FILE_NAME)]);
    const dlg = page.getByRole('dialog', { name: /导入 Word 文件/ });
    await dlg.getByRole('button', { name: /确认导入/ }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-glance"]').length === 2);
    await page.screenshot({ path: join(OUTPUT_DIR, 'original-import-review.png') });
    await dlg.getByRole('button', { name: /确认导入/ }).click();
    await dlg.getByTestId('import-summary').waitFor();
    await expect(dlg.getByTestId('import-summary').textContent()).resolves.toContain('导入 2 个');
    await dlg.getByRole('button', { name: '关闭' }).click();
    await dlg.waitFor({ state: 'detached' });

    const forms = JSON.parse(cli(db, 'list', '--json')) as { id: number; title: string }[];
    expect(forms).toHaveLength(2);
    const sent = readFileSync(TWO_FORMS);
    for (const f of forms) {
      await page.getByRole('region', { name: '2025年' }).getByRole('button', { name: f.title, exact: true }).click();
      const line = page.getByTestId('original-file');
      await line.filter({ hasText: FILE_NAME }).waitFor();
      await expect(line.textContent()).resolves.toContain(`原始文件：${FILE_NAME}（37.2 KB）`);
      const download = page.waitForEvent('download');
      await line.getByRole('button', { name: '另存为…' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(FILE_NAME);
      const saved = join(dir, `saved-${f.id}.docx`);
      await file.saveAs(saved);
      expect(Buffer.compare(readFileSync(saved), sent)).toBe(0);
    }
    await page.screenshot({ path: join(OUTPUT_DIR, 'original-editor-line.png') });
  });

  it('the review draws the file’s table beside what was read, read cells green and unplaced ones orange (1366×768)', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await (await chooser).setFiles([join(dir, '岳阳县高标准农田.docx')]);
    const dlg = page.getByRole('dialog', { name: /导入 Word 文件/ });
    const source = dlg.getByTestId('import-source');
    await source.waitFor();
    const cell = (text: string) => source.locator('td', { hasText: text }).first();
    await expect(cell('彭兵').getAttribute('data-mark')).resolves.toBe('unplaced');
    await expect(cell('岳阳县2022年高标准农田建设项目').getAttribute('data-mark')).resolves.toBe('read');
    await expect(
      source
        .locator('td', { hasText: /^项目名称$/ })
        .first()
        .getAttribute('data-mark'),
    ).resolves.toBe('none');
    // Beside, not below: the source grid and the read fields share the dialog's width.
    const grid = (await source.boundingBox())!;
    const fields = (await dlg.getByTestId('import-review').boundingBox())!;
    expect(fields.x).toBeGreaterThan(grid.x + grid.width - 1);
    // Hovering a value read outlines the cell it came from.
    await dlg.getByTestId('import-review').getByRole('row').filter({ hasText: '实施单位' }).first().hover();
    await source.locator('td[data-lit="true"]', { hasText: '农田建设服务中心' }).waitFor();
    expect(await source.locator('td[data-lit="true"]').count()).toBe(1);
    await page.screenshot({ path: join(OUTPUT_DIR, 'import-review-evidence-1366.png') });
    await dlg.getByRole('button', { name: '取消' }).click();
    await dlg.waitFor({ state: 'detached' });
  });
});
