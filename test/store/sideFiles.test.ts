/**
 * What a crash or a read-only open leaves beside the database (issue #27 item 4). On the old
 * code each of these made every later open say 「磁盘或文件夹是只读的」 for good, though the data
 * was intact and the folder writable: a hot rollback journal (a process killed in a transaction
 * on a rollback-journal file, as the first open of a restored copy was), and -wal/-shm files
 * left at 0444 by an open of a read-only database after the user made it writable again.
 * Root ignores file modes, so the second runs the command line as `nobody`.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import { seedForm } from '../helpers/seed';
import { buildCli } from './child/cliBuild';
import { tempDir } from './tempStore';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir('shenbao-side-files-')));
afterEach(() => tmp.cleanup());

function storeWithForms(file: string, n: number): void {
  const store = openStore({ file, appVersion: 'test', autoBackup: false });
  for (let i = 0; i < n; i++) store.create({ ...seedForm(), values: { ...seedForm().values, department: `部门${i}` } });
  store.close();
}

describe('a hot rollback journal', () => {
  it('is rolled back at the next open: the forms are there as before the killed transaction', () => {
    const file = join(tmp.dir, 'shenbao.db');
    storeWithForms(file, 30);
    // A real process dies inside a write transaction on a rollback-journal file (the mode a backup is in).
    const script = join(tmp.dir, 'die.cjs');
    writeFileSync(
      script,
      `const Database = require('better-sqlite3');
       const db = new Database(process.argv[2]);
       db.pragma('journal_mode = DELETE');
       db.pragma('cache_size = 2');
       db.exec('BEGIN IMMEDIATE');
       db.prepare("UPDATE revisions SET note = note || '被杀掉的改动'").run();
       db.prepare('DELETE FROM events').run();
       process.kill(process.pid, 'SIGKILL');`,
    );
    const r = spawnSync(process.execPath, [script, file], { env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') } });
    expect(r.signal).toBe('SIGKILL');
    expect(statSync(`${file}-journal`).size).toBeGreaterThan(0);

    const store = openStore({ file, appVersion: 'test', autoBackup: false });
    expect(store.list()).toHaveLength(30);
    expect(store.revisions(1)[0].note).not.toMatch(/被杀掉的改动/);
    expect(store.events(1).length).toBeGreaterThan(0);
    store.create({ ...seedForm(), values: { ...seedForm().values, department: '之后新建' } });
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe.runIf(isRoot)('read-only -wal/-shm files beside a writable database (as the user nobody)', () => {
  let cli: Awaited<ReturnType<typeof buildCli>>;
  beforeAll(async () => (cli = await buildCli()));
  afterAll(() => cli.cleanup());

  const list = (file: string) =>
    spawnSync(process.execPath, [cli.script, '--db', file, 'list', '--json'], { env: cli.env, uid: NOBODY, gid: NOBODY, encoding: 'utf8' });

  function nobodysStore(): string {
    chmodSync(tmp.dir, 0o755);
    const dir = join(tmp.dir, 'data');
    const file = join(dir, 'shenbao.db');
    storeWithForms(file, 2);
    for (const n of readdirSync(dir)) chownSync(join(dir, n), NOBODY, NOBODY);
    chownSync(dir, NOBODY, NOBODY);
    return file;
  }

  it('left by an open of the read-only database: after the database is made writable, it opens', () => {
    const file = nobodysStore();
    chmodSync(file, 0o444);
    const ro = list(file);
    expect(ro.error, 'nobody could not start node').toBeUndefined();
    expect(ro.status).toBe(1);
    // The read-only open left its side files at the database's mode.
    expect(statSync(`${file}-shm`).mode & 0o777).toBe(0o444);
    chmodSync(file, 0o644);
    const r = list(file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });

  it('one the user may not change is named in the message', () => {
    const file = nobodysStore();
    // Another user's read-only -shm (root's here): nobody can neither write it nor change its mode.
    writeFileSync(`${file}-shm`, Buffer.alloc(32 * 1024));
    chmodSync(`${file}-shm`, 0o444);
    const r = list(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`辅助文件“${file}-shm”是只读的`);
    expect(r.stderr).not.toMatch(/已损坏|restore-backup/);
    expect(existsSync(`${file}-shm`)).toBe(true);
  });
});
