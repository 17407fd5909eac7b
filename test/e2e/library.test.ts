/**
 * 指标库 and 年度对比 end to end in real Chromium (browser mode, forms imported with the command
 * line). A 2024 form of the unit holds 「组织业务培训人次 ≥300人次」; a new project form made with
 * 新建 learns it: typing 培训 in an empty 三级 under 数量指标 lists it first as 本单位, ↓ and Enter
 * fill 三级 and 指标值 (selected, to overtype) and the form saves them (checked with `show
 * --json`); typing through an input method (CDP's IME composition) asks nothing until the text is
 * committed, then picks the same way. The 指标库 dialog lists what was learned. 年度对比 of a 2026
 * copy against the fixture's 2025 form lists exactly the changes made, as `diff --json` does, and
 * prints on A4 and exports Word. Screenshots go to test-output/ (and are looked at by hand).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, importJson, OUTPUT_DIR, ROOT, startEditorEnv, type EditorEnv } from './helpers/app';
import { cell, waitFocus, waitSaved } from './helpers/editorPage';

let env: EditorEnv;
let page: Page;
let olderId: number;
let id2025: number;
let id2026: number;
let newId: number;
/** Every library.suggest request the page sent, with the text asked. */
const asked: string[] = [];

const UNIT = '六安市金安区体育局';
const LEARNED = '组织业务培训人次';
const fixture = () => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/xiangmu-2025-tiyu.json'), 'utf8')) as Record<string, unknown>;
type Row = Record<string, string>;
const stored = (id: number): Record<string, unknown> => JSON.parse(cli(env.db, 'show', String(id), '--json'));
const storedRows = (id: number) => stored(id)['绩效指标'] as Row[];
const ind = (row: number, column: string) => `绩效指标第${row}行 ${column}`;
const shot = (file: string) => join(OUTPUT_DIR, file);

function writeJson(name: string, data: unknown): string {
  const file = join(env.dir, name);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

beforeAll(async () => {
  env = await startEditorEnv();
  page = env.page;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  // Last year's form of the unit (an older project of the same 实施单位) with a training indicator.
  const older = fixture();
  older['年度'] = '2024';
  const rows = [...(older['绩效指标'] as Row[])];
  rows.splice(2, 0, { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: LEARNED, 指标值: '≥300人次' });
  older['绩效指标'] = rows;
  olderId = importJson(env.db, writeJson('older-2024.json', older));
  // The pair to compare: the fixture (2025) and an edited 2026 copy of the same project.
  id2025 = importJson(env.db, join(ROOT, 'test/fixtures/xiangmu-2025-tiyu.json'));
  const edited = fixture();
  Object.assign(edited, {
    年度: '2026',
    年度资金总额: '1200.00',
    财政拨款: '1150.00',
    其他资金: '50.00',
    年度目标: (edited['年度目标'] as string).replace('打造1项品牌赛事', '打造2项品牌赛事'),
  });
  const er = (edited['绩效指标'] as Row[]).map((r) => ({ ...r }));
  er[0]['指标值'] = '2种'; // 开展运动种类 1种 → 2种
  er.splice(1, 1); // 打造品牌赛事种类 removed
  er.splice(1, 0, { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '参赛人数', 指标值: '≥500人' });
  er[4]['指标值'] = '2026年年底前'; // 完成时间
  edited['绩效指标'] = er;
  id2026 = importJson(env.db, writeJson('edited-2026.json', edited));
  page.on('request', (r) => {
    if (r.url().includes('/api/library.suggest')) asked.push((JSON.parse(r.postData() ?? '{}') as { text: string }).text);
  });
  await page.goto(env.server.url);
  await page.getByRole('button', { name: '新建' }).waitFor();
});

afterAll(async () => {
  await env?.dispose();
});

/** The selected part of the focused cell. */
const selection = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLTextAreaElement;
    return el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0);
  });

