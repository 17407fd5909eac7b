/**
 * 汇总 end to end in real Chromium (browser mode). The store: the 2019 seed, the 2025 project
 * fixture, the 2015-layout example (2025), and four more 2025 project forms made from the fixture
 * and imported with the command line — two units under 体育局 [042], one under 教育局 [051]; one
 * form's amounts do not add up (有错误), three have a cost indicator above their money (只有提醒).
 * 汇总 opens on 2025 (the newest year); every 小计 is the sum of its units, every unit the sum of
 * its forms, the 合计 the sum of everything and equal to the sums of the forms' own amounts and
 * to what `cli summary --json` says; the status filter leaves the one form with errors; its name
 * opens it in the editor (whose 导出 Excel downloads the form's grid), and 汇总 comes back as it
 * was, made again; 导出 Excel and 导出 Word download real
 * files (a zip: PK), the workbook's 合计 row holding the same totals. Screenshots go to
 * test-output/ (and are looked at by hand).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../shared/contract';
import { amountUnits, formatUnits } from '../../shared/money';
import { readXlsx, rowTexts } from '../helpers/xlsxSheets';
import { cli, importJson, OUTPUT_DIR, ROOT, startEditorEnv, type EditorEnv } from './helpers/app';
import { cell } from './helpers/editorPage';

let env: EditorEnv;
let page: Page;
const ids: Record<string, number> = {};

const fixture = () => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/xiangmu-2025-tiyu.json'), 'utf8')) as Record<string, unknown>;
const shot = (file: string) => join(OUTPUT_DIR, file);

/** The project forms of 2025 as imported: name, unit, 主管部门, 年度资金总额 / 财政拨款 / 其他资金. */
const PROJECTS: [string, string, string, string, string, string][] = [
  ['全民健身赛事活动经费', '六安市金安区体育局', '[042]六安市金安区体育局', '1000', '1000', '0'],
  ['青少年体育训练经费', '六安市金安区体育中心', '[042]六安市金安区体育局', '250.5', '200.5', '50'],
  ['体育场馆维修经费', '六安市金安区体育中心', '[042]六安市金安区体育局', '300', '200', '50'],
  ['课后服务经费', '六安市金安区实验小学', '[051]六安市金安区教育局', '120.25', '120.25', '0'],
  ['教师培训经费', '六安市金安区实验小学', '[051]六安市金安区教育局', '80.0001', '80.0001', '0'],
];
/** 300 ≠ 200 + 50: the one form with an error. */
const WITH_ERROR = '体育场馆维修经费';

const exactSum = (xs: string[]): string => formatUnits(xs.reduce((s, x) => s + (amountUnits(x) ?? 0n), 0n));
/** A figure as the table shows it (`1,750.75`) back to the canonical amount (`1750.75`). */
const canonical = (shown: string): string => formatUnits(amountUnits(shown.replace(/,/g, '')) ?? 0n);

beforeAll(async () => {
  env = await startEditorEnv();
  page = env.page;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  ids['全民健身赛事活动经费'] = importJson(env.db, join(ROOT, 'test/fixtures/xiangmu-2025-tiyu.json'));
  importJson(env.db, join(ROOT, 'test/fixtures/bumen-2015-example.json'));
  for (const [name, unit, parent, total, fiscal, other] of PROJECTS.slice(1)) {
    const form = {
      ...fixture(),
      项目名称: name,
      实施单位: unit,
      主管部门及代码: parent,
      年度资金总额: total,
      财政拨款: fiscal,
      其他资金: other,
    };
    const file = join(env.dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(form));
    ids[name] = importJson(env.db, file);
  }
  await page.goto(`${env.server.url}#/summary`);
});

afterAll(async () => {
  await env?.dispose();
});

const projectTable = (): Locator => page.getByRole('table', { name: '项目支出绩效目标表汇总表' });
const texts = (rows: Locator): Promise<string[][]> =>
  rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
/** The three amounts of a row of the project table (after 名称, 表单数, 指标数). */
const money = (row: string[]) => row.slice(3, 6).map(canonical);

