import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { runSummary } from '../../electron/core/summary';
import { summaryXlsxBytes } from '../../electron/core/summary/files';
import { amountValue, sheetName } from '../../electron/core/xlsx/cells';
import type { Summary, SummarySection } from '../../shared/contract';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { readXlsx, rowTexts, type XlsxSheet } from '../helpers/xlsxSheets';
import { countyStore, expectedTotals, fixtureForm, MONEY, yuan, YEAR, type County } from './countyStore';

let county: County;
let summary: Summary;
let sheets: XlsxSheet[];

beforeAll(async () => {
  county = countyStore();
  summary = await runSummary(county.store, { year: YEAR }, { appVersion: 'test' });
  sheets = await readXlsx(await summaryXlsxBytes(county.store, summary));
});
afterAll(() => county.cleanup());

const sheet = (name: string) => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${sheets.map((x) => x.name).join(', ')}`);
  return s;
};
const section = (id: string): SummarySection => summary.sections.find((s) => s.templateId === id)!;
const CANONICAL = /^(0|[1-9]\d*)(\.\d{0,3}[1-9])?$/;

describe('the 汇总 as an Excel workbook', () => {
  it('has a 汇总表 and a 明细表 per template, each with its title, 金额单位：万元 and a frozen header', () => {
    expect(sheets.map((s) => s.name)).toEqual(summary.sections.flatMap((s) => [`${s.templateTitle}汇总表`, `${s.templateTitle}明细表`]));
    for (const sec of summary.sections)
      for (const kind of ['汇总表', '明细表']) {
        const s = sheet(`${sec.templateTitle}${kind}`);
        expect(rowTexts(s, 1)[0]).toBe(`${YEAR}年度${sec.templateTitle}${kind}`);
        expect(rowTexts(s, 2)[0]).toMatch(/^金额单位：万元/);
        expect(s.frozen).toEqual({ xSplit: 0, ySplit: 3 });
        expect(s.merges).toEqual(expect.arrayContaining([expect.stringMatching(/^A1:/), expect.stringMatching(/^A2:/)]));
        // Chinese names fit: the unit column is wider than its four-character header needs.
        expect(s.widths[kind === '汇总表' ? 3 : 0]).toBeGreaterThan(20);
      }
  });

  it('writes a row per unit, a 小计 per 主管部门 and the 合计, every amount an exact number', () => {
    for (const templateId of Object.keys(MONEY)) {
      const sec = section(templateId);
      const s = sheet(`${sec.templateTitle}汇总表`);
      const money = sec.moneyColumns.map((c) => c.label);
      expect(rowTexts(s, 3)).toEqual([
        '主管部门代码',
        '主管部门',
        '单位代码',
        '单位名称',
        '表单数',
        '指标数',
        ...money,
        '有错误',
        '有提示',
        '完整',
        '无法读取',
      ]);
      const expectedRows = sec.parents.flatMap((p) => [...p.units.map((u) => u.name), '小计']).concat(['']);
      const last = Math.max(...s.rows.keys());
      expect(last).toBe(3 + expectedRows.length);
      expect(Array.from({ length: expectedRows.length }, (_, i) => rowTexts(s, 4 + i)[3])).toEqual(expectedRows);
      const total = s.rows.get(last)!;
      expect(total.find((c) => c.col === 2)?.text).toBe('合计');
      const amounts = money.map((_, i) => total.find((c) => c.col === 7 + i)!);
      // The 合计 is the independent exact sum, written as a number whose decimal text is exactly it.
      expect(amounts.map((c) => c.text)).toEqual(expectedTotals(county.forms, templateId));
      for (const c of s.cells.filter((x) => x.row > 3 && x.col >= 7 && x.col < 7 + money.length)) {
        expect(c.type).toBe('n');
        expect(c.text).toMatch(CANONICAL);
        expect(c.format).toBe('#,##0.00##');
      }
      expect(total.find((c) => c.col === 5)?.text).toBe(String(sec.counts.forms));
    }
  });

  it('lists every indicator on a row of its own, in the published column set, 预算数 on each form’s first row', () => {
    const sec = section('xiangmu-zhichu-2015');
    const s = sheet(`${sec.templateTitle}明细表`);
    expect(rowTexts(s, 3)).toEqual([
      '单位名称',
      '项目名称',
      '预算数',
      '年度目标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '中期二级指标',
      '中期三级指标',
      '中期指标值',
      '检查结果',
    ]);
    const forms = sec.parents.flatMap((p) => p.units.flatMap((u) => u.forms));
    const rows = sec.parents.reduce(
      (n, p) => n + 1 + p.units.reduce((m, u) => m + 1 + u.forms.reduce((k, f) => k + Math.max(1, f.indicators), 0), 0),
      0,
    );
    expect(Math.max(...s.rows.keys())).toBe(3 + rows);

    const project = sheet(`${section('xiangmu-zhichu').templateTitle}明细表`);
    const body = [...project.rows.keys()].filter((r) => r > 3).map((r) => rowTexts(project, r));
    const fixture = body.filter((r) => r[1] === '全民健身赛事活动经费');
    expect(fixture).toHaveLength(11);
    expect(fixture[0].slice(0, 8)).toEqual([
      '六安市金安区体育局',
      '全民健身赛事活动经费',
      '1000',
      expect.stringMatching(/^目标1：/),
      '产出指标',
      '数量指标',
      '开展运动种类',
      '1种',
    ]);
    expect(fixture[10].slice(4, 8)).toEqual(['满意度指标', '服务对象满意度指标', '群众满意度', '≥95%']);
    expect(fixture.slice(1).every((r) => r[2] === '')).toBe(true);
    expect(body.find((r) => r[1] === '青少年体育培训经费')?.at(-1)).toMatch(/^无法读取/);
    expect(body.find((r) => r[1] === '乡村学校少年宫建设（未填完）')?.at(-1)).toMatch(/^错误 \d+ 处/);
    // 预算数 on the forms' rows adds up to the section's first total; 主管部门 rows carry theirs.
    const formRows = project.cells.filter((c) => c.col === 3 && c.row > 3 && rowTexts(project, c.row)[1] !== '');
    expect(formRows.reduce((n, c) => n + yuan(c.text), 0n)).toBe(yuan(section('xiangmu-zhichu').totals[0]));
    expect(body.find((r) => r[0] === '042-六安市金安区体育局')?.[2]).toBe(section('xiangmu-zhichu').parents[0].totals[0]);
    expect(forms.length).toBeGreaterThan(0);
  });

  it('lists the 2019 form’s 产出指标 and 效益指标 items as indicators', () => {
    const s = sheet(`${section('bumen-zhengti-2019').templateTitle}明细表`);
    const seed = [...s.rows.keys()].map((r) => rowTexts(s, r)).filter((r) => r[1] === '湖南省桃源县看守所');
    expect(seed.length).toBeGreaterThan(5);
    expect(new Set(seed.map((r) => r[4]))).toEqual(new Set(['产出指标', '效益指标']));
    expect(seed.filter((r) => r[4] === '产出指标').map((r) => r[5])).toContain('数量指标');
  });

  it('writes an amount as a number only when its stored decimal text is exactly the amount', () => {
    expect(amountValue('442.21')).toBe(442.21);
    expect(amountValue('0.0001')).toBe(0.0001);
    expect(amountValue('99999999999.9999')).toBe(99999999999.9999);
    // Beyond a double's digits the exact text is kept as text rather than a near number.
    expect(amountValue('123456789012345.6789')).toBe('123456789012345.6789');
    expect(amountValue('')).toBeNull();
    expect(sheetName('项目支出[2015]:汇总*表', new Set())).toBe('项目支出_2015__汇总_表');
    const taken = new Set<string>();
    expect([sheetName('汇总表', taken), sheetName('汇总表', taken)]).toEqual(['汇总表', '汇总表_2']);
  });
});

describe('one form as an Excel sheet', () => {
  it('lays out the paper grid: title line, merged cells, the money as numbers, the indicator rows', async () => {
    const [s] = await readXlsx(await exportFormXlsx(fixtureForm(), xiangmuZhichu));
    expect(s.name).toBe('项目支出绩效目标表');
    expect(rowTexts(s, 1)[0]).toBe('项目支出绩效目标表');
    expect(rowTexts(s, 2)[0]).toBe('（2025年度）');
    expect(s.merges.length).toBeGreaterThan(5);
    const total = s.cells.find((c) => c.text === '1000' && c.type === 'n');
    // Shown as the paper prints it (统一保留两位小数: 1000.00), not in the 汇总's #,##0.00## style.
    expect(total?.format).toBe('0.00');
    const texts = s.cells.map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['项目名称', '全民健身赛事活动经费', '[042]六安市金安区体育局', '群众满意度', '≥95%']));
    // One grid row per indicator: 11 rows under the header.
    expect(s.cells.filter((c) => c.col === 4 && ['开展运动种类', '群众满意度'].includes(c.text))).toHaveLength(2);
  });
});
