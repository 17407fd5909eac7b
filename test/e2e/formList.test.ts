/**
 * The side list in real Chromium on a receiving office's year: 15,000 forms of 300 units (the
 * bench's store, bench/listUi.ts, written once through the store's row code and kept under
 * .cache/bench as an entry of its own; the test works on a copy). Only a window of rows is in the
 * page; the rows drawn sit exactly where the list's arithmetic puts them (a form row 44 px, a
 * unit heading 24, a year heading 26: CSS and list/layout.ts agree, or rows would overlap or leave
 * gaps); ↓ from the search box, ↑/↓, End to the 15,000th form and Enter to open it; dragging the
 * scrollbar to the middle draws the rows there; a search pages within its results. Screenshots
 * go to test-output/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStore, ONE_YEAR_15K } from '../../bench/listUi';
import { cli, launchBrowser, OUTPUT_DIR, startServer, type WebServer } from './helpers/app';

let dir: string;
let db: string;
let server: WebServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

const LIST = '[data-testid="form-list"]';

interface Drawn {
  index: number;
  top: number;
  label: string;
  /** A unit heading (and a year heading) right above this row. */
  heading: number;
}

/** The rows in the page, in order, with where they are drawn. */
const drawn = (): Promise<Drawn[]> =>
  page.evaluate((sel) => {
    const list = document.querySelector(sel)!;
    return [...list.querySelectorAll<HTMLElement>('button[data-index]')].map((b) => {
      const row = b.closest('.form-row')!;
      let heading = 0;
      const prev = row.previousElementSibling;
      if (prev?.classList.contains('unit-name')) heading += prev.getBoundingClientRect().height;
      const group = row.parentElement!;
      const yearName = group.previousElementSibling;
      if (group.querySelector('.form-row') === row && yearName?.classList.contains('year-name'))
        heading += yearName.getBoundingClientRect().height;
      return { index: Number(b.dataset.index), top: b.getBoundingClientRect().top, label: b.getAttribute('aria-label') ?? '', heading };
    });
  }, LIST);

const listState = () =>
  page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel)!;
    return { total: el.dataset.total, topIndex: Number(el.dataset.topIndex), scrollTop: el.scrollTop, height: el.scrollHeight };
  }, LIST);

const focusedIndex = () => page.evaluate(() => Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1));

/** Consecutive rows, each drawn right under the one before (and its headings): no overlap, no gap. */
function expectPacked(rows: Drawn[]) {
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.length).toBeLessThan(100);
  for (let k = 1; k < rows.length; k++) {
    expect(rows[k].index).toBe(rows[k - 1].index + 1);
    expect(rows[k].top - rows[k - 1].top).toBeCloseTo(44 + rows[k].heading, 0);
    expect([0, 24, 50]).toContain(Math.round(rows[k].heading));
  }
}

beforeAll(async () => {
  const source = listStore('one-year-15k-e2e');
  dir = mkdtempSync(join(tmpdir(), 'shenbao-list-'));
  db = join(dir, 'forms.db');
  copyFileSync(source, db);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await startServer(db);
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(`${server.url}#/`);
  await page.locator(`${LIST} button[data-index="0"]`).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the side list over 15,000 forms of a year', () => {
  it('draws a window of rows, packed exactly under their headings', async () => {
    const state = await listState();
    expect(state.total).toBe(String(ONE_YEAR_15K.formsPerYear));
    expect(state.height).toBeGreaterThan(15_000 * 44);
    const rows = await drawn();
    expect(rows[0].index).toBe(0);
    expectPacked(rows);
    // The first row sits under the year's and its unit's headings.
    expect(rows[0].heading).toBe(50);
    await expect(page.getByRole('region', { name: '2025年' }).first().isVisible()).resolves.toBe(true);
  });

  it('dragging to the middle draws the rows there, still packed, with the year and unit shown on top', async () => {
    await page.locator(LIST).evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect.poll(async () => (await drawn()).some((r) => r.index > 6000)).toBe(true);
    await page.waitForTimeout(300);
    const rows = await drawn();
    expectPacked(rows);
    const { topIndex } = await listState();
    expect(topIndex).toBeGreaterThan(6000);
    expect(topIndex).toBeLessThan(9000);
    const context = await page.locator('.list-context').textContent();
    expect(context).toMatch(/^2025年/);
    await page.locator('nav').screenshot({ path: join(OUTPUT_DIR, 'form-list-15k-middle.png') });
  });

  it('moves with the keyboard: ↓ from the search box, ↑/↓, End to the last form, Enter opens it', async () => {
    await page.locator(LIST).evaluate((el) => (el.scrollTop = 0));
    await page.getByRole('textbox', { name: '搜索申报表' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedIndex).toBe(0);
    for (let k = 1; k <= 60; k++) await page.keyboard.press('ArrowDown');
    await expect.poll(focusedIndex).toBe(60);
    // The focused row is in view, below the year/unit line on top.
    const inView = () =>
      page.evaluate((sel) => {
        const list = document.querySelector(sel)!.getBoundingClientRect();
        const row = (document.activeElement as HTMLElement).getBoundingClientRect();
        return row.top >= list.top + 21 && row.bottom <= list.bottom + 1;
      }, LIST);
    await expect(inView()).resolves.toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedIndex).toBe(59);
    await page.keyboard.press('End');
    await expect.poll(focusedIndex, { timeout: 10_000 }).toBe(14_999);
    await expect(inView()).resolves.toBe(true);
    expectPacked(await drawn());
    const title = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.locator('nav').screenshot({ path: join(OUTPUT_DIR, 'form-list-15k-end.png') });
    await page.keyboard.press('Enter');
    await page.getByTestId('paper-table').waitFor({ timeout: 30_000 });
    await expect(page.locator('.editor-toolbar').textContent()).resolves.toContain(title!);
    // The opened form is marked in the list.
    await expect(page.locator(`${LIST} [aria-current="true"]`).getAttribute('data-index')).resolves.toBe('14999');
    await page.keyboard.press('Home').catch(() => {});
  });

  it('a search starts at the top and pages within its results', async () => {
    const word = '健身赛事';
    const expected = (JSON.parse(cli(db, 'list', '--json', '--search', word)) as unknown[]).length;
    expect(expected).toBeGreaterThan(250);
    await page.getByRole('textbox', { name: '搜索申报表' }).fill(word);
    await expect.poll(async () => (await listState()).total, { timeout: 10_000 }).toBe(String(expected));
    const state = await listState();
    expect(state.scrollTop).toBe(0);
    const first = await drawn();
    expect(first[0].index).toBe(0);
    for (const r of first) expect(r.label).toContain('健身赛事');
    // Down past the first page (200 rows): the next page of the search.
    await page.locator(LIST).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(async () => (await drawn()).some((r) => r.index === expected - 1)).toBe(true);
    const rows = await drawn();
    expectPacked(rows);
    for (const r of rows) expect(r.label).toContain('健身赛事');
  });
});
