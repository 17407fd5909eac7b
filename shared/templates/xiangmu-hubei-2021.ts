/**
 * 预算项目绩效信息表（预算编制阶段）, Hubei's project form of the budget-making stage (after
 * ../shared/forms/declarations-newer.md, D5; the system's own export `hbproyeargoalandindex.ftl`):
 * 项目名称 · 项目编码, 绩效目标, and an eight-column grid whose 指标值 is printed as three columns
 * 符号 | 值 | 计量单位 under one 指标值 heading, with 备注（指标解释等） and 指标值说明（评分标准等）.
 * The 成本 indicator 项目或定额成本控制率 `=100%` comes pre-filled, as the printed note says. The
 * printed form has no year and no unit line (the system knows both); this app needs them to file
 * the form, so they sit in two lines above the table. Landscape A4. Pure data.
 */
import { mm, type TemplateDef } from '../template/schema';
import { A4_LANDSCAPE, defaultIndicatorRows, fangsong, titleFont } from './parts/common';
import { qualityChecks } from './parts/quality';

const short = { minHeight: 567, canSplit: false };

/** The 成本 row the system fixes ("已固化"): the clerk keeps it and fills nothing else in it. */
export const HUBEI_FIXED_COST_ROW = {
  level1: '产出指标',
  level2: '成本指标',
  name: '项目或定额成本控制率',
  sign: '=',
  number: '100',
  unit: '%',
};

const BLOCK = { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'number', comparator: 'sign', unit: 'unit' };

