import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSummary } from '../../electron/core/summary';
import { createFactsKeeper, keepSummaryFacts } from '../../electron/core/summary/keeper';
import { seedForm } from '../helpers/seed';
import { countyStore, YEAR, type County } from './countyStore';

let county: County;
let lastYearId: number;
beforeEach(() => {
  county = countyStore();
  const seed = seedForm();
  lastYearId = county.store.create({ ...seed, values: { ...seed.values, year: '2024' } }).id;
});
afterEach(() => county.cleanup());

interface KeptRow {
  form_id: number;
  revision: number;
  checker: string;
  facts: string;
}

function kept(): Map<number, KeptRow> {
  const db = new Database(county.file, { readonly: true });
  try {
    const rows = db.prepare('SELECT form_id, revision, checker, facts FROM summary_facts').all() as KeptRow[];
    return new Map(rows.map((r) => [r.form_id, r]));
  } finally {
    db.close();
  }
}

function revisions(): Map<number, number> {
  const db = new Database(county.file, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, revision FROM forms WHERE deleted_at IS NULL').all() as { id: number; revision: number }[];
    return new Map(rows.map((r) => [r.id, r.revision]));
  } finally {
    db.close();
  }
}

function forgetFacts(): void {
  const db = new Database(county.file);
  db.prepare('DELETE FROM summary_facts').run();
  db.close();
}

/** Steps until the keeper says nothing is left; the number of steps that had work. */
function drain(step: () => boolean): number {
  let n = 0;
  while (step()) if (++n > 10_000) throw new Error('the keeper never finishes');
  return n;
}

describe('the keeper of the 汇总 facts', () => {
  it('works out every live form’s facts of every year a slice at a time, and a 汇总 then uses them as they are', async () => {
    const keeper = createFactsKeeper(county.store, { appVersion: 'test', sliceMs: 0, batch: 7 });
    expect(kept().size).toBe(0);
    // One batch per step: the county's year takes several slices, so the app can answer between them.
    expect(drain(() => keeper.step())).toBeGreaterThan(county.forms.length / 7 - 1);

    const rows = kept();
    const live = revisions();
    expect([...rows.keys()].sort((a, b) => a - b)).toEqual([...live.keys()].sort((a, b) => a - b));
    for (const [id, r] of rows) expect(r.revision).toBe(live.get(id));
    expect(rows.has(lastYearId)).toBe(true);

    const warm = await runSummary(county.store, { year: YEAR }, { appVersion: 'test' });
    // The 汇总 found every kept fact current: it rewrote none.
    expect(kept()).toEqual(rows);
    forgetFacts();
    const cold = await runSummary(county.store, { year: YEAR }, { appVersion: 'test' });
    expect(warm).toEqual(cold);
    // …and worked out what the keeper had, for the year it read.
    expect(kept()).toEqual(new Map([...rows].filter(([id]) => id !== lastYearId)));
  });

  it('after that reads only the forms saved since, and starts over when the checks change', () => {
    const keeper = createFactsKeeper(county.store, { appVersion: 'test' });
    drain(() => keeper.step());
    const before = kept();
    expect(keeper.step()).toBe(false);

    const f = county.store.get(county.ids.fixture);
    county.store.save(f.id, { ...f.data, values: { ...f.data.values, total: '1000.0001', other: '0.0001' } });
    drain(() => keeper.step());
    const after = kept();
    const changed = [...after.keys()].filter((id) => JSON.stringify(after.get(id)) !== JSON.stringify(before.get(id)));
    expect(changed).toEqual([f.id]);
    expect(after.get(f.id)!.revision).toBe(before.get(f.id)!.revision + 1);
    expect(JSON.parse(after.get(f.id)!.facts).money).toEqual(['1000.0001', '1000', '0.0001']);

    // Another app version checks differently: every form's facts are worked out again.
    const next = createFactsKeeper(county.store, { appVersion: 'test-2' });
    drain(() => next.step());
    const redone = kept();
    expect(redone.size).toBe(after.size);
    for (const [id, r] of redone) expect(r.checker).not.toBe(after.get(id)!.checker);
  });

  it('runs by itself in the store’s pauses between writes', async () => {
    keepSummaryFacts(county.store, { appVersion: 'test' });
    const live = revisions().size;
    const deadline = Date.now() + 20_000;
    while (kept().size < live && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(kept().size).toBe(live);
  });
});
