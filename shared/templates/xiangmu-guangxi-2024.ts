/**
 * 年度部门预算项目支出绩效目标申报表, Guangxi's 2024 project form (after
 * ../shared/forms/declarations-newer.md, D11; the system's export `gxxmjxmbsb24.ftl`, the older
 * `gxxmjxmbsb.ftl` seen): 项目名称 · 项目编码, 实施单位 · 主管单位, 项目属性, the 资金总额 by
 * source — 合计, 其中：一般公共预算拨款 split 上级 / 本级, 政府性基金, 国有资本经营预算, 其他资金 —,
 * 年度绩效目标, and the 衡量指标 grid 一级指标 | 二级指标 | 指标内容 | 指标值 whose blank form
 * pre-prints the 二级 rows under 产出 and 效益. The printed form states its money in 元; the amount
 * kind keeps 万元 until it takes a unit (issue 25 names the `computed` work that adds it), so the
 * column prints 金额（万元） for now. Widths and fonts are inferred. Pure data.
 */
import { mm, type TemplateDef } from '../template/schema';
import { A4_PORTRAIT, fangsong, titleFont } from './parts/common';
import { qualityChecks } from './parts/quality';

const short = { minHeight: 510, canSplit: false };
const BLOCK = { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'value' };

/** The 二级 rows the blank form prints, one empty row each (no 满意度 heading on the 2024 form). */
const PRINTED_LEVELS: [string, string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '可持续影响指标'],
];

