/**
 * 部门整体支出绩效自评表 (../shared/forms/cycle.md §5, Hefei `hfdeptperfself.ftl`), made after the year
 * from the department's declaration: 部门名称; 年度主要任务, one row per task with its 完成情况 and
 * 部门预算情况（万元）, then 金额合计 with the budget part's 分值 10, 预算执行率（B/A） and 得分; 年度总体目标
 * (预期目标 as declared, 实际完成情况); 年度绩效目标完成情况, the indicator grid scored row by row as
 * in the project 自评 (parts/selfEvaluation.ts); 总分 and 自评结论. 金额合计's 年初预算数 is the
 * declaration's 资金总额 (seeded, locked); its other figures are the tasks' sums. Hefei's
 * `名称(x分)` on 一级/二级 is not printed. Landscape; widths inferred. Pure data.
 */
import { mm, type CellDef, type FieldDef, type TemplateDef } from '../template/schema';
import { A4_LANDSCAPE, fangsong, titleFont } from './parts/common';
import { selfChecks, selfIndicatorColumns, selfTotalFields, SELF_GROUP } from './parts/selfEvaluation';

const short = { minHeight: 510, canSplit: false };
const TASKS = 'tasks';

/** The task rows' figures (部门预算情况（万元）), each summed in 金额合计. */
const FIGURES = [
  { id: 'initial', label: '年初预算数' },
  { id: 'budget', label: '全年预算数（A）' },
  { id: 'budgetFiscal', label: '全年预算数（A）其中：财政拨款', printed: '其中：财政拨款' },
  { id: 'spent', label: '全年执行数（B）' },
  { id: 'spentFiscal', label: '全年执行数（B）其中：财政拨款', printed: '其中：财政拨款' },
] as const;
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const sumId = (id: string) => `sum${cap(id)}`;

