import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSummary } from '../../electron/core/summary';
import type { Summary } from '../../shared/contract';
import { runCliCapture } from '../helpers/cli';
import { readDocxGrid } from '../helpers/docxGrid';
import { readXlsx } from '../helpers/xlsxSheets';
import { countyStore, expectedTotals, YEAR, type County } from './countyStore';

let county: County;
let dir: string;

beforeAll(() => {
  county = countyStore();
  dir = join(county.file, '..');
  // The command line opens the file itself.
  county.store.close();
});
afterAll(() => county.cleanup());

const cli = (...args: string[]) => runCliCapture(['--db', county.file, ...args]);

describe('cli summary', () => {
  it('--json prints the 汇总 the core makes, with exact totals', async () => {
    const r = await cli('summary', '--year', YEAR, '--json');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as Summary;
    const { openStore } = await import('../../electron/core/store');
    const store = openStore({ file: county.file, appVersion: '0.0.0-test', autoBackup: false });
    try {
      expect(printed).toEqual(await runSummary(store, { year: YEAR }));
    } finally {
      store.close();
    }
    expect(printed.sections.find((s) => s.templateId === 'xiangmu-zhichu')!.totals).toEqual(expectedTotals(county.forms, 'xiangmu-zhichu'));
    expect(printed.counts.forms).toBe(county.forms.length);
  });

  it('--template, --parent and --status limit it', async () => {
    const r = await cli('summary', '--year', YEAR, '--template', 'xiangmu-zhichu', '--parent', '042', '--status', 'complete', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.sections.map((x) => x.templateId)).toEqual(['xiangmu-zhichu']);
    expect(s.sections[0].parents.map((p) => p.key)).toEqual(['code:042']);
    expect(s.sections[0].parents[0].units.flatMap((u) => u.forms).every((f) => f.check === 'complete')).toBe(true);
    expect(s.filter).toEqual({ templateId: 'xiangmu-zhichu', parent: '042', status: 'complete' });
  });

  it('prints a table without --json: a line per unit, 小计 and 合计', async () => {
    const r = await cli('summary', '--year', YEAR, '--template', 'xiangmu-zhichu');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${YEAR} 年度项目支出绩效目标表（金额单位：万元）`);
    expect(lines.filter((l) => l.includes('\t小计（'))).toHaveLength(3);
    expect(lines.at(-1)!.split('\t').slice(0, 2)).toEqual(['', '合计']);
    const none = await cli('summary', '--year', YEAR, '--parent', '不存在的主管部门');
    expect(none.stdout.trim()).toBe(`${YEAR} 年度没有符合条件的表单`);
  });

  it('--out writes an Excel workbook or a Word table', async () => {
    const xlsx = join(dir, '汇总.xlsx');
    const docx = join(dir, '汇总.docx');
    expect((await cli('summary', '--year', YEAR, '--out', xlsx)).code).toBe(0);
    expect((await cli('summary', '--year', YEAR, '--template', 'xiangmu-zhichu', '--out', docx)).code).toBe(0);
    const sheets = await readXlsx(new Uint8Array(readFileSync(xlsx)));
    expect(sheets.map((s) => s.name)).toContain('项目支出绩效目标表汇总表');
    const grid = await readDocxGrid(new Uint8Array(readFileSync(docx)));
    expect(grid.table.cells.some((c) => c.text === '合计')).toBe(true);
  });

  it('refuses what it cannot do, in Chinese, with exit code 1', async () => {
    for (const [args, message] of [
      [['summary'], /请用四位数字给出年度/],
      [['summary', '--year', '25'], /请用四位数字给出年度/],
      [['summary', '--year', YEAR, '--template', 'no-such'], /没有编号为「no-such」的表样/],
      [['summary', '--year', YEAR, '--status', 'bad'], /--status 只能是/],
      [['summary', '--year', YEAR, '--out', join(dir, 'x.txt')], /应以 .xlsx（Excel）或 .docx（Word）结尾/],
    ] as const) {
      const r = await cli(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
  });
});
