/**
 * Issue 21: any filled form read honestly — several forms in one file, two-block headers,
 * labels above or with a note, where the grid ends, unknown columns listed, amounts with words,
 * the nearest template for an unknown layout. Each file is written here as raw WordprocessingML
 * (test/helpers/makeDocx.ts), by a route unlike our exporter; the three real published forms
 * (test/fixtures/real/) are scored against what was published.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocxFormsNow, type ReadResult } from '../../electron/core/import/readNow';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import type { TemplateDef } from '../../shared/template/schema';
import { makeDocx, para, run, tbl, tc, tr } from '../helpers/makeDocx';
import { scorePublished } from '../helpers/publishedScore';
import { isUserError } from '../../shared/errors';

type Cell = string | { t: string; span?: number; v?: 'restart' | 'continue' };

/** A table from rows of cells: text, or text with a column span and a vertical merge. */
function table(rows: Cell[][], cols: number[]): string {
  return tbl(
    rows.map((cells) =>
      tr(
        cells.map((c) => {
          const x = typeof c === 'string' ? { t: c } : c;
          return tc(
            x.t
              .split('\n')
              .map((l) => para(run(l)))
              .join(''),
            { span: x.span, vMerge: x.v },
          );
        }),
      ),
    ),
    cols,
  );
}

const FIVE = [1200, 1400, 1800, 2400, 1800];

interface Project {
  name: string;
  total: string;
  fiscal: string;
  goal: string;
  rows: [string, string, string, string][];
}

/** One county single-year project form with its title, year and stamp rows inside the table (as r05 prints it). */
function projectRows(p: Project, year = '2025'): Cell[][] {
  return [
    [{ t: '项目支出绩效目标表', span: 5 }],
    [{ t: `（${year}年度）`, span: 5 }],
    ['项目责任人：', { t: '', span: 2 }, '单位（盖章）：', ''],
    ['项目名称', { t: p.name, span: 4 }],
    ['主管部门及代码', { t: '[042]某县体育局', span: 2 }, '实施单位', '某县体育局'],
    ['项目来源', { t: '本级申报项目', span: 2 }, '项目期', '3年'],
    [
      { t: '项目资金\n（万元）', v: 'restart' },
      { t: '年度资金总额：', span: 2 },
      { t: p.total, span: 2 },
    ],
    [
      { t: '', v: 'continue' },
      { t: '其中：财政拨款', span: 2 },
      { t: p.fiscal, span: 2 },
    ],
    [
      { t: '', v: 'continue' },
      { t: '其他资金', span: 2 },
      { t: '0', span: 2 },
    ],
    ['年度目标', { t: p.goal, span: 4 }],
    [{ t: '绩效指标', v: 'restart' }, '一级指标', '二级指标', '三级指标', '指标值'],
    ...p.rows.map((r): Cell[] => [{ t: '', v: 'continue' }, ...r]),
  ];
}

const A: Project = {
  name: '网球公开赛',
  total: '1000.00',
  fiscal: '1000.00',
  goal: '打造品牌赛事',
  rows: [
    ['产出指标', '数量指标', '开展运动种类', '1种'],
    ['效益指标', '社会效益指标', '城市知名度', '提升'],
  ],
};
const B: Project = {
  name: '常规赛费用',
  total: '1200.00',
  fiscal: '1200.00',
  goal: '结转资金',
  rows: [['产出指标', '质量指标', '赛事完成率', '100%']],
};

const read = (bytes: Uint8Array, templates: readonly TemplateDef[] = BUILTIN_TEMPLATES): ReadResult[] =>
  readDocxFormsNow(bytes, { templates });

