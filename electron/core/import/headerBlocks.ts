/**
 * Which block an indicator grid's header cell belongs to, from the words printed: a two-block
 * form (中期 or 长期 beside 年度) says it in the header itself (二级指标(长期), 指标值（年度）,
 * 中期二级指标) or in a block header above it (中期目标 ‖ 年度目标, 中期指标 ‖ 年度指标). A
 * single-year template may take only a 年度 block (or a block that names none); a 中期 block
 * is never read as the year's.
 */
import type { Grid, GridCell } from './grid';

export type BlockTag = 'mid' | 'year';

const MID = /中期|长期|三年|多年/;
const YEAR = /年度|当年|本年/;

function tagOf(text: string): BlockTag | undefined {
  if (MID.test(text)) return 'mid';
  if (YEAR.test(text)) return 'year';
  return undefined;
}

const SUFFIX = /^(.+?)（([^（）]*)）$/;
const PREFIX = /^(中期|长期|年度|当年)(.+)$/;

/** A normalized header's base word and the block its own words name: 二级指标（长期） → 二级指标, mid. */
export function splitHeader(norm: string): { base: string; tag?: BlockTag } {
  const s = SUFFIX.exec(norm);
  if (s) {
    const tag = tagOf(s[2]);
    if (tag) return { base: s[1], tag };
  }
  const p = PREFIX.exec(norm);
  if (p) return { base: p[2], tag: tagOf(p[1]) };
  return { base: norm };
}

/** The block a template's column belongs to, from its label (中期二级指标 → mid; 一级指标 → none). */
export function columnTag(label: string): BlockTag | undefined {
  return PREFIX.test(label) ? tagOf(label.slice(0, 2)) : undefined;
}

/** The block named by a wider header cell directly above `cell` (up to two rows up), if any. */
export function blockAbove(grid: Grid, cell: GridCell, norm: Map<GridCell, string>): BlockTag | undefined {
  for (let r = cell.row - 1; r >= Math.max(0, cell.row - 2); r--) {
    const above = grid.owner[r]?.[cell.col];
    if (!above || above === cell || above.colSpan <= cell.colSpan) continue;
    // Only a short heading names a block (中期目标, 年度指标（2025年）): a goal's text above the grid may say 三年 too.
    const text = norm.get(above) ?? '';
    const tag = text.length <= 16 && /^(中期|长期|年度|当年|本年)/.test(text) ? tagOf(text.slice(0, 2)) : undefined;
    if (tag) return tag;
  }
  return undefined;
}
