/**
 * Department forms with an indicator grid: the national 2015 task-and-grid layout and the 2023
 * Hunan 9-column layout, each through import-json → show → validate → export → import; hand-made
 * Word files of each layout read from their table; and the cross-check between forms of one unit
 * and year (the 2019 form, the 2015 form, the unit's project forms).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import type { Store } from '../../electron/core/store';
import type { FormData } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { validateForm } from '../../shared/validation';
import { bumenZhengti2015 as T15 } from '../../shared/templates/bumen-zhengti-2015';
import { bumenZhengtiHunan2023 as TH } from '../../shared/templates/bumen-zhengti-hunan-2023';
import { xiangmuZhichu as TX } from '../../shared/templates/xiangmu-zhichu';
import { lastLine, runCliCapture } from '../helpers/cli';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';
import { makeDocx, para, run, tbl, tc, tr } from '../helpers/makeDocx';
import { readDocx } from '../helpers/read';
import { seedForm, T2019 } from '../helpers/seed';
import { storeIn, tempDir } from '../store/tempStore';

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const json = (name: string): Record<string, unknown> => JSON.parse(readFileSync(fixturePath(name), 'utf8'));
const EX15 = 'bumen-2015-example.json';
const EXH = 'bumen-hunan-2023-example.json';
const form15 = () => withComputed(fromLabelJson(json(EX15), T15).form, T15);
const formH = () => withComputed(fromLabelJson(json(EXH), TH).form, TH);
type Row = Record<string, string>;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir('shenbao-bumen-grid-')));
afterEach(() => tmp.cleanup());
const cli = (...args: string[]) => runCliCapture(['--db', join(tmp.dir, 'db.db'), ...args]);

describe.each([
  [EX15, T15.id],
  [EXH, TH.id],
])('the example %s', (file, templateId) => {
  it('goes import-json → show (key for key) → validate clean → export → import back equal', async () => {
    const created = await cli('import-json', fixturePath(file));
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toBe('');
    const id = lastLine(created.stdout);
    const { _about, ...expected } = json(file);
    expect(_about).toBeTruthy();
    expect(JSON.parse((await cli('show', id, '--json')).stdout)).toEqual(expected);
    expect((await cli('validate', id)).stdout.trim()).toBe('检查通过，没有发现问题');
    const docx = join(tmp.dir, 'out.docx');
    expect((await cli('export', id, '--out', docx)).code).toBe(0);
    const read = await readDocx(readFileSync(docx));
    expect(read.notes).toEqual([]);
    expect(read.data.templateId).toBe(templateId);
    expect(read.data).toEqual(templateId === T15.id ? form15() : formH());
  });
});

describe('部门（单位）整体支出绩效目标申报表 (2015)', () => {
  it('computes 金额合计 as the exact column sums, never typed', () => {
    const f = form15();
    expect([f.values.sumTotal, f.values.sumFiscal, f.values.sumOther]).toEqual(['2368.5', '2218.5', '150']);
    const typed = fromLabelJson({ ...json(EX15), '金额合计（总额）': '99999' }, T15).form;
    expect(withComputed(typed, T15).values.sumTotal).toBe('2368.5');
  });

  it('checks each task: 总额 = 财政拨款 + 其他资金, and an amount needs a name', () => {
    const f = form15();
    const tasks = f.values.tasks as Row[];
    tasks[1] = { ...tasks[1], total: '520' };
    tasks.push({ name: '', content: '', total: '5', fiscal: '5', other: '' });
    const ms = validateForm(f, T15).map((m) => [m.row, m.column, m.message]);
    expect(ms).toEqual([
      [1, 'total', '第2行：总额应等于财政拨款与其他资金之和'],
      [3, 'name', '第4行：填了预算金额的任务要写明任务名称'],
    ]);
  });

  it('prints the tasks under one grouped header and the sums in the 金额合计 row', async () => {
    const g = await readDocxGrid((await exportDocx(form15(), T15, { appVersion: 't' })).bytes);
    expect(g.table.gridCols).toHaveLength(6);
    for (const r of g.table.rows) expect(r.coveredCols).toBe(6);
    expect(cellAt(g.table, 1, 0)).toMatchObject({ text: '年度主要任务', rowSpan: 2 + 3 + 1 });
    expect(cellAt(g.table, 1, 3)).toMatchObject({ text: '预算金额（万元）', colSpan: 3 });
    expect([3, 4, 5].map((c) => cellAt(g.table, 2, c)!.text)).toEqual(['总额', '财政拨款', '其他资金']);
    expect(cellAt(g.table, 4, 1)!.text).toBe('薄弱环节改善');
    expect(cellAt(g.table, 6, 1)).toMatchObject({ text: '金额合计', colSpan: 2 });
    expect([3, 4, 5].map((c) => cellAt(g.table, 6, c)!.text)).toEqual(['2368.5', '2218.5', '150']);
    expect(cellAt(g.table, 8, 0)).toMatchObject({ text: '年度绩效指标' });
    expect(g.table.rows[8]).toMatchObject({ header: true, tableIndex: 1 });
    expect(cellAt(g.table, 9, 3)).toMatchObject({ text: '改善农村学校数量', colSpan: 2 });
  });

  it('reads a hand-made file of the layout with every task and indicator row (一级 repeated on every row)', async () => {
    const v = json(EX15) as { 年度主要任务: Row[]; 年度绩效指标: Row[] };
    const cols = [1500, 1600, 1800, 1300, 1300, 1300];
    const rows = [
      tr([tc(para(run('部门(单位)名称'))), tc(para(run('桃源县教育局')), { span: 5 })]),
      tr([
        tc(para(run('年度主要任务')), { vMerge: 'restart' }),
        tc(para(run('任务名称')), { vMerge: 'restart' }),
        tc(para(run('主要内容')), { vMerge: 'restart' }),
        tc(para(run('预算金额（万元）')), { span: 3 }),
      ]),
      tr([
        tc('', { vMerge: 'continue' }),
        tc('', { vMerge: 'continue' }),
        tc('', { vMerge: 'continue' }),
        tc(para(run('总额'))),
        tc(para(run('财政资金'))),
        tc(para(run('其他资金'))),
      ]),
      ...v.年度主要任务.map((t) =>
        tr([tc('', { vMerge: 'continue' }), ...['任务名称', '主要内容', '总额', '财政拨款', '其他资金'].map((k) => tc(para(run(t[k]))))]),
      ),
      tr([
        tc('', { vMerge: 'continue' }),
        tc(para(run('金额合计')), { span: 2 }),
        tc(para(run('2368.50'))),
        tc(para(run('2218.50'))),
        tc(para(run('150.00'))),
      ]),
      tr([tc(para(run('总体目标'))), tc(para(run('目标1：保障全县义务教育学校正常运转。')), { span: 5 })]),
      tr([
        tc(para(run('年度绩效指标')), { vMerge: 'restart' }),
        tc(para(run('一级指标'))),
        tc(para(run('二级指标'))),
        tc(para(run('三级指标')), { span: 2 }),
        tc(para(run('指标值'))),
      ]),
      ...v.年度绩效指标.map((r) =>
        tr([
          tc('', { vMerge: 'continue' }),
          tc(para(run(r['一级指标']))),
          tc(para(run(r['二级指标']))),
          tc(para(run(r['三级指标'])), { span: 2 }),
          tc(para(run(r['指标值']))),
        ]),
      ),
    ];
    const body = [para(run('部门（单位）整体支出绩效目标申报表')), para(run('（2025年度）')), tbl(rows, cols)].join('');
    const r = await readDocx(await makeDocx(body));
    expect(r.source).toBe('table');
    expect(r.data.templateId).toBe(T15.id);
    expect(r.data.values.year).toBe('2025');
    expect(r.data.values.department).toBe('桃源县教育局');
    expect(r.data.values.tasks).toEqual(form15().values.tasks);
    expect(r.data.values.indicators).toEqual(form15().values.indicators);
    expect(r.data.values.sumTotal).toBe('2368.5');
    expect(r.data.options.twoDecimals).toBe(false);
    expect(r.notes).toEqual([]);
  });
});

describe('整体绩效目标表 (Hunan 2023, 9 columns)', () => {
  it('is landscape A4 with the 9-column grid and the unit in the title', async () => {
    const g = await readDocxGrid((await exportDocx(formH(), TH, { appVersion: 't' })).bytes);
    expect(g.page).toMatchObject({ widthTwips: 16838, heightTwips: 11906, orient: 'landscape' });
    expect(g.before.map((p) => p.text)).toEqual(['某区机关事务服务中心2023年度整体绩效目标表']);
    expect(g.table.gridCols).toHaveLength(9);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((c) => cellAt(g.table, 4, c)!.text)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值类型',
      '*指标值',
      '计量单位',
      '*指标解释',
      '*评（扣）分标准',
      '备注',
    ]);
    expect(cellAt(g.table, 3, 0)).toMatchObject({ text: '绩效指标', colSpan: 9 });
    expect(cellAt(g.table, 5, 0)).toMatchObject({ text: '产出指标', rowSpan: 4 });
  });

  it('requires the starred columns of a row in use, a choice of 定量/定性, and a number for 定量', () => {
    const f = formH();
    const rows = f.values.indicators as Row[];
    rows[0] = { ...rows[0], value: '28.8万元', explanation: '' };
    rows[1] = { ...rows[1], valueType: '定额' };
    const ms = validateForm(f, TH).map((m) => [m.row, m.column, m.code]);
    expect(ms).toEqual([
      [0, 'explanation', 'required'],
      [1, 'valueType', 'choice'],
      [0, 'value', 'notANumber'],
    ]);
  });

  it('reads a hand-made file without stars, with 度量单位 and 评分标准 as other provinces spell them', async () => {
    const v = json(EXH) as { 绩效指标: Row[] } & Record<string, string>;
    const heads = ['一级指标', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标解释', '评分标准', '备注'];
    const keys = ['一级指标', '二级指标', '三级指标', '指标值类型', '指标值', '计量单位', '指标解释', '评（扣）分标准', '备注'];
    const cols = [1100, 1200, 2000, 900, 1300, 900, 2800, 2500, 1300];
    const rows = [
      tr([tc(para(run('部门（单位）名称')), { span: 2 }), tc(para(run(v['部门（单位）名称'])), { span: 7 })]),
      tr([tc(para(run('部门（单位）职责')), { span: 2 }), tc(para(run(v['部门（单位）职责'])), { span: 7 })]),
      tr([tc(para(run('年度总体绩效目标')), { span: 2 }), tc(para(run(v['年度总体绩效目标'])), { span: 7 })]),
      tr([tc(para(run('绩效指标')), { span: 9 })]),
      tr(heads.map((h) => tc(para(run(h))))),
      ...v.绩效指标.map((r) => tr(keys.map((k) => tc(para(run(r[k])))))),
    ];
    const body = [para(run(`${v['部门（单位）名称']}2023年度整体绩效目标表`)), tbl(rows, cols)].join('');
    const r = await readDocx(await makeDocx(body));
    expect(r.data.templateId).toBe(TH.id);
    expect(r.data.values.year).toBe('2023');
    expect(r.data.values.indicators).toEqual(formH().values.indicators);
    expect(r.data.values.duties).toBe(formH().values.duties);
  });
});

describe('cross-check between forms of one unit and year', () => {
  let store: Store;
  beforeEach(() => (store = storeIn(tmp.dir)));
  afterEach(() => store.close());

  /** The seed's unit as a 2015 form whose tasks add up to `total`. */
  function form2015(total: string): FormData {
    const f = fromLabelJson({ ...json(EX15), 年度: '2019', '部门（单位）名称': '湖南省桃源县看守所' }, T15).form;
    f.values.tasks = [{ name: '监管安全', content: '', total, fiscal: total, other: '' }];
    return f;
  }
  const project = (name: string, total: string): FormData => {
    const f = fromLabelJson({ ...json('xiangmu-2025-tiyu.json'), 年度: '2019', 实施单位: '湖南省桃源县看守所', 项目名称: name }, TX).form;
    return { ...f, values: { ...f.values, total, fiscal: total, other: '' } };
  };
  const warnings = (id: number) =>
    validateForm(store.get(id).data, store.templates.get(store.get(id).templateId), { related: store.related(id) }).filter((m) =>
      m.code.startsWith('cross'),
    );

  it('warns on both the 2019 and the 2015 form when 资金总额 and 金额合计 differ, naming the other', () => {
    const a = store.create(seedForm());
    const b = store.create(form2015('400'));
    expect(warnings(a.id)).toEqual([
      {
        field: 'total',
        severity: 'warning',
        code: 'crossEqual',
        message: `资金总额应与同年度部门（单位）整体支出绩效目标申报表的金额合计（总额）一致：本表资金总额为 442.21，而「湖南省桃源县看守所」的部门（单位）整体支出绩效目标申报表（编号 ${b.id}）为 400`,
      },
    ]);
    expect(warnings(b.id)[0]).toMatchObject({ field: 'sumTotal', severity: 'warning' });
    expect(warnings(b.id)[0].message).toMatch(new RegExp(`部门整体支出绩效目标申报表（编号 ${a.id}）为 442.21$`));
    store.save(b.id, form2015('442.21'));
    expect(warnings(a.id)).toEqual([]);
    expect(warnings(b.id)).toEqual([]);
  });

  it('warns on the 2019 form when the unit’s project forms add up to more than 项目支出; other units and years do not count', () => {
    const a = store.create(seedForm());
    store.create(project('监所医疗专项', '29'));
    store.create(project('在押人员伙食费', '20'));
    store.create({ ...project('别的单位的项目', '500'), values: { ...project('x', '500').values, unit: '桃源县公安局' } });
    expect(warnings(a.id)).toEqual([]);
    const extra = store.create(project('监控设备更新', '0.0001'));
    expect(warnings(a.id)).toEqual([
      {
        field: 'projectExpenditure',
        severity: 'warning',
        code: 'crossSum',
        message: '本单位各项目的年度资金总额之和不应超过项目支出：本单位 3 份项目支出绩效目标表合计 49.0001 万元，超过本表项目支出 49 万元',
      },
    ]);
    store.delete(extra.id);
    expect(warnings(a.id)).toEqual([]);
    // The command line's validate includes the cross-checks.
    expect(T2019.rules.some((r) => r.type === 'crossSumAtMost')).toBe(true);
  });
});