describe('a file is split into its forms before templates are fitted', () => {
  it('two project forms in two tables with one empty paragraph between: two forms, each whole', async () => {
    const body = table(projectRows(A), FIVE) + para() + table(projectRows(B), FIVE);
    const forms = read(await makeDocx(body));
    expect(forms.map((f) => f.data.templateId)).toEqual(['xiangmu-zhichu', 'xiangmu-zhichu']);
    const [a, b] = forms.map((f) => f.data.values);
    expect(a).toMatchObject({ year: '2025', projectName: '网球公开赛', total: '1000', fiscal: '1000', goal: '打造品牌赛事' });
    expect(b).toMatchObject({ year: '2025', projectName: '常规赛费用', total: '1200', fiscal: '1200', goal: '结转资金' });
    // No title, year or stamp row taken for an indicator row.
    expect(a.indicators).toEqual(A.rows.map(([level1, level2, name, value]) => ({ level1, level2, name, value })));
    expect(b.indicators).toEqual(B.rows.map(([level1, level2, name, value]) => ({ level1, level2, name, value })));
  });

  it('two forms in one long table (the second title is a row inside it): two forms', async () => {
    const forms = read(await makeDocx(table([...projectRows(A), ...projectRows(B, '2026')], FIVE)));
    expect(forms).toHaveLength(2);
    expect(forms[0].data.values).toMatchObject({ projectName: '网球公开赛', year: '2025', total: '1000' });
    expect(forms[1].data.values).toMatchObject({ projectName: '常规赛费用', year: '2026', total: '1200' });
    expect(forms[0].data.values.indicators).toHaveLength(2);
    expect(forms[1].data.values.indicators).toHaveLength(1);
  });

  it('a form split by a page break (no identity in the second part) is still one form', async () => {
    const rows = projectRows(A);
    const body =
      table(rows.slice(0, 12), FIVE) +
      para() +
      table(
        rows.slice(12).map((r) => [{ t: '', v: 'continue' } as Cell, ...r.slice(1)]),
        FIVE,
      );
    const forms = read(await makeDocx(body));
    expect(forms).toHaveLength(1);
    expect(forms[0].data.values.indicators).toHaveLength(2);
  });
});

describe('indicator grids by their header words', () => {
  const twoBlockRows: Cell[][] = [
    ['项目名称', { t: '两栏项目', span: 6 }],
    ['主管部门', { t: '某局', span: 2 }, { t: '实施单位', span: 2 }, { t: '某中心', span: 2 }],
    ['资金总额', { t: '3000', span: 2 }, { t: '当年资金总额', span: 2 }, { t: '1000', span: 2 }],
    ['年度目标', { t: '完成一期工程', span: 6 }],
    ['一级指标', '二级指标(长期)', '三级指标(长期)', '指标值(长期)', '二级指标(年度)', '三级指标(年度)', '指标值(年度)'],
    ['产出指标', '数量指标', '三年建成道路', '30公里', '数量指标', '当年建成道路', '10公里'],
  ];
  const SEVEN = [1200, 1100, 1500, 1000, 1100, 1500, 1000];

  it('a two-block file read by a single-year template: the 年度 block and amount, the 长期 block listed, never taken as the year’s', async () => {
    const [f] = read(await makeDocx(table(twoBlockRows, SEVEN)), [xiangmuZhichu]);
    expect(f.data.values.total).toBe('1000');
    expect(f.data.values.indicators).toEqual([{ level1: '产出指标', level2: '数量指标', name: '当年建成道路', value: '10公里' }]);
    const where = (f.unplaced ?? []).map((u) => u.where);
    expect(where).toEqual(
      expect.arrayContaining([
        '绩效指标的「二级指标(长期)」列',
        '绩效指标的「三级指标(长期)」列',
        '绩效指标的「指标值(长期)」列',
        '「资金总额」',
      ]),
    );
    expect(f.unplaced?.find((u) => u.where === '「资金总额」')?.text).toBe('3000');
    expect(JSON.stringify(f.data.values)).not.toContain('三年建成道路');
  });

  it('the same two-block file among every built-in: the two-block template, each block and amount in its place', async () => {
    const rows: Cell[][] = [
      ...twoBlockRows.slice(0, 3),
      [
        { t: '总体目标', v: 'restart' },
        { t: '中期目标', span: 3 },
        { t: '年度目标', span: 3 },
      ],
      [
        { t: '', v: 'continue' },
        { t: '三年建成', span: 3 },
        { t: '一期工程', span: 3 },
      ],
      ...twoBlockRows.slice(4),
    ];
    const [f] = read(await makeDocx(table(rows, SEVEN)));
    expect(f.data.templateId).toBe('xiangmu-zhichu-2015');
    expect(f.data.values).toMatchObject({ midTotal: '3000', total: '1000', midGoal: '三年建成', goal: '一期工程' });
    expect(f.data.values.indicators).toEqual([
      {
        level1: '产出指标',
        midLevel2: '数量指标',
        midName: '三年建成道路',
        midValue: '30公里',
        level2: '数量指标',
        name: '当年建成道路',
        value: '10公里',
      },
    ]);
    expect(f.unplaced).toEqual([]);
  });

  it('a block header row (中期指标 ‖ 年度指标) over repeated headers: the single-year template takes the 年度 block', async () => {
    const rows: Cell[][] = [
      ...twoBlockRows.slice(0, 4),
      [
        { t: '一级指标', v: 'restart' },
        { t: '中期指标', span: 3 },
        { t: '年度指标', span: 3 },
      ],
      [{ t: '', v: 'continue' }, '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
      twoBlockRows[5],
    ];
    const [f] = read(await makeDocx(table(rows, SEVEN)), [xiangmuZhichu]);
    expect(f.data.values.indicators).toEqual([{ level1: '产出指标', level2: '数量指标', name: '当年建成道路', value: '10公里' }]);
  });

  it('the same header twice with no block named: the single-year template reads no grid rather than perhaps the 中期 one', async () => {
    const rows: Cell[][] = [
      ...twoBlockRows.slice(0, 4),
      ['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
      twoBlockRows[5],
    ];
    const [f] = read(await makeDocx(table(rows, SEVEN)), [xiangmuZhichu]);
    expect(JSON.stringify(f.data.values.indicators)).not.toContain('三年建成道路');
    expect(f.notes.join('')).toMatch(/没有找到「绩效指标」的表头/);
  });

  it('each column by its header: 指标内容 is the 三级指标, 指标值(或计划水平) the 指标值; 备注, 分值 listed by name', async () => {
    const rows: Cell[][] = [
      ['项目名称', { t: '列名项目', span: 5 }],
      ['项目主管部门', { t: '某局', span: 2 }, '项目执行单位', { t: '某校', span: 2 }],
      ['年度资金总额', { t: '16', span: 2 }, '其中：上级资金', { t: '16', span: 2 }],
      ['年度目标', { t: '改善办学条件', span: 5 }],
      ['一级指标', '二级指标', '指标内容', '指标值(或计划水平)', '分值', '备注'],
      ['产出指标', '数量指标', '学校改造覆盖率', '100%', '20', '按台账'],
      ['产出指标', '质量指标', '验收合格率', '100%', '10', ''],
    ];
    const [f] = read(await makeDocx(table(rows, [1200, 1100, 1900, 1300, 800, 1200])));
    expect(f.data.templateId).toBe('xiangmu-zhichu');
    expect(f.data.values).toMatchObject({ unit: '某校', department: '某局', fiscal: '16' });
    expect(f.data.values.indicators).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '学校改造覆盖率', value: '100%' },
      { level1: '产出指标', level2: '质量指标', name: '验收合格率', value: '100%' },
    ]);
    expect(f.unplaced).toEqual(
      expect.arrayContaining([
        { where: '绩效指标的「分值」列', text: '第 1 行：20\n第 2 行：10' },
        { where: '绩效指标的「备注」列', text: '第 1 行：按台账' },
      ]),
    );
  });
});