const sumFields: FieldDef[] = FIGURES.map((f): FieldDef =>
  f.id === 'initial'
    ? {
        id: sumId(f.id),
        label: `金额合计（${f.label}）`,
        kind: 'amount',
        seed: { from: 'total', labels: ['资金总额', '年度资金总额', '部门预算总额'] },
        locked: true,
      }
    : {
        id: sumId(f.id),
        label: `金额合计（${f.label}）`,
        kind: 'amount',
        compute: { sum: [{ columnSum: { group: TASKS, column: f.id } }] },
      },
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
const head = (row: number, col: number, group: string, column: string, extra: Partial<CellDef> = {}): CellDef => ({
  row,
  col,
  content: { type: 'label', of: { group, column } },
  align: 'center',
  ...extra,
});

/** The indicator grid's columns over grid columns 1–10: 三级 and the reason two wide. */
const GRID: [column: string, col: number, span: number][] = [
  ['level1', 1, 1],
  ['level2', 2, 1],
  ['name', 3, 2],
  ['target', 5, 1],
  ['actual', 6, 1],
  ['points', 7, 1],
  ['score', 8, 1],
  ['reason', 9, 2],
];

export const bumenZipin: TemplateDef = {
  id: 'bumen-zipin',
  version: 1,
  title: '部门整体支出绩效自评表',
  role: 'departmentSelfEvaluation',
  follows: 'department',
  description:
    '每个部门一份，年度结束后自评：年度主要任务的完成情况与预算执行（10 分），各项绩效指标逐行打分，自动计算执行率、得分、总分与等级',
  fileName: '{year}年{department}部门整体支出绩效自评表',
  page: A4_LANDSCAPE,
  fonts: { table: fangsong(10) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true, locked: true },
    {
      id: 'department',
      label: '部门名称',
      kind: 'text',
      required: true,
      aliases: ['部门（单位）名称', '部门单位名称', '填报单位'],
      newYear: 'carry',
      seed: { from: 'title' },
      locked: true,
    },
    ...sumFields,
    {
      id: 'execRate',
      label: '金额合计（预算执行率）',
      kind: 'percent',
      compute: { quotient: { a: 'sumSpent', b: 'sumBudget', percent: true }, round: { places: 2, mode: 'halfUp' } },
    },
    { id: 'budgetWeight', label: '金额合计（分值）', kind: 'score', compute: { sum: [{ value: 10 }] } },
    {
      id: 'budgetScore',
      label: '金额合计（得分）',
      kind: 'score',
      compute: { cappedRatio: { a: 'sumSpent', b: 'sumBudget', times: 'budgetWeight' }, round: { places: 2, mode: 'halfUp' } },
    },
    {
      id: 'goal',
      label: '预期目标',
      kind: 'multiline',
      aliases: ['年初设定目标', '年度预期目标', '整体绩效目标'],
      newYear: 'carry',
      seed: { from: 'goal' },
      locked: true,
    },
    { id: 'achieved', label: '实际完成情况', kind: 'multiline', aliases: ['年度总体目标完成情况综述'] },
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
      id: TASKS,
      label: '年度主要任务',
      columns: [
        { id: 'name', label: '任务名称', kind: 'text', newYear: 'carry' },
        { id: 'done', label: '完成情况', kind: 'multiline', maxLength: 2000 },
        ...FIGURES.map((f) => ({ id: f.id, label: f.label, ...('printed' in f ? { printed: f.printed } : {}), kind: 'amount' })),
        {
          id: 'rate',
          label: '预算执行率（B/A）',
          kind: 'percent',
          compute: { quotient: { a: 'spent', b: 'budget', percent: true }, round: { places: 2, mode: 'halfUp' } },
        },
      ],
      cells: [
        { column: 'name', col: 1 },
        { column: 'done', col: 2 },
        ...FIGURES.map((f, i) => ({ column: f.id, col: 3 + i, align: 'center' as const })),
        // 分值 and 得分 are the block's, printed once in 金额合计: a task row's 执行率 spans their columns.
        { column: 'rate', col: 8, colSpan: 3, align: 'center' },
      ],
      minRows: 1,
      maxRows: 100,
      row: { minHeight: 454, canSplit: false },
      newYear: 'carry',
    },
    {
      id: SELF_GROUP,
      label: '年度绩效目标完成情况',
      columns: selfIndicatorColumns(),
      cells: GRID.map(([column, col, span]) => ({
        column,
        col,
        ...(span > 1 ? { colSpan: span } : {}),
        ...(['level1', 'level2', 'target', 'actual', 'points', 'score'].includes(column) ? { align: 'center' as const } : {}),
      })),
      seed: { indicators: { level1: 'level1', level2: 'level2', name: 'name', value: 'target' } },
      minRows: 1,
      maxRows: 500,
      row: { minHeight: 454, canSplit: false },
      newYear: 'carry',
    },
  ],
  identity: { year: 'year', key: ['department'], title: ['department'], unit: 'department' },
  above: [
    { id: 'title', role: 'title', segments: [{ text: '部门整体支出绩效自评表' }], align: 'center', font: titleFont(18), spaceAfterPt: 4 },
    {
      id: 'yearLine',
      segments: [{ text: '（' }, { field: 'year', minChars: 4 }, { text: '年度）' }],
      align: 'center',
      font: fangsong(14),
      spaceAfterPt: 4,
    },
  ],
  table: {
    // No column of exactly 18 mm: Excel width 9.00 is exceljs's default, and it drops the column's width.
    columnsTwips: [mm(16), mm(22), mm(40), mm(20), mm(20), mm(20), mm(20), mm(20), mm(18.5), mm(16), mm(18.5)],
    rows: [
      short,
      short,
      short,
      { group: TASKS },
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
      { row: 0, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'department' } } },
      field(0, 2, 'department', { colSpan: 9 }),
      { row: 1, col: 0, rowSpan: 3, content: { type: 'label', of: { group: TASKS } } },
      head(1, 1, TASKS, 'name', { rowSpan: 2 }),
      head(1, 2, TASKS, 'done', { rowSpan: 2 }),
      label(1, 3, ['部门预算情况（万元）'], { colSpan: 8, align: 'center' }),
      ...FIGURES.map((f, i) => head(2, 3 + i, TASKS, f.id)),
      head(2, 8, TASKS, 'rate'),
      label(2, 9, ['分值'], { align: 'center' }),
      label(2, 10, ['得分'], { align: 'center' }),
      label(4, 0, ['金额合计'], { colSpan: 3, align: 'center' }),
      ...FIGURES.map((f, i) => field(4, 3 + i, sumId(f.id), { align: 'center' })),
      field(4, 8, 'execRate', { align: 'center' }),
      field(4, 9, 'budgetWeight', { align: 'center' }),
      field(4, 10, 'budgetScore', { align: 'center' }),
      label(5, 0, ['年度总体目标'], { rowSpan: 2 }),
      { row: 5, col: 1, colSpan: 5, content: { type: 'label', of: { field: 'goal' } }, align: 'center' },
      { row: 5, col: 6, colSpan: 5, content: { type: 'label', of: { field: 'achieved' } }, align: 'center' },
      field(6, 1, 'goal', { colSpan: 5 }),
      field(6, 6, 'achieved', { colSpan: 5 }),
      { row: 7, col: 0, rowSpan: 2, content: { type: 'label', of: { group: SELF_GROUP } } },
      ...GRID.map(([column, col, span]) => head(7, col, SELF_GROUP, column, span > 1 ? { colSpan: span } : {})),
      { row: 9, col: 0, colSpan: 7, content: { type: 'label', of: { field: 'totalScore' } }, align: 'center' },
      field(9, 7, 'totalPoints', { align: 'center' }),
      field(9, 8, 'totalScore', { align: 'center' }),
      { row: 9, col: 9, colSpan: 2, content: { type: 'empty' } },
      { row: 10, col: 0, colSpan: 7, content: { type: 'label', of: { field: 'grade' } }, align: 'center' },
      field(10, 7, 'grade', { colSpan: 4, align: 'center' }),
    ],
  },
  below: [],
  rules: [
    { type: 'rowRequires', group: TASKS, column: 'name', when: ['budget', 'spent'], message: '填了预算数或执行数的任务要写明任务名称' },
    ...selfChecks({ budget: 'sumBudget', spent: 'sumSpent', budgetScore: 'budgetScore' }),
  ],
  summary: {
    money: ['sumInitial', 'sumBudget', 'sumSpent'],
    goal: 'goal',
    indicators: { group: SELF_GROUP, level1: 'level1', level2: 'level2', name: 'name', value: 'target' },
  },
};
