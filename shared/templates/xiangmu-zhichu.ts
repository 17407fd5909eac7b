/**
 * 项目支出绩效目标表, county single-year layout (after ../shared/forms/xiangmu-zhichu.md, section A):
 * the project's particulars, its money, its 年度目标 and the 一级/二级/三级/指标值 grid, one per
 * project. Widths, fonts and margins are inferred and live only here. Pure data.
 */
import { mm, type TemplateDef } from '../template/schema';
import { A4_PORTRAIT, defaultIndicatorRows, fangsong, indicatorChecks, titleFont } from './parts/common';
import { named, projectIdentityFields } from './parts/project';

const short = { minHeight: 567, canSplit: false };

export const xiangmuZhichu: TemplateDef = {
  id: 'xiangmu-zhichu',
  version: 1,
  title: '项目支出绩效目标表',
  /** What cross-form rules of other templates name (shared/template/roles.ts). */
  role: 'project',
  description: '每个项目一份：项目资金与年度目标，绩效指标按一级、二级、三级指标逐行填写（县级单年度版式）',
  fileName: '{year}年{projectName}项目支出绩效目标表',
  page: A4_PORTRAIT,
  fonts: { table: fangsong(12) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true },
    ...projectIdentityFields(),
    { id: 'attribute', label: '项目属性', kind: 'text', aliases: ['项目来源'], newYear: 'carry' },
    { id: 'period', label: '项目期', kind: 'text', aliases: ['项目周期', '实施期限', '项目起止时间', '建设周期'], newYear: 'carry' },
    { id: 'total', ...named('total'), printed: '年度资金总额：', kind: 'amount', required: true },
    { id: 'fiscal', ...named('fiscal'), kind: 'amount' },
    { id: 'other', ...named('other'), kind: 'amount' },
    {
      id: 'goal',
      label: '年度目标',
      kind: 'multiline',
      required: true,
      aliases: ['总体目标', '年度绩效目标', '年度主要目标和成果'],
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
        { id: 'name', label: '三级指标', kind: 'text', newYear: 'carry', aliases: ['指标内容', '三级指标名称'] },
        {
          id: 'value',
          label: '指标值',
          kind: 'text',
          newYear: 'moveYear',
          aliases: ['指标值（目标值）', '目标值', '指标值（或计划水平）'],
        },
      ],
      cells: [
        { column: 'level1', col: 1, align: 'center' },
        { column: 'level2', col: 2, align: 'center' },
        { column: 'name', col: 3 },
        { column: 'value', col: 4, align: 'center' },
      ],
      defaultRows: defaultIndicatorRows('level1', ['level2']),
      indicators: [{ level1: 'level1', level2: 'level2', name: 'name', value: 'value' }],
      minRows: 1,
      maxRows: 500,
      row: { minHeight: 454, canSplit: false },
      newYear: 'carry',
    },
  ],
  identity: { year: 'year', key: ['unit', 'projectName'], title: ['projectName'], unit: 'unit' },
  above: [
    { id: 'title', role: 'title', segments: [{ text: '项目支出绩效目标表' }], align: 'center', font: titleFont(20), spaceAfterPt: 6 },
    {
      id: 'yearLine',
      segments: [{ text: '（' }, { field: 'year', minChars: 4 }, { text: '年度）' }],
      align: 'center',
      font: fangsong(16),
      spaceAfterPt: 6,
    },
  ],
  table: {
    columnsTwips: [mm(22), mm(26), mm(34), mm(44), mm(30)],
    rows: [
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
      { row: 0, col: 1, colSpan: 4, content: { type: 'field', field: 'projectName' } },
      { row: 1, col: 0, content: { type: 'label', of: { field: 'department' } } },
      { row: 1, col: 1, colSpan: 2, content: { type: 'field', field: 'department' } },
      { row: 1, col: 3, content: { type: 'label', of: { field: 'unit' } } },
      { row: 1, col: 4, content: { type: 'field', field: 'unit' } },
      { row: 2, col: 0, content: { type: 'label', of: { field: 'attribute' } } },
      { row: 2, col: 1, colSpan: 2, content: { type: 'field', field: 'attribute' } },
      { row: 2, col: 3, content: { type: 'label', of: { field: 'period' } } },
      { row: 2, col: 4, content: { type: 'field', field: 'period' } },
      { row: 3, col: 0, rowSpan: 3, content: { type: 'label', lines: ['项目资金', '（万元）'] } },
      { row: 3, col: 1, colSpan: 2, content: { type: 'label', of: { field: 'total' } } },
      { row: 3, col: 3, colSpan: 2, content: { type: 'field', field: 'total' }, align: 'center' },
      { row: 4, col: 1, colSpan: 2, content: { type: 'label', of: { field: 'fiscal' }, lead: '其中：' } },
      { row: 4, col: 3, colSpan: 2, content: { type: 'field', field: 'fiscal' }, align: 'center' },
      { row: 5, col: 1, colSpan: 2, content: { type: 'label', of: { field: 'other' } } },
      { row: 5, col: 3, colSpan: 2, content: { type: 'field', field: 'other' }, align: 'center' },
      { row: 6, col: 0, content: { type: 'label', of: { field: 'goal' } } },
      { row: 6, col: 1, colSpan: 4, content: { type: 'field', field: 'goal' } },
      { row: 7, col: 0, rowSpan: 2, content: { type: 'label', of: { group: 'indicators' } } },
      { row: 7, col: 1, content: { type: 'label', of: { group: 'indicators', column: 'level1' } } },
      { row: 7, col: 2, content: { type: 'label', of: { group: 'indicators', column: 'level2' } } },
      { row: 7, col: 3, content: { type: 'label', of: { group: 'indicators', column: 'name' } } },
      { row: 7, col: 4, content: { type: 'label', of: { group: 'indicators', column: 'value' } } },
    ],
  },
  below: [
    {
      id: 'note',
      segments: [{ text: '注：“其他资金”是指与财政拨款共同用于同一项目的单位自有资金、社会资金等。' }],
      align: 'left',
      font: fangsong(10.5),
    },
  ],
  rules: [
    { type: 'check', check: 'sameAsLastYear', params: { field: 'goal' } },
    { type: 'check', check: 'targetCopiedDespiteActual', params: { group: 'indicators', name: 'name' } },
    { type: 'sum', total: 'total', parts: ['fiscal', 'other'], message: '年度资金总额应等于财政拨款与其他资金之和' },
    ...indicatorChecks({ group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'value', total: 'total' }),
  ],
  summary: {
    money: ['total', 'fiscal', 'other'],
    parent: 'department',
    goal: 'goal',
    indicators: { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'value' },
  },
};
