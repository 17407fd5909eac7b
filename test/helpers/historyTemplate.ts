/**
 * The county project form with 前年 | 上年 history columns after 指标值 (近两年指标值): a test-only
 * template, as a bureau's template file would add them (no built-in prints them yet).
 */
import type { TemplateDef } from '../../shared/template/schema';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';

const g = xiangmuZhichu.groups![0];

export const HISTORY_TEMPLATE: TemplateDef = {
  ...xiangmuZhichu,
  id: 'test-history',
  title: '项目支出绩效目标表（含近两年指标值）',
  groups: [
    {
      ...g,
      columns: [
        ...g.columns,
        { id: 'yearBefore', label: '前年指标值', printed: '前年', kind: 'text', history: { yearsBack: 2 } },
        { id: 'lastYear', label: '上年指标值', printed: '上年', kind: 'text', history: { yearsBack: 1 } },
      ],
      cells: [...g.cells, { column: 'yearBefore', col: 5 }, { column: 'lastYear', col: 6 }],
    },
  ],
  table: {
    ...xiangmuZhichu.table,
    columnsTwips: [...xiangmuZhichu.table.columnsTwips.slice(0, 4), 1300, 800, 800],
    cells: [
      ...xiangmuZhichu.table.cells.map((c) => (c.col + (c.colSpan ?? 1) === 5 && c.row < 7 ? { ...c, colSpan: (c.colSpan ?? 1) + 2 } : c)),
      { row: 7, col: 5, content: { type: 'label', of: { group: 'indicators', column: 'yearBefore' } } },
      { row: 7, col: 6, content: { type: 'label', of: { group: 'indicators', column: 'lastYear' } } },
    ],
  },
};
