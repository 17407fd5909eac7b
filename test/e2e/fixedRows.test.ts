/**
 * 固化 rows end to end in real Chromium (browser mode, the Hubei example imported with the command
 * line): the 项目或定额成本控制率 row survives its delete button and Ctrl+Delete with the notice
 * saying why, its 三级 cell takes no typing, the clerk's 值 and 指标解释 are saved, and the stored
 * form still has the row after a reload.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, importJson, ROOT, startEditorEnv, type EditorEnv } from './helpers/app';
import { cell, openForm, waitSaved } from './helpers/editorPage';

let env: EditorEnv;
let page: Page;
let id: number;

const ind = (row: number, column: string) => `绩效指标第${row}行 ${column}`;
const stored = () => JSON.parse(cli(env.db, 'show', String(id), '--json'))['绩效指标'] as Record<string, string>[];
const COST = 5;

beforeAll(async () => {
  env = await startEditorEnv();
  page = env.page;
  id = importJson(env.db, join(ROOT, 'test/fixtures/xiangmu-hubei-2025-example.json'));
  await openForm(page, env.server.url, id);
});

afterAll(async () => {
  await env?.dispose();
});

describe('the Hubei form’s fixed 成本 row', () => {
  it('cannot be deleted or renamed; the clerk fills its 值 and 指标解释, and it is saved', async () => {
    await page.getByRole('button', { name: `删除绩效指标第${COST}行` }).click();
    const notice = page.getByTestId('sheet-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('「项目或定额成本控制率」是表样固化的指标，不能删除');
    await cell(page, ind(COST, '值')).focus();
    await page.keyboard.press('Control+Delete');
    expect(await cell(page, ind(COST, '三级指标')).inputValue()).toBe('项目或定额成本控制率');

    const name = cell(page, ind(COST, '三级指标'));
    expect(await name.getAttribute('readonly')).not.toBeNull();
    await name.focus();
    await page.keyboard.type('随便改');
    expect(await name.inputValue()).toBe('项目或定额成本控制率');

    const value = cell(page, ind(COST, '值'));
    await value.fill('98');
    await cell(page, ind(COST, '指标解释')).fill('实际成本与预算成本之比');
    await cell(page, ind(COST - 1, '三级指标')).focus();
    await waitSaved(page);
    const row = stored()[COST - 1];
    expect(row).toMatchObject({ 三级指标: '项目或定额成本控制率', 符号: '=', 值: '98', 指标解释: '实际成本与预算成本之比' });
    expect(stored()).toHaveLength(8);

    await page.reload();
    await cell(page, ind(COST, '三级指标')).waitFor();
    expect(await cell(page, ind(COST, '值')).inputValue()).toBe('98');
  });
});