export const xiangmuHubei2021: TemplateDef = {
  id: 'xiangmu-hubei-2021',
  version: 1,
  title: '预算项目绩效信息表（预算编制阶段）',
  /** What cross-form rules of other templates name (shared/template/roles.ts). */
  role: 'project',
  description: '每个项目一份：绩效目标和八栏绩效指标（指标值分符号、值、计量单位三栏，含指标解释和评分标准；湖北预算编制阶段版式，横排）',
  fileName: '{year}年{projectName}预算项目绩效信息表',
  page: A4_LANDSCAPE,
  fonts: { table: fangsong(10) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true },
    { id: 'agency', label: '预算单位', kind: 'text', required: true, aliases: ['单位名称', '项目单位', '实施单位'], newYear: 'carry' },
    { id: 'projectName', label: '项目名称', kind: 'text', required: true, newYear: 'carry' },
    { id: 'projectCode', label: '项目编码', kind: 'text', aliases: ['项目代码'], newYear: 'carry' },
    { id: 'goal', label: '绩效目标', kind: 'multiline', required: true, aliases: ['年度绩效目标', '年度目标'], newYear: 'moveYear' },
  ],
  groups: [
    {
      id: 'indicators',
      label: '绩效指标',
      columns: [
        { id: 'level1', label: '一级指标', kind: 'text', merge: {}, newYear: 'carry' },
        { id: 'level2', label: '二级指标', kind: 'text', merge: { within: ['level1'] }, newYear: 'carry' },
        { id: 'name', label: '三级指标', printed: '*三级指标', kind: 'text', newYear: 'carry' },
        { id: 'sign', label: '符号', printed: '*符号', kind: 'comparator', aliases: ['计算符号', '指标性质'], newYear: 'carry' },
        { id: 'number', label: '值', printed: '*值', kind: 'text', newYear: 'moveYear' },
        { id: 'unit', label: '计量单位', kind: 'unit', aliases: ['度量单位', '计算单位'], newYear: 'carry' },
        {
          id: 'explain',
          label: '指标解释',
          printed: '备注（指标解释等）',
          kind: 'multiline',
          aliases: ['备注（指标解释等）', '备注', '绩效指标说明'],
          newYear: 'carry',
        },
        {
          id: 'standard',
          label: '评分标准',
          printed: '指标值说明（评分标准等）',
          kind: 'multiline',
          aliases: ['指标值说明（评分标准等）', '指标值说明', '评（扣）分标准'],
          newYear: 'carry',
        },
      ],
      cells: [
        { column: 'level1', col: 0, align: 'center' },
        { column: 'level2', col: 1, align: 'center' },
        { column: 'name', col: 2 },
        { column: 'sign', col: 3, align: 'center' },
        { column: 'number', col: 4, align: 'right' },
        { column: 'unit', col: 5, align: 'center' },
        { column: 'explain', col: 6 },
        { column: 'standard', col: 7 },
      ],
      defaultRows: defaultIndicatorRows('level1', ['level2']),
      // The printed note: the system fixes this 成本 indicator and its =100%; the clerk may not delete it.
      fixedRows: [{ values: HUBEI_FIXED_COST_ROW, locked: ['level1', 'level2', 'name', 'sign'] }],
      indicators: [{ level1: 'level1', level2: 'level2', name: 'name', value: 'number', comparator: 'sign', unit: 'unit' }],
      minRows: 1,
      maxRows: 500,
      row: { minHeight: 454, canSplit: false },
      newYear: 'carry',
    },
  ],
  identity: { year: 'year', key: ['agency', 'projectName'], title: ['projectName'], unit: 'agency' },
  above: [
    {
      id: 'title',
      role: 'title',
      segments: [{ text: '预算项目绩效信息表（预算编制阶段）' }],
      align: 'center',
      font: titleFont(16),
      spaceAfterPt: 6,
    },
    {
      id: 'yearLine',
      segments: [{ text: '（' }, { field: 'year', minChars: 4 }, { text: '年度）' }],
      align: 'center',
      font: fangsong(12),
      spaceAfterPt: 4,
    },
    {
      id: 'agencyLine',
      segments: [{ text: '预算单位：' }, { field: 'agency', minChars: 12 }],
      align: 'left',
      font: fangsong(12),
      spaceAfterPt: 4,
    },
  ],
  table: {
    // 253 mm of landscape text width: 一级 20 · 二级 26 · 三级 42 · 符号 14 · 值 22 · 单位 17 · 解释 57 · 评分 55
    // (值 is not 18 mm: the .xlsx export now drops a column of exactly Excel's default width, 9 characters — reported).
    columnsTwips: [mm(20), mm(26), mm(42), mm(14), mm(22), mm(17), mm(57), mm(55)],
    rows: [
      short,
      { minHeight: 1134, canSplit: true },
      { ...short, repeatHeader: true },
      { ...short, repeatHeader: true },
      { group: 'indicators' },
    ],
    borderPt: 0.5,
    cells: [
      { row: 0, col: 0, content: { type: 'label', of: { field: 'projectName' } }, align: 'center' },
      { row: 0, col: 1, colSpan: 3, content: { type: 'field', field: 'projectName' } },
      { row: 0, col: 4, colSpan: 2, content: { type: 'label', of: { field: 'projectCode' } }, align: 'center' },
      { row: 0, col: 6, colSpan: 2, content: { type: 'field', field: 'projectCode' } },
      { row: 1, col: 0, content: { type: 'label', of: { field: 'goal' } }, align: 'center' },
      { row: 1, col: 1, colSpan: 7, content: { type: 'field', field: 'goal' } },
      { row: 2, col: 0, rowSpan: 2, content: { type: 'label', of: { group: 'indicators', column: 'level1' } }, align: 'center' },
      { row: 2, col: 1, rowSpan: 2, content: { type: 'label', of: { group: 'indicators', column: 'level2' } }, align: 'center' },
      { row: 2, col: 2, rowSpan: 2, content: { type: 'label', of: { group: 'indicators', column: 'name' } }, align: 'center' },
      { row: 2, col: 3, colSpan: 3, content: { type: 'label', lines: ['指标值'] }, align: 'center' },
      { row: 2, col: 6, rowSpan: 2, content: { type: 'label', of: { group: 'indicators', column: 'explain' } }, align: 'center' },
      { row: 2, col: 7, rowSpan: 2, content: { type: 'label', of: { group: 'indicators', column: 'standard' } }, align: 'center' },
      { row: 3, col: 3, content: { type: 'label', of: { group: 'indicators', column: 'sign' } }, align: 'center' },
      { row: 3, col: 4, content: { type: 'label', of: { group: 'indicators', column: 'number' } }, align: 'center' },
      { row: 3, col: 5, content: { type: 'label', of: { group: 'indicators', column: 'unit' } }, align: 'center' },
    ],
  },
  below: [
    { id: 'note1', segments: [{ text: '备注：' }], align: 'left', font: fangsong(10) },
    {
      id: 'note2',
      segments: [
        {
          text: '1.成本指标的三级指标系统已固化“项目或定额成本控制率”指标及指标值（=100%）等，不能删除这项指标。通常情况下不需要再增加其他成本指标。',
        },
      ],
      align: 'left',
      font: fangsong(10),
    },
    { id: 'note3', segments: [{ text: '2.如确需有其他特殊定额成本，再另增加相应成本指标。' }], align: 'left', font: fangsong(10) },
  ],
  rules: [
    { type: 'check', check: 'sameAsLastYear', params: { field: 'goal' } },
    { type: 'check', check: 'targetCopiedDespiteActual', params: { group: 'indicators', name: 'name' } },
    { type: 'check', check: 'fixedRowsKept', params: { group: 'indicators', name: 'name' } },
    {
      type: 'rowRequires',
      group: 'indicators',
      column: 'sign',
      when: ['name'],
      message: '写了三级指标的行要选择符号（≥、≤、=、＞、＜ 或 定性）',
    },
    { type: 'rowRequires', group: 'indicators', column: 'number', when: ['name'], message: '写了三级指标的行要填写值' },
    { type: 'rowRequires', group: 'indicators', column: 'name', when: ['number'], message: '填了值的行要写明三级指标' },
    ...qualityChecks(BLOCK),
  ],
  // No money on this form: its 汇总 counts forms and lists indicators (值, with 符号 and 计量单位 beside it).
  summary: {
    money: [],
    goal: 'goal',
    indicators: { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'number' },
  },
};
