/**
 * The indicator grids end to end in real Chromium (browser mode, forms imported with the command
 * line): a project form's 三级 rows added, removed and moved by button and key, rows pasted from
 * Excel (one with an unknown 一级 listed, the paste undone in one step), 「＋ 二级」, bad input
 * (a 2 MB paste refused, a 10,000-character 指标值 kept and flagged), and everything saved over
 * a reload; a 2015 department form's task row with 金额合计 and the row's check; the cross-form
 * check between a 2019 and a 2015 form of one unit and year in both checks panels; 导出所选 of
 * several forms; and the print view of a 41-row project form printed to PDF with 一级指标 on
 * every page, and of the Hunan form.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLabelJson } from '../../shared/labelJson';
import { projectForm40, PROJECT_TEMPLATE } from '../../bench/projectForm';
import { cli, importJson, OUTPUT_DIR, ROOT, startEditorEnv, type EditorEnv } from './helpers/app';
import { cell, focusedLabel, openForm, pasteInto, waitFocus, waitSaved } from './helpers/editorPage';

let env: EditorEnv;
let page: Page;
let projectId: number;
let dept2015Id: number;
let hunanId: number;
let longId: number;

const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures', name), 'utf8'));
const stored = (id: number): Record<string, unknown> => JSON.parse(cli(env.db, 'show', String(id), '--json'));
const storedIndicators = (id: number) =>
  (stored(id)['绩效指标'] as Record<string, string>[]).map((r) => [r['一级指标'], r['二级指标'], r['三级指标'], r['指标值']].join('/'));
const ind = (row: number, column: string) => `绩效指标第${row}行 ${column}`;
const task = (row: number, column: string) => `年度主要任务第${row}行 ${column}`;
const shot = (file: string) => join(OUTPUT_DIR, file);

/** The indicator rows as shown: each row's 三级指标 and 指标值 (the merged headings are checked by spans). */
async function shownIndicators(): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (let r = 1; ; r++) {
      const name = document.querySelector<HTMLTextAreaElement>(`[aria-label="绩效指标第${r}行 三级指标"]`);
      if (!name) return out;
      const value = document.querySelector<HTMLTextAreaElement>(`[aria-label="绩效指标第${r}行 指标值"]`);
      out.push(`${name.value}/${value?.value ?? ''}`);
    }
  });
}

/** Row spans of the 一级 and 二级 cells, top to bottom. */
const headingSpans = (column: '一级指标' | '二级指标') =>
  page.evaluate(
    (c) =>
      Array.from(document.querySelectorAll<HTMLElement>(`[data-group="indicators"][aria-label$=" ${c}"]`)).map(
        (el) => `${(el as HTMLTextAreaElement).value}×${(el.closest('td') as HTMLTableCellElement).rowSpan}`,
      ),
    column,
  );

async function messageOf(loc: Locator): Promise<string> {
  const id = await loc.getAttribute('aria-describedby');
  return id ? ((await page.locator(`#${id}`).textContent()) ?? '') : '';
}

beforeAll(async () => {
  env = await startEditorEnv();
  page = env.page;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  projectId = importJson(env.db, join(ROOT, 'test/fixtures/xiangmu-2025-tiyu.json'));
  hunanId = importJson(env.db, join(ROOT, 'test/fixtures/bumen-hunan-2023-example.json'));
  // A 2015 department form for the seed's unit and year, with a 金额合计 other than its 442.21.
  const dept = { ...fixture('bumen-2015-example.json'), 年度: '2019', '部门（单位）名称': '湖南省桃源县看守所' };
  for (const k of ['金额合计（总额）', '金额合计（财政拨款）', '金额合计（其他资金）']) delete dept[k];
  writeFileSync(join(env.dir, 'dept-2015.json'), JSON.stringify(dept));
  dept2015Id = importJson(env.db, join(env.dir, 'dept-2015.json'));
  // The 41-row project form for the printed pages.
  const long = projectForm40();
  const rows = long.values.indicators as Record<string, string>[];
  rows.splice(2, 0, { level1: '产出指标', level2: '数量指标', name: '举办社区健身活动第41场', value: '≥41场' });
  long.values.projectName = '全民健身赛事活动经费（41行）';
  writeFileSync(join(env.dir, 'long.json'), JSON.stringify(toLabelJson(long, PROJECT_TEMPLATE)));
  longId = importJson(env.db, join(env.dir, 'long.json'));
  await openForm(page, env.server.url, projectId);
});

