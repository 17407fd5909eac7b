/**
 * Looking a grid's cells up by their text. Every known template is fitted to every table, and a
 * table may hold up to 100,000 cells (the document model's limit): finding a label by walking all
 * cells once per field and template made the worst legal file take most of the import deadline.
 * The cells are indexed once per grid and way of keying (the text itself, the text without its
 * note, the text after a lead such as 其中：), and a lookup gives them back in grid order.
 */
import type { Grid, GridCell } from './grid';

/** A grid with each cell's normalized text, as the table reader compares it. */
export interface ReadGrid extends Grid {
  norm: Map<GridCell, string>;
}

/** What a cell is looked up by, from its normalized text; undefined: not by this key. */
export type CellKey = (text: string) => string | undefined;

interface GridIndex {
  order: Map<GridCell, number>;
  byKey: Map<CellKey, Map<string, GridCell[]>>;
}

const indexes = new WeakMap<ReadGrid, GridIndex>();

function indexOf(grid: ReadGrid): GridIndex {
  let index = indexes.get(grid);
  if (!index) {
    index = { order: new Map(grid.cells.map((c, i) => [c, i])), byKey: new Map() };
    indexes.set(grid, index);
  }
  return index;
}

function keyed(grid: ReadGrid, index: GridIndex, key: CellKey): Map<string, GridCell[]> {
  let map = index.byKey.get(key);
  if (map) return map;
  map = new Map();
  for (const c of grid.cells) {
    const k = key(grid.norm.get(c)!);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(c);
    else map.set(k, [c]);
  }
  index.byKey.set(key, map);
  return map;
}

/** The cells whose text, by any of `keys`, is one of `wanted`: each once, in grid order. */
export function cellsWhere(grid: ReadGrid, keys: readonly CellKey[], wanted: Iterable<string>): readonly GridCell[] {
  const index = indexOf(grid);
  const lists: GridCell[][] = [];
  for (const key of keys) {
    const map = keyed(grid, index, key);
    for (const w of wanted) {
      const list = map.get(w);
      if (list) lists.push(list);
    }
  }
  // One list is in grid order already (the common case: a header word printed in one way).
  if (lists.length <= 1) return lists[0] ?? [];
  return [...new Set(lists.flat())].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
}

/** The text itself. */
export const BY_TEXT: CellKey = (text) => text;
