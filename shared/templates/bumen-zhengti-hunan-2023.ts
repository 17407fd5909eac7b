/**
 * 整体绩效目标表 of a 2023 Hunan district (after ../shared/forms/bumen-zhengti-grid.md, section B):
 * the unit's duties and overall goal, then a 9-column indicator grid whose starred columns are
 * required and whose 指标值类型 says whether the 指标值 is a number (its unit in its own column).
 * Landscape A4, because nine columns do not fit a portrait page. Pure data.
 */
import { mm, type TemplateDef } from '../template/schema';
import { A4_LANDSCAPE, defaultIndicatorRows, fangsong, titleFont } from './parts/common';

const short = { minHeight: 567, canSplit: false };

export const bumenZhengtiHunan2023: TemplateDef = {
  id: 'bumen-zhengti-hunan-2023',
  version: 1,
  title: '整体绩效目标表',
  /** What cross-form rules of other templates name (shared/template/roles.ts). */
  role: 'department',
  description:
    '部门（单位）整体：职责、年度总体绩效目标和九栏绩效指标（含指标值类型、计量单位、指标解释、评分标准；2023 年湖南版式，横排）',
  fileName: '{department}{year}年度整体绩效目标表',
  page: A4_LANDSCAPE,
  fonts: { table: fangsong(10.5) },
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
    {
      id: 'duties',
      label: '部门（单位）职责',
      printed: '*部门（单位）职责',
      kind: 'multiline',
      required: true,
      aliases: ['部门职责', '单位职责'],
      newYear: 'carry',
    },
    {
      id: 'goal',
      label: '年度总体绩效目标',
      printed: '*年度总体绩效目标',
      kind: 'multiline',
      required: true,
      aliases: ['年度总体目标', '整体绩效目标'],
      newYear: 'moveYear',
    },
  ],
  groups: [
    {
      id: 'indicators',
      label: '绩效指标',
      columns: [
        { id: 'level1', label: '一级指标', kind: 'text', merge: {}, newYear: 'carry' },
        { id: 'level2', label: '二级指标', kind: 'text', merge: { within: ['level1'] }, newYear: 'carry' },
        { id: 'name', label: '三级指标', kind: 'text', newYear: 'carry' },
        { id: 'valueType', label: '指标值类型', kind: 'choice', options: ['定量', '定性'], newYear: 'carry' },
        { id: 'value', label: '指标值', printed: '*指标值', kind: 'text', required: true, newYear: 'moveYear' },
        { id: 'unit', label: '计量单位', kind: 'text', aliases: ['度量单位'], newYear: 'carry' },
        { id: 'explanation', label: '指标解释', printed: '*指标解释', kind: 'multiline', required: true, newYear: 'carry' },
        {
          id: 'scoring',
          label: '评（扣）分标准',
          printed: '*评（扣）分标准',
          kind: 'multiline',
          required: true,
          aliases: ['评分标准', '扣分标准'],
          newYear: 'carry',
        },
        { id: 'remark', label: '备注', kind: 'text', newYear: 'carry' },
      ],
      cells: [
        { column: 'level1', col: 0, align: 'center' },
        { column: 'level2', col: 1, align: 'center' },
        { column: 'name', col: 2 },
        { column: 'valueType', col: 3, align: 'center' },
        { column: 'value', col: 4, align: 'center' },
        { column: 'unit', col: 5, align: 'center' },
        { column: 'explanation', col: 6 },
        { column: 'scoring', col: 7 },
        { column: 'remark', col: 8 },
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
      segments: [{ field: 'department', minChars: 8, echo: true }, { field: 'year', minChars: 4 }, { text: '年度整体绩效目标表' }],
      align: 'center',
      font: titleFont(18),
      spaceAfterPt: 8,
    },
  ],
  table: {
    // 253 mm of landscape text width: 一级 20 · 二级 22 · 三级 36 · 类型 16 · 指标值 24 · 单位 16 · 解释 50 · 评分 45 · 备注 24.
    columnsTwips: [mm(20), mm(22), mm(36), mm(16), mm(24), mm(16), mm(50), mm(45), mm(24)],
    rows: [
      short,
      { minHeight: 1134, canSplit: true },
      { minHeight: 1134, canSplit: true },
      short,
      { ...short, repeatHeader: true },
      { group: 'indicators' },
    ],
    borderPt: 0.5,
    cells: [
      { row: 0, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'department' } } },
      { row: 0, col: 2, colSpan: 7, content: { type: 'field', field: 'department' } },
      { row: 1, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'duties' } } },
      { row: 1, col: 2, colSpan: 7, content: { type: 'field', field: 'duties' } },
      { row: 2, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'goal' } } },
      { row: 2, col: 2, colSpan: 7, content: { type: 'field', field: 'goal' } },
      { row: 3, col: 0, colSpan: 9, content: { type: 'label', of: { group: 'indicators' } } },
      { row: 4, col: 0, content: { type: 'label', of: { group: 'indicators', column: 'level1' } } },
      { row: 4, col: 1, content: { type: 'label', of: { group: 'indicators', column: 'level2' } } },
      { row: 4, col: 2, content: { type: 'label', of: { group: 'indicators', column: 'name' } } },
      { row: 4, col: 3, content: { type: 'label', of: { group: 'indicators', column: 'valueType' } } },
      { row: 4, col: 4, content: { type: 'label', of: { group: 'indicators', column: 'value' } } },
      { row: 4, col: 5, content: { type: 'label', of: { group: 'indicators', column: 'unit' } } },
      { row: 4, col: 6, content: { type: 'label', of: { group: 'indicators', column: 'explanation' } } },
      { row: 4, col: 7, content: { type: 'label', of: { group: 'indicators', column: 'scoring' } } },
      { row: 4, col: 8, content: { type: 'label', of: { group: 'indicators', column: 'remark' } } },
    ],
  },
  below: [],
  rules: [
    { type: 'check', check: 'sameAsLastYear', params: { field: 'goal' } },
    { type: 'check', check: 'targetCopiedDespiteActual', params: { group: 'indicators', name: 'name' } },
    {
      type: 'check',
      check: 'levelsFilled',
      params: { group: 'indicators', level: 'level1', name: 'name', levels: ['产出指标', '效益指标', '满意度指标'] },
    },
    { type: 'rowRequires', group: 'indicators', column: 'name', when: ['value'], message: '填了指标值的行要写明三级指标' },
    { type: 'rowRequires', group: 'indicators', column: 'valueType', when: ['value'], message: '请选择指标值类型（定量或定性）' },
    { type: 'check', check: 'quantitativeIsNumber', params: { group: 'indicators', type: 'valueType', when: '定量', value: 'value' } },
    { type: 'check', check: 'yearInDeadline', params: { group: 'indicators', level2: 'level2', names: ['时效指标'], value: 'value' } },
  ],
  // No money on this form: its 汇总 counts forms and lists indicators.
  summary: {
    money: [],
    goal: 'goal',
    indicators: { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'value' },
  },
};
