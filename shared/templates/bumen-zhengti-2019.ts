/**
 * 部门整体支出绩效目标申报表 (2019 layout), after ../shared/forms/bumen-zhengti-2019.md.
 * Label texts are as seen on the filled 2019 form; grid, widths, fonts and margins are
 * inferred (GB/T 9704) and live only here, so they are easy to adjust. Pure data.
 */
import { mm, type CellDef, type FontSpec, type TemplateDef } from '../template/schema';

const fangsong = (sizePt: number): FontSpec => ({ eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', sizePt });

/** "其中：" leads the first sub-item of each budget column; later ones line up under it. */
const LEAD = '其中：';

const cells: CellDef[] = [
  { row: 0, col: 0, content: { type: 'label', of: { field: 'department' } } },
  { row: 0, col: 1, colSpan: 3, content: { type: 'field', field: 'department' } },

  { row: 1, col: 0, rowSpan: 6, content: { type: 'label', lines: ['年度预算申请', '（万元）'] } },
  { row: 1, col: 1, colSpan: 3, content: { type: 'field', field: 'total', showLabel: true } },
  { row: 2, col: 1, colSpan: 2, content: { type: 'field', field: 'incomeTotal', showLabel: true } },
  { row: 2, col: 3, content: { type: 'field', field: 'expenditureTotal', showLabel: true } },
  { row: 3, col: 1, colSpan: 2, content: { type: 'field', field: 'generalBudget', showLabel: true, lead: LEAD } },
  { row: 3, col: 3, content: { type: 'field', field: 'basicExpenditure', showLabel: true, lead: LEAD } },
  { row: 4, col: 1, colSpan: 2, content: { type: 'field', field: 'govFund', showLabel: true, indentLead: LEAD } },
  { row: 4, col: 3, content: { type: 'field', field: 'projectExpenditure', showLabel: true, indentLead: LEAD } },
  { row: 5, col: 1, colSpan: 2, content: { type: 'field', field: 'specialNonTax', showLabel: true, indentLead: LEAD } },
  { row: 5, col: 3, content: { type: 'empty' } },
  { row: 6, col: 1, colSpan: 2, content: { type: 'field', field: 'otherFunds', showLabel: true, indentLead: LEAD } },
  { row: 6, col: 3, content: { type: 'empty' } },

  { row: 7, col: 0, content: { type: 'label', of: { field: 'functions' } } },
  { row: 7, col: 1, colSpan: 3, content: { type: 'field', field: 'functions' } },
  { row: 8, col: 0, content: { type: 'label', of: { field: 'overallGoal' } } },
  { row: 8, col: 1, colSpan: 3, content: { type: 'field', field: 'overallGoal' } },

  { row: 9, col: 0, rowSpan: 2, content: { type: 'label', lines: ['部门整体支出', '年度绩效指标'] } },
  { row: 9, col: 1, content: { type: 'label', of: { field: 'output' } } },
  { row: 9, col: 2, colSpan: 2, content: { type: 'field', field: 'output' } },
  { row: 10, col: 1, content: { type: 'label', of: { field: 'benefit' } } },
  { row: 10, col: 2, colSpan: 2, content: { type: 'field', field: 'benefit' } },

  { row: 11, col: 0, content: { type: 'label', of: { field: 'reviewOpinion' } } },
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

const BUDGET = ['total', 'generalBudget', 'govFund', 'specialNonTax', 'otherFunds', 'basicExpenditure', 'projectExpenditure'];

export const bumenZhengti2019: TemplateDef = {
  id: 'bumen-zhengti-2019',
  version: 2,
  title: '部门整体支出绩效目标申报表',
  /** What cross-form rules of other templates name (shared/template/roles.ts). */
  role: 'department',
  description: '部门（单位）全年预算与整体绩效目标；产出指标、效益指标分条书写（2019 年县级版式）',
  fileName: '{year}年{department}部门整体支出绩效目标申报表',
  page: {
    widthTwips: 11906, // A4 210 mm
    heightTwips: 16838, // A4 297 mm
    marginsTwips: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  },
  fonts: { table: fangsong(12) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true },
    { id: 'unit', label: '填报单位', kind: 'text', required: true, aliases: ['填报单位（盖章）', '填报单位（公章）'], newYear: 'carry' },
    {
      id: 'department',
      label: '部门名称',
      kind: 'text',
      required: true,
      aliases: ['部门（单位）名称', '单位名称', '部门(单位)名称'],
      newYear: 'carry',
    },
    { id: 'total', label: '资金总额', kind: 'amount', required: true },
    {
      id: 'incomeTotal',
      label: '按收入性质分',
      kind: 'amount',
      compute: { sum: ['generalBudget', 'govFund', 'specialNonTax', 'otherFunds'] },
    },
    { id: 'generalBudget', label: '一般公共预算拨款', kind: 'amount', aliases: ['公共财政拨款', '一般公共财政拨款', '公共预算拨款'] },
    { id: 'govFund', label: '政府性基金拨款', kind: 'amount' },
    { id: 'specialNonTax', label: '纳入专户管理的非税收入拨款', kind: 'amount', aliases: ['纳入专户管理的非税收入'] },
    { id: 'otherFunds', label: '其他资金', kind: 'amount' },
    { id: 'expenditureTotal', label: '按支出性质分', kind: 'amount', compute: { sum: ['basicExpenditure', 'projectExpenditure'] } },
    { id: 'basicExpenditure', label: '基本支出', kind: 'amount' },
    { id: 'projectExpenditure', label: '项目支出', kind: 'amount' },
    { id: 'functions', label: '部门职能职责概述', kind: 'multiline', required: true, aliases: ['部门职能职责'], newYear: 'moveYear' },
    { id: 'overallGoal', label: '整体绩效目标', kind: 'multiline', required: true, newYear: 'moveYear' },
    { id: 'output', label: '产出指标', kind: 'outputIndicators', required: true, newYear: 'moveYear' },
    { id: 'benefit', label: '效益指标', kind: 'benefitIndicators', required: true, newYear: 'moveYear' },
    { id: 'reviewOpinion', label: '审核意见', kind: 'multiline' },
    { id: 'filler', label: '填报人', kind: 'text', required: true },
    { id: 'phone', label: '联系电话', kind: 'phone', required: true },
    { id: 'fillDate', label: '填报日期', kind: 'date' },
  ],
  identity: { year: 'year', key: ['department'], title: ['department'], unit: 'department', date: 'fillDate' },
  above: [
    {
      id: 'title',
      role: 'title',
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
        // One ideographic space between the parts: with two, a four-character name, an 11-digit
        // phone and a full date filled the 156 mm line to its last character and 日 wrapped.
        { text: '填报人：' },
        { field: 'filler' },
        { text: '　联系电话：' },
        { field: 'phone' },
        { text: '　填报日期：' },
        { field: 'fillDate' },
      ],
      align: 'left',
      font: fangsong(12),
    },
  ],
  rules: [
    { type: 'equal', a: 'incomeTotal', b: 'total', message: '按收入性质分合计应等于资金总额' },
    { type: 'equal', a: 'expenditureTotal', b: 'total', message: '按支出性质分合计应等于资金总额' },
    { type: 'check', check: 'outputCostAmounts', params: { field: 'output', budget: BUDGET } },
    { type: 'check', check: 'outputTimelinessYear', params: { field: 'output' } },
    { type: 'check', check: 'outputQuantityNumbers', params: { field: 'output' } },
    {
      type: 'crossEqual',
      field: 'total',
      roles: ['department'],
      otherField: 'sumTotal',
      message: '资金总额应与同年度部门（单位）整体支出绩效目标申报表的金额合计（总额）一致',
      severity: 'warning',
    },
    {
      type: 'crossSumAtMost',
      field: 'projectExpenditure',
      roles: ['project'],
      otherField: 'total',
      message: '本单位各项目的年度资金总额之和不应超过项目支出',
      severity: 'warning',
    },
  ],
  // 资金总额, the four income lines, then the two expenditure lines; the two computed 按…分 sums repeat 资金总额.
  summary: { money: BUDGET, goal: 'overallGoal' },
};