afterAll(async () => {
  await env?.dispose();
});

describe('a project form’s indicator grid', () => {
  it('adds 三级 rows under 数量指标 by button and Enter, removes by button and Ctrl+Delete, moves by key and button', async () => {
    expect(await shownIndicators()).toHaveLength(11);
    await page.getByRole('button', { name: '在绩效指标第2行下方插入一行' }).click();
    await waitFocus(page, ind(3, '三级指标'));
    await page.keyboard.type('参赛人数');
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe(ind(3, '指标值'));
    await page.keyboard.type('≥500人');
    // Enter in the last column: a row below under 产出指标/数量指标.
    await page.keyboard.press('Enter');
    await waitFocus(page, ind(4, '三级指标'));
    await page.keyboard.type('裁判培训');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2期');
    await page.keyboard.press('Enter');
    await waitFocus(page, ind(5, '三级指标'));
    expect(await headingSpans('二级指标')).toContain('数量指标×5');
    // The blank row goes again with Ctrl+Delete, 开展运动种类 by its button.
    await page.keyboard.press('Control+Delete');
    await page.getByRole('button', { name: '删除绩效指标第1行' }).click();
    expect((await shownIndicators()).slice(0, 4)).toEqual([
      '打造品牌赛事种类/1种',
      '参赛人数/≥500人',
      '裁判培训/2期',
      '经费支出合规率/100%',
    ]);
    // Alt+↑ moves 裁判培训 up, the caret with it; 下移 moves the first row down.
    await cell(page, ind(3, '三级指标')).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await waitFocus(page, ind(2, '三级指标'));
    await page.getByRole('button', { name: '下移绩效指标第1行' }).click();
    expect((await shownIndicators()).slice(0, 3)).toEqual(['裁判培训/2期', '打造品牌赛事种类/1种', '参赛人数/≥500人']);
    expect(await headingSpans('一级指标')).toEqual(['产出指标×7', '效益指标×4', '满意度指标×1']);
    expect((await headingSpans('二级指标')).slice(0, 2)).toEqual(['数量指标×3', '质量指标×2']);
    await waitSaved(page);
    expect(storedIndicators(projectId).slice(0, 3)).toEqual([
      '产出指标/数量指标/裁判培训/2期',
      '产出指标/数量指标/打造品牌赛事种类/1种',
      '产出指标/数量指标/参赛人数/≥500人',
    ]);
  });

  it('pastes rows copied from Excel under their 一级/二级, lists the unknown 一级, and Ctrl+Z takes the paste back in one step', async () => {
    const before = await shownIndicators();
    const text =
      '产出指标\t时效指标\t报名截止\t2025年6月前\r\n效益指标\t社会效益指标\t带动就业\t≥20人\r\n成本指标\t经济成本指标\t人均成本\t≤50元\r\n';
    expect(await pasteInto(cell(page, ind(1, '三级指标')), text)).toBe(true);
    const notice = page.getByTestId('sheet-notice');
    await notice.waitFor();
    const said = (await notice.textContent()) ?? '';
    expect(said).toContain('已粘贴 2 行到绩效指标（新增 2 行）');
    expect(said).toContain('第 3 行「成本指标 | 经济成本指标 | 人均成本 | ≤50元」：表中没有一级指标「成本指标」');
    const after = await shownIndicators();
    expect(after).toHaveLength(before.length + 2);
    expect(after[6]).toBe('报名截止/2025年6月前'); // after 完成时间, the 时效指标 run's last row
    expect(after[10]).toBe('带动就业/≥20人'); // after 提升群众健身参与度
    expect(await headingSpans('二级指标')).toContain('时效指标×2');
    await waitFocus(page, ind(7, '三级指标'));
    await page.screenshot({ path: shot('grid-paste-notice.png') });
    await waitSaved(page);
    expect(storedIndicators(projectId)).toContain('产出指标/时效指标/报名截止/2025年6月前');

    await page.keyboard.press('Control+z');
    await expect.poll(() => shownIndicators()).toEqual(before);
    await page.getByRole('button', { name: '知道了' }).click();
    await notice.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(storedIndicators(projectId)).not.toContain('产出指标/时效指标/报名截止/2025年6月前');
  });

  it('refuses a 2 MB paste in Chinese and changes nothing', async () => {
    const before = await shownIndicators();
    const value = cell(page, ind(1, '指标值'));
    const taken = await value.evaluate((el: HTMLElement) => {
      el.focus();
      const data = new DataTransfer();
      data.setData('text/plain', `${'指标'.repeat(360_000)}\t1\r\n`);
      return !el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(taken).toBe(true);
    const alert = page.getByRole('alert').filter({ hasText: '粘贴的内容太大' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/超过 2\.0 MB.*没有粘贴，表中没有任何改动/);
    await expect(value.inputValue()).resolves.toBe('2期');
    expect(await shownIndicators()).toEqual(before);
  });

  it('keeps a 10,000-character 指标值 and says on the cell that it is too long', async () => {
    const value = cell(page, ind(2, '指标值'));
    const long = '数'.repeat(10_000);
    await value.fill(long);
    // New messages wait for a pause in typing (600 ms), then show.
    await expect.poll(() => value.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(value)).toMatch(/绩效指标第2行的指标值太长（10000 个字，最多 \d+ 个字），请删减/);
    await expect(value.inputValue()).resolves.toBe(long);
    await value.blur();
    await waitSaved(page);
    expect(storedIndicators(projectId)[1]).toBe(`产出指标/数量指标/打造品牌赛事种类/${long}`);
    await value.fill('1种');
    await expect(value.getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('「＋ 二级」 starts a custom 二级 under the row’s 一级 with the caret in it; after a reload everything is saved', async () => {
    const button = page.getByRole('button', { name: '在绩效指标第9行下方新增二级指标' });
    // Shown under the row's tools while the row is pointed at (or typed in).
    await expect(button.count()).resolves.toBe(0);
    await cell(page, ind(9, '三级指标')).hover();
    await expect(button.textContent()).resolves.toBe('＋ 二级');
    await button.click();
    await waitFocus(page, ind(10, '二级指标'));
    await page.keyboard.type('社会公平指标');
    await page.keyboard.press('Tab');
    await page.keyboard.type('困难群众参与率');
    await page.keyboard.press('Tab');
    await page.keyboard.type('≥30%');
    await cell(page, ind(10, '三级指标')).hover();
    const tools = await page.locator('tr', { has: cell(page, ind(10, '三级指标')) }).boundingBox();
    await page.screenshot({
      path: shot('grid-row-tools.png'),
      clip: { x: tools!.x - 10, y: tools!.y - 120, width: tools!.width + 190, height: 260 },
    });
    await waitSaved(page);

    await page.reload();
    await page.getByTestId('paper-table').waitFor();
    const expected = [
      '产出指标/数量指标/裁判培训/2期',
      '产出指标/数量指标/打造品牌赛事种类/1种',
      '产出指标/数量指标/参赛人数/≥500人',
      '产出指标/质量指标/经费支出合规率/100%',
      '产出指标/质量指标/赛事完成率/100%',
      '产出指标/时效指标/完成时间/2025年年底前',
      '产出指标/成本指标/项目总成本/≤1000万元',
      '效益指标/经济效益指标/带动体育消费/经济效益良好',
      '效益指标/社会效益指标/提升群众健身参与度/效果良好',
      '效益指标/社会公平指标/困难群众参与率/≥30%',
      '效益指标/生态效益指标/本项目不适用此指标/无',
      '效益指标/可持续影响指标/全民健身长效机制/影响可持续',
      '满意度指标/服务对象满意度指标/群众满意度/≥95%',
    ];
    expect(storedIndicators(projectId)).toEqual(expected);
    expect(await shownIndicators()).toEqual(expected.map((r) => r.split('/').slice(2).join('/')));
    expect(await headingSpans('二级指标')).toContain('社会公平指标×1');
    // 实施单位 in its narrow cell wraps instead of being cut off.
    const unit = cell(page, '实施单位');
    await expect(unit.evaluate((el) => el.tagName)).resolves.toBe('TEXTAREA');
    const [box, cellBox] = await Promise.all([unit.boundingBox(), page.locator('td[data-cell="unit"]').boundingBox()]);
    expect(box!.width).toBeLessThanOrEqual(cellBox!.width);
    expect(await unit.evaluate((el: HTMLTextAreaElement) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });
});

describe('a 2015 department form', () => {
  it('fills a task row: 金额合计 follows, and the row’s check appears on its 总额 cell', async () => {
    await openForm(page, env.server.url, dept2015Id);
    const sumTotal = cell(page, '金额合计（总额）');
    await expect(sumTotal.inputValue()).resolves.toBe('2368.5');
    await page.getByRole('button', { name: '在年度主要任务末尾添加一行' }).click();
    await waitFocus(page, task(4, '任务名称'));
    await page.keyboard.type('监所安全改造');
    await page.keyboard.press('Tab');
    await page.keyboard.type('围墙加固和监控更新');
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe(task(4, '总额'));
    await page.keyboard.type('100');
    await page.keyboard.press('Tab');
    await page.keyboard.type('80');
    await page.keyboard.press('Tab');
    await page.keyboard.type('10');
    await expect(sumTotal.inputValue()).resolves.toBe('2468.5');
    await expect(cell(page, '金额合计（财政拨款）').inputValue()).resolves.toBe('2298.5');
    await expect(cell(page, '金额合计（其他资金）').inputValue()).resolves.toBe('160');
    const total = cell(page, task(4, '总额'));
    // New messages wait for a pause in typing (600 ms), then show.
    await expect.poll(() => total.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(total)).toContain('总额应等于财政拨款与其他资金之和');
    await cell(page, task(4, '其他资金')).fill('20');
    await expect(total.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(cell(page, '金额合计（其他资金）').inputValue()).resolves.toBe('170');
    await waitSaved(page);
    expect(stored(dept2015Id)['金额合计（总额）']).toBe('2468.5');
  });

  it('and the 2019 form of the same unit and year warn, each naming the other', async () => {
    const panel = page.getByTestId('messages-panel');
    await expect
      .poll(() => panel.textContent())
      .toContain(
        `金额合计（总额）应与同年度部门整体支出绩效目标申报表的资金总额一致：本表金额合计（总额）为 2468.5，而「湖南省桃源县看守所」的部门整体支出绩效目标申报表（编号 ${env.seedId}）为 442.21`,
      );
    // In the panel, not in the paper: the 金额合计 row keeps its one line; the cell carries a marker.
    const sumRow = cell(page, '金额合计（总额）').locator('xpath=ancestor::tr[1]');
    const rowHeight = await sumRow.evaluate((tr) => tr.getBoundingClientRect().height);
    const lineHeight = await cell(page, '金额合计（总额）').evaluate((el) => el.getBoundingClientRect().height);
    expect(rowHeight).toBeLessThan(lineHeight * 2.5);
    await expect(sumRow.getByTestId('cross-form-mark').isVisible()).resolves.toBe(true);
    await sumRow.screenshot({ path: shot('cross-form-mark.png') });
    await openForm(page, env.server.url, env.seedId);
    await expect
      .poll(() => page.getByTestId('messages-panel').textContent())
      .toContain(
        `资金总额应与同年度部门（单位）整体支出绩效目标申报表的金额合计（总额）一致：本表资金总额为 442.21，而「湖南省桃源县看守所」的部门（单位）整体支出绩效目标申报表（编号 ${dept2015Id}）为 2468.5`,
      );
  });
});

describe('导出所选', () => {
  it('downloads a Word file for each chosen form, one after another, and says so', async () => {
    const list = page.locator('nav');
    await list.getByRole('checkbox', { name: '选择「2025年 全民健身赛事活动经费」' }).check();
    await list.getByRole('checkbox', { name: '选择「2023年 某区机关事务服务中心」' }).check();
    await list.getByRole('button', { name: '全民健身赛事活动经费（41行）' }).click({ modifiers: ['Control'] });
    const bar = page.getByRole('region', { name: '已选的申报表' });
    await expect(bar.textContent()).resolves.toContain('已选 3 份');
    await list.screenshot({ path: shot('list-multi-select.png') });
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await bar.getByRole('button', { name: '导出所选（3 份）' }).click();
    const summary = page.getByTestId('export-many-summary');
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.textContent()).resolves.toBe('已下载 3 份申报表的 Word 文件。');
    await expect.poll(() => downloads.length).toBe(3);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names).toEqual(
      [
        '某区机关事务服务中心2023年度整体绩效目标表.docx',
        '2025年全民健身赛事活动经费项目支出绩效目标表.docx',
        '2025年全民健身赛事活动经费（41行）项目支出绩效目标表.docx',
      ].sort(),
    );
    for (const d of downloads) {
      const path = join(env.dir, d.suggestedFilename());
      await d.saveAs(path);
      expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    }
    await page.getByRole('dialog', { name: '导出所选（3 份）' }).getByRole('button', { name: '关闭' }).click();
    await expect(bar.count()).resolves.toBe(0);
  });
});

describe('the print view of a grid whose header is in the middle', () => {
  async function printToPdf(id: number, file: string): Promise<string[]> {
    await page.goto(`${env.server.origin}/#/print/${id}`);
    await page.locator('[data-print-ready]').waitFor({ state: 'attached' });
    const pdf = join(env.dir, file);
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    return text.split('\f').filter((p) => p.trim() !== '');
  }

  it('a 41-row project form: two tables, the grid’s header repeated, 一级指标 on every printed page', async () => {
    const pages = await printToPdf(longId, 'long.pdf');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p) => expect(p).toMatch(/一级指标\s+二级指标\s+三级指标\s+指标值/));
    // Every indicator row is printed once (the 三级 text wraps in its cell, so its 指标值 is looked for).
    const all = pages.join('\n');
    for (const n of [41, ...Array.from({ length: 29 }, (_, i) => 11 + i)]) expect(all.match(new RegExp(`≥${n}场`, 'g'))).toHaveLength(1);
    const tables = await page.getByTestId('print-sheet').locator('table').count();
    expect(tables).toBe(2);
    await page.screenshot({ path: shot('print-project-41.png'), fullPage: true });
  });

  it('the Hunan form: the grid from its fourth row repeats its header', async () => {
    const pages = await printToPdf(hunanId, 'hunan.pdf');
    pages.forEach((p) => expect(p).toContain('一级指标'));
    const head = page.getByTestId('print-sheet').locator('table').nth(1).locator('thead');
    await expect(head.textContent()).resolves.toContain('*评（扣）分标准');
    await page.screenshot({ path: shot('print-hunan.png'), fullPage: true });
  });
});
