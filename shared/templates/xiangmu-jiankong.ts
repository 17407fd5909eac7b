/**
 * 项目支出绩效目标执行监控表 (../shared/forms/cycle.md §2, national / Anhui `ahxmjxjkbg.ftl`), made at
 * month N from the project's declaration: the money as declared (年初预算数, locked) beside what was
 * added, adjusted and spent by month N, the 年度总体目标 as declared, and the indicator rows with
 * their 年度指标值 (locked) and the month's progress, 偏差原因分析's tick boxes and 完成目标可能性.
 * One per project and month (双监控: mid-year and autumn). Landscape; widths inferred. Pure data.
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

const short = { minHeight: 510, canSplit: false };
const WIDTH = A4_LANDSCAPE.widthTwips - A4_LANDSCAPE.marginsTwips.left - A4_LANDSCAPE.marginsTwips.right;

const MONEY_ROWS: MoneyRow[] = [
  { id: 'total', printed: '年度资金总额：', seed: { from: 'total', labels: ['年度资金总额', '资金总额'] } },
  {
    id: 'fiscal',
    printed: '其中：本年一般公共预算拨款',
    seed: { labels: ['本年一般公共预算拨款', '一般公共预算拨款', '财政拨款', '年度财政拨款', '本年财政拨款'] },
  },
  { id: 'bond', printed: '专项债券', seed: { labels: ['专项债券', '专项债券资金'] } },
  { id: 'other', printed: '其他资金', seed: { labels: ['其他资金', '年度其他资金'] } },
];

const MONEY_COLUMNS: MoneyColumn[] = [
  { id: 'budget', header: '年初预算数', declared: true },
  { id: 'added', header: '追加预算数' },
  { id: 'adjusted', header: '调整后预算数' },
  { id: 'spent', header: '1-{month}月执行数' },
  { id: 'rate', header: '1-{month}月执行率', text: true },
  { id: 'forecast', header: '全年预计执行数' },
];

export const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

export const xiangmuJiankong: TemplateDef = {
  id: 'xiangmu-jiankong',
  version: 1,
  title: '项目支出绩效目标执行监控表',
  role: 'projectMonitoring',
  follows: 'project',
  description: '每个项目每次监控一份（如 1-6 月、1-10 月）：由项目支出绩效目标表生成，填写执行数、指标执行情况与偏差原因',
  fileName: '{year}年{projectName}项目支出绩效目标执行监控表（1-{month}月）',
  page: A4_LANDSCAPE,
  fonts: { table: fangsong(10) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true, locked: true },
    { id: 'month', label: '监控月份', kind: 'choice', options: MONTHS, required: true, seed: { from: 'month' } },
    { id: 'projectName', label: '项目名称', kind: 'text', required: true, newYear: 'carry', seed: { from: 'title' }, locked: true },
    {
      id: 'department',
      label: '主管部门及代码',
      kind: 'text',
      aliases: ['主管部门及编码', '主管部门'],
      newYear: 'carry',
      seed: { from: 'parent', labels: ['主管部门及代码', '主管部门'] },
      locked: true,
    },
    { id: 'unit', label: '实施单位', kind: 'text', required: true, newYear: 'carry', seed: { from: 'unit' }, locked: true },
    { id: 'period', label: '项目期限', kind: 'text', newYear: 'carry', seed: { labels: ['项目期', '项目期限', '项目周期', '实施期限'] } },
    { id: 'buildPeriod', label: '建设期限', kind: 'text', newYear: 'carry' },
    { id: 'runPeriod', label: '运营期限', kind: 'text', newYear: 'carry' },
    { id: 'area', label: '资金投向领域', kind: 'text', newYear: 'carry' },
    ...moneyFields(MONEY_ROWS, MONEY_COLUMNS),
    { id: 'goal', label: '年度总体目标', kind: 'multiline', required: true, newYear: 'moveYear', seed: { from: 'goal' }, locked: true },
  ],
  groups: [monitoringGroup(0)],
  identity: { year: 'year', key: ['unit', 'projectName', 'month'], title: ['projectName'], unit: 'unit' },
  above: [
    {
      id: 'title',
      role: 'title',
      segments: [{ text: '项目支出绩效目标执行监控表' }],
      align: 'center',
      font: titleFont(18),
      spaceAfterPt: 4,
    },
    {
      id: 'yearLine',
      segments: [{ text: '（' }, { field: 'year', minChars: 4 }, { text: '年度　1-' }, { field: 'month', minChars: 2 }, { text: '月）' }],
      align: 'center',
      font: fangsong(14),
      spaceAfterPt: 4,
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
      short,
      short,
      short,
      short,
      { minHeight: 850, canSplit: true },
      { ...short, repeatHeader: true },
      { ...short, repeatHeader: true },
      { group: 'indicators' },
    ],
    borderPt: 0.5,
    cells: [
      { row: 0, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'projectName' } } },
      { row: 0, col: 2, colSpan: 14, content: { type: 'field', field: 'projectName' } },
      { row: 1, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'department' } } },
      { row: 1, col: 2, colSpan: 6, content: { type: 'field', field: 'department' } },
      { row: 1, col: 8, colSpan: 3, content: { type: 'label', of: { field: 'unit' } } },
      { row: 1, col: 11, colSpan: 5, content: { type: 'field', field: 'unit' } },
      { row: 2, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'period' } } },
      { row: 2, col: 2, colSpan: 3, content: { type: 'field', field: 'period' } },
      { row: 2, col: 5, colSpan: 3, content: { type: 'label', of: { field: 'buildPeriod' }, lead: '其中：' } },
      { row: 2, col: 8, colSpan: 3, content: { type: 'field', field: 'buildPeriod' } },
      { row: 2, col: 11, colSpan: 2, content: { type: 'label', of: { field: 'runPeriod' } } },
      { row: 2, col: 13, colSpan: 3, content: { type: 'field', field: 'runPeriod' } },
      { row: 3, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'area' } } },
      { row: 3, col: 2, colSpan: 14, content: { type: 'field', field: 'area' } },
      { row: 4, col: 0, colSpan: 2, rowSpan: 5, content: { type: 'label', lines: ['项目资金', '（万元）'] } },
      ...moneyCells(MONEY_ROWS, MONEY_COLUMNS, { top: 4, first: 2, labelCols: 2, span: 2 }),
      { row: 9, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'goal' } } },
      { row: 9, col: 2, colSpan: 14, content: { type: 'field', field: 'goal' } },
      ...monitoringHeader(10, 0),
    ],
  },
  below: [
    {
      id: 'note',
      segments: [
        {
          text: '注：偏差原因分析从经费、制度、人员、硬件条件等方面勾选并说明；完成目标可能性按确定能、有可能、完全不可能三档勾选，完全不可能的请在备注中写明拟采取的措施。',
        },
      ],
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
        adjusted: 'totalAdjusted',
        budget: ['totalBudget', 'totalAdded'],
      },
    },
  ],
  summary: {
    money: ['totalBudget', 'totalAdjusted', 'totalSpent'],
    parent: 'department',
    goal: 'goal',
    indicators: { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'target' },
  },
};
