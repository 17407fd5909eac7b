/**
 * The indicator grid of a blank form, found from its header: a band of header cells naming
 * 一级指标 / 二级指标 / 三级指标 (指标内容) / 指标值 (目标值) and the columns beside them (指标性质,
 * 度量单位, 分值, 权重, 指标解释, 评（扣）分标准, 备注 …), with 中期 / 长期 / 年度 blocks printed over
 * them; the rows under the band that line up with its columns are the grid's rows (pre-printed
 * 一级/二级 rows become the default rows). Pure: it reads the grid and says where things are.
 */
import { cellText, type Grid, type GridCell } from './grid';

export type IndicatorRole = 'level1' | 'level2' | 'name' | 'value';

/** Header texts of the indicator columns, whitespace removed; the order is the one they are tried in. */
const ROLE_PATTERNS: readonly [IndicatorRole, RegExp][] = [
  ['level1', /^一级(?:绩效)?指标/],
  ['level2', /^二级(?:绩效)?指标/],
  ['name', /^(?:三级(?:绩效)?指标|指标内容|指标名称|绩效指标名称)/],
  ['value', /^(?:指标值(?!说明|确定|类型|解释)|目标值|年度指标值|指标目标值|预期目标值)/],
];

/** A block printed over part of the grid (中期指标, 年度指标, 长期目标): its word prefixes the block's columns. */
const BLOCK = /^(中期|长期|年度|实施期|当年|本年)/;

export const squashText = (s: string): string => s.replace(/\s+/g, '');

export function roleOf(text: string): IndicatorRole | null {
  const t = squashText(text);
  for (const [role, re] of ROLE_PATTERNS) if (re.test(t)) return role;
  return null;
}

export interface IndicatorColumn {
  /** The header cell the column prints (the lowest cell of the header band over it). */
  leaf: GridCell;
  col: number;
  colSpan: number;
  role: IndicatorRole | null;
  /** The header as printed, and the block word over it, if any. */
  header: string;
  block: string | null;
}

export interface IndicatorGrid {
  /** Grid rows of the header band (first and last). */
  top: number;
  bottom: number;
  columns: IndicatorColumn[];
  /** Cells beside the columns that run down from the band over the grid's rows (绩效指标 down the side). */
  side: GridCell[];
  /** Band cells that are neither a column's header nor a side cell (中期指标 over its block). */
  band: GridCell[];
  /** Grid rows of the grid's rows under the band (first and last; last < first when there are none). */
  first: number;
  last: number;
}

const cellsCovering = (grid: Grid, r: number): GridCell[] => [...new Set((grid.owner[r] ?? []).filter((c): c is GridCell => !!c))];

/** A row after the grid that prints a line to fill in (联系电话：, 审核意见) is not one of its rows. */
const FORM_WORDS = /[：:]$|电话|日期|填报|审核|负责人|签字|盖章|签章|经办人/;

export function findIndicatorGrid(grid: Grid, columns: number): IndicatorGrid | null {
  for (let r = 0; r < grid.owner.length; r++) {
    const covering = cellsCovering(grid, r);
    const roles = new Set(covering.map((c) => roleOf(cellText(c))).filter((x) => x !== null));
    if (roles.size < 2 || !(roles.has('name') || roles.has('value'))) continue;
    const headerish = covering.filter((c) => roleOf(cellText(c)) !== null);
    const top = Math.min(...headerish.map((c) => c.row));
    let bottom = Math.max(...headerish.map((c) => c.row + c.rowSpan - 1));
    // Sub-headers under a header (指标值 over 符号 | 值 | 单位) end the band lower down.
    for (const c of covering)
      if (roleOf(cellText(c)) !== null && c.row + c.rowSpan - 1 === bottom && bottom + 1 < grid.owner.length) {
        const under = cellsCovering(grid, bottom + 1).filter((u) => u.col >= c.col && u.col + u.colSpan <= c.col + c.colSpan);
        if (under.length > 1 && under.every((u) => u.row === bottom + 1 && squashText(cellText(u)) !== '')) bottom += 1;
      }
    return build(grid, columns, top, bottom);
  }
  return null;
}

function build(grid: Grid, columns: number, top: number, bottom: number): IndicatorGrid | null {
  const cols: IndicatorColumn[] = [];
  const side: GridCell[] = [];
  const seen = new Set<GridCell>();
  for (let c = 0; c < columns; c++) {
    const leaf = grid.owner[bottom]?.[c];
    if (!leaf || seen.has(leaf)) continue;
    seen.add(leaf);
    if (leaf.row + leaf.rowSpan - 1 > bottom) {
      side.push(leaf);
      continue;
    }
    const header = cellText(leaf).trim();
    let role = roleOf(header);
    let block: string | null = null;
    for (let r = leaf.row - 1; r >= top; r--) {
      const above = grid.owner[r]?.[c];
      if (!above || above === leaf) continue;
      const text = squashText(cellText(above));
      const b = BLOCK.exec(text);
      if (b && !block) block = b[1];
      if (!role && roleOf(text) === 'value' && /^(?:值|数值|目标值|指标值)$/.test(squashText(header))) role = 'value';
    }
    cols.push({ leaf, col: leaf.col, colSpan: leaf.colSpan, role, header, block });
  }
  if (!cols.some((c) => c.role === 'name' || c.role === 'value')) return null;
  const band = [...new Set(grid.owner.slice(top, bottom + 1).flat())].filter((c): c is GridCell => !!c && !seen.has(c) && c.row >= top);
  // Band cells that start above the band belong to the rows above (a label beside the whole grid is a side cell).
  const first = bottom + 1;
  let last = bottom;
  for (let r = first; r < grid.owner.length; r++) {
    if (!isGridRow(grid, r, cols, side)) break;
    last = r;
  }
  // A side cell must reach the grid's last row to run down beside it; one that stops short is not beside it.
  return { top, bottom, columns: cols, side, band, first, last };
}

function isGridRow(grid: Grid, r: number, cols: readonly IndicatorColumn[], side: readonly GridCell[]): boolean {
  const line = grid.owner[r] ?? [];
  for (const col of cols) {
    const cell = line[col.col];
    if (!cell || cell.col !== col.col || cell.colSpan !== col.colSpan) return false;
    if (FORM_WORDS.test(squashText(cellText(cell)))) return false;
    // A cell of the row must not reach into another column (a note across the grid).
    if (cell.row + cell.rowSpan - 1 > r && col.role !== 'level1' && col.role !== 'level2') return false;
  }
  for (let c = 0; c < line.length; c++) {
    const cell = line[c];
    if (!cell) return false;
    if (cols.some((x) => c >= x.col && c < x.col + x.colSpan)) continue;
    if (!side.includes(cell)) return false;
  }
  return true;
}
