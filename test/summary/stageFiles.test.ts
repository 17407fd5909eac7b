/**
 * The stage 汇总's Excel and Word files read back by independent readers (test/helpers/xlsxSheets.ts:
 * JSZip + xmldom; the Word file: JSZip and the document XML's text): every list with every form,
 * the amounts as the exact decimals the test adds up, scores and 执行率 as computed in the test.
 * Also the command line's --stage.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSummary } from '../../electron/core/summary';
import { summaryDocxBytes, summaryFileName, summaryXlsxBytes } from '../../electron/core/summary/files';
import type { Summary } from '../../shared/contract';
import { runCliCapture } from '../helpers/cli';
import { readXlsx, rowTexts, type XlsxSheet } from '../helpers/xlsxSheets';
import { tempDir } from '../store/tempStore';
import { wan, YEAR } from './countyStore';
import { stageCounty, type StageCounty } from './stageStore';

let county: StageCounty;
let self: Summary;
let sheets: XlsxSheet[];
let wordTables: string[][][];

/** Each w:tbl of document.xml as rows of cell texts, read with regular expressions only. */
async function wordTablesOf(bytes: Uint8Array): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const texts = (s: string) => [...s.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => texts(c[1]))),
  );
}

/** 1234.5 → 1,234.50, written here. */
const printed = (exact: string) => {
  const [i, f = ''] = exact.split('.');
  return `${i.replace(/\B(?=(\d{3})+$)/g, ',')}.${f.padEnd(2, '0')}`;
};

beforeAll(async () => {
  county = stageCounty();
  self = await runSummary(county.store, { year: YEAR, stage: 'selfEvaluation', templateId: 'xiangmu-zipin' }, { appVersion: 'test' });
  sheets = await readXlsx(await summaryXlsxBytes(county.store, self));
  wordTables = await wordTablesOf(await summaryDocxBytes(self));
});
afterAll(() => county.cleanup());

const sheet = (name: string) => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${sheets.map((x) => x.name).join(', ')}`);
  return s;
};

describe('the 自评 汇总 as files', () => {
  it('names its files as the 绩效自评项目汇总表', () => {
    expect(summaryFileName(self, '.xlsx')).toBe(`${YEAR}年度绩效自评项目汇总表.xlsx`);
  });

  it('writes 已自评 / 未自评 sheets whose rows are every declared project, with exact numbers', () => {
    const done = sheet('已自评的项目');
    const missing = sheet('未自评的项目');
    expect(rowTexts(done, 1)[0]).toBe(`${YEAR}年度绩效自评项目汇总表`);
    const header = rowTexts(done, 3);
    expect(header).toEqual([
      '主管部门',
      '实施单位',
      '项目名称',
      '年度资金总额（年初预算数）',
      '年度资金总额（全年预算数）',
      '年度资金总额（全年执行数）',
      '执行率',
      '自评得分',
      '自评等级',
      '检查结果',
      '备注',
    ]);
    const data = (s: XlsxSheet) => [...s.rows.keys()].filter((r) => r > 3).map((r) => rowTexts(s, r));
    const doneRows = data(done).filter((r) => r[0] !== '合计');
    const missingRows = data(missing).filter((r) => r[0] !== '合计');
    expect([...doneRows, ...missingRows].map((r) => `${r[1]}|${r[2]}`).sort()).toEqual(
      [...county.expected.declared.values()].map(([u, t]) => `${u}|${t}`).sort(),
    );
    let budget = 0n;
    let spent = 0n;
    for (const e of county.expected.evaluated.values()) {
      const r = doneRows.find((x) => x[2] === e.made.data.values.projectName && x[1] === e.made.data.values.unit)!;
      const m = e.made;
      expect(r.slice(3, 9)).toEqual([
        wan(m.fiscal.initial + m.other.initial),
        wan(m.fiscal.budget + m.other.budget),
        wan(m.fiscal.spent + m.other.spent),
        e.rate,
        e.score,
        e.grade,
      ]);
      budget += m.fiscal.budget + m.other.budget;
      spent += m.fiscal.spent + m.other.spent;
    }
    const total = data(done).find((r) => r[0] === '合计')!;
    expect([total[4], total[5]]).toEqual([wan(budget), wan(spent)]);
    // Numbers are number cells with their formats, text stays text.
    const cell = done.rows.get(4)!.find((c) => c.col === 7)!;
    expect([cell.type, cell.format]).toEqual(['n', '0.00"%"']);
    expect(done.rows.get(4)!.find((c) => c.col === 4)!.type).toBe('n');
  });

  it('prints the lists in Word with every form, amounts and scores as computed', () => {
    const [doneTable, lowTable, missingTable] = wordTables;
    expect(doneTable[0].slice(0, 9)).toEqual([
      '主管部门',
      '实施单位',
      '项目名称',
      '年度资金总额（年初预算数）',
      '年度资金总额（全年预算数）',
      '年度资金总额（全年执行数）',
      '执行率',
      '自评得分',
      '自评等级',
    ]);
    const body = doneTable.slice(1, -1);
    expect(body).toHaveLength(county.expected.evaluated.size);
    expect(missingTable.length - 2).toBe(county.expected.declared.size - county.expected.evaluated.size);
    for (const e of county.expected.evaluated.values()) {
      const r = body.find((x) => x[2] === e.made.data.values.projectName && x[1] === e.made.data.values.unit)!;
      expect(r.slice(5, 9)).toEqual([printed(wan(e.made.fiscal.spent + e.made.other.spent)), `${e.rate}%`, e.score, e.grade]);
    }
    const low = [...county.expected.evaluated.values()].filter((e) => Number(e.score) < 80);
    for (const e of low) expect(lowTable.some((r) => r[2] === e.made.data.values.projectName && r[3] === e.score)).toBe(true);
  });

  it('is reached from the command line with --stage (监控: built in)', async () => {
    const tmp = tempDir('shenbao-stagesum-cli-');
    try {
      const file = county.store.file;
      const out = join(tmp.dir, 'jiankong.xlsx');
      const r = await runCliCapture(['--db', file, 'summary', '--year', YEAR, '--stage', 'monitoring', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const read = await readXlsx(readFileSync(out));
      const monitored = read.find((s) => s.name === '监控情况')!;
      expect([...monitored.rows.keys()].filter((n) => n > 3)).toHaveLength(county.expected.monitoring.size + 1);
      const json = await runCliCapture(['--db', file, 'summary', '--year', YEAR, '--stage', '监控', '--json']);
      expect((JSON.parse(json.stdout) as Summary).stage!.figures.find((f) => f.key === 'forms')!.value).toBe(
        String(county.expected.monitoring.size),
      );
      const text = await runCliCapture(['--db', file, 'summary', '--year', YEAR, '--stage', 'monitoring']);
      expect(text.stdout).toContain('一、监控情况');
      const bad = await runCliCapture(['--db', file, 'summary', '--year', YEAR, '--stage', 'x']);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/--stage/);
    } finally {
      tmp.cleanup();
    }
  });
});
