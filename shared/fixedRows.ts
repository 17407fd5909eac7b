/**
 * 固化 (fixed) indicator rows (issue 25, point 3; declarations-newer.md pattern ix): rows a
 * template — and so a bureau's template file — puts into every form, whose locked columns
 * (一级/二级/三级/指标性质) the clerk cannot change and which cannot be deleted; the clerk fills
 * the rest (the 指标值). A row is the fixed row when its locked columns hold the template's values.
 * The editor refuses deleting it and keeps its locked cells read-only; a form that lost one
 * anyway (a file, an older form) gets it back on a new form or a new year, and the check
 * `fixedRowsKept` says so until then.
 */
import type { GroupRow } from './form';
import type { GroupDef } from './template/schema';

export type FixedRowDef = NonNullable<GroupDef['fixedRows']>[number];

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim() === (b ?? '').trim();

export const matchesFixed = (row: GroupRow, f: FixedRowDef): boolean => f.locked.every((c) => same(row[c], f.values[c]));

/** For each fixed row of the group, the index of the row that is it (the first that matches), or -1. */
export function fixedRowIndexes(g: GroupDef, rows: readonly GroupRow[]): number[] {
  return (g.fixedRows ?? []).map((f) => rows.findIndex((r) => matchesFixed(r, f)));
}

/** The fixed row definition row `index` is, if it is one. */
export function fixedRowAt(g: GroupDef, rows: readonly GroupRow[], index: number): FixedRowDef | undefined {
  const defs = g.fixedRows ?? [];
  const at = fixedRowIndexes(g, rows).indexOf(index);
  return at < 0 ? undefined : defs[at];
}

/** Whether a cell covering `indexes` in `column` may not be changed: it is a locked cell of a fixed row. */
export function isLockedCell(g: GroupDef, rows: readonly GroupRow[], indexes: readonly number[], column: string): boolean {
  if (!g.fixedRows?.length) return false;
  return indexes.some((i) => fixedRowAt(g, rows, i)?.locked.includes(column) === true);
}

/**
 * The rows with every missing fixed row put back: into a blank row of its 一级/二级 run when
 * there is one (a new form's default 成本指标 row), else after that run's last row, else at the end.
 */
export function withFixedRows(g: GroupDef, rows: readonly GroupRow[], blank: () => GroupRow): GroupRow[] {
  const defs = g.fixedRows ?? [];
  if (defs.length === 0) return [...rows];
  const out = [...rows];
  const merged = g.columns.filter((c) => c.merge).map((c) => c.id);
  const free = g.columns.filter((c) => !c.merge).map((c) => c.id);
  defs.forEach((f) => {
    if (out.some((r) => matchesFixed(r, f))) return;
    const inRun = (r: GroupRow, depth: number) => merged.slice(0, depth).every((c) => f.values[c] === undefined || same(r[c], f.values[c]));
    const fill = out.findIndex((r) => inRun(r, merged.length) && free.every((c) => same(r[c], '')));
    const row = { ...blank(), ...(fill >= 0 ? out[fill] : {}), ...f.values };
    if (fill >= 0) {
      out[fill] = row;
      return;
    }
    // After the last row of its 二级 run, else of its 一级 run, else at the end.
    for (let depth = merged.length; depth > 0; depth--) {
      let last = -1;
      out.forEach((r, i) => {
        if (inRun(r, depth)) last = i;
      });
      if (last >= 0) {
        out.splice(last + 1, 0, row);
        return;
      }
    }
    out.push(row);
  });
  return out;
}
