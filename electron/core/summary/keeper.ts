/**
 * Keeps the 汇总's facts (summary_facts) of every live form current while the app is idle, so
 * the 汇总 a receiving office asks for reads stored facts instead of checking 15,000 forms
 * then (well under a second for a year, where reading them afresh takes several).
 *
 * Which forms: when the app starts, and whenever what a form's facts depend on changes (a
 * template imported or removed, another app version, a restored backup), every year's, newest
 * year first; after that, the years of forms saved since (by updated_at). Work goes a slice at
 * a time in the store's pauses between writes (store.whenIdle), so a batch import is not slowed
 * down and the app answers between slices. A 汇总 that comes first simply reads the rest
 * itself: the facts are only ever a saving, never what decides a result.
 *
 * Once that is done, after each start over, it compares every kept fact's content hash with the
 * content of its revision (factsCache.ts), a batch per slice, and drops facts whose content
 * changed under them; their years are then read again.
 */
import type { Store } from '../store';
import { contentHash, factsContent } from './factsCache';
import { currentCheckers, FactsReader } from './reader';

export interface FactsKeeperOptions {
  appVersion: string;
  /** Time per slice of work (at least one batch); the app answers between slices. */
  sliceMs?: number;
  /** Forms read from the store at once; reading one afresh is ~0.2 ms, so ~20 ms for 100 stale ones. */
  batch?: number;
}

export interface FactsKeeper {
  /** One slice of work; true while work is left. What store.whenIdle calls. */
  step(): boolean;
}

export function createFactsKeeper(store: Store, opts: FactsKeeperOptions): FactsKeeper {
  const sliceMs = opts.sliceMs ?? 40;
  const batch = opts.batch ?? 100;
  let checkers: string[] = [];
  let signature: string | null = null;
  let templates = store.templates;
  let reader = new FactsReader(store, opts.appVersion);
  /** The newest updated_at whose forms are queued or done. */
  let seen = '';
  const queue: string[] = [];
  let cursor: { year: string; templates: string[]; afterId: number } | null = null;
  /** Where the comparison of kept facts with their content is, null when done. */
  let auditAfter: number | null = 0;

  /** One batch of that comparison; the years of facts dropped are queued again. */
  const audit = () => {
    const rows = store.keptFacts(auditAfter ?? 0, batch * 5);
    const changed = rows.filter((r) => factsContent(r.facts) !== contentHash(r.blob));
    if (changed.length > 0) {
      try {
        store.dropSummaryFacts(changed.map((r) => r.formId));
        enqueue([...new Set(changed.map((r) => r.year))]);
      } catch {
        // Busy or read-only: the next start compares again.
      }
    }
    auditAfter = rows.length === batch * 5 ? rows[rows.length - 1].formId : null;
  };

  const enqueue = (years: readonly string[]) => {
    // A year being read is queued again: a form saved behind the cursor is read on the next pass.
    for (const y of years) if (!queue.includes(y)) queue.push(y);
  };

  /** What is left to look at, given what changed since the last slice. */
  const plan = () => {
    checkers = currentCheckers(store, opts.appVersion);
    const now = checkers.join(' ');
    if (now !== signature || store.templates !== templates) {
      // Every stored fact may be stale: start over, from the newest year.
      signature = now;
      templates = store.templates;
      reader = new FactsReader(store, opts.appVersion);
      queue.length = 0;
      cursor = null;
      seen = store.lastSavedAt();
      auditAfter = 0;
      enqueue(store.liveYears());
      return;
    }
    const years = store.yearsSavedAfter(seen);
    if (years.length === 0) return;
    seen = store.lastSavedAt();
    enqueue(years.sort().reverse());
  };

  const step = (): boolean => {
    plan();
    const until = performance.now() + sliceMs;
    do {
      if (!cursor) {
        const year = queue.shift();
        if (year === undefined) {
          if (auditAfter === null) return false;
          audit();
          continue;
        }
        // Template by template: each is a range of an index that holds what is read (store/scan.ts).
        cursor = { year, templates: store.templatesOfYear(year).map((t) => t.templateId), afterId: 0 };
      }
      const templateId = cursor.templates[0];
      const rows =
        templateId === undefined
          ? []
          : store.scanYear({ year: cursor.year, templateId, afterId: cursor.afterId, limit: batch, staleUnless: checkers });
      reader.refresh(rows);
      if (rows.length === batch) cursor.afterId = rows[rows.length - 1].id;
      else {
        cursor.templates.shift();
        cursor.afterId = 0;
        if (cursor.templates.length === 0) cursor = null;
      }
    } while (performance.now() < until);
    return cursor !== null || queue.length > 0 || auditAfter !== null;
  };

  return { step };
}

/** Starts keeping the store's 汇总 facts current in its idle time, until the store is closed. */
export function keepSummaryFacts(store: Store, opts: FactsKeeperOptions): FactsKeeper {
  const keeper = createFactsKeeper(store, opts);
  store.whenIdle(() => keeper.step());
  return keeper;
}
