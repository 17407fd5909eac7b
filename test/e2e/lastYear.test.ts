/**
 * Last year's results beside this year's targets in the editor (issue 24 point 6, issue 25 point 2),
 * in Chromium against browser mode: a store with three years of a project's declarations and two
 * years of its 自评; the 2025 declaration shows each row's 2024 target and actual in the margin,
 * follows a renamed 三级, warns where a target was copied although the actual differed, and hides
 * the notes in print. A form on a template with 上年 | 前年 columns gets them filled on open,
 * read-only. Screenshots at 1366×768 and 1920×1080 in test-output/last-year/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import { xiangmuZipin } from '../../shared/templates/xiangmu-zipin';
import { HISTORY_TEMPLATE } from '../helpers/historyTemplate';
import { declaration, fillStore } from '../helpers/lastYearStore';
import { cli, launchBrowser, OUTPUT_DIR, startServer, type WebServer } from './helpers/app';
import { cell, openForm, waitSaved } from './helpers/editorPage';

const SHOTS = join(OUTPUT_DIR, 'last-year');
let dir: string;
let db: string;
let server: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let ids: ReturnType<typeof fillStore>;
let historyId: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-lastyear-'));
  db = join(dir, 'forms.db');
  const store = openStore({ file: db, appVersion: '0.0.0-e2e', autoBackup: false });
  // The 自评 template as a stored template file while it is not yet a built-in.
  if (!store.templates.find(xiangmuZipin.id)) store.importTemplate(xiangmuZipin);
  store.importTemplate(HISTORY_TEMPLATE);
  ids = fillStore(store);
  historyId = store.create({ ...declaration('2025', { targets: {} }), templateId: HISTORY_TEMPLATE.id }).id;
  store.close();
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer(db);
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const note = (row: number) => page.locator(`[data-testid="last-year-note"][data-row="${row}"]`);
const rowOf = async (name: string): Promise<number> => {
  for (let i = 0; i < 20; i++) if ((await cell(page, `绩效指标第${i + 1}行 三级指标`).inputValue()) === name) return i;
  throw new Error(`no row ${name}`);
};
const panelText = () => page.getByTestId('messages-panel').textContent();

describe('last year beside the targets (browser mode)', () => {
  it('shows 2024’s target and actual beside each row, and warns where a target was copied although the actual differed', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openForm(page, server.url, ids.d2025.id);
    await page.locator('[data-testid="last-year-note"]').first().waitFor();
    await expect(page.locator('[data-testid="last-year-note"]').count()).resolves.toBe(11);
    const sat = await rowOf('群众满意度');
    await expect(note(sat).textContent()).resolves.toBe('上年≥92%实际96%');
    await expect(note(sat).getAttribute('aria-label')).resolves.toBe('上年对照：2024 年目标 ≥92%，实际完成 96%');
    const cost = await rowOf('项目总成本');
    await expect(note(cost).textContent()).resolves.toBe('上年≤1000万元实际—');
    await expect(panelText()).resolves.toContain('「群众满意度」上年目标为 ≥92%，实际完成 96%，本年目标仍为 ≥92%，请核对');
    await cell(page, `绩效指标第${sat + 1}行 指标值`).focus();
    await page.screenshot({ path: join(SHOTS, 'editor-1366x768.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(SHOTS, 'editor-1920x1080.png') });
  });

  it('follows the rows as they are typed: a changed target ends the warning, a renamed 三级 finds a similar one or none', async () => {
    const sat = await rowOf('群众满意度');
    await cell(page, `绩效指标第${sat + 1}行 指标值`).fill('≥96%');
    await cell(page, `绩效指标第${sat + 1}行 指标值`).press('Tab');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="messages-panel"]')?.textContent?.includes('「群众满意度」上年目标'),
    );
    const rate = await rowOf('全民健身赛事完成率');
    await cell(page, `绩效指标第${rate + 1}行 三级指标`).fill('赛事完成率');
    await cell(page, `绩效指标第${rate + 1}行 三级指标`).press('Tab');
    await expect(note(rate).getAttribute('aria-label')).resolves.toBe(
      '上年对照：2024 年目标 ≥98%，实际完成 97%（相近指标「全民健身赛事完成率」）',
    );
    const kinds = await rowOf('开展运动种类');
    await cell(page, `绩效指标第${kinds + 1}行 三级指标`).fill('新增健身步道长度');
    await cell(page, `绩效指标第${kinds + 1}行 三级指标`).press('Tab');
    await expect(note(kinds).count()).resolves.toBe(0);
    await waitSaved(page);
  });

  it('is not printed', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-testid="last-year-note"]').first().isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('[data-testid="last-year-note"]').first().isVisible()).resolves.toBe(true);
  });

  it('fills a template’s 上年 | 前年 columns from the store on open, read-only', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openForm(page, server.url, historyId);
    const sat = await rowOf('群众满意度');
    const last = cell(page, `绩效指标第${sat + 1}行 上年指标值`);
    await page.waitForFunction(
      (label) => (document.querySelector(`[aria-label="${label}"]`) as HTMLInputElement | null)?.value === '≥92%',
      `绩效指标第${sat + 1}行 上年指标值`,
    );
    await expect(cell(page, `绩效指标第${sat + 1}行 前年指标值`).inputValue()).resolves.toBe('≥90%');
    await expect(last.getAttribute('readonly')).resolves.not.toBeNull();
    await waitSaved(page);
    const shown = JSON.parse(cli(db, 'show', String(historyId), '--json')) as Record<string, Record<string, string>[]>;
    expect(shown['绩效指标'].find((r) => r['三级指标'] === '群众满意度')).toMatchObject({ 上年指标值: '≥92%', 前年指标值: '≥90%' });
    await last.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'history-columns-1366x768.png') });
  });
});
