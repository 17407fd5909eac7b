/**
 * 项目支出绩效自评表, national style (after ../shared/forms/cycle.md §4, Anhui's 池州贵池 2022 copy):
 * the project, its money block (年初预算数 · 全年预算数 · 全年执行数 by source, with the budget part's
 * 分值 10, 执行率 and 得分), 预期目标 and 实际完成情况, the indicator grid scored row by row, 总分 and
 * 自评结论. Scores are computed cells (shared/compute): 执行率 = 全年执行数 ÷ 全年预算数; budget 得分 =
 * min(执行率, 1) × 10; each row by the ratio method; 总分 rescaled over the rows assessed; the grade
 * 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差. Anhui's 项目期限 and 资金投向领域 rows are not printed. Pure data.
 *
 * Its money block is a matrix of values under column headers, read where a row's 资金来源 meets a
 * column's header; 执行率 typed in Excel is a number with a percentage format (0.9356 at 0.00%),
 * read as the percentage it shows. test/templates/zipin.test.ts takes it through scoring, new-stage,
 * Word and Excel export and import; the hand-made .xlsx/.xls tests cover it as every built-in.
 */
import { mm, type CellDef, type FieldDef, type TemplateDef } from '../template/schema';
import type { FieldSeed } from '../template/seedSchema';
import { A4_PORTRAIT, defaultIndicatorRows, fangsong, titleFont } from './parts/common';
import { projectIdentityFields, seededFrom } from './parts/project';
import { selfChecks, selfIndicatorColumns, selfTotalFields, SELF_GROUP } from './parts/selfEvaluation';

const short = { minHeight: 510, canSplit: false };

/**
 * The money block's rows (资金来源) and columns, as printed; each row's 年初预算数 is the
 * declaration's figure of that source (new-stage seeds it, the form shows it locked).
 */
const SOURCES = [
  { id: 'total', printed: '年度资金总额：', seed: seededFrom('total', 'total') },
  {
    id: 'fiscal',
    printed: '其中：本年财政拨款',
    // The year's own figure first: a two-block declaration prints 财政拨款 under both 中期 and 年度.
    seed: seededFrom('fiscal', undefined, ['本年财政拨款', '年度财政拨款', '本年一般公共预算拨款', '一般公共预算拨款']),
  },
  { id: 'bond', printed: '专项债券资金', seed: { labels: ['专项债券资金', '专项债券'] } },
  { id: 'carry', printed: '上年结转资金', seed: { labels: ['上年结转资金', '上年结转'] } },
  { id: 'other', printed: '其他资金', seed: seededFrom('other', undefined, ['年度其他资金']) },
] as const satisfies readonly { id: string; printed: string; seed: FieldSeed }[];
const MONEY = [
  { id: 'Initial', printed: '年初预算数' },
  { id: 'Budget', printed: '全年预算数' },
  { id: 'Spent', printed: '全年执行数' },
] as const;
const PARTS = SOURCES.slice(1).map((s) => s.id);
const sourceName = (s: (typeof SOURCES)[number]) => s.printed.replace(/^其中：/, '').replace(/：$/, '');

/**
 * 15 amounts. 年初预算数 is the declaration's, as declared (its 年度资金总额 too, checked against its
 * rows by a rule, not recomputed: the form shows what was declared); 年度资金总额 of the other two
 * columns is the sum of their four 其中 rows.
 */
const moneyFields: FieldDef[] = SOURCES.flatMap((s) =>
  MONEY.map((m): FieldDef => ({
    id: `${s.id}${m.id}`,
    label: `${sourceName(s)}（${m.printed}）`,
    kind: 'amount',
    ...(m.id === 'Initial'
      ? { seed: s.seed, locked: true }
      : s.id === 'total'
        ? { compute: { sum: PARTS.map((p) => `${p}${m.id}`) } }
        : {}),
  })),
);

const label = (row: number, col: number, lines: string[], extra: Partial<CellDef> = {}): CellDef => ({
  row,
  col,
  content: { type: 'label', lines },
  ...extra,
});
const field = (row: number, col: number, id: string, extra: Partial<CellDef> = {}): CellDef => ({
  row,
  col,
  content: { type: 'field', field: id },
  ...extra,
});

