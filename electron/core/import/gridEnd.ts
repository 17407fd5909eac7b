/**
 * Where an indicator grid ends on the page: rows under it that are no indicator rows — the
 * reviewers' opinions (审核意见, 主管部门意见), stamps and sign lines (单位（盖章）, 填表人,
 * 联系电话), notes (注：…), and a row that is one cell across the whole table (a title or a
 * note of the next form). What they hold is listed as unplaced, never read as an indicator.
 */
import { cellText, type GridCell } from './grid';

const END_WORDS =
  /^(?:.{0,12}(?:审核|审批|审定|评审)意见|.{0,12}(?:盖章|签字|签章|签名)|.{0,6}(?:填表人|填报人|经办人|负责人|联系电话|联系人)|(?:填报|审核|填表)?日期)/;
const NOTE = /^\s*(?:注|说明|备注)\s*[：:]/;

/** Whether the grid row (`line`: the cell at each grid position; `startsHere`: those starting on it) ends the grid. */
export function endsGrid(line: readonly (GridCell | undefined)[], startsHere: readonly GridCell[], norm: Map<GridCell, string>): boolean {
  const first = line.find((c) => c !== undefined);
  if (!first) return false;
  if (startsHere.includes(first) && (END_WORDS.test(norm.get(first) ?? '') || NOTE.test(cellText(first)))) return true;
  // One cell across the whole width, starting on this row: a heading or a note, not a row of the grid.
  return line.length > 1 && startsHere.length === 1 && line.every((c) => c === first) && first.colSpan === line.length;
}