export const xiangmuGuangxi2024: TemplateDef = {
  id: 'xiangmu-guangxi-2024',
  version: 1,
  title: '部门预算项目支出绩效目标申报表',
  /** What cross-form rules of other templates name (shared/template/roles.ts). */
  role: 'project',
  description:
    '每个项目一份：资金按来源分列（上级、本级、政府性基金、国有资本经营预算、其他资金），年度绩效目标和衡量指标（广西 2024 年版式）',
  fileName: '{year}年{projectName}项目支出绩效目标申报表',
  page: A4_PORTRAIT,
  fonts: { table: fangsong(11) },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true },
    { id: 'projectName', label: '项目名称', kind: 'text', required: true, newYear: 'carry' },
    { id: 'projectCode', label: '项目编码', kind: 'text', aliases: ['项目代码'], newYear: 'carry' },
    { id: 'unit', label: '项目实施单位', kind: 'text', required: true, aliases: ['实施单位'], newYear: 'carry' },
    { id: 'department', label: '项目主管单位', kind: 'text', aliases: ['主管单位', '主管部门', '项目主管部门'], newYear: 'carry' },
    { id: 'attribute', label: '项目属性', kind: 'text', newYear: 'carry' },
    {
      id: 'total',
      label: '资金合计',
      printed: '合计',
      kind: 'amount',
      compute: { sum: ['superior', 'local', 'govFund', 'stateCapital', 'other'] },
    },
    { id: 'superior', label: '一般公共预算拨款（上级）', printed: '其中：上级', kind: 'amount', aliases: ['上级'] },
    { id: 'local', label: '一般公共预算拨款（本级）', printed: '本级', kind: 'amount', aliases: ['本级'] },
    { id: 'govFund', label: '政府性基金', kind: 'amount', aliases: ['政府性基金预算'] },
    { id: 'stateCapital', label: '国有资本经营预算', kind: 'amount' },
    { id: 'other', label: '其他资金', kind: 'amount' },
    { id: 'goal', label: '年度绩效目标', kind: 'multiline', required: true, aliases: ['年度目标', '绩效目标'], newYear: 'moveYear' },
  ],
  groups: [
    {
      id: 'indicators',
      label: '绩效指标',
      columns: [
        { id: 'level1', label: '一级指标', kind: 'text', merge: {}, newYear: 'carry' },
        { id: 'level2', label: '二级指标', kind: 'text', merge: { within: ['level1'] }, newYear: 'carry' },
        { id: 'name', label: '三级指标', printed: '指标内容', kind: 'text', aliases: ['指标内容'], newYear: 'carry' },
        { id: 'value', label: '指标值', kind: 'text', aliases: ['指标值（目标值）', '目标值'], newYear: 'moveYear' },
      ],
      cells: [
        { column: 'level1', col: 1, align: 'center' },
        { column: 'level2', col: 2, align: 'center' },
        { column: 'name', col: 3, colSpan: 2 },
        { column: 'value', col: 5, align: 'center' },
      ],
      defaultRows: PRINTED_LEVELS.map(([level1, level2]) => ({ level1, level2 })),
      indicators: [{ level1: 'level1', level2: 'level2', name: 'name', value: 'value' }],
      minRows: 1,
      maxRows: 500,
      row: { minHeight: 454, canSplit: false },
      newYear: 'carry',
    },
  ],
  identity: { year: 'year', key: ['unit', 'projectName'], title: ['projectName'], unit: 'unit' },
  above: [
    {
      id: 'title',
      role: 'title',
      segments: [{ field: 'year', minChars: 4 }, { text: '年度部门预算项目支出绩效目标申报表' }],
      align: 'center',
      font: titleFont(18),
      spaceAfterPt: 10,
    },
  ],
  table: {
    // 156 mm of portrait text width: side 24 · 一级 22 · 二级 26 · 指标内容 30 + 24 · 指标值 30.
    columnsTwips: [mm(24), mm(22), mm(26), mm(30), mm(24), mm(30)],
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
      short,
      { minHeight: 1134, canSplit: true },
      { ...short, repeatHeader: true },
      { group: 'indicators' },
    ],
    borderPt: 0.5,
    cells: [
      { row: 0, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'projectName' } }, align: 'center' },
      { row: 0, col: 2, colSpan: 2, content: { type: 'field', field: 'projectName' } },
      { row: 0, col: 4, content: { type: 'label', of: { field: 'projectCode' } }, align: 'center' },
      { row: 0, col: 5, content: { type: 'field', field: 'projectCode' } },
      { row: 1, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'unit' } }, align: 'center' },
      { row: 1, col: 2, colSpan: 2, content: { type: 'field', field: 'unit' } },
      { row: 1, col: 4, content: { type: 'label', of: { field: 'department' } }, align: 'center' },
      { row: 1, col: 5, content: { type: 'field', field: 'department' } },
      { row: 2, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'attribute' } }, align: 'center' },
      { row: 2, col: 2, colSpan: 4, content: { type: 'field', field: 'attribute' } },
      { row: 3, col: 0, rowSpan: 7, content: { type: 'label', lines: ['资金总额'] }, align: 'center', valign: 'center' },
      { row: 3, col: 1, colSpan: 3, content: { type: 'label', lines: ['资金来源'] }, align: 'center' },
      { row: 3, col: 4, colSpan: 2, content: { type: 'label', lines: ['金额（万元）'] }, align: 'center' },
      { row: 4, col: 1, colSpan: 3, content: { type: 'label', of: { field: 'total' } }, align: 'center' },
      { row: 4, col: 4, colSpan: 2, content: { type: 'field', field: 'total' }, align: 'right' },
      { row: 5, col: 1, colSpan: 2, rowSpan: 2, content: { type: 'label', lines: ['其中：一般公共预算拨款'] }, valign: 'center' },
      { row: 5, col: 3, content: { type: 'label', of: { field: 'superior' } } },
      { row: 5, col: 4, colSpan: 2, content: { type: 'field', field: 'superior' }, align: 'right' },
      { row: 6, col: 3, content: { type: 'label', of: { field: 'local' } } },
      { row: 6, col: 4, colSpan: 2, content: { type: 'field', field: 'local' }, align: 'right' },
      { row: 7, col: 1, colSpan: 3, content: { type: 'label', of: { field: 'govFund' } } },
      { row: 7, col: 4, colSpan: 2, content: { type: 'field', field: 'govFund' }, align: 'right' },
      { row: 8, col: 1, colSpan: 3, content: { type: 'label', of: { field: 'stateCapital' } } },
      { row: 8, col: 4, colSpan: 2, content: { type: 'field', field: 'stateCapital' }, align: 'right' },
      { row: 9, col: 1, colSpan: 3, content: { type: 'label', of: { field: 'other' } } },
      { row: 9, col: 4, colSpan: 2, content: { type: 'field', field: 'other' }, align: 'right' },
      { row: 10, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'goal' } }, align: 'center' },
      { row: 10, col: 2, colSpan: 4, content: { type: 'field', field: 'goal' } },
      {
        row: 11,
        col: 0,
        rowSpan: 2,
        content: { type: 'label', lines: ['项目年度', '绩效目标', '衡量指标'] },
        align: 'center',
        valign: 'center',
      },
      { row: 11, col: 1, content: { type: 'label', of: { group: 'indicators', column: 'level1' } }, align: 'center' },
      { row: 11, col: 2, content: { type: 'label', of: { group: 'indicators', column: 'level2' } }, align: 'center' },
      { row: 11, col: 3, colSpan: 2, content: { type: 'label', of: { group: 'indicators', column: 'name' } }, align: 'center' },
      { row: 11, col: 5, content: { type: 'label', of: { group: 'indicators', column: 'value' } }, align: 'center' },
    ],
  },
  below: [],
  rules: [
    { type: 'check', check: 'sameAsLastYear', params: { field: 'goal' } },
    { type: 'check', check: 'targetCopiedDespiteActual', params: { group: 'indicators', name: 'name' } },
    {
      type: 'check',
      check: 'levelsFilled',
      params: { group: 'indicators', level: 'level1', name: 'name', levels: ['产出指标', '效益指标'] },
    },
    { type: 'rowRequires', group: 'indicators', column: 'value', when: ['name'], message: '写了指标内容的行要填写指标值' },
    { type: 'rowRequires', group: 'indicators', column: 'name', when: ['value'], message: '填了指标值的行要写明指标内容' },
    {
      type: 'check',
      check: 'costWithinTotal',
      params: { group: 'indicators', level2: 'level2', names: ['成本指标'], name: 'name', value: 'value', total: 'total' },
    },
    { type: 'check', check: 'yearInDeadline', params: { group: 'indicators', level2: 'level2', names: ['时效指标'], value: 'value' } },
    { type: 'check', check: 'percentAtMost100', params: { group: 'indicators', value: 'value' } },
    // The 2024 form prints no 满意度 heading: the "three 一级 each present" reminder is off for it.
    ...qualityChecks(BLOCK, ['qualityLevelsPresent']),
  ],
  summary: {
    money: ['total', 'superior', 'local', 'govFund', 'stateCapital', 'other'],
    parent: 'department',
    goal: 'goal',
    indicators: BLOCK,
  },
};
