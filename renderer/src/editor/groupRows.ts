/**
 * Edits of a repeating group's rows as pure functions: what the editor's row tools and keys do.
 * Rows are never changed in place, so the store's undo snapshots stay intact.
 */
import type { GroupRow } from '../../../shared/form';
import { fixedRowAt } from '../../../shared/fixedRows';
import { completeRow } from '../../../shared/formOps';
import { MAX_GROUP_ROWS } from '../../../shared/limits';
import type { GroupDef } from '../../../shared/template/schema';

export const maxRowsOf = (g: GroupDef): number => g.maxRows ?? MAX_GROUP_ROWS;

/** The rows with blank rows added so that row `index` exists (typing into a padding row). */
export function padTo(g: GroupDef, rows: readonly GroupRow[], index: number): GroupRow[] {
  const out = [...rows];
  while (out.length <= index) out.push(completeRow(g));
  return out;
}

/** One column set on several rows at once: a merged cell edits every row it covers. */
export function setCell(g: GroupDef, rows: readonly GroupRow[], indexes: readonly number[], column: string, value: string): GroupRow[] {
  const out = padTo(g, rows, Math.max(...indexes));
  for (const i of indexes) out[i] = { ...completeRow(g, out[i]), [column]: value };
  return out;
}

/**
 * The merged columns other merged columns merge within (大类 for 小类, 一级 for 二级): the outer
 * headings. The others are the innermost headings of a row.
 */
export function outerHeadings(g: GroupDef): Set<string> {
  return new Set(g.columns.flatMap((c) => (c.merge ? (c.merge.within ?? []) : [])));
}

/**
 * A blank row that sits under the same merged headings (一级/二级, 大类/小类) as row `index`; with
 * `newRun` only under the outer ones, so its innermost heading (a new 小类) can be typed.
 */
export function rowUnder(g: GroupDef, rows: readonly GroupRow[], index: number, newRun = false): GroupRow {
  const from = rows[index];
  const outer = outerHeadings(g);
  const merged: GroupRow = {};
  if (from) for (const c of g.columns) if (c.merge && (!newRun || outer.has(c.id))) merged[c.id] = from[c.id] ?? '';
  return completeRow(g, merged);
}

/** Inserts a row below `index`, in the same merged run (or a new innermost run); null when the group is full. */
export function insertBelow(g: GroupDef, rows: readonly GroupRow[], index: number, newRun = false): GroupRow[] | null {
  const base = padTo(g, rows, index);
  if (base.length >= maxRowsOf(g)) return null;
  return [...base.slice(0, index + 1), rowUnder(g, base, index, newRun), ...base.slice(index + 1)];
}

/**
 * The columns of the indicator block `column` belongs to (a group of two blocks side by side, the
 * 中期 and 年度 grids of one row), or null when the group has fewer than two blocks.
 */
export function blockOf(g: GroupDef, column: string): readonly string[] | null {
  const sets = g.indicators ?? [];
  if (sets.length < 2) return null;
  const cols = (s: (typeof sets)[number]) => [s.level1, s.level2, s.name, s.value, s.comparator, s.unit].filter((c) => c !== undefined);
  const set = sets.find((s) => cols(s).includes(column));
  return set ? cols(set) : null;
}

/**
 * Where the caret goes in a row just inserted: the first column not filled from the row above —
 * in the block Enter was pressed in (`from`), so Enter in the 年度 block never lands in the 中期 one.
 */
export function firstBlankColumn(g: GroupDef, row: GroupRow | undefined, from?: string): string {
  const block = from === undefined ? null : blockOf(g, from);
  const placed = [...g.cells]
    .sort((a, b) => a.col - b.col)
    .map((c) => c.column)
    .filter((c) => !block || block.includes(c));
  return placed.find((c) => (row?.[c] ?? '') === '') ?? placed[0];
}

/** A blank row at the end; null when the group is full. */
export function append(g: GroupDef, rows: readonly GroupRow[]): GroupRow[] | null {
  if (rows.length >= maxRowsOf(g)) return null;
  return [...rows, completeRow(g)];
}

export function removeRow(rows: readonly GroupRow[], index: number): GroupRow[] | null {
  if (index < 0 || index >= rows.length) return null;
  return rows.filter((_, i) => i !== index);
}

/** Swaps a row with its neighbour; null when it is already first or last. */
export function moveRow(rows: readonly GroupRow[], index: number, delta: -1 | 1): GroupRow[] | null {
  const j = index + delta;
  if (index < 0 || index >= rows.length || j < 0 || j >= rows.length) return null;
  const out = [...rows];
  [out[index], out[j]] = [out[j], out[index]];
  return out;
}

/** The column in the rightmost cell of a row: Enter there adds a row. */
export function lastColumn(g: GroupDef): string {
  return [...g.cells].sort((a, b) => a.col - b.col)[g.cells.length - 1].column;
}

/** How the editor names a group cell: 分配明细第2行 金额（万元）. */
export const groupCellLabel = (g: GroupDef, row: number, columnLabel: string): string => `${g.label}第${row + 1}行 ${columnLabel}`;
export const groupRowName = (g: GroupDef, row: number): string => `${g.label}第${row + 1}行`;

/** Why a 固化 row cannot be deleted, naming it and the columns that stay as the template fixed them. */
export function fixedRowNotice(g: GroupDef, rows: readonly GroupRow[], index: number): string {
  const f = fixedRowAt(g, rows, index);
  const label = (id: string) => (g.columns.find((c) => c.id === id)?.label ?? id).replace(/^\*/, '');
  const nameColumn = g.indicators?.find((b) => f?.locked.includes(b.name))?.name;
  const name = (nameColumn && rows[index]?.[nameColumn]?.trim()) || '这一行';
  const locked = f ? f.locked.map(label).join('、') : '';
  return `「${name}」是表样固化的指标，不能删除，它的${locked}也不能修改；请填写这一行的其余栏目。`;
}
