import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedForm } from '../helpers/seed';
import { storeIn, tempDir } from './tempStore';

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

/** Another process that takes the write lock, holds it for `ms`, then commits. Resolves once it holds the lock. */
function holdWriteLock(file: string, ms: number): Promise<{ done: Promise<number | null> }> {
  const code = `
    const db = require('better-sqlite3')(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', code, file, String(ms)], {
    env: { ...process.env, NODE_PATH: NODE_MODULES },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve) => child.stdout.once('data', () => resolve({ done })));
}

describe('two connections to one file', () => {
  it('see each other’s saves', () => {
    const a = storeIn(tmp.dir);
    const b = storeIn(tmp.dir);
    const r = a.create(seedForm());
    expect(b.get(r.id).data).toEqual(r.data);
    b.save(r.id, { ...r.data, values: { ...r.data.values, filler: '乙' } });
    expect(a.get(r.id).data.values.filler).toBe('乙');
    expect(() => b.create(seedForm())).toThrow(/同一年度同一部门名称只能有一份/);
    a.close();
    b.close();
  });

  it('waits for a writer in another process, then saves', async () => {
    const store = storeIn(tmp.dir);
    const r = store.create(seedForm());
    const lock = await holdWriteLock(join(tmp.dir, 'shenbao.db'), 400);
    const t0 = Date.now();
    const saved = store.save(r.id, { ...r.data, values: { ...r.data.values, filler: '等待后保存' } });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
    expect(saved.revision).toBe(2);
    expect(await lock.done).toBe(0);
    expect(store.get(r.id).data.values.filler).toBe('等待后保存');
    store.close();
  });

  it('fails clearly when the other writer does not let go, and loses nothing', () => {
    const store = storeIn(tmp.dir, { busyTimeoutMs: 100 });
    const r = store.create(seedForm());
    const other = new Database(join(tmp.dir, 'shenbao.db'));
    other.exec('BEGIN IMMEDIATE');
    expect(() => store.save(r.id, { ...r.data, values: { ...r.data.values, filler: '被挡住' } })).toThrow(
      /数据库正被另一个程序.*请稍后再试/,
    );
    expect(() => store.delete(r.id)).toThrow(/数据库正被另一个程序/);
    other.exec('COMMIT');
    other.close();
    expect(store.get(r.id)).toEqual(r);
    expect(store.save(r.id, { ...r.data, values: { ...r.data.values, filler: '再试成功' } }).revision).toBe(2);
    store.close();
  });
});
