/** The rows in the window, as year sections of unit groups, for the side list to draw. */
import type { FormSummary } from '../../../../shared/contract';
import { unitOf, type Deco, type ListLayout } from './layout';

export interface RowOf {
  i: number;
  f: FormSummary;
  deco: Deco;
}
/**
 * `key`: the year (the unit) with how many blocks of it come before in the window, so that a
 * section keeps its key while the window moves and its rows are not drawn anew.
 */
export type Block =
  { kind: 'year'; key: string; year: string; heading: boolean; units: UnitBlock[] } | { kind: 'wait'; key: string; height: number };
export interface UnitBlock {
  unit: string;
  key: string;
  heading: boolean;
  solo: boolean;
  rows: RowOf[];
}

/** The rows from first to last, as year sections of unit groups; rows not read yet as one block each run. */
export function blocksOf(layout: ListLayout, first: number, last: number): Block[] {
  const out: Block[] = [];
  const seen = new Map<string, number>();
  const keyFor = (k: string) => {
    const count = seen.get(k) ?? 0;
    seen.set(k, count + 1);
    return `${k}#${count}`;
  };
  for (let i = first; i <= last; i++) {
    const deco = layout.deco(i);
    const f = layout.model.get(i);
    const prev = out[out.length - 1];
    if (!deco || !f) {
      if (prev?.kind === 'wait') prev.height += layout.height(i);
      else out.push({ kind: 'wait', key: `wait-${i}`, height: layout.height(i) });
      continue;
    }
    let year = prev?.kind === 'year' && !deco.year && prev.year === f.year ? prev : null;
    if (!year) out.push((year = { kind: 'year', key: keyFor(f.year), year: f.year, heading: deco.year, units: [] }));
    const unit = unitOf(f);
    let group = year.units[year.units.length - 1];
    if (!group || deco.unit || deco.solo || group.unit !== unit) {
      year.units.push((group = { unit, key: keyFor(`${f.year}/${unit}`), heading: deco.unit, solo: deco.solo, rows: [] }));
    }
    group.rows.push({ i, f, deco });
  }
  return out;
}
