import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DamagedDatabaseError, listBackups, openStore, restoreDamaged, SCHEMA_VERSION } from '../../electron/core/store';
import { checkMarkerPath } from '../../electron/core/store/openDb';
import { defaultDatabasePath } from '../../electron/core/paths';
import { seedForm } from '../helpers/seed';
import { manualClock, storeIn, tempDir } from './tempStore';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/**
 * Damages only the listing index: its one entry says 2018 where the row says 2019. Every page
 * still reads well, so only the full check, which compares indexes with rows, sees it.
 */
function damageListingIndex(file: string): void {
  const raw = new Database(file, { readonly: true });
  const root = (raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'forms_listing'").get() as { rootpage: number }).rootpage;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const bytes = readFileSync(file);
  const page = bytes.subarray((root - 1) * pageSize, root * pageSize);
  const at = page.indexOf('2019');
  expect(at).toBeGreaterThan(0);
  page.write('2018', at, 'latin1');
  writeFileSync(file, bytes);
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('opening the database', () => {
  it('creates the folder and a WAL database with foreign keys and the current schema', () => {
    const store = storeIn(join(tmp.dir, 'new', 'folder'));
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    store.close();
    const db = new Database(join(tmp.dir, 'new', 'folder', 'shenbao.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database from a newer app and leaves it byte for byte untouched', () => {
    const store = storeIn(tmp.dir);
    store.create(seedForm());
    store.close();
    const file = join(tmp.dir, 'shenbao.db');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = sha(file);
    expect(() => storeIn(tmp.dir)).toThrow(/更新版本的本程序.*请安装最新版本/);
    expect(sha(file)).toBe(before);
    // A read-only look may leave an empty -wal beside it, never content.
    expect(existsSync(file + '-wal') ? statSync(file + '-wal').size : 0).toBe(0);
  });

  it('refuses a damaged file untouched and names the newest automatic backup', () => {
    const clock = manualClock();
    const store = storeIn(tmp.dir, { now: clock.now });
    store.create(seedForm());
    store.close();
    clock.advance(1000);
    storeIn(tmp.dir, { now: clock.now }).close(); // start-up backup
    const backups = listBackups(join(tmp.dir, 'backups'), 'auto');
    expect(backups).toHaveLength(1);
    const file = join(tmp.dir, 'shenbao.db');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, 8192); // overwrite a page of the forms table
    writeFileSync(file, bytes);
    const before = sha(file);
    let error: unknown;
    try {
      storeIn(tmp.dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DamagedDatabaseError);
    expect((error as Error).message).toContain('数据库文件已损坏');
    expect((error as DamagedDatabaseError).newestBackup).toBe(backups[0]);
    expect(sha(file)).toBe(before);

    const restored = restoreDamaged({ file, appVersion: 'test' }, backups[0]);
    expect(restored.list().map((f) => f.title)).toEqual(['湖南省桃源县看守所']);
    restored.close();
    expect(readdirSync(tmp.dir).some((n) => n.startsWith('shenbao.db.damaged-'))).toBe(true);
  });

  it('runs the full integrity check whenever the data changed since the last one, and at least weekly', () => {
    const clock = manualClock();
    const store = storeIn(tmp.dir, { now: clock.now });
    store.create(seedForm());
    store.close();
    clock.advance(1000);
    storeIn(tmp.dir, { now: clock.now }).close(); // full check (the data is new) and start-up backup
    const file = join(tmp.dir, 'shenbao.db');

    damageListingIndex(file);
    const damaged = new Database(file, { readonly: true });
    expect(damaged.pragma('quick_check', { simple: true })).toBe('ok');
    expect(damaged.pragma('integrity_check', { simple: true })).not.toBe('ok');
    damaged.close();

    // Unchanged since the last full check, which is a day old: the quick check passes.
    clock.advance(24 * 3600_000);
    storeIn(tmp.dir, { now: clock.now, autoBackup: false }).close();
    // Another program (or a copy) changed the data: full check, refused untouched.
    const other = new Database(file);
    other.prepare("INSERT INTO events (form_id, kind, at) VALUES (1, 'finalize', 'x')").run();
    other.close();
    const before = sha(file);
    expect(() => storeIn(tmp.dir, { now: clock.now })).toThrow(DamagedDatabaseError);
    expect(sha(file)).toBe(before);
    const undo = new Database(file);
    undo.prepare("DELETE FROM events WHERE at = 'x'").run();
    undo.close();
    // Data as last checked, but the check is over a week old: full check again.
    clock.advance(7 * 24 * 3600_000);
    expect(() => storeIn(tmp.dir, { now: clock.now })).toThrow(DamagedDatabaseError);
  });

  it('checks fully, without the memory map, when the last open died during its check', () => {
    const clock = manualClock();
    const store = storeIn(tmp.dir, { now: clock.now });
    store.create(seedForm());
    store.close();
    clock.advance(1000);
    storeIn(tmp.dir, { now: clock.now }).close();
    const file = join(tmp.dir, 'shenbao.db');
    expect(existsSync(checkMarkerPath(file))).toBe(false);
    damageListingIndex(file);
    clock.advance(3600_000);
    storeIn(tmp.dir, { now: clock.now, autoBackup: false }).close(); // not due: quick check only
    // A marker left behind means the previous check never finished (SIGBUS, power cut).
    writeFileSync(checkMarkerPath(file), '');
    expect(() => storeIn(tmp.dir, { now: clock.now, autoBackup: false })).toThrow(DamagedDatabaseError);
    expect(existsSync(checkMarkerPath(file))).toBe(false);
  });

  it('refuses a garbage file and a SQLite file of another program without touching them', () => {
    const garbage = join(tmp.dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database'.repeat(300));
    const g = sha(garbage);
    expect(() => openStore({ file: garbage, appVersion: 't' })).toThrow(/数据库文件已损坏/);
    expect(sha(garbage)).toBe(g);

    const other = join(tmp.dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE people (name TEXT)');
    db.close();
    const o = sha(other);
    expect(() => openStore({ file: other, appVersion: 't' })).toThrow(/不是本程序的数据库/);
    expect(sha(other)).toBe(o);
  });

  it('keeps the newest 10 start-up backups and skips one when nothing changed', () => {
    const clock = manualClock();
    const dir = join(tmp.dir, 'backups');
    for (let i = 0; i < 13; i++) {
      clock.advance(60_000);
      const s = storeIn(tmp.dir, { now: clock.now });
      s.create({ ...seedForm(), values: { ...seedForm().values, department: `部门${i}` } });
      s.close();
    }
    expect(listBackups(dir, 'auto')).toHaveLength(10);
    const newest = listBackups(dir, 'auto')[0];
    clock.advance(60_000);
    storeIn(tmp.dir, { now: clock.now }).close();
    clock.advance(60_000);
    storeIn(tmp.dir, { now: clock.now }).close();
    expect(listBackups(dir, 'auto')[0]).not.toBe(newest); // the 13th form was not yet in a backup
    const again = listBackups(dir, 'auto')[0];
    clock.advance(60_000);
    storeIn(tmp.dir, { now: clock.now }).close();
    expect(listBackups(dir, 'auto')[0]).toBe(again);
    const copy = join(tmp.dir, 'copy.db');
    copyFileSync(again, copy);
    const s = openStore({ file: copy, appVersion: 't', autoBackup: false });
    expect(s.list()).toHaveLength(13);
    s.close();
  });

  it('finds the desktop app database like Electron userData does', () => {
    expect(defaultDatabasePath({ SHENBAO_DB: '/x/y.db' }, 'linux')).toBe('/x/y.db');
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/绩效目标申报/shenbao.db');
    expect(defaultDatabasePath({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toMatch(/Roaming[\\/]绩效目标申报[\\/]shenbao\.db$/);
    expect(defaultDatabasePath({}, 'darwin')).toMatch(/Library[\\/]Application Support[\\/]绩效目标申报[\\/]shenbao\.db$/);
  });
});
