/**
 * 部门整体支出绩效目标申报表 (2019 layout), after ../shared/forms/bumen-zhengti-2019.md.
 * Label texts are as seen on the filled 2019 form; grid, widths, fonts and margins are
 * inferred (GB/T 9704) and live only here, so they are easy to adjust.
 */
import type { CellDef, FontSpec, TemplateDef } from '../template/types';
import { mm } from '../template/types';
import { bumenZhengtiChecks } from './bumen-zhengti-2019.checks';

const fangsong = (sizePt: number): FontSpec => ({ eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', sizePt });

/** "其中：" leads the first sub-item of each budget column; later ones line up under it. */
const LEAD = '其中：';

const cells: CellDef[] = [
  { row: 0, col: 0, content: { type: 'label', lines: ['部门名称'] } },
  { row: 0, col: 1, colSpan: 3, content: { type: 'field', field: 'department' } },

  { row: 1, col: 0, rowSpan: 6, content: { type: 'label', lines: ['年度预算申请', '（万元）'] } },
  { row: 1, col: 1, colSpan: 3, content: { type: 'field', field: 'total', label: '资金总额' } },
  { row: 2, col: 1, colSpan: 2, content: { type: 'field', field: 'incomeTotal', label: '按收入性质分' } },
  { row: 2, col: 3, content: { type: 'field', field: 'expenditureTotal', label: '按支出性质分' } },
  { row: 3, col: 1, colSpan: 2, content: { type: 'field', field: 'generalBudget', label: '一般公共预算拨款', lead: LEAD } },
  { row: 3, col: 3, content: { type: 'field', field: 'basicExpenditure', label: '基本支出', lead: LEAD } },
  { row: 4, col: 1, colSpan: 2, content: { type: 'field', field: 'govFund', label: '政府性基金拨款', indentLead: LEAD } },
  { row: 4, col: 3, content: { type: 'field', field: 'projectExpenditure', label: '项目支出', indentLead: LEAD } },
  { row: 5, col: 1, colSpan: 2, content: { type: 'field', field: 'specialNonTax', label: '纳入专户管理的非税收入拨款', indentLead: LEAD } },
  { row: 5, col: 3, content: { type: 'empty' } },
  { row: 6, col: 1, colSpan: 2, content: { type: 'field', field: 'otherFunds', label: '其他资金', indentLead: LEAD } },
  { row: 6, col: 3, content: { type: 'empty' } },

  { row: 7, col: 0, content: { type: 'label', lines: ['部门职能职责概述'] } },
  { row: 7, col: 1, colSpan: 3, content: { type: 'field', field: 'functions' } },
  { row: 8, col: 0, content: { type: 'label', lines: ['整体绩效目标'] } },
  { row: 8, col: 1, colSpan: 3, content: { type: 'field', field: 'overallGoal' } },

  { row: 9, col: 0, rowSpan: 2, content: { type: 'label', lines: ['部门整体支出', '年度绩效指标'] } },
  { row: 9, col: 1, content: { type: 'label', lines: ['产出指标'] } },
  { row: 9, col: 2, colSpan: 2, content: { type: 'field', field: 'output' } },
  { row: 10, col: 1, content: { type: 'label', lines: ['效益指标'] } },
  { row: 10, col: 2, colSpan: 2, content: { type: 'field', field: 'benefit' } },

  { row: 11, col: 0, content: { type: 'label', lines: ['审核意见'] } },
  {
    row: 11,
    col: 1,
    colSpan: 3,
    content: {
      type: 'field',
      field: 'reviewOpinion',
      footer: [
        { text: '（盖章）', align: 'right' },
        { text: '年　月　日', align: 'right' },
      ],
    },
  },
];

const short = { minHeight: 567, canSplit: false }; // 10 mm
const long = { minHeight: 1134, canSplit: true }; // 20 mm, grows with text

export const bumenZhengti2019: TemplateDef = {
  id: 'bumen-zhengti-2019',
  version: 1,
  name: '部门整体支出绩效目标申报表',
  fileName: '{year}年{department}部门整体支出绩效目标申报表',
  page: {
    widthTwips: 11906, // A4 210 mm
    heightTwips: 16838, // A4 297 mm
    marginsTwips: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  },
  fonts: { table: fangsong(12) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true },
    { id: 'unit', label: '填报单位', kind: 'text', required: true, aliases: ['填报单位（盖章）', '填报单位（公章）'] },
    { id: 'department', label: '部门名称', kind: 'text', required: true, aliases: ['部门（单位）名称', '单位名称', '部门(单位)名称'] },
    { id: 'total', label: '资金总额', kind: 'amount', required: true },
    { id: 'incomeTotal', label: '按收入性质分', kind: 'amount', sumOf: ['generalBudget', 'govFund', 'specialNonTax', 'otherFunds'] },
    { id: 'generalBudget', label: '一般公共预算拨款', kind: 'amount', aliases: ['公共财政拨款', '一般公共财政拨款', '公共预算拨款'] },
    { id: 'govFund', label: '政府性基金拨款', kind: 'amount' },
    { id: 'specialNonTax', label: '纳入专户管理的非税收入拨款', kind: 'amount', aliases: ['纳入专户管理的非税收入'] },
    { id: 'otherFunds', label: '其他资金', kind: 'amount' },
    { id: 'expenditureTotal', label: '按支出性质分', kind: 'amount', sumOf: ['basicExpenditure', 'projectExpenditure'] },
    { id: 'basicExpenditure', label: '基本支出', kind: 'amount' },
    { id: 'projectExpenditure', label: '项目支出', kind: 'amount' },
    { id: 'functions', label: '部门职能职责概述', kind: 'multiline', required: true, aliases: ['部门职能职责'] },
    { id: 'overallGoal', label: '整体绩效目标', kind: 'multiline', required: true },
    { id: 'output', label: '产出指标', kind: 'outputIndicators', required: true },
    { id: 'benefit', label: '效益指标', kind: 'benefitIndicators', required: true },
    { id: 'reviewOpinion', label: '审核意见', kind: 'multiline' },
    { id: 'filler', label: '填报人', kind: 'text', required: true },
    { id: 'phone', label: '联系电话', kind: 'phone', required: true },
    { id: 'fillDate', label: '填报日期', kind: 'date' },
  ],
  identity: { year: 'year', name: 'department', unit: 'unit', date: 'fillDate' },
  above: [
    {
      id: 'title',
      segments: [{ text: '部门整体支出绩效目标申报表' }],
      align: 'center',
      font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', sizePt: 22 },
      spaceAfterPt: 6,
    },
    {
      id: 'yearLine',
      segments: [{ text: '（ ' }, { field: 'year', minChars: 4 }, { text: ' 年度）' }],
      align: 'center',
      font: fangsong(16),
      spaceAfterPt: 6,
    },
    {
      id: 'unitLine',
      segments: [{ text: '填报单位（盖章）：' }, { field: 'unit' }],
      align: 'left',
      font: fangsong(14),
      spaceAfterPt: 4,
    },
  ],
  table: {
    columnsTwips: [1701, 1361, 2835, 2948], // 30 · 24 · 50 · 52 mm = 156 mm text block
    rows: [short, short, short, short, short, short, short, long, long, long, long, { minHeight: 1701, canSplit: false }],
    cells,
    borderPt: 0.5,
  },
  below: [
    {
      id: 'signLine',
      segments: [
        { text: '填报人：' },
        { field: 'filler' },
        { text: '　　联系电话：' },
        { field: 'phone' },
        { text: '　　填报日期：' },
        { field: 'fillDate' },
      ],
      align: 'left',
      font: fangsong(12),
    },
  ],
  equalities: [
    { a: 'incomeTotal', b: 'total', message: '按收入性质分合计应等于资金总额' },
    { a: 'expenditureTotal', b: 'total', message: '按支出性质分合计应等于资金总额' },
  ],
  extraChecks: bumenZhengtiChecks,
};
