/**
 * The side list's rows, read a page at a time through forms.page (a receiving office keeps
 * 150,000 forms, 15,000 a year): a sparse array of the query's rows by their place in the list,
 * filled as the list scrolls. The core's order is year (newest first), unit, title, id.
 *
 * A page is asked for with the row before it and the row after it as well, so that every loaded
 * row knows its neighbours, which say whether it starts a year or a unit (a heading above it) and
 * whether its unit has only this form: the row heights of a loaded page are then exact.
 *   - page 0: offset 0, one row more (which also brings the total);
 *   - after a loaded page: `after` its last row (constant cost), one row more;
 *   - anywhere else (a jump of the scrollbar): offset of the row before, two rows more.
 */
import type { FormPage, FormSummary, Input, PageKey } from '../../../../shared/contract';

export type PageFetcher = (input: Input<'forms.page'>) => Promise<FormPage>;

export const PAGE_SIZE = 200;

export const keyOf = (f: FormSummary): PageKey => ({ year: f.year, unit: f.unit, title: f.title, id: f.id });

/** The first page of a search ('' for none), with one row more. */
export const firstPageInput = (search: string, size = PAGE_SIZE): Input<'forms.page'> => ({
  ...(search ? { search } : {}),
  offset: 0,
  limit: size + 1,
});

export class PagedForms {
  /** Rows of the query; null until the first page came. */
  total: number | null = null;
  /** Why the last page could not be read, until one is read again. */
  error: unknown = null;
  /** Goes up on every change, for React. */
  version = 0;
  /** Goes up when the rows read so far are dropped (the list changed under us). */
  generation = 0;
  private rows: (FormSummary | undefined)[] = [];
  private inFlight = new Map<number, Promise<void>>();
  /** Pages that could not be read: not asked for again by scrolling, only by retry(). */
  private failed = new Set<number>();
  private listeners = new Set<() => void>();
  private disposed = false;

  constructor(
    private readonly fetchPage: PageFetcher,
    /** The search text as sent ('' for none). */
    readonly search: string,
    readonly pageSize = PAGE_SIZE,
    /** Page 0 (firstPageInput) asked for already, at start (prefetch.ts). */
    private firstPage: Promise<FormPage> | null = null,
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops notifying and drops pages that arrive later (a newer query replaced this one). */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  get(i: number): FormSummary | undefined {
    return this.rows[i];
  }

  get pageCount(): number {
    return this.total === null ? 0 : Math.ceil(this.total / this.pageSize);
  }

  /** Every row of page p is here (and the rows around it that say how it is drawn). */
  pageLoaded(p: number): boolean {
    if (this.total === null) return false;
    const start = p * this.pageSize;
    const end = Math.min(this.total, start + this.pageSize);
    for (let i = Math.max(0, start - 1); i < Math.min(this.total, end + 1); i++) if (!this.rows[i]) return false;
    return true;
  }

  /** Asks for every page that holds a row in [from, to] and is neither here nor on its way. */
  ensure(from: number, to: number): void {
    const quiet = (p: number) => {
      if (!this.failed.has(p)) this.load(p).catch(() => {}); // kept in `error`
    };
    if (this.total === null) return quiet(0);
    const last = Math.min(to, this.total - 1);
    for (let p = Math.floor(Math.max(0, from) / this.pageSize); p * this.pageSize <= last; p++) if (!this.pageLoaded(p)) quiet(p);
  }

  /** After an error: the pages that failed may be asked for again. */
  retry(): void {
    this.failed.clear();
    this.error = null;
    this.changed();
  }

  /** Reads rows [from, to] (every page between), resolving when they are here; for 全选 of a range. */
  async loadRange(from: number, to: number): Promise<void> {
    if (this.total === null) await this.load(0);
    const last = Math.min(to, (this.total ?? 0) - 1);
    for (let p = Math.floor(Math.max(0, from) / this.pageSize); p * this.pageSize <= last; p++) {
      if (this.disposed) return;
      if (!this.pageLoaded(p)) await this.load(p);
    }
  }

  /** Reads page p (once at a time). */
  load(p: number): Promise<void> {
    const running = this.inFlight.get(p);
    if (running) return running;
    const work = this.fetch(p).finally(() => this.inFlight.delete(p));
    this.inFlight.set(p, work);
    return work;
  }

  private async fetch(p: number): Promise<void> {
    const size = this.pageSize;
    const start = p * size;
    const search = this.search ? { search: this.search } : {};
    let base: number;
    let input: Input<'forms.page'>;
    const before = start > 0 ? this.rows[start - 1] : undefined;
    if (start === 0) {
      base = 0;
      input = firstPageInput(this.search, size);
    } else if (before) {
      base = start;
      input = { ...search, after: keyOf(before), limit: size + 1 };
    } else {
      base = start - 1;
      input = { ...search, offset: start - 1, limit: size + 2 };
    }
    let page: FormPage;
    const early = start === 0 ? this.firstPage : null;
    this.firstPage = null;
    try {
      page = await (early ?? this.fetchPage(input));
    } catch (e) {
      if (this.disposed) return;
      this.failed.add(p);
      this.error = e;
      this.changed();
      throw e;
    }
    if (this.disposed) return;
    this.error = null;
    if (page.total !== null && page.total !== this.total) {
      // The list changed between two pages (a form saved or deleted meanwhile): rows read before
      // may now sit elsewhere, so only this page is kept.
      if (this.total !== null) {
        this.rows = [];
        this.generation++;
      }
      this.total = page.total;
      this.rows.length = page.total;
    }
    page.items.forEach((f, k) => {
      if (base + k < (this.total ?? 0)) this.rows[base + k] = f;
    });
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
