/**
 * Where each row of the side list sits, for windowing: every form is one row of ROW_H, with the
 * heading of its year (YEAR_H) and of its unit (UNIT_H) above it when it starts them. A unit whose
 * one form is named after it (部门名称 is both) has no heading of its own.
 *
 * Heights are exact on pages that are loaded (their rows and the rows around them are known);
 * a page not read yet is estimated at the loaded pages' mean height per form, and corrected when
 * it arrives (the list keeps the first row in view where it was: see FormList).
 */
import type { FormSummary } from '../../../../shared/contract';
import type { PagedForms } from './pagedForms';

export const ROW_H = 44;
export const UNIT_H = 24;
export const YEAR_H = 26;
/** The mean row height before any page is loaded: a unit heading every fourth form. */
const FIRST_GUESS = ROW_H + UNIT_H / 4;

export interface Deco {
  /** The first form of its year: the year's heading goes above it. */
  year: boolean;
  /** The first form of its unit, whose heading goes above it (not for a solo unit). */
  unit: boolean;
  /** The unit has this one form, named after the unit: no heading, no indent. */
  solo: boolean;
}

export const unitOf = (f: FormSummary): string => f.unit.trim();

export function decoOf(prev: FormSummary | undefined, f: FormSummary, next: FormSummary | undefined): Deco {
  const unit = unitOf(f);
  const year = !prev || prev.year !== f.year;
  const first = year || unitOf(prev) !== unit;
  const last = !next || next.year !== f.year || unitOf(next) !== unit;
  const solo = first && last && unit !== '' && f.title === unit;
  return { year, unit: first && !solo, solo };
}

export const headingHeight = (d: Deco): number => (d.year ? YEAR_H : 0) + (d.unit ? UNIT_H : 0);
export const rowHeight = (d: Deco): number => ROW_H + headingHeight(d);

interface PageRows {
  /** tops[k]: the top of the page's k-th form within the page; tops[count]: the page's height. */
  tops: Float64Array;
  decos: Deco[];
}

/** Heights of loaded pages, worked out once per page (a page's rows never change in one PagedForms generation). */
const cache = new WeakMap<PagedForms, { generation: number; pages: Map<number, PageRows> }>();

function pageRows(model: PagedForms, p: number, count: number): PageRows {
  let c = cache.get(model);
  if (!c || c.generation !== model.generation) cache.set(model, (c = { generation: model.generation, pages: new Map() }));
  let rows = c.pages.get(p);
  if (!rows) {
    const start = p * model.pageSize;
    const tops = new Float64Array(count + 1);
    const decos: Deco[] = [];
    for (let k = 0; k < count; k++) {
      const i = start + k;
      const d = decoOf(i > 0 ? model.get(i - 1) : undefined, model.get(i)!, model.get(i + 1));
      decos.push(d);
      tops[k + 1] = tops[k] + rowHeight(d);
    }
    c.pages.set(p, (rows = { tops, decos }));
  }
  return rows;
}

export class ListLayout {
  readonly n: number;
  /** Estimated height per form of a page not loaded. */
  readonly est: number;
  readonly totalHeight: number;
  /** pageTop[p]: where page p starts; pageTop[pages]: the whole height. */
  private readonly pageTop: Float64Array;
  private readonly loaded: (PageRows | null)[];

  constructor(readonly model: PagedForms) {
    const n = model.total ?? 0;
    const size = model.pageSize;
    const pages = Math.ceil(n / size);
    this.n = n;
    this.loaded = [];
    let exactHeight = 0;
    let exactForms = 0;
    for (let p = 0; p < pages; p++) {
      const count = Math.min(size, n - p * size);
      const rows = model.pageLoaded(p) ? pageRows(model, p, count) : null;
      this.loaded.push(rows);
      if (rows) {
        exactHeight += rows.tops[count];
        exactForms += count;
      }
    }
    this.est = exactForms ? exactHeight / exactForms : FIRST_GUESS;
    this.pageTop = new Float64Array(pages + 1);
    for (let p = 0; p < pages; p++) {
      const count = Math.min(size, n - p * size);
      const rows = this.loaded[p];
      this.pageTop[p + 1] = this.pageTop[p] + (rows ? rows.tops[count] : count * this.est);
    }
    this.totalHeight = this.pageTop[pages];
  }

  /** The form's drawing (headings above it), or null while its page is not loaded. */
  deco(i: number): Deco | null {
    const size = this.model.pageSize;
    const rows = this.loaded[Math.floor(i / size)];
    return rows ? rows.decos[i % size] : null;
  }

  top(i: number): number {
    const size = this.model.pageSize;
    const p = Math.floor(i / size);
    const rows = this.loaded[p];
    return this.pageTop[p] + (rows ? rows.tops[i % size] : (i % size) * this.est);
  }

  height(i: number): number {
    const d = this.deco(i);
    return d ? rowHeight(d) : this.est;
  }

  /** The form drawn at height y (the first or last when y is outside the list); -1 for an empty list. */
  indexAt(y: number): number {
    if (this.n === 0) return -1;
    if (y <= 0) return 0;
    if (y >= this.totalHeight) return this.n - 1;
    // The page: the last whose top is at or above y.
    let lo = 0;
    let hi = this.pageTop.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pageTop[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    const p = lo;
    const size = this.model.pageSize;
    const count = Math.min(size, this.n - p * size);
    const rows = this.loaded[p];
    const within = y - this.pageTop[p];
    if (!rows) return p * size + Math.min(count - 1, Math.floor(within / this.est));
    let a = 0;
    let b = count - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (rows.tops[mid] <= within) a = mid;
      else b = mid - 1;
    }
    return p * size + a;
  }
}
