/**
 * Hand-made Word files of the project form, as counties type them: other labels for the same
 * cells, ≧/≦, 一级指标 merged down or repeated on every row, the grid split over two tables, and
 * several projects in one file. Each is read from its table; what cannot be read is refused in
 * Chinese.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../electron/core/import';
import type { Store } from '../../electron/core/store';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { makeDocx, para, run, tbl, tc, tr } from '../helpers/makeDocx';
import { readDocx } from '../helpers/read';
import { storeIn, tempDir } from '../store/tempStore';

type Row = Record<string, string>;
const FIXTURE = fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url));
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string> & { 绩效指标: Row[] };
const COLS = [1300, 1500, 1900, 2500, 1600];
const cell = (text: string, opts: Parameters<typeof tc>[1] = {}) => tc(para(run(text)), opts);

interface Variant {
  labels?: Partial<Record<'主管部门及代码' | '项目属性' | '项目资金（万元）' | '年度资金总额' | '财政拨款' | '年度目标', string>>;
  /** 一级指标 merged down its rows (Word's vMerge) or written on every row. */
  mergeLevel1?: boolean;
  /** Start a new table at the grid's header row (Enter pressed before it, or a page break). */
  splitAtGrid?: boolean;
  rows?: Row[];
  projectName?: string;
}

/** The form's table as a clerk would build it in Word. */
function projectTable(v: Variant = {}): string[] {
  const f = fixture();
  const L = (k: keyof NonNullable<Variant['labels']>) => v.labels?.[k] ?? k;
  const rows = v.rows ?? f.绩效指标;
  const top = [
    tr([cell('项目名称'), cell(v.projectName ?? f['项目名称'], { span: 4 })]),
    tr([cell(L('主管部门及代码')), cell(f['主管部门及代码'], { span: 2 }), cell('实施单位'), cell(f['实施单位'])]),
    tr([cell(L('项目属性')), cell(f['项目属性'], { span: 2 }), cell('项目期'), cell(f['项目期'])]),
    tr([
      cell(L('项目资金（万元）'), { vMerge: 'restart' }),
      cell(`${L('年度资金总额')}：`, { span: 2 }),
      cell(f['年度资金总额'], { span: 2 }),
    ]),
    tr([tc('', { vMerge: 'continue' }), cell(`其中：${L('财政拨款')}`, { span: 2 }), cell(f['财政拨款'], { span: 2 })]),
    tr([tc('', { vMerge: 'bare' }), cell('其他资金', { span: 2 }), cell(f['其他资金'], { span: 2 })]),
    tr([cell(L('年度目标')), cell(f['年度目标'], { span: 4 })]),
  ];
  const grid = [
    tr([cell('绩效指标', { vMerge: 'restart' }), cell('一级指标'), cell('二级指标'), cell('三级指标'), cell('指标值')]),
    ...rows.map((r, i) =>
      tr([
        tc('', { vMerge: 'continue' }),
        v.mergeLevel1 && i > 0 && rows[i - 1]['一级指标'] === r['一级指标']
          ? tc('', { vMerge: 'continue' })
          : cell(r['一级指标'], v.mergeLevel1 ? { vMerge: 'restart' } : {}),
        cell(r['二级指标']),
        cell(r['三级指标']),
        cell(r['指标值']),
      ]),
    ),
  ];
  return v.splitAtGrid ? [tbl(top, COLS), para(''), tbl(grid, COLS)] : [tbl([...top, ...grid], COLS)];
}

const doc = (...parts: string[]) => makeDocx(parts.join(''));
const heading = (year = '2025') => [para(run('项目支出绩效目标表')), para(run(`（${year}年度）`))].join('');
const expected = () => withComputed(fromLabelJson(fixture(), T).form, T);

