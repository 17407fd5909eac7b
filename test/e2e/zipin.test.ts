/**
 * A 项目支出绩效自评表 end to end (issue 24): a project declaration opened in Chromium (browser mode,
 * 1366×768), 自评 pressed, and the 自评 opens pre-filled — 年初预算数 and the declared indicator
 * columns locked; the clerk types the year's money, 分值 and two actuals, and sees 执行率, the rows'
 * 得分, 总分 and the grade change as an independent computation here says. Stored values read back
 * through the command line; a screenshot is kept in the output folder.
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
  await page.setViewportSize({ width: 1366, height: 768 });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  declId = importJson(env.db, join(ROOT, 'test/fixtures/xiangmu-2025-tiyu.json'));
});

afterAll(async () => {
  await env?.dispose();
});

describe('自评 from a declaration (browser mode)', () => {
  it('opens pre-filled, and two actuals change the 总分 and the grade', async () => {
    await openForm(page, env.server.url, declId);
    await page.getByTestId('stage-bar').getByRole('button', { name: '自评', exact: true }).click();
    await page.waitForFunction((before) => /#\/form\/(\d+)/.exec(location.hash)?.[1] !== before, String(declId));
    const selfId = Number(/#\/form\/(\d+)/.exec(await page.evaluate(() => location.hash))![1]);
    await page.getByTestId('paper-table').waitFor();

    // Declared: shown, not editable.
    const initial = cell(page, '年度资金总额（年初预算数）');
    await expect(initial.inputValue()).resolves.toBe('1000');
    await expect(initial.getAttribute('readonly')).resolves.not.toBeNull();
    const target = cell(page, '绩效指标第1行 年度指标值');
    await expect(target.inputValue()).resolves.toBe('1种');
    await expect(target.getAttribute('readonly')).resolves.not.toBeNull();

    // The year's money: 935.5 of 1000 → 执行率 93.55 %, 得分 9.355 → 9.36.
    await cell(page, '本年财政拨款（全年预算数）').fill('1000');
    await cell(page, '本年财政拨款（全年执行数）').fill('935.5');
    // 分值 50 / 30 / 10 spread over the 11 rows as the store test does; every row met but two.
    const points = ['10', '10', '10', '10', '5', '5', '10', '10', '5', '5', '10'];
    const actuals = [
      '1种',
      '1种',
      '100%',
      '100%',
      '2025年12月20日',
      '≤1000万元',
      '经济效益良好',
      '效果良好',
      '不适用',
      '影响可持续',
      '96%',
    ];
    for (let i = 0; i < points.length; i++) {
      await cell(page, `绩效指标第${i + 1}行 分值`).fill(points[i]);
      await cell(page, `绩效指标第${i + 1}行 实际完成值`).fill(actuals[i]);
    }
    // The date row and the 定性 rows: the clerk's scores.
    for (const [row, score] of [
      [5, '5'],
      [7, '10'],
      [8, '10'],
      [10, '5'],
    ] as const)
      await cell(page, `绩效指标第${row}行 得分`).fill(score);
    await cell(page, '绩效指标第6行 实际完成值').fill('1000万元');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    const total = cell(page, '总分');
    const grade = cell(page, '自评结论');
    await expect(cell(page, '执行率').inputValue()).resolves.toMatch(/^93\.55%?$/);
    // Every assessed row full: (9.36 + 85) × 100 ÷ 95 = 99.326… → 99.33, 优.
    await expect(total.inputValue()).resolves.toBe('99.33');
    await expect(grade.inputValue()).resolves.toBe('优');

    // Two actuals typed: 0种 (row 2, 0 of 10) and 60% (row 4: 60 ÷ 100 × 10 = 6).
    await cell(page, '绩效指标第2行 实际完成值').fill('0种');
    await cell(page, '绩效指标第4行 实际完成值').fill('60%');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    await expect(cell(page, '绩效指标第2行 得分').inputValue()).resolves.toMatch(/^0(\.00)?$/);
    await expect(cell(page, '绩效指标第4行 得分').inputValue()).resolves.toMatch(/^6(\.00)?$/);
    // (9.36 + 85 − 10 − 4) × 100 ÷ 95 = 84.589… → 84.59, 良.
    await expect(total.inputValue()).resolves.toBe('84.59');
    await expect(grade.inputValue()).resolves.toBe('良');
    await total.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT_DIR, 'zipin-1366.png') });

    const s = stored(selfId);
    expect([s['表'], s['总分'], s['自评结论']]).toEqual(['项目支出绩效自评表', '84.59', '良']);
  });
});
