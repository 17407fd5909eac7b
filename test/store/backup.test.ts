import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inspectBackup, listBackups, openStore, SCHEMA_VERSION, type Store } from '../../electron/core/store';
import { seedForm } from '../helpers/seed';
import { buildSaver } from './child/build';
import { tornForms, withUnpack } from './rawDb';
import { storeIn, tempDir } from './tempStore';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = storeIn(tmp.dir);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('backup and restore', () => {
  it('writes one self-contained file with a manifest', async () => {
    store.create(seedForm());
    const out = join(tmp.dir, 'out', 'b.db');
    await expect(store.backupTo(out)).rejects.toThrow(/文件夹不存在/);
    const file = join(tmp.dir, 'b.db');
    const m = await store.backupTo(file);
    expect(m).toMatchObject({ app: 'shenbao', appVersion: '0.0.0-test', schemaVersion: SCHEMA_VERSION, formCount: 1 });
    expect(inspectBackup(file)).toEqual(m);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('brings a deleted form back, after backing up the current data', async () => {
    const r = store.create({
      ...seedForm(),
      values: { ...seedForm().values, total: '1856.3472', generalBudget: '1796.3472', basicExpenditure: '1807.3472' },
    });
    const file = join(tmp.dir, 'b.db');
    await store.backupTo(file);
    store.delete(r.id);
    store.emptyTrash();
    store.create({ ...seedForm(), values: { ...seedForm().values, year: '2021' } });
    const m = await store.restoreFrom(file);
    expect(m.formCount).toBe(1);
    expect(store.list().map((f) => [f.id, f.year])).toEqual([[r.id, '2019']]);
    expect(store.get(r.id).data).toEqual(r.data);
    expect(store.revisions(r.id)).toHaveLength(1);
    const safety = listBackups(join(tmp.dir, 'backups'), 'before-restore');
    expect(safety).toHaveLength(1);
    expect(inspectBackup(safety[0]).formCount).toBe(1);
    // The restored database works and survives reopening.
    store.save(r.id, store.get(r.id).data);
    store.close();
    store = storeIn(tmp.dir);
    expect(store.get(r.id).revision).toBe(2);
  });

  it.each([
    ['plain text', (f: string) => writeFileSync(f, '这不是备份'.repeat(100))],
    ['an empty file', (f: string) => writeFileSync(f, '')],
    [
      'a SQLite file of another program',
      (f: string) => {
        const db = new Database(f);
        db.exec('CREATE TABLE meta (key TEXT, value TEXT)');
        db.close();
      },
    ],
    [
      'a truncated backup',
      (f: string, good: string) => {
        const bytes = readFileSync(good);
        writeFileSync(f, bytes.subarray(0, bytes.length - 4096));
      },
    ],
  ])('refuses %s and leaves the store as it was', async (_what, make) => {
    const r = store.create(seedForm());
    const good = join(tmp.dir, 'good.db');
    await store.backupTo(good);
    store.save(r.id, { ...r.data, values: { ...r.data.values, filler: '改过' } });
    const bad = join(tmp.dir, 'bad.db');
    make(bad, good);
    const dbFile = join(tmp.dir, 'shenbao.db');
    const before = JSON.stringify(store.list()) + JSON.stringify(store.get(r.id));
    await expect(store.restoreFrom(bad)).rejects.toThrow(/不是本程序的备份文件|当前数据没有任何改动/);
    expect(JSON.stringify(store.list()) + JSON.stringify(store.get(r.id))).toBe(before);
    expect(listBackups(join(tmp.dir, 'backups'), 'before-restore')).toEqual([]);
    expect(sha(dbFile)).toBeTruthy();
  });

  it('refuses a backup from a newer app', async () => {
    store.create(seedForm());
    const file = join(tmp.dir, 'b.db');
    await store.backupTo(file);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    const m = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'backup_manifest'").get() as { value: string }).value);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'backup_manifest'").run(JSON.stringify({ ...m, schemaVersion: SCHEMA_VERSION + 1 }));
    db.close();
    await expect(store.restoreFrom(file)).rejects.toThrow(/更新版本/);
    expect(store.list()).toHaveLength(1);
  });
});

describe('backup while another process writes', () => {
  let saver: Awaited<ReturnType<typeof buildSaver>>;
  beforeAll(async () => (saver = await buildSaver()));
  afterAll(() => saver.cleanup());

  it('is a consistent snapshot', { timeout: 60_000 }, async () => {
    const file = join(tmp.dir, 'shenbao.db');
    for (let i = 0; i < 20; i++) store.create({ ...seedForm(), values: { ...seedForm().values, department: `填充${i}` } });
    const child = spawn(process.execPath, [saver.script, file, '3', 'w-', '400'], { env: saver.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('ack ') && resolve()));
    const backups: string[] = [];
    for (let i = 0; i < 5; i++) {
      const b = join(tmp.dir, `during-${i}.db`);
      await store.backupTo(b);
      backups.push(b);
    }
    const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(exit).toBe(0);
    for (const b of backups) {
      const m = inspectBackup(b);
      expect(m.formCount).toBe(23);
      const db = withUnpack(new Database(b, { readonly: true }));
      const torn = tornForms(db);
      db.close();
      expect(torn).toBe(0);
      const s = openStore({ file: b, appVersion: 't', autoBackup: false });
      expect(s.list()).toHaveLength(23);
      s.close();
    }
    expect(
      out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('ack')),
    ).toHaveLength(400);
  });
});
