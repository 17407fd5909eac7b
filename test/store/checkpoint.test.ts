import Database from 'better-sqlite3';
import { copyFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDLE_MS, WAL_PAGES_LIMIT } from '../../electron/core/store/idleCheckpoint';
import { seedForm } from '../helpers/seed';
import { storeIn, tempDir } from './tempStore';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

/** What the database file alone (without its WAL) holds: only checkpointed saves. */
function revisionsInMainFile(dir: string): number {
  const copy = join(dir, 'main-only.db');
  copyFileSync(join(dir, 'shenbao.db'), copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('WAL checkpoints', () => {
  it('move saves into the database file once writes pause, not inside a save', async () => {
    const store = storeIn(tmp.dir, { autoBackup: false });
    const r = store.create(seedForm());
    await sleep(IDLE_MS + 300);
    expect(revisionsInMainFile(tmp.dir)).toBe(1);
    for (let i = 0; i < 5; i++) store.save(r.id, { ...r.data, values: { ...r.data.values, filler: `第${i}次` } });
    expect(revisionsInMainFile(tmp.dir)).toBe(1);
    await sleep(IDLE_MS + 300);
    expect(revisionsInMainFile(tmp.dir)).toBe(6);
    store.close();
  });

  it('keep the WAL bounded when saves never pause', () => {
    const store = storeIn(tmp.dir, { autoBackup: false });
    const r = store.create(seedForm());
    const pageSize = 4096;
    let saves = 0;
    // Until well past the bound: without it the WAL would hold every page written.
    for (; saves < 2000 && saves * 4 < WAL_PAGES_LIMIT * 2; saves++)
      store.save(r.id, { ...r.data, values: { ...r.data.values, filler: `第${saves}次` } });
    const walFrames = statSync(join(tmp.dir, 'shenbao.db-wal')).size / (pageSize + 24);
    expect(walFrames).toBeLessThan(WAL_PAGES_LIMIT + 50);
    expect(revisionsInMainFile(tmp.dir)).toBeGreaterThan(1);
    store.close();
  });
});
