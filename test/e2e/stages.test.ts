/**
 * Later-stage forms end to end (issue 24): a project declaration opened in Chromium, 监控 pressed,
 * the month chosen, and the 监控表 opens pre-filled — its declared columns shown and locked, the
 * month in the headers, the tick boxes ticked with Space — with the way back to the declaration;
 * then 调整 made the same way. Stored values read back through the command line.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, importJson, OUTPUT_DIR, ROOT, startEditorEnv, type EditorEnv } from './helpers/app';
import { cell, openForm, waitSaved } from './helpers/editorPage';

let env: EditorEnv;
let page: Page;
let declId: number;
const stored = (id: number): Record<string, unknown> => JSON.parse(cli(env.db, 'show', String(id), '--json'));

beforeAll(async () => {
  env = await startEditorEnv();
  page = env.page;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  declId = importJson(env.db, join(ROOT, 'test/fixtures/xiangmu-2025-tiyu.json'));
});

afterAll(async () => {
  await env?.dispose();
});

const formIdInUrl = async (p: Page): Promise<number> => {
  await p.waitForFunction((before) => /#\/form\/(\d+)/.exec(location.hash)?.[1] !== before, String(declId));
  return Number(/#\/form\/(\d+)/.exec(await p.evaluate(() => location.hash))![1]);
};

describe('监控 and 调整 from a declaration (browser mode)', () => {
  let monId: number;

  it('监控 asks for the month and opens the pre-filled form, its declared columns locked', async () => {
    await openForm(page, env.server.url, declId);
    const bar = page.getByTestId('stage-bar');
    await bar.getByRole('button', { name: '监控', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '监控截至' }).selectOption('6');
    await dialog.getByRole('button', { name: '生成' }).click();
    monId = await formIdInUrl(page);
    await page.getByTestId('paper-table').waitFor();
    await expect(page.locator('.editor-name').textContent()).resolves.toContain('全民健身赛事活动经费');

    // Declared values: shown and read-only.
    const name = cell(page, '项目名称');
    await expect(name.inputValue()).resolves.toBe('全民健身赛事活动经费');
    await expect(name.getAttribute('readonly')).resolves.not.toBeNull();
    await expect(name.getAttribute('data-locked')).resolves.toBe('true');
    const budget = cell(page, '年度资金总额·年初预算数');
    await expect(budget.inputValue()).resolves.toBe('1000');
    await expect(budget.getAttribute('readonly')).resolves.not.toBeNull();
    const target = cell(page, '绩效指标第1行 年度指标值');
    await expect(target.inputValue()).resolves.toBe('1种');
    await expect(target.getAttribute('readonly')).resolves.not.toBeNull();
    await target.focus();
    await page.keyboard.type('99');
    await expect(target.inputValue()).resolves.toBe('1种');
    // The month is printed in the headers.
    await expect(page.getByTestId('paper-table').textContent()).resolves.toContain('1-6月执行情况');
    await expect(page.getByTestId('paper-table').textContent()).resolves.toContain('1-6月执行数');

    // What the clerk fills in is editable; Space ticks a box.
    const progress = cell(page, '绩效指标第1行 1-N月执行情况');
    await progress.fill('1种');
    const box = page.getByRole('checkbox', { name: '绩效指标第1行 偏差原因分析·经费保障' });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box.getAttribute('aria-checked')).resolves.toBe('true');
    await page.getByRole('checkbox', { name: '绩效指标第1行 偏差原因分析·其他' }).press('Space');
    const likely = page.getByRole('checkbox', { name: '绩效指标第1行 完成目标可能性·有可能' });
    await likely.press('Space');
    await page.getByRole('checkbox', { name: '绩效指标第1行 完成目标可能性·确定能' }).press('Space');
    await expect(likely.getAttribute('aria-checked')).resolves.toBe('false');
    await cell(page, '本年一般公共预算拨款·1-N月执行数').fill('412.5');
    await waitSaved(page);
    // The lights strip: 1种 of 1种 by 1-6月 is 200 % of the pro-rata target (blue); 412.5 of 1000 at
    // half the year is 82.5 % of the time elapsed (green). Then a red row: 0种.
    const strip = page.getByTestId('lights-strip');
    await expect(strip.locator('[data-light="blue"]').getAttribute('data-count')).resolves.toBe('1');
    await expect(strip.locator('[data-spending]').getAttribute('data-spending')).resolves.toBe('green');
    await cell(page, '绩效指标第2行 1-N月执行情况').fill('0种');
    await page.keyboard.press('Tab');
    await expect(strip.locator('[data-light="red"]').getAttribute('data-count')).resolves.toBe('1');
    await expect(strip.locator('[data-worst]').getAttribute('data-worst')).resolves.toBe('red');
    await expect(
      page.getByText('红灯：「打造品牌赛事种类」1-6月执行情况为序时进度的 0%，请分析偏差原因').first().isVisible(),
    ).resolves.toBe(true);
    await waitSaved(page);
    await page.screenshot({ path: join(OUTPUT_DIR, 'stages-jiankong.png'), fullPage: true });

    const s = stored(monId);
    expect(s['表']).toBe('项目支出绩效目标执行监控表');
    expect(s['监控月份']).toBe('6');
    const row = (s['绩效指标'] as Record<string, string>[])[0];
    expect([row['年度指标值'], row['1-N月执行情况'], row['偏差原因分析'], row['完成目标可能性']]).toEqual([
      '1种',
      '1种',
      '经费保障、其他',
      '确定能',
    ]);
  });

  it('goes back to the declaration, which lists the 监控 and makes a 调整', async () => {
    await page.getByTestId('to-declaration').click();
    await page.waitForFunction((id) => location.hash === `#/form/${id}`, declId);
    await page.getByTestId('paper-table').waitFor();
    const bar = page.getByTestId('stage-bar');
    await expect(bar.getByRole('button', { name: `监控（编号 ${monId}）` }).isVisible()).resolves.toBe(true);
    // The list shows the stage under its declaration.
    const ids = await page.locator('.form-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))));
    expect(ids.indexOf(monId)).toBe(ids.indexOf(declId) + 1);
    await expect(page.locator(`.form-item[data-id="${monId}"]`).getAttribute('class')).resolves.toContain('form-item-stage');

    await bar.getByRole('button', { name: '调整', exact: true }).click();
    const adjId = await formIdInUrl(page);
    await page.getByTestId('paper-table').waitFor();
    await expect(cell(page, '绩效指标第1行 指标值').getAttribute('readonly')).resolves.not.toBeNull();
    await cell(page, '绩效指标第1行 调整后指标值').fill('2种');
    await waitSaved(page);
    const s = stored(adjId);
    expect(s['表']).toBe('项目支出绩效目标调整表');
    expect((s['绩效指标'] as Record<string, string>[])[0]['调整后指标值']).toBe('2种');
  });
});
