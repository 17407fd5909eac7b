/**
 * The newer declaration layouts (issue 25): Hubei's 预算项目绩效信息表（预算编制阶段） with its
 * 指标值 split into 符号 | 值 | 计量单位, through import-json → show → validate → export (read
 * back by the independent reader) → import back equal → new year → 汇总; label JSON written
 * the combined way (`"指标值": "≥95%"`) split on the way in; and a combined-column project form
 * moved to the split layout and back losing nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import type { FormData, GroupRow } from '../../shared/form';
import { blankForm, completeRow, withComputed } from '../../shared/formOps';
import { combinedValue, moveIndicatorRows } from '../../shared/indicatorSplit';
import { fromLabelJson } from '../../shared/labelJson';
import { validateForm } from '../../shared/validation';
import { HUBEI_FIXED_COST_ROW, xiangmuHubei2021 as T } from '../../shared/templates/xiangmu-hubei-2021';
import { BUILTIN_TEMPLATES as BUILTIN } from '../../shared/templates';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { lastLine, runCliCapture } from '../helpers/cli';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';
import { makeDocx, para, run, tbl, tc, tr } from '../helpers/makeDocx';
import { readDocx } from '../helpers/read';
import { tempDir } from '../store/tempStore';

const FIXTURE = fileURLToPath(new URL('../fixtures/xiangmu-hubei-2025-example.json', import.meta.url));
const fixture = (): Record<string, unknown> => JSON.parse(readFileSync(FIXTURE, 'utf8'));
const fixtureForm = (): FormData => withComputed(fromLabelJson(fixture(), T).form, T);
const rowsOf = (f: FormData) => f.values.indicators as GroupRow[];
const SET = T.groups![0].indicators![0];

describe('Hubei 预算编制阶段 through the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('shenbao-hubei-')));
  afterEach(() => tmp.cleanup());
  const cli = (...args: string[]) => runCliCapture(['--db', join(tmp.dir, 'db.db'), ...args]);

  it('imports, shows back key for key, validates clean, exports and imports back equal, makes a new year and a 汇总', async () => {
    const created = await cli('import-json', FIXTURE);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toBe('');
    const id = lastLine(created.stdout);
    const { _about, ...expected } = fixture();
    expect(_about).toBeTruthy();
    expect(JSON.parse((await cli('show', id, '--json')).stdout)).toEqual(expected);
    expect((await cli('validate', id)).stdout.trim()).toBe('检查通过，没有发现问题');

    const docx = join(tmp.dir, 'out.docx');
    expect((await cli('export', id, '--out', docx)).code).toBe(0);
    const read = await readDocx(readFileSync(docx));
    expect(read.source).toBe('embedded');
    expect(read.data).toEqual(fixtureForm());

    const next = await cli('new-year', id, '--year', '2026');
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain('2025年10月底前 → 2026年10月底前');
    const shown = JSON.parse((await cli('show', lastLine(next.stdout), '--json')).stdout);
    expect(shown).toMatchObject({ 年度: '2026', 预算单位: '某县教育局', 项目编码: '42112225000000000012' });
    expect(shown['绩效指标'][3]).toMatchObject({ 三级指标: '工程完工时间', 符号: '定性', 值: '2026年10月底前' });
    expect(shown['绩效指标'][4]).toMatchObject({ 三级指标: '项目或定额成本控制率', 符号: '=', 值: '100', 计量单位: '%' });

    const summary = await cli('summary', '--year', '2025', '--json');
    expect(summary.code, summary.stderr).toBe(0);
    const s = JSON.parse(summary.stdout) as { counts: { forms: number; indicators: number; complete: number } };
    expect(s.counts).toMatchObject({ forms: 1, indicators: 8, complete: 1 });
  });

  it('splits a combined 指标值 written in label JSON into 符号 | 值 | 计量单位, the other columns as given', async () => {
    const json = fixture();
    json['绩效指标'] = [
      { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '改造农村义务教育学校数量', 指标值: '12所以上' },
      { 一级指标: '产出指标', 二级指标: '时效指标', 三级指标: '工程完工时间', 指标值: '2025年10月底前', 指标解释: '全部完工的时间' },
      { 一级指标: '满意度指标', 二级指标: '服务对象满意度指标', 三级指标: '学生家长满意度', 指标值: '≧90％' },
    ];
    const { form, notes } = fromLabelJson(json, T);
    expect(notes).toEqual([]);
    expect(rowsOf(form).map((r) => [r.sign, r.number, r.unit, r.explain])).toEqual([
      ['≥', '12', '所', ''],
      ['定性', '2025年10月底前', '', '全部完工的时间'],
      ['≥', '90', '%', ''],
    ]);
  });
});

describe('Word export of the split grid', () => {
  it('prints 指标值 over 符号 | 值 | 计量单位 as two header rows, both repeated, and each value in its column', async () => {
    const f = fixtureForm();
    const g = await readDocxGrid((await exportDocx(f, T, { appVersion: 't' })).bytes);
    expect(g.table.gridCols).toHaveLength(8);
    for (const r of g.table.rows) expect(r.coveredCols).toBe(8);
    expect(g.table.rows.slice(2, 4).every((r) => r.header)).toBe(true);
    expect(cellAt(g.table, 2, 3)).toMatchObject({ text: '指标值', colSpan: 3 });
    expect(cellAt(g.table, 2, 2)).toMatchObject({ text: '*三级指标', rowSpan: 2 });
    expect([3, 4, 5].map((c) => cellAt(g.table, 3, c)!.text)).toEqual(['*符号', '*值', '计量单位']);
    expect([6, 7].map((c) => cellAt(g.table, 2, c)!.text)).toEqual(['备注（指标解释等）', '指标值说明（评分标准等）']);
    rowsOf(f).forEach((row, i) => {
      expect([2, 3, 4, 5, 6, 7].map((c) => cellAt(g.table, 4 + i, c)!.text)).toEqual([
        row.name,
        row.sign,
        row.number,
        row.unit,
        row.explain,
        row.standard,
      ]);
    });
  });
});

describe('a form moved between a combined and a split layout', () => {
  it('the county project form’s grid goes to the Hubei grid and back unchanged, its values split on the way', () => {
    const tiyu = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url)), 'utf8'));
    const from = withComputed(fromLabelJson(tiyu, xiangmuZhichu).form, xiangmuZhichu);
    const g0 = xiangmuZhichu.groups![0];
    const g1 = T.groups![0];
    const there = moveIndicatorRows(rowsOf(from), { group: g0, set: g0.indicators![0] }, { group: g1, set: SET }, () => completeRow(g1));
    expect(there.dropped).toEqual([]);
    expect(there.rows[5]).toMatchObject({ name: '项目总成本', sign: '≤', number: '1000', unit: '万元' });
    const back = moveIndicatorRows(there.rows, { group: g1, set: SET }, { group: g0, set: g0.indicators![0] }, () => completeRow(g0));
    expect(back).toEqual({ rows: rowsOf(from), dropped: [] });
    // In the split layout the quality checks read the joined value, as on the combined form.
    const moved: FormData = { ...fixtureForm(), values: { ...fixtureForm().values, indicators: there.rows } };
    expect(there.rows.map((r) => combinedValue(r, SET))).toEqual(rowsOf(from).map((r) => r.value));
    expect(validateForm(moved, T).filter((m) => m.code === 'qualityUnit' || m.code === 'qualityNoFigure')).toEqual([]);
  });

  it('a blank form starts with the fixed 成本 row the printed note names, in its place among the default rows', () => {
    const rows = rowsOf(blankForm(T, '2025'));
    expect(rows.filter((r) => r.level2 === '成本指标')).toEqual([{ ...completeRow(T.groups![0]), ...HUBEI_FIXED_COST_ROW }]);
    expect(rows.map((r) => r.level2).indexOf('成本指标')).toBe(3);
  });
});

describe('a hand-made Word file of the Hubei form', () => {
  const cell = (text: string, opts: Parameters<typeof tc>[1] = {}) => tc(para(run(text)), opts);
  const COLS = [1130, 1470, 2380, 790, 1250, 960, 3230, 3120];

  it('is read from its table, 指标值 over two header rows, to the example form', async () => {
    const f = fixture() as Record<string, string> & { 绩效指标: Record<string, string>[] };
    const rows = f.绩效指标;
    const body = [
      para(run('预算项目绩效信息表（预算编制阶段）')),
      para(run(`（${f['年度']}年度）`)),
      para(run(`预算单位：${f['预算单位']}`)),
      tbl(
        [
          tr([cell('项目名称'), cell(f['项目名称'], { span: 3 }), cell('项目编码', { span: 2 }), cell(f['项目编码'], { span: 2 })]),
          tr([cell('绩效目标'), cell(f['绩效目标'], { span: 7 })]),
          tr([
            cell('一级指标', { vMerge: 'restart' }),
            cell('二级指标', { vMerge: 'restart' }),
            cell('*三级指标', { vMerge: 'restart' }),
            cell('指标值', { span: 3 }),
            cell('备注（指标解释等）', { vMerge: 'restart' }),
            cell('指标值说明（评分标准等）', { vMerge: 'restart' }),
          ]),
          tr([
            tc('', { vMerge: 'continue' }),
            tc('', { vMerge: 'continue' }),
            tc('', { vMerge: 'continue' }),
            cell('*符号'),
            cell('*值'),
            cell('计量单位'),
            tc('', { vMerge: 'continue' }),
            tc('', { vMerge: 'continue' }),
          ]),
          ...rows.map((r) =>
            tr(['一级指标', '二级指标', '三级指标', '符号', '值', '计量单位', '指标解释', '评分标准'].map((k) => cell(r[k]))),
          ),
        ],
        COLS,
      ),
    ].join('');
    const r = await readDocx(await makeDocx(body));
    expect(r.source).toBe('table');
    expect(r.data.templateId).toBe(T.id);
    expect(r.data).toEqual(fixtureForm());
    expect(r.notes).toEqual([]);
  });
});

describe('Guangxi 2024 project form through the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('shenbao-guangxi-')));
  afterEach(() => tmp.cleanup());
  const cli = (...args: string[]) => runCliCapture(['--db', join(tmp.dir, 'db.db'), ...args]);
  const GX = fileURLToPath(new URL('../fixtures/xiangmu-guangxi-2025-example.json', import.meta.url));

  it('imports, shows back, validates clean, exports and imports back equal, new year clears the money, 汇总 sums each source', async () => {
    const id = lastLine((await cli('import-json', GX)).stdout);
    const { _about, ...expected } = JSON.parse(readFileSync(GX, 'utf8'));
    expect(_about).toBeTruthy();
    expect(JSON.parse((await cli('show', id, '--json')).stdout)).toEqual(expected);
    expect((await cli('validate', id)).stdout.trim()).toBe('检查通过，没有发现问题');
    const docx = join(tmp.dir, 'gx.docx');
    expect((await cli('export', id, '--out', docx)).code).toBe(0);
    const read = await readDocx(readFileSync(docx));
    expect(read.source).toBe('embedded');
    const gx = BUILTIN.find((t) => t.id === 'xiangmu-guangxi-2024')!;
    expect(read.data).toEqual(withComputed(fromLabelJson(JSON.parse(readFileSync(GX, 'utf8')), gx).form, gx));
    const g = await readDocxGrid(readFileSync(docx));
    expect([4, 5, 6, 7, 8, 9].map((r) => cellAt(g.table, r, 4)!.text)).toEqual(['200', '120', '80', '0', '0', '0']);
    expect(cellAt(g.table, 5, 1)).toMatchObject({ text: '其中：一般公共预算拨款', rowSpan: 2 });

    const next = await cli('new-year', id, '--year', '2026');
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain('2025年11月底前 → 2026年11月底前');
    const shown = JSON.parse((await cli('show', lastLine(next.stdout), '--json')).stdout);
    expect(shown).toMatchObject({ 年度: '2026', 资金合计: '', '一般公共预算拨款（上级）': '', 项目主管单位: '452-某县农业农村局' });
    expect(shown['绩效指标']).toHaveLength(8);

    const s = JSON.parse((await cli('summary', '--year', '2025', '--json')).stdout) as {
      counts: { forms: number; indicators: number };
      sections: { templateId: string; totals: Record<string, string> | string[] }[];
    };
    expect(s.counts).toMatchObject({ forms: 1, indicators: 8 });
    expect(JSON.stringify(s.sections.find((x) => x.templateId === 'xiangmu-guangxi-2024')!.totals)).toContain('120');
  });

  it('a blank form pre-prints the 二级 rows of the printed form, one empty row each', () => {
    const gx = BUILTIN.find((t) => t.id === 'xiangmu-guangxi-2024')!;
    expect(rowsOf(blankForm(gx, '2025')).map((r) => `${r.level1}/${r.level2}/${r.name}`)).toEqual([
      '产出指标/数量指标/',
      '产出指标/质量指标/',
      '产出指标/时效指标/',
      '产出指标/成本指标/',
      '效益指标/社会效益指标/',
      '效益指标/可持续影响指标/',
    ]);
  });
});