describe('hand-made project forms', () => {
  it('reads the plain layout to the fixture form, 一级 written on every row', async () => {
    const r = await readDocx(await doc(heading(), ...projectTable()));
    expect(r.source).toBe('table');
    expect(r.data.templateId).toBe(T.id);
    expect(r.data).toEqual(expected());
    expect(r.notes).toEqual([]);
  });

  it('reads other counties’ labels, ≧/≦ kept as typed, 一级 merged down, and a grid split into a second table', async () => {
    const rows = fixture().绩效指标.map((r) =>
      r['三级指标'] === '群众满意度'
        ? { ...r, 二级指标: '满意度指标', 指标值: '≧95%' }
        : r['二级指标'] === '生态效益指标'
          ? { ...r, 二级指标: '环境效益指标' }
          : r['三级指标'] === '项目总成本'
            ? { ...r, 指标值: '≦1000万元' }
            : r,
    );
    const body = projectTable({
      labels: {
        主管部门及代码: '主管部门及编码',
        项目属性: '项目来源',
        '项目资金（万元）': '项目金额（万元）',
        年度目标: '总体目标',
        年度资金总额: '资金总额',
        财政拨款: '当年财政拨款',
      },
      mergeLevel1: true,
      splitAtGrid: true,
      rows,
    });
    const r = await readDocx(await doc(heading(), ...body));
    expect(r.notes).toEqual([]);
    const got = r.data.values.indicators as Row[];
    expect(got).toHaveLength(11);
    expect(got.map((x) => x.level1)).toEqual(fixture().绩效指标.map((x) => x['一级指标']));
    expect(got.find((x) => x.name === '群众满意度')).toEqual({
      level1: '满意度指标',
      level2: '满意度指标',
      name: '群众满意度',
      value: '≧95%',
    });
    expect(got.find((x) => x.name === '项目总成本')!.value).toBe('≦1000万元');
    expect(got.find((x) => x.level2 === '环境效益指标')).toBeTruthy();
    expect(r.data.values).toMatchObject({
      department: '[042]六安市金安区体育局',
      attribute: '延续项目',
      total: '1000',
      fiscal: '1000',
      other: '0',
      year: '2025',
    });
    expect(r.data.values.goal).toBe(fixture()['年度目标']);
  });

  it('imports a file holding several projects one after another as several forms', async () => {
    const body = [
      heading(),
      ...projectTable({ projectName: '全民健身赛事活动经费' }),
      para(''),
      heading(),
      ...projectTable({ projectName: '青少年体育培训经费', mergeLevel1: true }),
      para(''),
      heading(),
      ...projectTable({ projectName: '体育场馆免费开放补助', splitAtGrid: true }),
    ];
    const tmp = tempDir('shenbao-multi-');
    const store: Store = storeIn(tmp.dir);
    try {
      const previews = await previewImport(store, '三个项目.docx', await doc(...body));
      expect(previews.map((p) => p.title)).toEqual(['全民健身赛事活动经费', '青少年体育培训经费', '体育场馆免费开放补助']);
      expect(previews.map((p) => p.notes[0])).toEqual([1, 2, 3].map((i) => `这个文件里有 3 份表，这是第 ${i} 份`));
      for (const p of previews) {
        expect(p.year).toBe('2025');
        expect((p.data.values.indicators as Row[]).length).toBe(11);
        expect(commitImport(store, p.data, 'skip').outcome).toBe('imported');
      }
      expect(store.list().map((s) => s.unit)).toEqual(Array(3).fill('六安市金安区体育局'));
    } finally {
      store.close();
      tmp.cleanup();
    }
  });

  it('refuses a file whose grid cannot be recognised, in Chinese', async () => {
    const junk = tbl([tr([cell('序号'), cell('事项'), cell('负责人')]), tr([cell('1'), cell('开会'), cell('张三')])], [2000, 4000, 2000]);
    await expect(readDocx(await doc(para(run('工作安排表')), junk))).rejects.toThrow(/没有找到认识的申报表表格.*项目支出绩效目标表/);
  });
});