/** Presses ↓ until the option named `name` is highlighted (the list's own order decides how often). */
async function highlight(name: string): Promise<void> {
  const names = await page.getByRole('option').locator('.suggest-name').allTextContents();
  const at = names.indexOf(name);
  expect(at, `「${name}」 in ${names.join('、')}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
  const active = await page.evaluate(() => document.activeElement?.getAttribute('aria-activedescendant'));
  await expect(page.locator(`[id="${active}"] .suggest-name`).textContent()).resolves.toBe(name);
}

describe('suggestions while typing a 三级指标', () => {
  it('a new project form of the unit: 培训 lists the learned indicator first, ↓ Enter fill 三级 and 指标值, saved', async () => {
    await page.getByRole('button', { name: '新建' }).click();
    const dlg = page.getByRole('dialog', { name: '新建申报表' });
    await dlg.getByRole('radio', { name: /^项目支出绩效目标表/ }).check();
    await dlg.getByRole('textbox', { name: '年度' }).fill('2026');
    await dlg.getByRole('textbox', { name: '项目名称' }).fill('体育业务培训经费');
    await dlg.getByRole('textbox', { name: '实施单位' }).fill(UNIT);
    await dlg.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/#\/form\/\d+$/);
    newId = Number(/#\/form\/(\d+)$/.exec(page.url())![1]);
    await page.getByTestId('paper-table').waitFor();
    expect(newId).toBeGreaterThan(id2026);

    const name = cell(page, ind(1, '三级指标'));
    await expect(page.getByRole('textbox', { name: ind(1, '二级指标') }).inputValue()).resolves.toBe('数量指标');
    await name.click();
    const before = asked.length;
    await page.keyboard.type('培训', { delay: 30 });
    const list = page.getByRole('listbox');
    await list.waitFor();
    // Typing goes on into the cell; the list is asked after the pause, not on every key.
    await expect(name.inputValue()).resolves.toBe('培训');
    expect(asked.slice(before)).toEqual(['培训']);
    const first = page.getByRole('option').first();
    await expect(first.locator('.suggest-name').textContent()).resolves.toBe(LEARNED);
    await expect(first.locator('.suggest-value').textContent()).resolves.toBe('≥300人次');
    await expect(first.locator('.suggest-source').textContent()).resolves.toBe('本单位');
    await expect(name.getAttribute('aria-controls')).resolves.toBe(await list.getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    await expect(name.getAttribute('aria-activedescendant')).resolves.toBe(await first.getAttribute('id'));
    await page.screenshot({ path: shot('suggest-list.png') });
    await page.screenshot({ path: '/tmp/suggest-list.png' });
    await page.keyboard.press('Enter');
    await waitFocus(page, ind(1, '指标值'));
    await expect(list.count()).resolves.toBe(0);
    await expect(name.inputValue()).resolves.toBe(LEARNED);
    await expect(cell(page, ind(1, '指标值')).inputValue()).resolves.toBe('≥300人次');
    // The pattern is selected: typing replaces it.
    await expect(selection()).resolves.toBe('≥300人次');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    expect(storedRows(newId)[0]).toEqual({ 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: LEARNED, 指标值: '≥300人次' });
  });

  it('through an input method: nothing is asked while composing; after the commit ↓ Enter pick as with the keyboard', async () => {
    // Enter in the last column (the list is closed) keeps its meaning: a new row under 数量指标.
    await cell(page, ind(1, '指标值')).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await waitFocus(page, ind(2, '三级指标'));
    await page.evaluate(() => {
      const w = window as unknown as { compositions: string[] };
      w.compositions = [];
      for (const t of ['compositionstart', 'compositionend'])
        document.addEventListener(t, (e) => w.compositions.push(`${e.type}:${(e as CompositionEvent).data}`), true);
    });
    const cdp: CDPSession = await page.context().newCDPSession(page);
    const before = asked.length;
    for (const text of ['p', 'pe', 'pei', 'pei x', 'pei xu', 'pei xun'])
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await page.waitForTimeout(400);
    expect(asked.length).toBe(before);
    await expect(page.getByRole('listbox').count()).resolves.toBe(0);
    await cdp.send('Input.insertText', { text: '培训' });
    await page.getByRole('listbox').waitFor();
    expect(asked.slice(before)).toEqual(['培训']);
    const seen = await page.evaluate(() => (window as unknown as { compositions: string[] }).compositions);
    expect(seen[0]).toBe('compositionstart:');
    expect(seen).toContain('compositionend:培训');
    await cdp.detach();
    await highlight('培训人次');
    await page.keyboard.press('Enter');
    await waitFocus(page, ind(2, '指标值'));
    await expect(cell(page, ind(2, '三级指标')).inputValue()).resolves.toBe('培训人次');
    await expect(selection()).resolves.toBe('≥200人次');
    // Overtyping the selected pattern.
    await page.keyboard.type('≥260人次');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    expect(storedRows(newId).slice(0, 3)).toEqual([
      { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: LEARNED, 指标值: '≥300人次' },
      { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '培训人次', 指标值: '≥260人次' },
      { 一级指标: '产出指标', 二级指标: '质量指标', 三级指标: '', 指标值: '' },
    ]);
  });

  it('the 指标库 dialog lists what the forms taught, searchable', async () => {
    await page.getByRole('button', { name: '指标库' }).click();
    const dlg = page.getByRole('dialog', { name: '指标库' });
    await dlg.getByTestId('library-list').waitFor();
    await dlg.getByRole('textbox', { name: '查找指标' }).fill('培训');
    await dlg.getByText(LEARNED, { exact: true }).waitFor();
    const row = dlg.locator('tr', { has: page.getByText(LEARNED, { exact: true }) });
    await expect(row.locator('td').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['产出指标', '数量指标', LEARNED, '≥300人次', '本机表单', '2 次（2026）']),
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot('library-dialog.png') });
    await page.screenshot({ path: '/tmp/library-dialog.png' });
    // An entry of one's own, with a placeholder in its 指标值: saved in the store's library.
    await dlg.getByRole('button', { name: '新增指标' }).click();
    const form = dlg.getByRole('form', { name: '新增指标' });
    await form.getByRole('textbox', { name: /三级指标/ }).fill('裁判员培训班次');
    await form.getByRole('textbox', { name: '指标值' }).fill('{年度}年举办≥2期');
    await form.getByRole('textbox', { name: '说明' }).fill('县体育局要求');
    await page.screenshot({ path: '/tmp/library-dialog-add.png' });
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    await dlg.getByText('裁判员培训班次', { exact: true }).waitFor();
    const own = JSON.parse(cli(env.db, 'library', 'list', '--search', '裁判员', '--json')) as Record<string, unknown>[];
    expect(own).toEqual([
      expect.objectContaining({
        level1: '产出指标',
        level2: '数量指标',
        name: '裁判员培训班次',
        value: '{年度}年举办≥2期',
        note: '县体育局要求',
        source: 'user',
      }),
    ]);
    await dlg.getByRole('button', { name: '关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
  });
});

interface CliDiff {
  before: { id: number; year: string };
  after: { id: number; year: string };
  money: { label: string; before: string; after: string; change: string; percent: string }[];
  texts: { field: string; label: string; same: boolean }[];
  groups: {
    group: string;
    counts: Record<string, number>;
    rows: { status: string; key: string[]; changes: { label: string; before: string; after: string }[] }[];
  }[];
}

describe('年度对比', () => {
  it('lists exactly the changes made to the 2026 copy, as `diff --json` does, prints on A4 and exports Word', async () => {
    const d = JSON.parse(cli(env.db, 'diff', String(id2026), '--json')) as CliDiff;
    expect(d.before.id).toBe(id2025);
    await page.goto(`${env.server.url}#/form/${id2026}`);
    await page.getByTestId('paper-table').waitFor();
    await page.getByRole('button', { name: '年度对比' }).click();
    const view = page.getByRole('dialog', { name: '年度对比' });
    const report = view.getByTestId('comparison');
    await report.waitFor();
    await expect(report.locator('.cmp-sub').textContent()).resolves.toContain(`（编号 ${id2025}）`);

    // Money: the changed rows, with the change and percentage the core worked out.
    const shownMoney = await report
      .locator('[data-testid="cmp-money"] tbody tr[data-changed]')
      .evaluateAll((trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent)));
    const changedMoney = d.money.filter((m) => m.before !== m.after);
    expect(changedMoney.map((m) => m.label)).toEqual(['年度资金总额', '财政拨款', '其他资金']);
    expect(shownMoney.map((r) => r[0])).toEqual(changedMoney.map((m) => m.label));
    expect(shownMoney[0]).toEqual(['年度资金总额', '1000', '1200', '+200', '+20.0%']);
    expect(shownMoney.map((r) => [r[1], r[2], r[3].replace(/^\+/, ''), r[4].replace(/^\+/, '')])).toEqual(
      changedMoney.map((m) => [m.before, m.after, m.change, m.percent ? `${m.percent}%` : '—']),
    );

    // Texts: only 年度目标 changed, 1 struck and 2 underlined.
    const changedTexts = d.texts.filter((t) => !t.same).map((t) => t.field);
    expect(changedTexts).toEqual(['goal']);
    const shownTexts = await report
      .locator('[data-testid^="cmp-text-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(shownTexts).toEqual(changedTexts.map((f) => `cmp-text-${f}`));
    await expect(report.getByTestId('cmp-text-goal').locator('del').allTextContents()).resolves.toEqual(['1']);
    await expect(report.getByTestId('cmp-text-goal').locator('ins').allTextContents()).resolves.toEqual(['2']);
    const style = await report
      .getByTestId('cmp-text-goal')
      .locator('del')
      .evaluate((el) => ({ line: getComputedStyle(el).textDecorationLine, color: getComputedStyle(el).color }));
    expect(style.line).toContain('line-through');
    expect(style.color).toBe('rgb(201, 42, 42)');
    await expect(
      report
        .getByTestId('cmp-text-goal')
        .locator('ins')
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).resolves.toContain('underline');

    // Indicator rows: the same rows under the same statuses as the command line lists.
    const g = d.groups.find((x) => x.group === 'indicators')!;
    expect(g.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 8 });
    await expect(report.getByTestId('cmp-counts-indicators').textContent()).resolves.toBe('新增 1删除 1修改 2未变 8');
    for (const status of ['added', 'removed', 'changed'] as const) {
      const shown = await report
        .getByTestId(`cmp-indicators-${status}`)
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent ?? '')));
      const want = g.rows.filter((r) => r.status === status);
      expect(shown.map((r) => r.slice(0, 3))).toEqual(want.map((r) => r.key));
      if (status === 'changed')
        expect(shown.map((r) => r[3])).toEqual(want.map((r) => r.changes.map((c) => `${c.label}：${c.before} → ${c.after}`).join('')));
    }
    await expect(report.getByTestId('cmp-indicators-unchanged').count()).resolves.toBe(0);
    await page.screenshot({ path: shot('compare-view.png') });
    await page.screenshot({ path: '/tmp/compare-view.png' });
    await report.getByRole('button', { name: /未变（8）/ }).click();
    await expect(report.getByTestId('cmp-indicators-unchanged').locator('tbody tr').count()).resolves.toBe(8);
    await page.screenshot({ path: '/tmp/compare-view-unchanged.png', fullPage: true });

    // 导出 Word: downloaded in the browser.
    const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: '导出 Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^2026年全民健身赛事活动经费年度对比.*\.docx$/);
    const docx = readFileSync((await download.path())!);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');

    // 打印: only the comparison, on A4.
    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => void (window as unknown as { printCalls: number }).printCalls++;
    });
    await view.getByRole('button', { name: '打印' }).click();
    await page.waitForFunction(() => (window as unknown as { printCalls: number }).printCalls === 1);
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() => ({
      copy: (document.querySelector('body > .compare-print') as HTMLElement | null)?.offsetHeight ?? 0,
      root: (document.getElementById('root') as HTMLElement).offsetHeight,
      modal: (document.querySelector('.cmp-toolbar') as HTMLElement | null)?.offsetHeight ?? 0,
    }));
    expect(visible.copy).toBeGreaterThan(500);
    expect(visible.root).toBe(0);
    expect(visible.modal).toBe(0);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(shot('compare-print.pdf'), pdf);
    writeFileSync('/tmp/compare-print.pdf', pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 portrait: 595 × 842 points, on every page.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.locator('body > .compare-print').waitFor({ state: 'detached' });
    await view.getByRole('button', { name: '关闭' }).click();
  });

  it('without a last-year form: the Chinese message, and 与其他表单对比 compares with the chosen form', async () => {
    await page.goto(`${env.server.url}#/form/${newId}`);
    await page.getByTestId('paper-table').waitFor();
    await page.getByRole('button', { name: '年度对比' }).click();
    const view = page.getByRole('dialog', { name: '年度对比' });
    const error = view.getByTestId('compare-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('没有找到「体育业务培训经费」的上年（2025 年）表单');
    const chooser = view.getByRole('combobox', { name: '与其他表单对比' });
    await expect(chooser.locator('option').allTextContents()).resolves.toEqual(
      expect.arrayContaining([`2024年 全民健身赛事活动经费（${UNIT}）（编号 ${olderId}）`]),
    );
    await chooser.selectOption(String(olderId));
    const report = view.getByTestId('comparison');
    await report.waitFor();
    const d = JSON.parse(cli(env.db, 'diff', String(newId), '--against', String(olderId), '--json')) as CliDiff;
    const g = d.groups.find((x) => x.group === 'indicators')!;
    await expect(report.getByTestId('cmp-counts-indicators').textContent()).resolves.toBe(
      `新增 ${g.counts.added}删除 ${g.counts.removed}修改 ${g.counts.changed}未变 ${g.counts.unchanged}`,
    );
    await view.getByRole('button', { name: '关闭' }).click();
  });
});
