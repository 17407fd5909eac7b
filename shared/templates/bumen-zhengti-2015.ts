/**
 * 部门（单位）整体支出绩效目标申报表, the national 2015 task-and-grid layout (after
 * ../shared/forms/bumen-zhengti-grid.md, section A): the year's main tasks with their budget
 * (总额 = 财政拨款 + 其他资金 under one grouped header, 金额合计 computed as the column sums), the
 * year's overall goal, and the 一级/二级/三级/指标值 grid. Pure data.
 */
import { mm, type TemplateDef } from '../template/schema';
import { A4_PORTRAIT, defaultIndicatorRows, fangsong, indicatorChecks, titleFont } from './parts/common';

const short = { minHeight: 567, canSplit: false };

export const bumenZhengti2015: TemplateDef = {
  id: 'bumen-zhengti-2015',
  version: 1,
  title: '部门（单位）整体支出绩效目标申报表',
  /** What cross-form rules of other templates name (shared/template/roles.ts). */
  role: 'department',
  description: '部门（单位）整体：年度主要任务及预算金额、年度总体目标，绩效指标按一级、二级、三级逐行填写（2015 年中央部门版式）',
  fileName: '{year}年{department}整体支出绩效目标申报表',
  page: A4_PORTRAIT,
  fonts: { table: fangsong(11) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true },
    {
      id: 'department',
      label: '部门（单位）名称',
      kind: 'text',
      required: true,
      aliases: ['部门名称', '单位名称', '部门(单位)名称'],
      newYear: 'carry',
    },
    { id: 'sumTotal', label: '金额合计（总额）', kind: 'amount', compute: { columnSum: { group: 'tasks', column: 'total' } } },
    { id: 'sumFiscal', label: '金额合计（财政拨款）', kind: 'amount', compute: { columnSum: { group: 'tasks', column: 'fiscal' } } },
    { id: 'sumOther', label: '金额合计（其他资金）', kind: 'amount', compute: { columnSum: { group: 'tasks', column: 'other' } } },
    {
      id: 'goal',
      label: '年度总体目标',
      kind: 'multiline',
      required: true,
      aliases: ['总体目标', '年度总体绩效目标'],
      newYear: 'moveYear',
    },
  ],
  groups: [
    {
      id: 'tasks',
      label: '年度主要任务',
      columns: [
        { id: 'name', label: '任务名称', kind: 'text', newYear: 'carry' },
        { id: 'content', label: '主要内容', kind: 'multiline', newYear: 'moveYear' },
        { id: 'total', label: '总额', kind: 'amount' },
        { id: 'fiscal', label: '财政拨款', kind: 'amount', aliases: ['财政资金'] },
        { id: 'other', label: '其他资金', kind: 'amount' },
      ],
      cells: [
        { column: 'name', col: 1 },
        { column: 'content', col: 2 },
        { column: 'total', col: 3, align: 'center' },
        { column: 'fiscal', col: 4, align: 'center' },
        { column: 'other', col: 5, align: 'center' },
      ],
      minRows: 3,
      maxRows: 100,
      row: { minHeight: 567, canSplit: true },
      newYear: 'carry',
    },
    {
      id: 'indicators',
      label: '年度绩效指标',
      columns: [
        { id: 'level1', label: '一级指标', kind: 'text', merge: {}, newYear: 'carry' },
        { id: 'level2', label: '二级指标', kind: 'text', merge: { within: ['level1'] }, newYear: 'carry' },
        { id: 'name', label: '三级指标', kind: 'text', newYear: 'carry' },
        { id: 'value', label: '指标值', kind: 'text', newYear: 'moveYear', aliases: ['目标值'] },
      ],
      cells: [
        { column: 'level1', col: 1, align: 'center' },
        { column: 'level2', col: 2, align: 'center' },
        { column: 'name', col: 3, colSpan: 2 },
        { column: 'value', col: 5, align: 'center' },
      ],
      defaultRows: defaultIndicatorRows('level1', ['level2']),
      indicators: [{ level1: 'level1', level2: 'level2', name: 'name', value: 'value' }],
      minRows: 1,
      maxRows: 500,
      row: { minHeight: 454, canSplit: false },
      newYear: 'carry',
    },
  ],
  identity: { year: 'year', key: ['department'], title: ['department'], unit: 'department' },
  above: [
    {
      id: 'title',
      role: 'title',
      segments: [{ text: '部门（单位）整体支出绩效目标申报表' }],
      align: 'center',
      font: titleFont(20),
      spaceAfterPt: 6,
    },
    {
      id: 'yearLine',
      segments: [{ text: '（' }, { field: 'year', minChars: 4 }, { text: '年度）' }],
      align: 'center',
      font: fangsong(16),
      spaceAfterPt: 6,
    },
  ],
  table: {
    // A 26 · 任务名称/一级 28 · 主要内容/二级 30 · three amount columns of 24 mm.
    columnsTwips: [mm(26), mm(28), mm(30), mm(24), mm(24), mm(24)],
    rows: [
      short,
      short,
      short,
      { group: 'tasks' },
      short,
      { minHeight: 1134, canSplit: true },
      { ...short, repeatHeader: true },
      { group: 'indicators' },
    ],
    borderPt: 0.5,
    cells: [
      { row: 0, col: 0, content: { type: 'label', of: { field: 'department' } } },
      { row: 0, col: 1, colSpan: 5, content: { type: 'field', field: 'department' } },

      { row: 1, col: 0, rowSpan: 4, content: { type: 'label', of: { group: 'tasks' } } },
      { row: 1, col: 1, rowSpan: 2, content: { type: 'label', of: { group: 'tasks', column: 'name' } } },
      { row: 1, col: 2, rowSpan: 2, content: { type: 'label', of: { group: 'tasks', column: 'content' } } },
      { row: 1, col: 3, colSpan: 3, content: { type: 'label', lines: ['预算金额（万元）'] } },
      { row: 2, col: 3, content: { type: 'label', of: { group: 'tasks', column: 'total' } } },
      { row: 2, col: 4, content: { type: 'label', of: { group: 'tasks', column: 'fiscal' } } },
      { row: 2, col: 5, content: { type: 'label', of: { group: 'tasks', column: 'other' } } },
      { row: 4, col: 1, colSpan: 2, content: { type: 'label', lines: ['金额合计'] } },
      { row: 4, col: 3, content: { type: 'field', field: 'sumTotal' }, align: 'center' },
      { row: 4, col: 4, content: { type: 'field', field: 'sumFiscal' }, align: 'center' },
      { row: 4, col: 5, content: { type: 'field', field: 'sumOther' }, align: 'center' },

      { row: 5, col: 0, content: { type: 'label', of: { field: 'goal' } } },
      { row: 5, col: 1, colSpan: 5, content: { type: 'field', field: 'goal' } },

      { row: 6, col: 0, rowSpan: 2, content: { type: 'label', of: { group: 'indicators' } } },
      { row: 6, col: 1, content: { type: 'label', of: { group: 'indicators', column: 'level1' } } },
      { row: 6, col: 2, content: { type: 'label', of: { group: 'indicators', column: 'level2' } } },
      { row: 6, col: 3, colSpan: 2, content: { type: 'label', of: { group: 'indicators', column: 'name' } } },
      { row: 6, col: 5, content: { type: 'label', of: { group: 'indicators', column: 'value' } } },
    ],
  },
  below: [],
  rules: [
    { type: 'check', check: 'sameAsLastYear', params: { field: 'goal' } },
    { type: 'check', check: 'targetCopiedDespiteActual', params: { group: 'indicators', name: 'name' } },
    { type: 'rowSum', group: 'tasks', total: 'total', parts: ['fiscal', 'other'], message: '总额应等于财政拨款与其他资金之和' },
    {
      type: 'rowRequires',
      group: 'tasks',
      column: 'name',
      when: ['total', 'fiscal', 'other'],
      message: '填了预算金额的任务要写明任务名称',
    },
    ...indicatorChecks({ group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'value', total: 'sumTotal' }),
    {
      type: 'crossEqual',
      field: 'sumTotal',
      roles: ['department'],
      otherField: 'total',
      message: '金额合计（总额）应与同年度部门整体支出绩效目标申报表的资金总额一致',
      severity: 'warning',
    },
  ],
  summary: {
    money: ['sumTotal', 'sumFiscal', 'sumOther'],
    goal: 'goal',
    indicators: { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'value' },
  },
};