describe('labels and where the grid ends', () => {
  it('总体目标 beside 年度目标 over its text; a label with a note (年度绩效目标(90分)); 审核意见 and 盖章 rows are no indicators', async () => {
    const rows: Cell[][] = [
      ['项目名称', { t: '标签项目', span: 4 }],
      ['主管部门', { t: '某局', span: 2 }, '实施单位', '某中心'],
      ['年度资金总额', { t: '10000万元', span: 4 }],
      [
        { t: '总体目标', v: 'restart' },
        { t: '年度目标', span: 4 },
      ],
      [
        { t: '', v: 'continue' },
        { t: '完成主体工程70%', span: 4 },
      ],
      ['一级指标', '二级指标', '三级指标', { t: '指标值', span: 2 }],
      ['产出指标', '数量指标', '道路里程', { t: '≥100公里', span: 2 }],
      ['主管部门审核意见', { t: '同意', span: 4 }],
      ['单位（盖章）', { t: '', span: 4 }],
    ];
    const [f] = read(await makeDocx(table(rows, FIVE)));
    expect(f.data.values.goal).toBe('完成主体工程70%');
    expect(f.data.values.total).toBe('10000');
    expect(f.data.values.indicators).toEqual([{ level1: '产出指标', level2: '数量指标', name: '道路里程', value: '≥100公里' }]);
    expect(f.unplaced).toEqual(expect.arrayContaining([{ where: '「主管部门审核意见」', text: '同意' }]));

    const withNote: Cell[][] = [...rows.slice(0, 3), ['年度绩效目标(90分)', { t: '完成主体工程70%', span: 4 }], ...rows.slice(5, 7)];
    const [g] = read(await makeDocx(table(withNote, FIVE)));
    expect(g.data.values.goal).toBe('完成主体工程70%');
    const inOneCell: Cell[][] = [...rows.slice(0, 3), [{ t: '年度绩效目标(90分)：完成主体工程70%', span: 5 }], ...rows.slice(5, 7)];
    const [h] = read(await makeDocx(table(inOneCell, FIVE)));
    expect(h.data.values.goal).toBe('完成主体工程70%');
  });
});

