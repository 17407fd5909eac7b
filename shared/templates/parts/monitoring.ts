/**
 * What the two 监控 forms share (../shared/forms/cycle.md §2, §3), as data: the money block (a
 * row per source, a column per figure, each cell a field `<row><Column>`), and the indicator grid
 * with 年度指标值 locked from the declaration, the 1-N月 columns named with the form's month,
 * 偏差原因分析's five tick boxes and 原因说明, 完成目标可能性's three boxes and 备注. Pure data builders.
 */
import type { CellDef, FieldDef, GroupDef } from '../../template/schema';
import type { FieldSeed } from '../../template/seedSchema';

export interface MoneyRow {
  id: string;
  /** As printed in the row's first cell (年度资金总额：, 其中：本年一般公共预算拨款). */
  printed: string;
  /** Its 年初预算数 from the declaration. */
  seed: FieldSeed;
}

export interface MoneyColumn {
  id: string;
  /** The header as printed; `{month}` is the form's month. */
  header: string;
  /** The figure is the declaration's (年初预算数): seeded and locked. */
  declared?: boolean;
  /** Not an amount (执行率, typed as a percentage until computed columns come). */
  text?: boolean;
}

const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
const plain = (s: string): string => s.replace(/^其中：/, '').replace(/：$/, '');

/**
 * One field per money cell, labelled 年度资金总额·年初预算数 (unique, what label JSON keys it by).
 * The first row is the total: its figures the clerk types are the sum of the rows below it.
 */
export function moneyFields(rows: readonly MoneyRow[], cols: readonly MoneyColumn[]): FieldDef[] {
  const [total, ...parts] = rows;
  return rows.flatMap((r) =>
    cols.map((c): FieldDef => {
      const id = `${r.id}${cap(c.id)}`;
      const summed = r === total && !c.declared && !c.text;
      return {
        id,
        label: `${plain(r.printed)}·${c.header.replace('{month}', 'N')}`,
        kind: c.text ? 'text' : 'amount',
        ...(c.declared ? { seed: r.seed, locked: true } : {}),
        ...(c.text ? { maxLength: 20 } : {}),
        ...(summed ? { compute: { sum: parts.map((p) => `${p.id}${cap(c.id)}`) } } : {}),
      };
    }),
  );
}

/**
 * The money block's cells from grid row `top`: a header row, then one row per source; the row
 * labels take `labelCols` grid columns from `first`, each figure `span` columns after them.
 */
export function moneyCells(
  rows: readonly MoneyRow[],
  cols: readonly MoneyColumn[],
  at: { top: number; first: number; labelCols: number; span: number },
): CellDef[] {
  const { top, first, labelCols, span } = at;
  const col = (i: number) => first + labelCols + i * span;
  return [
    { row: top, col: first, colSpan: labelCols, content: { type: 'empty' } },
    ...cols.map((c, i): CellDef => ({
      row: top,
      col: col(i),
      colSpan: span,
      content: { type: 'label', lines: [c.header] },
      align: 'center',
    })),
    ...rows.flatMap((r, ri): CellDef[] => [
      {
        row: top + 1 + ri,
        col: first,
        colSpan: labelCols,
        content: { type: 'label', lines: [r.printed] },
      },
      ...cols.map((c, i): CellDef => ({
        row: top + 1 + ri,
        col: col(i),
        colSpan: span,
        content: { type: 'field', field: `${r.id}${cap(c.id)}` },
        align: 'center',
      })),
    ]),
  ];
}

export const CAUSES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export const LIKELIHOOD = ['确定能', '有可能', '完全不可能'] as const;

/** The grid of §2: 16 columns from `first`. */
export function monitoringGroup(first: number): GroupDef {
  const c = (column: string, i: number, extra: Partial<GroupDef['cells'][number]> = {}) => ({ column, col: first + i, ...extra });
  return {
    id: 'indicators',
    label: '绩效指标',
    columns: [
      { id: 'level1', label: '一级指标', kind: 'text', merge: {}, newYear: 'carry', locked: true },
      { id: 'level2', label: '二级指标', kind: 'text', merge: { within: ['level1'] }, newYear: 'carry', locked: true },
      { id: 'name', label: '三级指标', kind: 'text', newYear: 'carry', locked: true },
      { id: 'target', label: '年度指标值', kind: 'text', newYear: 'moveYear', locked: true, aliases: ['指标值'] },
      { id: 'progress', label: '1-N月执行情况', printed: '1-{month}月执行情况', kind: 'text', aliases: ['执行情况'] },
      { id: 'forecast', label: '全年预计完成情况', kind: 'text' },
      { id: 'causes', label: '偏差原因分析', kind: 'ticks', options: [...CAUSES] },
      { id: 'causeNote', label: '原因说明', kind: 'multiline', maxLength: 2000 },
      { id: 'likelihood', label: '完成目标可能性', kind: 'choice', options: [...LIKELIHOOD] },
      { id: 'remark', label: '备注', kind: 'text' },
    ],
    cells: [
      c('level1', 0, { align: 'center' }),
      c('level2', 1, { align: 'center' }),
      c('name', 2),
      c('target', 3, { align: 'center' }),
      c('progress', 4, { align: 'center' }),
      c('forecast', 5, { align: 'center' }),
      ...CAUSES.map((o, i) => c('causes', 6 + i, { align: 'center', option: o })),
      c('causeNote', 11),
      ...LIKELIHOOD.map((o, i) => c('likelihood', 12 + i, { align: 'center', option: o })),
      c('remark', 15),
    ],
    seed: { indicators: { level1: 'level1', level2: 'level2', name: 'name', value: 'target' } },
    minRows: 1,
    maxRows: 500,
    row: { minHeight: 454, canSplit: false },
    newYear: 'carry',
  };
}

/** The grid's two header rows at grid rows `top` and `top + 1`, columns from `first`. */
export function monitoringHeader(top: number, first: number): CellDef[] {
  const of = (column: string) => ({ type: 'label' as const, of: { group: 'indicators', column } });
  const head = (col: number, column: string): CellDef => ({ row: top, col: first + col, rowSpan: 2, content: of(column), align: 'center' });
  const box = (col: number, text: string): CellDef => ({
    row: top + 1,
    col: first + col,
    content: { type: 'label', lines: [text] },
    align: 'center',
  });
  return [
    head(0, 'level1'),
    head(1, 'level2'),
    head(2, 'name'),
    head(3, 'target'),
    head(4, 'progress'),
    head(5, 'forecast'),
    { row: top, col: first + 6, colSpan: 6, content: of('causes'), align: 'center' },
    ...CAUSES.map((o, i) => box(6 + i, o)),
    { row: top + 1, col: first + 11, content: of('causeNote'), align: 'center' },
    { row: top, col: first + 12, colSpan: 3, content: of('likelihood'), align: 'center' },
    ...LIKELIHOOD.map((o, i) => box(12 + i, o)),
    head(15, 'remark'),
  ];
}

/** Widths of the grid's 16 columns, in twips, to fill `width`: the tick boxes narrow, 三级 and the texts wider. */
export function monitoringWidths(width: number): number[] {
  const shares = [5, 5, 8, 6, 6, 6, 3, 3, 3, 3, 3, 7, 3, 3, 3, 5];
  const sum = shares.reduce((a, b) => a + b, 0);
  const w = shares.map((s) => Math.floor((width * s) / sum));
  w[2] += width - w.reduce((a, b) => a + b, 0);
  return w;
}
