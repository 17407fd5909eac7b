/**
 * 部门整体支出绩效监控表 (../shared/forms/cycle.md §3, Anhui `ahbmztjxjkbg.ftl`), made at month N
 * from the unit's 部门整体 declaration: 预算执行情况 with the declared 年初预算数 (locked), the
 * 年度预期目标 as declared and its 具体完成情况, then §2's indicator grid with the declared 年度指标值
 * locked. No 调整后预算数 here: 执行率 = 执行数 ÷ (年初预算数 + 追加预算数). Landscape; widths inferred.
 */
import type { TemplateDef } from '../template/schema';
import { A4_LANDSCAPE, fangsong, titleFont } from './parts/common';
import {
  monitoringGroup,
  monitoringHeader,
  monitoringWidths,
  moneyCells,
  moneyFields,
  type MoneyColumn,
  type MoneyRow,
} from './parts/monitoring';
import { MONTHS } from './xiangmu-jiankong';

const short = { minHeight: 510, canSplit: false };
const WIDTH = A4_LANDSCAPE.widthTwips - A4_LANDSCAPE.marginsTwips.left - A4_LANDSCAPE.marginsTwips.right;

const MONEY_ROWS: MoneyRow[] = [
  { id: 'total', printed: '年度资金总额：', seed: { from: 'total', labels: ['资金总额', '年度资金总额', '金额合计（总额）'] } },
  {
    id: 'general',
    printed: '其中：本年一般公共预算拨款',
    seed: { labels: ['本年一般公共预算拨款', '一般公共预算拨款', '财政拨款', '金额合计（财政拨款）'] },
  },
  { id: 'other', printed: '其他资金', seed: { labels: ['其他资金', '金额合计（其他资金）'] } },
];

const MONEY_COLUMNS: MoneyColumn[] = [
  { id: 'budget', header: '年初预算数', declared: true },
  { id: 'added', header: '追加预算数' },
  { id: 'spent', header: '1-{month}月执行数' },
  { id: 'rate', header: '1-{month}月执行率', text: true },
  { id: 'forecast', header: '全年预计执行数' },
  { id: 'balance', header: '预计结转结余数' },
];

export const bumenJiankong: TemplateDef = {
  id: 'bumen-jiankong',
  version: 1,
  title: '部门整体支出绩效监控表',
  role: 'departmentMonitoring',
  follows: 'department',
  description: '部门（单位）每次监控一份：由部门整体支出绩效目标申报表生成，填写预算执行、目标完成情况与偏差原因',
  fileName: '{year}年{department}部门整体支出绩效监控表（1-{month}月）',
  page: A4_LANDSCAPE,
  fonts: { table: fangsong(10) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true, locked: true },
    { id: 'month', label: '监控月份', kind: 'choice', options: MONTHS, required: true, seed: { from: 'month' } },
    {
      id: 'department',
      label: '部门单位名称',
      kind: 'text',
      required: true,
      aliases: ['部门名称', '部门（单位）名称', '填报部门（单位）'],
      newYear: 'carry',
      seed: { from: 'title' },
      locked: true,
    },
    ...moneyFields(MONEY_ROWS, MONEY_COLUMNS),
    { id: 'goal', label: '年度预期目标', kind: 'multiline', required: true, newYear: 'moveYear', seed: { from: 'goal' }, locked: true },
    { id: 'done', label: '具体完成情况', kind: 'multiline' },
  ],
  groups: [monitoringGroup(0)],
  identity: { year: 'year', key: ['department', 'month'], title: ['department'], unit: 'department' },
  above: [
    { id: 'title', role: 'title', segments: [{ text: '部门整体支出绩效监控表' }], align: 'center', font: titleFont(18), spaceAfterPt: 4 },
    {
      id: 'yearLine',
      segments: [{ text: '（' }, { field: 'year', minChars: 4 }, { text: '年度）' }],
      align: 'center',
      font: fangsong(14),
      spaceAfterPt: 4,
    },
    {
      id: 'unitLine',
      segments: [{ text: '填报部门（单位）：' }, { field: 'department', echo: true, minChars: 12 }, { text: '　　　　金额单位：万元' }],
      align: 'left',
      font: fangsong(12),
      spaceAfterPt: 2,
    },
  ],
  table: {
    columnsTwips: monitoringWidths(WIDTH),
    rows: [
      short,
      short,
      short,
      short,
      short,
      { minHeight: 850, canSplit: true },
      { minHeight: 850, canSplit: true },
      { ...short, repeatHeader: true },
      { ...short, repeatHeader: true },
      { group: 'indicators' },
    ],
    borderPt: 0.5,
    cells: [
      { row: 0, col: 0, colSpan: 2, content: { type: 'label', lines: ['基本情况'] } },
      { row: 0, col: 2, colSpan: 2, content: { type: 'label', of: { field: 'department' } } },
      { row: 0, col: 4, colSpan: 8, content: { type: 'field', field: 'department' } },
      { row: 0, col: 12, colSpan: 2, content: { type: 'label', lines: ['监控时点（月）'] } },
      { row: 0, col: 14, colSpan: 2, content: { type: 'field', field: 'month' }, align: 'center' },
      { row: 1, col: 0, colSpan: 2, rowSpan: 4, content: { type: 'label', lines: ['预算执行情况'] } },
      ...moneyCells(MONEY_ROWS, MONEY_COLUMNS, { top: 1, first: 2, labelCols: 2, span: 2 }),
      { row: 5, col: 0, colSpan: 2, rowSpan: 2, content: { type: 'label', lines: ['目标完成情况'] } },
      { row: 5, col: 2, colSpan: 2, content: { type: 'label', of: { field: 'goal' } } },
      { row: 5, col: 4, colSpan: 12, content: { type: 'field', field: 'goal' } },
      { row: 6, col: 2, colSpan: 2, content: { type: 'label', of: { field: 'done' } } },
      { row: 6, col: 4, colSpan: 12, content: { type: 'field', field: 'done' } },
      ...monitoringHeader(7, 0),
    ],
  },
  below: [
    {
      id: 'note',
      segments: [{ text: '注：执行率 = 1-N月执行数 ÷（年初预算数 + 追加预算数）；偏差原因分析与完成目标可能性按项勾选。' }],
      align: 'left',
      font: fangsong(10),
    },
  ],
  rules: [
    {
      type: 'check',
      check: 'monitoringLights',
      params: {
        group: 'indicators',
        name: 'name',
        target: 'target',
        actual: 'progress',
        month: 'month',
        spent: 'totalSpent',
        budget: ['totalBudget', 'totalAdded'],
      },
    },
  ],
  summary: {
    money: ['totalBudget', 'totalAdded', 'totalSpent'],
    goal: 'goal',
    indicators: { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'target' },
  },
};
