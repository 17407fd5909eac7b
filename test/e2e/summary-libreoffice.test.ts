/**
 * The 汇总's files as an office PC opens them: the workbook converted by LibreOffice Calc to
 * CSV, sheet by sheet, and every total and row count compared with the summary and with an
 * independent exact sum; the Word table converted to PDF and read back with pdftotext. Needs
 * `soffice` (libreoffice-calc-nogui, libreoffice-writer-nogui) and poppler, as CI installs them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { runSummary } from '../../electron/core/summary';
import { summaryDocx } from '../../electron/core/summary/docx';
import { summaryXlsxBytes } from '../../electron/core/summary/files';
import type { Summary } from '../../shared/contract';
import { EMBED_SHEET } from '../../shared/embedded';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { countyStore, expectedTotals, fixtureForm, MONEY, yuan, YEAR, type County } from '../summary/countyStore';
import { parseCsv } from '../helpers/csv';

const ROOT = resolve(__dirname, '../..');
const FONTS_CONF = join(ROOT, 'scripts/fonts.conf');

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const SOFFICE = hasSoffice();

/** Every sheet to its own CSV (LibreOffice 7.2+): comma, double quotes, UTF-8, raw values rather than as shown. */
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1';

function convert(file: string, to: string, outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'shenbao-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], {
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
      stdio: 'pipe',
      timeout: 170_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

let county: County;
let summary: Summary;
let dir: string;
const csv = new Map<string, string[][]>();

beforeAll(async () => {
  if (!SOFFICE) return;
  county = countyStore();
  summary = await runSummary(county.store, { year: YEAR }, { appVersion: 'test' });
  dir = mkdtempSync(join(tmpdir(), 'shenbao-summary-e2e-'));
  writeFileSync(join(dir, 'summary.xlsx'), await summaryXlsxBytes(county.store, summary));
  writeFileSync(join(dir, 'form.xlsx'), await exportFormXlsx(fixtureForm(), xiangmuZhichu));
  writeFileSync(join(dir, 'summary.docx'), await summaryDocx(summary));
  convert(join(dir, 'summary.xlsx'), CSV_ALL_SHEETS, dir);
  convert(join(dir, 'form.xlsx'), CSV_ALL_SHEETS, dir);
  convert(join(dir, 'summary.docx'), 'pdf', dir);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv'))) csv.set(name, parseCsv(readFileSync(join(dir, name), 'utf8')));
});
afterAll(() => {
  county?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!SOFFICE)('the 汇总 opened in LibreOffice (skipped: soffice is not installed)', () => {
  const sheet = (name: string) => {
    const rows = csv.get(`summary-${name}.csv`);
    if (!rows) throw new Error(`no CSV for ${name}: ${[...csv.keys()].join(', ')}`);
    return rows;
  };

  it('Calc reads every 汇总表: a row per unit, 小计 and 合计, every total the summary’s exact decimal', () => {
    for (const sec of summary.sections) {
      const rows = sheet(`${sec.templateTitle}汇总表`);
      expect(rows[0][0]).toBe(`${YEAR}年度${sec.templateTitle}汇总表`);
      expect(rows[1][0]).toMatch(/^金额单位：万元/);
      const money = sec.moneyColumns.length;
      const body = rows.slice(3).filter((r) => r.some((c) => c !== ''));
      const expected = sec.parents.flatMap((p) => [
        ...p.units.map((u) => [u.name, String(u.counts.forms), ...u.totals]),
        ['小计', String(p.counts.forms), ...p.totals],
      ]);
      expected.push(['', String(sec.counts.forms), ...sec.totals]);
      expect(body.map((r) => [r[3], r[4], ...r.slice(6, 6 + money)])).toEqual(expected);
      expect(body.at(-1)![1]).toBe('合计');
      if (MONEY[sec.templateId]) expect(body.at(-1)!.slice(6, 6 + money)).toEqual(expectedTotals(county.forms, sec.templateId));
    }
  });

  it('Calc reads every 明细表: one row per indicator, and the forms’ 预算数 add up to the 合计', () => {
    for (const sec of summary.sections) {
      const rows = sheet(`${sec.templateTitle}明细表`);
      const body = rows.slice(3).filter((r) => r.some((c) => c !== ''));
      const expectedRows = sec.parents.reduce(
        (n, p) => n + 1 + p.units.reduce((m, u) => m + 1 + u.forms.reduce((k, f) => k + Math.max(1, f.indicators), 0), 0),
        0,
      );
      expect(body.length).toBe(expectedRows);
      if (sec.moneyColumns.length === 0) continue;
      // Form rows name their form; 主管部门 and unit rows do not.
      const budgets = body.filter((r) => r[1] !== '').reduce((n, r) => n + yuan(r[2]), 0n);
      expect(budgets).toBe(yuan(sec.totals[0]));
    }
    const fixture = sheet(`${summary.sections.find((s) => s.templateId === 'xiangmu-zhichu')!.templateTitle}明细表`).filter(
      (r) => r[1] === '全民健身赛事活动经费',
    );
    expect(fixture.map((r) => r[6])).toEqual([
      '开展运动种类',
      '打造品牌赛事种类',
      '经费支出合规率',
      '赛事完成率',
      '完成时间',
      '项目总成本',
      '带动体育消费',
      '提升群众健身参与度',
      '本项目不适用此指标',
      '全民健身长效机制',
      '群众满意度',
    ]);
  });

  it('Calc reads one form’s sheet with its money as a number', () => {
    // Calc writes every sheet to CSV, the very hidden one that carries the form for re-import too.
    const rows = [...csv.entries()].find(([n]) => n.startsWith('form-') && !n.includes(EMBED_SHEET))![1];
    const cells = rows.flat();
    expect(cells).toEqual(expect.arrayContaining(['项目支出绩效目标表', '全民健身赛事活动经费', '1000', '群众满意度', '≥95%']));
  });

  it('the Word table renders: title, 合计 and the printed totals in the PDF', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'summary.pdf')], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(summary.sections.length);
    const squash = text.replace(/\s+/g, '');
    for (const sec of summary.sections) expect(squash).toContain(`${YEAR}年度${sec.templateTitle}汇总表`);
    const printed = (s: string) => {
      const [i, f = ''] = s.split('.');
      return `${i.replace(/\B(?=(\d{3})+$)/g, ',')}.${f.padEnd(2, '0')}`;
    };
    for (const sec of summary.sections) for (const t of sec.totals) expect(squash).toContain(printed(t));
    expect(squash).toContain('合计');
  });
});