const GRID_COLUMNS = ['level1', 'level2', 'name', 'target', 'actual', 'points', 'score', 'reason'];

export const xiangmuZipin: TemplateDef = {
  id: 'xiangmu-zipin',
  version: 1,
  title: '项目支出绩效自评表',
  role: 'projectSelfEvaluation',
  follows: 'project',
  description: '每个项目一份，年度结束后自评：预算执行（10 分）与各项绩效指标的完成情况逐行打分，自动计算得分、总分与等级',
  fileName: '{year}年{projectName}项目支出绩效自评表',
  page: A4_PORTRAIT,
  fonts: { table: fangsong(10) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true, locked: true },
    // As the declaration's, printed 主管部门 as cycle.md's form does; seeded from it and locked.
    ...projectIdentityFields({ department: '主管部门', departmentExtra: ['主管预算部门'], stage: true }),
    ...moneyFields,
    {
      id: 'execRate',
      label: '执行率',
      kind: 'percent',
      compute: { quotient: { a: 'totalSpent', b: 'totalBudget', percent: true }, round: { places: 2, mode: 'halfUp' } },
    },
    // The budget part's weight, stated once: printed in its 分值 cell and the factor of its 得分.
    { id: 'budgetWeight', label: '预算执行分值', kind: 'score', compute: { sum: [{ value: 10 }] } },
    {
      id: 'budgetScore',
      label: '预算执行得分',
      kind: 'score',
      compute: { cappedRatio: { a: 'totalSpent', b: 'totalBudget', times: 'budgetWeight' }, round: { places: 2, mode: 'halfUp' } },
    },
    {
      id: 'goal',
      label: '预期目标',
      kind: 'multiline',
      aliases: ['年初预期目标', '年度目标'],
      newYear: 'carry',
      seed: { from: 'goal' },
      locked: true,
    },
    { id: 'achieved', label: '实际完成情况', kind: 'multiline', aliases: ['年度实际完成情况'] },
    // Σ 分值: the budget part's weight and every row's, printed beside 总分 (100 when the rows add up).
    {
      id: 'totalPoints',
      label: '总分值',
      kind: 'score',
      compute: { sum: ['budgetWeight', { columnSum: { group: SELF_GROUP, column: 'points' } }] },
    },
    ...selfTotalFields('budgetScore'),
  ],
  groups: [
    {
      id: SELF_GROUP,
      label: '绩效指标',
      columns: selfIndicatorColumns(),
      cells: GRID_COLUMNS.map((column, i) => ({
        column,
        col: i + 1,
        ...(['level1', 'level2', 'target', 'actual', 'points', 'score'].includes(column) ? { align: 'center' as const } : {}),
      })),
      defaultRows: defaultIndicatorRows('level1', ['level2']),
      indicators: [{ level1: 'level1', level2: 'level2', name: 'name', value: 'target', actual: 'actual' }],
      // The declared rows, 年度指标值 ← 指标值 (from the latest 调整 when there is one).
      seed: { indicators: { level1: 'level1', level2: 'level2', name: 'name', value: 'target' } },
      minRows: 1,
      maxRows: 500,
      row: { minHeight: 454, canSplit: false },
      newYear: 'carry',
    },
  ],
  identity: { year: 'year', key: ['unit', 'projectName'], title: ['projectName'], unit: 'unit' },
  above: [
    { id: 'attachment', segments: [{ text: '附件：' }], align: 'left', font: fangsong(14) },
    { id: 'title', role: 'title', segments: [{ text: '项目支出绩效自评表' }], align: 'center', font: titleFont(20), spaceAfterPt: 6 },
    {
      id: 'yearLine',
      segments: [{ text: '（' }, { field: 'year', minChars: 4 }, { text: '年度）' }],
      align: 'center',
      font: fangsong(14),
      spaceAfterPt: 6,
    },
  ],
  table: {
    columnsTwips: [mm(11), mm(14), mm(15), mm(22), mm(18.5), mm(19), mm(14.5), mm(17.5), mm(24.5)],
    rows: [
      short,
      short,
      short,
      short,
      short,
      short,
      short,
      short,
      short,
      { minHeight: 1134, canSplit: true },
      { ...short, repeatHeader: true },
      { group: SELF_GROUP },
      short,
      short,
    ],
    borderPt: 0.5,
    cells: [
      { row: 0, col: 0, content: { type: 'label', of: { field: 'projectName' } } },
      field(0, 1, 'projectName', { colSpan: 8 }),
      { row: 1, col: 0, content: { type: 'label', of: { field: 'department' } } },
      field(1, 1, 'department', { colSpan: 4 }),
      { row: 1, col: 5, colSpan: 2, content: { type: 'label', of: { field: 'unit' } } },
      field(1, 7, 'unit', { colSpan: 2 }),
      label(2, 0, ['项目资金', '（万元）'], { rowSpan: 6 }),
      { row: 2, col: 1, colSpan: 2, content: { type: 'empty' } },
      ...MONEY.map((m, i) => label(2, 3 + i, [m.printed], { align: 'center' })),
      label(2, 6, ['分值'], { align: 'center' }),
      label(2, 7, ['执行率'], { align: 'center' }),
      label(2, 8, ['得分'], { align: 'center' }),
      ...SOURCES.flatMap((s, r): CellDef[] => [
        label(3 + r, 1, [s.printed], { colSpan: 2 }),
        ...MONEY.map((m, i) => field(3 + r, 3 + i, `${s.id}${m.id}`, { align: 'center' })),
        ...(r === 0
          ? [
              field(3, 6, 'budgetWeight', { align: 'center' }),
              field(3, 7, 'execRate', { align: 'center' }),
              field(3, 8, 'budgetScore', { align: 'center' }),
            ]
          : [
              label(3 + r, 6, ['—'], { align: 'center' }),
              { row: 3 + r, col: 7, content: { type: 'empty' } } as CellDef,
              { row: 3 + r, col: 8, content: { type: 'empty' } } as CellDef,
            ]),
      ]),
      label(8, 0, ['年度', '总体', '目标'], { rowSpan: 2 }),
      { row: 8, col: 1, colSpan: 4, content: { type: 'label', of: { field: 'goal' } }, align: 'center' },
      { row: 8, col: 5, colSpan: 4, content: { type: 'label', of: { field: 'achieved' } }, align: 'center' },
      field(9, 1, 'goal', { colSpan: 4 }),
      field(9, 5, 'achieved', { colSpan: 4 }),
      { row: 10, col: 0, rowSpan: 2, content: { type: 'label', of: { group: SELF_GROUP } } },
      ...GRID_COLUMNS.map((column, i): CellDef => ({
        row: 10,
        col: i + 1,
        content: { type: 'label', of: { group: SELF_GROUP, column } },
        align: 'center',
      })),
      { row: 12, col: 0, colSpan: 6, content: { type: 'label', of: { field: 'totalScore' } }, align: 'center' },
      field(12, 6, 'totalPoints', { align: 'center' }),
      field(12, 7, 'totalScore', { align: 'center' }),
      { row: 12, col: 8, content: { type: 'empty' } },
      { row: 13, col: 0, colSpan: 6, content: { type: 'label', of: { field: 'grade' } }, align: 'center' },
      field(13, 6, 'grade', { colSpan: 3, align: 'center' }),
    ],
  },
  below: [],
  rules: [
    {
      type: 'sum',
      total: 'totalInitial',
      parts: PARTS.map((p) => `${p}Initial`),
      message: '年初预算数的年度资金总额应等于其中各项之和（以申报表为准）',
    },
    ...selfChecks({ budget: 'totalBudget', spent: 'totalSpent', budgetScore: 'budgetScore' }),
  ],
  summary: {
    money: ['totalInitial', 'totalBudget', 'totalSpent'],
    parent: 'department',
    goal: 'goal',
    indicators: { group: SELF_GROUP, level1: 'level1', level2: 'level2', name: 'name', value: 'target' },
  },
};