describe('汇总 of a year', () => {
  it('opens on the newest year and every total is the exact sum of what is under it', async () => {
    const table = projectTable();
    await table.waitFor({ timeout: 60_000 });
    await expect(page.getByRole('combobox', { name: '年度' }).inputValue()).resolves.toBe('2025');
    await page.getByRole('button', { name: '全部展开' }).click();
    await table
      .locator('tr.sum-form')
      .nth(PROJECTS.length - 1)
      .waitFor();
    await page.screenshot({ path: shot('summary-view.png'), fullPage: true });

    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({ kind: tr.className, cells: [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()) })),
      );
    const total = (await texts(table.locator('tfoot tr')))[0];
    // The 合计 is the sum of the forms' own amounts as imported.
    expect(money(total)).toEqual([0, 1, 2].map((k) => exactSum(PROJECTS.map((p) => p[3 + k]))));
    expect(money(total)).toEqual(['1750.7501', '1600.7501', '100']);
    expect(total[1]).toBe(String(PROJECTS.length));
    // Walk the rows: a 小计 equals its units, a unit its forms.
    type Group = { cells: string[]; parts: string[][] };
    const parents: (Group & { units: Group[] })[] = [];
    for (const r of rows) {
      if (r.kind.includes('sum-parent')) parents.push({ cells: r.cells, parts: [], units: [] });
      else if (r.kind.includes('sum-unit')) {
        const u = { cells: r.cells, parts: [] };
        parents[parents.length - 1].units.push(u);
        parents[parents.length - 1].parts.push(r.cells);
      } else {
        const p = parents[parents.length - 1];
        p.units[p.units.length - 1].parts.push(r.cells);
      }
    }
    expect(parents.map((p) => p.cells[0])).toEqual(['▾[042] 六安市金安区体育局小计', '▾[051] 六安市金安区教育局小计']);
    for (const p of parents) {
      for (const u of p.units) for (const k of [0, 1, 2]) expect(money(u.cells)[k]).toBe(exactSum(u.parts.map((f) => money(f)[k])));
      for (const k of [0, 1, 2]) expect(money(p.cells)[k]).toBe(exactSum(p.parts.map((u) => money(u)[k])));
    }
    for (const k of [0, 1, 2]) expect(money(total)[k]).toBe(exactSum(parents.map((p) => money(p.cells)[k])));
    // And the core says the same.
    const core = JSON.parse(cli(env.db, 'summary', '--year', '2025', '--json')) as Summary;
    const section = core.sections.find((s) => s.templateId === 'xiangmu-zhichu')!;
    expect(money(total)).toEqual(section.totals);
    // The other template of the year has a table of its own.
    await expect(page.getByRole('table', { name: '部门（单位）整体支出绩效目标申报表汇总表' }).count()).resolves.toBe(1);
    // Counts over the year: one form with errors, three with warnings only, two complete.
    const countsText = await page.getByTestId('summary-counts').textContent();
    expect(countsText).toContain('共 6 份申报表');
    expect(countsText).toContain('有错误 1 份');
    expect(countsText).toContain('只有提醒 3 份');
    expect(countsText).toContain('完整 2 份');
  });

  it('the status filter leaves only the form with errors, its problem listed', async () => {
    await page.getByRole('combobox', { name: '检查结果' }).selectOption('error');
    const table = projectTable();
    await expect.poll(() => table.locator('tfoot tr').textContent()).toContain('300.00');
    // The units opened before stay open.
    const forms = table.locator('tr.sum-form');
    await expect(forms.count()).resolves.toBe(1);
    const row = (await texts(forms))[0];
    expect(row[0]).toContain(WITH_ERROR);
    expect(row[0]).toContain('年度资金总额应等于财政拨款与其他资金之和');
    expect(row[6]).toContain('错误 1');
    // Only the error form's template is left.
    await expect(page.getByRole('table', { name: '部门（单位）整体支出绩效目标申报表汇总表' }).count()).resolves.toBe(0);
    await page.screenshot({ path: shot('summary-errors.png') });
  });

  it('a form’s name opens it in the editor, and 汇总 comes back as it was', async () => {
    await page.getByTestId('summary-view').getByRole('button', { name: WITH_ERROR, exact: true }).click();
    await page.getByTestId('paper-table').waitFor();
    await expect(cell(page, '项目名称').inputValue()).resolves.toBe(WITH_ERROR);
    expect(new URL(page.url()).hash).toBe(`#/form/${ids[WITH_ERROR]}`);
    await expect(page.getByTestId('summary-view').isVisible()).resolves.toBe(false);
    // The form's grid as Excel, from the editor's toolbar.
    const [sheet] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.editor-toolbar').getByRole('button', { name: '导出 Excel', exact: true }).click(),
    ]);
    expect(sheet.suggestedFilename()).toMatch(/体育场馆维修经费.*\.xlsx$/);
    const sheetPath = join(env.dir, sheet.suggestedFilename());
    await sheet.saveAs(sheetPath);
    expect(readFileSync(sheetPath).subarray(0, 2).toString()).toBe('PK');
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    await expect(page.getByRole('combobox', { name: '检查结果' }).inputValue()).resolves.toBe('error');
    await expect(projectTable().locator('tr.sum-form').count()).resolves.toBe(1);
    await page.getByRole('combobox', { name: '检查结果' }).selectOption('');
    await expect.poll(() => projectTable().locator('tfoot tr').textContent()).toContain('1,750.7501');
  });

  it('导出 Excel and 导出 Word download the 汇总 as files', async () => {
    const download = async (button: string): Promise<{ name: string; bytes: Buffer }> => {
      const [d] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }) as Promise<Download>,
        page.getByRole('button', { name: button, exact: true }).click(),
      ]);
      const path = join(env.dir, d.suggestedFilename());
      await d.saveAs(path);
      expect(statSync(path).size).toBeGreaterThan(2000);
      return { name: d.suggestedFilename(), bytes: readFileSync(path) };
    };
    const xlsx = await download('导出 Excel');
    expect(xlsx.name).toMatch(/2025.*\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    // The workbook's 合计 row of the project sheet holds the same totals.
    const sheets = await readXlsx(new Uint8Array(xlsx.bytes));
    const totals = sheets
      .flatMap((s) => [...s.rows.keys()].map((r) => rowTexts(s, r)))
      .filter((r) => r.includes('合计') && r.includes('1750.7501'));
    expect(totals.length).toBe(1);
    expect(totals[0]).toEqual(expect.arrayContaining(['1750.7501', '1600.7501', '100']));
    const docx = await download('导出 Word');
    expect(docx.name).toMatch(/2025.*\.docx$/);
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
