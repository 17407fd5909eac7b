/**
 * Kept 汇总 facts are tied to the content they were read from (issue #27 item 9). A revision whose
 * stored content changed under its facts (a damaged disk, a file edited outside the app) kept
 * its old figures in every 汇总; the keeper now compares each kept fact's content hash with its
 * revision and reads the changed ones again.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../electron/core/store';
import { packJson, unpackJson } from '../../electron/core/store/jsonBlob';
import { runSummary } from '../../electron/core/summary';
import { createFactsKeeper } from '../../electron/core/summary/keeper';
import { seedForm } from '../helpers/seed';
import { storeIn, tempDir } from '../store/tempStore';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir('shenbao-facts-content-');
  store = storeIn(tmp.dir, { autoBackup: false });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const drain = (step: () => boolean) => {
  for (let n = 0; step(); n++) if (n > 10_000) throw new Error('the keeper never finishes');
};

describe('kept facts and the content they were read from', () => {
  it('facts whose revision changed under them are dropped by the keeper and read again', async () => {
    const seed = seedForm();
    const year = String(seed.values.year);
    const ids = [0, 1, 2].map((i) => store.create({ ...seed, values: { ...seed.values, department: `部门${i}` } }).id);
    drain(createFactsKeeper(store, { appVersion: 'test' }).step);
    const before = JSON.stringify(await runSummary(store, { year }, { appVersion: 'test' }));

    // The stored content of one revision changes, its facts stay.
    const db = new Database(join(tmp.dir, 'shenbao.db'));
    const blob = db.prepare('SELECT data FROM revisions WHERE form_id = ?').pluck().get(ids[1]) as Buffer;
    const data = JSON.parse(unpackJson(blob)) as { values: Record<string, unknown> };
    data.values.total = '442.21';
    data.values.generalBudget = '442.21';
    db.prepare('UPDATE revisions SET data = ? WHERE form_id = ?').run(packJson(JSON.stringify(data)), ids[1]);
    const keptRows = db.prepare('SELECT count(*) FROM summary_facts').pluck().get();
    db.close();
    expect(keptRows).toBe(3);
    // Kept facts are what a 汇总 reads: until the keeper has compared them, the old figures.
    expect(JSON.stringify(await runSummary(store, { year }, { appVersion: 'test' }))).toBe(before);

    drain(createFactsKeeper(store, { appVersion: 'test' }).step);
    const after = JSON.stringify(await runSummary(store, { year }, { appVersion: 'test' }));
    expect(after).not.toBe(before);
    expect(after).toContain('442.21');
    // The same as a 汇总 that reads every form afresh.
    const raw = new Database(join(tmp.dir, 'shenbao.db'));
    raw.prepare('DELETE FROM summary_facts').run();
    raw.close();
    expect(JSON.stringify(await runSummary(store, { year }, { appVersion: 'test' }))).toBe(after);
  });
});
