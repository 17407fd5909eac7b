/**
 * The open of a large store (integrityCheck.ts): no quick_check of every page while the data is
 * as it was fully checked less than a week ago; the full check whenever it changed. Shown with a
 * damaged page that the open itself never reads, and the size limit lowered to make a small file
 * count as large.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DamagedDatabaseError, openStore, type StoreOptions } from '../../electron/core/store';
import { seedForm } from '../helpers/seed';
import { manualClock, tempDir } from './tempStore';

let tmp: ReturnType<typeof tempDir>;
let clock: ReturnType<typeof manualClock>;
let opts: StoreOptions;
const LARGE = { quickCheckMaxBytes: 0 };

beforeEach(() => {
  tmp = tempDir();
  clock = manualClock();
  opts = { file: join(tmp.dir, 'shenbao.db'), appVersion: '0.0.0-test', autoBackup: false, now: clock.now };
  const store = openStore(opts);
  for (let i = 0; i < 30; i++) {
    const seed = seedForm();
    store.create({ ...seed, values: { ...seed.values, department: `部门${i}` } });
  }
  store.close();
  // This open checks the new data fully and records it.
  openStore(opts).close();
});
afterEach(() => tmp.cleanup());

/** Overwrites the header of the revisions table's root page: its forms' content no longer reads. */
function damageRevisions(): void {
  const db = new Database(opts.file, { readonly: true });
  const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'revisions'").get() as { rootpage: number }).rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(opts.file, 'r+');
  writeSync(fd, Buffer.alloc(16, 0x6b), 0, 16, (root - 1) * pageSize);
  closeSync(fd);
}

describe('opening a large store', () => {
  it('a small file is read whole at every open, so the damage is found at once', () => {
    damageRevisions();
    expect(() => openStore(opts)).toThrow(DamagedDatabaseError);
  });

  it('a large file unchanged since its last full check opens without reading every page; the damage shows where it is read', () => {
    damageRevisions();
    const store = openStore({ ...opts, ...LARGE });
    expect(store.list()).toHaveLength(30);
    expect(() => store.get(store.list()[0].id)).toThrow();
    store.close();
  });

  it('a large file whose data changed since its last full check is checked fully, and the damage is found', () => {
    const store = openStore({ ...opts, ...LARGE });
    clock.advance(60_000);
    store.save(store.list()[0].id, seedForm());
    store.close();
    damageRevisions();
    expect(() => openStore({ ...opts, ...LARGE })).toThrow(DamagedDatabaseError);
  });

  it('a large file last checked more than a week ago is checked fully', () => {
    clock.advance(8 * 24 * 60 * 60 * 1000);
    damageRevisions();
    expect(() => openStore({ ...opts, ...LARGE })).toThrow(DamagedDatabaseError);
  });
});
