/**
 * 项目支出绩效目标调整表 (../shared/forms/cycle.md §1, Anhui `ahxmmbtzb.ftl`): the project's
 * declaration reprinted with its money as adjusted and, per indicator row, 数据状态 (新增 / 修改 /
 * 删除, blank = unchanged), the declared 指标值 and the 调整后指标值. It follows a project
 * declaration: `new-stage` fills it from there (`seed`), the declared 指标值 is locked, and the
 * rows' current targets (调整后指标值, else 指标值; 删除 rows left out) are what a later 监控 or
 * 自评 takes (`current`). Widths are inferred. Pure data.
 */
import { mm, type TemplateDef } from '../template/schema';
import { A4_PORTRAIT, fangsong, titleFont } from './parts/common';

const short = { minHeight: 567, canSplit: false };

export const xiangmuTiaozheng: TemplateDef = {
  id: 'xiangmu-tiaozheng',
  version: 1,
  title: '项目支出绩效目标调整表',
  role: 'projectAdjustment',
  follows: 'project',
  description: '项目年度中资金或目标调整时填写：由项目支出绩效目标表生成，逐行写明数据状态与调整后指标值',
  fileName: '{year}年{projectName}项目支出绩效目标调整表',
  page: A4_PORTRAIT,
  fonts: { table: fangsong(11) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true, seed: { from: 'year' }, locked: true },
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
    { id: 'source', label: '项目来源', kind: 'text', aliases: ['项目属性'], newYear: 'carry', seed: { labels: ['项目来源', '项目属性'] } },
    { id: 'period', label: '项目期', kind: 'text', newYear: 'carry', seed: { labels: ['项目期', '项目周期', '实施期限'] } },
    {
      id: 'total',
      label: '年度资金总额',
      printed: '年度资金总额：',
      kind: 'amount',
      required: true,
      compute: { sum: ['fiscal', 'carried', 'other'] },
    },
    { id: 'fiscal', label: '财政拨款', kind: 'amount', seed: { labels: ['财政拨款', '年度财政拨款', '本年财政拨款'] } },
    { id: 'carried', label: '上年结转', kind: 'amount', seed: { labels: ['上年结转', '上年结转资金'] } },
    { id: 'other', label: '其他资金', kind: 'amount', seed: { labels: ['其他资金', '年度其他资金'] } },
    { id: 'goal', label: '年度目标', kind: 'multiline', required: true, newYear: 'moveYear', seed: { from: 'goal' } },
  ],
  groups: [
    {
      id: 'indicators',
      label: '绩效指标',
      columns: [
        { id: 'level1', label: '一级指标', kind: 'text', merge: {}, newYear: 'carry' },
        { id: 'level2', label: '二级指标', kind: 'text', merge: { within: ['level1'] }, newYear: 'carry' },
        { id: 'status', label: '数据状态', kind: 'choice', options: ['新增', '修改', '删除'] },
        { id: 'name', label: '三级指标', kind: 'text', newYear: 'carry' },
        { id: 'value', label: '指标值', kind: 'text', newYear: 'moveYear', locked: true },
        { id: 'adjusted', label: '调整后指标值', kind: 'text' },
      ],
      cells: [
        { column: 'level1', col: 1, align: 'center' },
        { column: 'level2', col: 2, align: 'center' },
        { column: 'status', col: 3, align: 'center' },
        { column: 'name', col: 4 },
        { column: 'value', col: 5, align: 'center' },
        { column: 'adjusted', col: 6, align: 'center' },
      ],
      seed: { indicators: { level1: 'level1', level2: 'level2', name: 'name', value: 'value' } },
      current: {
        level1: 'level1',
        level2: 'level2',
        name: 'name',
        value: 'adjusted',
        orElse: 'value',
        skip: { column: 'status', values: ['删除'] },
      },
      minRows: 1,
      maxRows: 500,
      row: { minHeight: 454, canSplit: false },
      newYear: 'carry',
    },
  ],
  identity: { year: 'year', key: ['unit', 'projectName'], title: ['projectName'], unit: 'unit' },
  above: [
    { id: 'title', role: 'title', segments: [{ text: '项目支出绩效目标调整表' }], align: 'center', font: titleFont(20), spaceAfterPt: 6 },
    {
      id: 'yearLine',
      segments: [{ text: '（' }, { field: 'year', minChars: 4 }, { text: '年度）' }],
      align: 'center',
      font: fangsong(16),
      spaceAfterPt: 6,
    },
  ],
  table: {
    columnsTwips: [mm(19), mm(20), mm(22), mm(16), mm(37), mm(22), mm(20)],
    rows: [
      short,
      short,
      short,
      short,
      short,
      short,
      short,
      { minHeight: 1134, canSplit: true },
      { ...short, repeatHeader: true },
      { group: 'indicators' },
    ],
    borderPt: 0.5,
    cells: [
      { row: 0, col: 0, content: { type: 'label', of: { field: 'projectName' } } },
      { row: 0, col: 1, colSpan: 6, content: { type: 'field', field: 'projectName' } },
      { row: 1, col: 0, content: { type: 'label', of: { field: 'department' } } },
      { row: 1, col: 1, colSpan: 3, content: { type: 'field', field: 'department' } },
      { row: 1, col: 4, content: { type: 'label', of: { field: 'unit' } } },
      { row: 1, col: 5, colSpan: 2, content: { type: 'field', field: 'unit' } },
      { row: 2, col: 0, content: { type: 'label', of: { field: 'source' } } },
      { row: 2, col: 1, colSpan: 3, content: { type: 'field', field: 'source' } },
      { row: 2, col: 4, content: { type: 'label', of: { field: 'period' } } },
      { row: 2, col: 5, colSpan: 2, content: { type: 'field', field: 'period' } },
      { row: 3, col: 0, rowSpan: 4, content: { type: 'label', lines: ['项目资金', '（万元）'] } },
      { row: 3, col: 1, colSpan: 3, content: { type: 'label', of: { field: 'total' } } },
      { row: 3, col: 4, colSpan: 3, content: { type: 'field', field: 'total' }, align: 'center' },
      { row: 4, col: 1, colSpan: 3, content: { type: 'label', of: { field: 'fiscal' }, lead: '其中：' } },
      { row: 4, col: 4, colSpan: 3, content: { type: 'field', field: 'fiscal' }, align: 'center' },
      { row: 5, col: 1, colSpan: 3, content: { type: 'label', of: { field: 'carried' } } },
      { row: 5, col: 4, colSpan: 3, content: { type: 'field', field: 'carried' }, align: 'center' },
      { row: 6, col: 1, colSpan: 3, content: { type: 'label', of: { field: 'other' } } },
      { row: 6, col: 4, colSpan: 3, content: { type: 'field', field: 'other' }, align: 'center' },
      { row: 7, col: 0, content: { type: 'label', of: { field: 'goal' } } },
      { row: 7, col: 1, colSpan: 6, content: { type: 'field', field: 'goal' } },
      { row: 8, col: 0, rowSpan: 2, content: { type: 'label', of: { group: 'indicators' } } },
      { row: 8, col: 1, content: { type: 'label', of: { group: 'indicators', column: 'level1' } } },
      { row: 8, col: 2, content: { type: 'label', of: { group: 'indicators', column: 'level2' } } },
      { row: 8, col: 3, content: { type: 'label', of: { group: 'indicators', column: 'status' } } },
      { row: 8, col: 4, content: { type: 'label', of: { group: 'indicators', column: 'name' } } },
      { row: 8, col: 5, content: { type: 'label', of: { group: 'indicators', column: 'value' } } },
      { row: 8, col: 6, content: { type: 'label', of: { group: 'indicators', column: 'adjusted' } } },
    ],
  },
  below: [
    {
      id: 'note',
      segments: [{ text: '注：数据状态填“新增”“修改”或“删除”，未调整的指标留空；标为“删除”的指标仍然列出，但不再作为绩效目标。' }],
      align: 'left',
      font: fangsong(10.5),
    },
  ],
  rules: [],
  summary: {
    money: ['total', 'fiscal', 'carried', 'other'],
    parent: 'department',
    goal: 'goal',
    indicators: { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'value' },
  },
};