describe('amounts with words', () => {
  const withTotal = (total: string, fiscal: string): Cell[][] => [
    ['项目名称', { t: '金额项目', span: 4 }],
    ['主管部门', { t: '某局', span: 2 }, '实施单位', '某中心'],
    ['年度资金总额', { t: total, span: 4 }],
    ['其中：财政拨款', { t: fiscal, span: 4 }],
    ['年度目标', { t: '完成', span: 4 }],
    ['一级指标', '二级指标', '三级指标', { t: '指标值', span: 2 }],
    ['产出指标', '数量指标', '里程', { t: '1公里', span: 2 }],
  ];

  it('854万(…) is 854 with the breakdown listed; 854万854万(…) is kept whole with the true reason', async () => {
    const [f] = read(
      await makeDocx(
        table(withTotal('854万(建设400万元,示范295万元,畅通159万元)', '854万854万(建设400万元,示范295万元,畅通159万元)'), FIVE),
      ),
    );
    expect(f.data.values.total).toBe('854');
    expect(f.unplaced).toEqual(
      expect.arrayContaining([
        { where: '「年度资金总额」括号中的说明', text: '建设400万元,示范295万元,畅通159万元' },
        { where: '「财政拨款」原文', text: '854万854万(建设400万元,示范295万元,畅通159万元)' },
      ]),
    );
    expect(f.uncertain).toContain('fiscal');
    const note = f.notes.find((n) => n.includes('「财政拨款」的金额'));
    expect(note).toMatch(/连写了两个金额/);
    expect(f.notes.join('')).not.toMatch(/千分位/);
  });
});

describe('no readable grid refused', () => {
  it('a layout that fits no template well goes into the nearest one, said so, with what had no place', async () => {
    const rows: Cell[][] = [
      ['项目名称', { t: '少栏项目', span: 4 }],
      ['负责科室', { t: '规划科', span: 4 }],
      ['一级指标', '二级指标', '三级指标', { t: '指标值', span: 2 }],
      ['产出指标', '数量指标', '里程', { t: '1公里', span: 2 }],
    ];
    const [f] = read(await makeDocx(table(rows, FIVE)));
    expect(f.data.templateId).toBe('xiangmu-zhichu');
    expect(f.data.values.projectName).toBe('少栏项目');
    expect(f.data.values.indicators).toHaveLength(1);
    expect(f.notes[0]).toMatch(/版式与本机的表样都不一致，已按最接近的「项目支出绩效目标表」导入/);
    expect(f.unplaced).toEqual([{ where: '「负责科室」', text: '规划科' }]);
  });

  it('a file with no form in it is refused saying what was found and pointing to 表样管理', async () => {
    const body =
      para(run('会议签到表')) +
      table(
        [
          ['姓名', '单位'],
          ['张三', '某局'],
        ],
        [2000, 2000],
      );
    let err: unknown;
    try {
      read(await makeDocx(body));
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/标题为「会议签到表」，有 1 个表格、共 2 行/);
    expect((err as Error).message).toMatch(/表样管理/);
  });
});

describe('the three real published forms', () => {
  const real = (name: string) => ({
    bytes: new Uint8Array(readFileSync(new URL(`../fixtures/real/${name}.docx`, import.meta.url))),
    expected: JSON.parse(readFileSync(new URL(`../fixtures/real/${name}.expected.json`, import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >[],
  });
  it.each([
    ['r01-hunan-yueyangxian-2022-gaobiaonongtian', 55, 2],
    ['r04-hubei-qingshan-2020-bozhuoxuexiao', 43, 0],
    ['r05-anhui-jinan-2025-tiyu-2forms', 64, 0],
  ])('%s: every published value read right or listed, none wrong', (name, right, listed) => {
    const { bytes, expected } = real(name);
    const forms = read(bytes);
    expect(forms).toHaveLength(expected.length);
    const total = { right: 0, listed: 0, wrong: [] as string[] };
    forms.forEach((f, i) => {
      const t = BUILTIN_TEMPLATES.find((x) => x.id === f.data.templateId)!;
      const s = scorePublished(expected[i], f, t);
      total.right += s.right;
      total.listed += s.listed;
      total.wrong.push(...s.wrong);
    });
    expect(total.wrong).toEqual([]);
    expect(total).toMatchObject({ right, listed });
  });
});
