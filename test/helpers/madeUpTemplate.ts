/**
 * A template that exists only in the tests: nothing outside test/ knows it. It has what the
 * engine must handle without code of its own — a repeating group of variable length whose
 * first two columns merge down (大类 over its rows, 小类 within its 大类), a column sum, an
 * identity of two fields other than 部门名称, lines above and below, and new-year rules —
 * so store, layout, editor, export, import, new year and label JSON are all proved generic.
 */
import type { TemplateDef } from '../../shared/template/schema';

const font = { eastAsia: '宋体', ascii: 'Times New Roman', sizePt: 11 };
const short = { minHeight: 500, canSplit: false };

export const MADE_UP_TEMPLATE: TemplateDef = {
  id: 'test-zhuanxiang',
  version: 1,
  title: '专项资金分配明细表（测试）',
  description: '只在测试中出现的表样：按大类、小类列出分配事项，合计自动相加',
  fileName: '{year}年{fundName}分配明细表',
  page: { widthTwips: 11906, heightTwips: 16838, marginsTwips: { top: 1440, bottom: 1440, left: 1300, right: 1300 } },
  fonts: { table: font },
  fields: [
    { id: 'year', label: '年度', kind: 'year', required: true },
    { id: 'owner', label: '主管单位', kind: 'text', required: true, newYear: 'carry' },
    { id: 'fundName', label: '资金名称', kind: 'text', required: true, newYear: 'carry', aliases: ['专项资金名称'] },
    { id: 'total', label: '分配合计', kind: 'amount', compute: { columnSum: { group: 'items', column: 'amount' } } },
    { id: 'notes', label: '备注', kind: 'multiline', newYear: 'moveYear' },
    { id: 'maker', label: '制表人', kind: 'text' },
  ],
  groups: [
    {
      id: 'items',
      label: '分配明细',
      columns: [
        { id: 'category', label: '大类', kind: 'text', merge: {}, newYear: 'carry' },
        { id: 'sub', label: '小类', kind: 'text', merge: { within: ['category'] }, newYear: 'carry' },
        { id: 'item', label: '事项', kind: 'text', newYear: 'carry' },
        { id: 'amount', label: '金额（万元）', kind: 'amount', aliases: ['金额'] },
        { id: 'when', label: '完成时间', kind: 'text', newYear: 'moveYear' },
      ],
      cells: [
        { column: 'category', col: 0 },
        { column: 'sub', col: 1 },
        { column: 'item', col: 2 },
        { column: 'amount', col: 3, align: 'right' },
        { column: 'when', col: 4 },
      ],
      defaultRows: [
        { category: '设备', sub: '采购' },
        { category: '培训', sub: '师资' },
      ],
      minRows: 1,
      maxRows: 100,
      row: { minHeight: 450, canSplit: false },
      newYear: 'carry',
    },
  ],
  identity: { year: 'year', key: ['owner', 'fundName'], title: ['fundName'], unit: 'owner' },
  above: [
    {
      id: 'title',
      role: 'title',
      segments: [{ text: '专项资金分配明细表' }],
      align: 'center',
      font: { eastAsia: '黑体', ascii: 'Arial', sizePt: 18 },
      spaceAfterPt: 6,
    },
    { id: 'yearLine', segments: [{ field: 'year', minChars: 4 }, { text: '年度' }], align: 'center', font },
  ],
  table: {
    columnsTwips: [1600, 1600, 2906, 1600, 1600],
    rows: [short, short, short, { group: 'items' }, short, { minHeight: 900, canSplit: true }],
    borderPt: 0.5,
    cells: [
      { row: 0, col: 0, content: { type: 'label', of: { field: 'owner' } } },
      { row: 0, col: 1, colSpan: 4, content: { type: 'field', field: 'owner' } },
      { row: 1, col: 0, content: { type: 'label', of: { field: 'fundName' } } },
      { row: 1, col: 1, colSpan: 4, content: { type: 'field', field: 'fundName' } },
      { row: 2, col: 0, content: { type: 'label', of: { group: 'items', column: 'category' } } },
      { row: 2, col: 1, content: { type: 'label', of: { group: 'items', column: 'sub' } } },
      { row: 2, col: 2, content: { type: 'label', of: { group: 'items', column: 'item' } } },
      { row: 2, col: 3, content: { type: 'label', of: { group: 'items', column: 'amount' } } },
      { row: 2, col: 4, content: { type: 'label', of: { group: 'items', column: 'when' } } },
      { row: 4, col: 0, colSpan: 3, content: { type: 'label', of: { field: 'total' } } },
      { row: 4, col: 3, colSpan: 2, content: { type: 'field', field: 'total' }, align: 'right' },
      { row: 5, col: 0, content: { type: 'label', of: { field: 'notes' } } },
      { row: 5, col: 1, colSpan: 4, content: { type: 'field', field: 'notes' } },
    ],
  },
  below: [{ id: 'signLine', segments: [{ text: '制表人：' }, { field: 'maker' }], align: 'left', font }],
  rules: [{ type: 'rowRequires', group: 'items', column: 'item', when: ['amount'], message: '填了金额的行要写明事项' }],
};

/** A filled form of it: three rows under 设备 (two 小类), one under 培训, amounts that need exact sums. */
export const MADE_UP_VALUES = {
  year: '2026',
  owner: '某某县教育局',
  fundName: '义务教育薄弱环节改善资金',
  notes: '2026年12月底前全部拨付。',
  maker: '张三',
  items: [
    { category: '设备', sub: '采购', item: '教室多媒体', amount: '10.1', when: '2026年9月前' },
    { category: '设备', sub: '采购', item: '实验室器材', amount: '20.2', when: '2026年10月前' },
    { category: '设备', sub: '维修', item: '课桌椅维修', amount: '0.0003', when: '2026年8月' },
    { category: '培训', sub: '师资', item: '骨干教师培训', amount: '5', when: '2026年全年' },
  ],
};
