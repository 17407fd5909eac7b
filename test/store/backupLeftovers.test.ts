/**
 * A backup onto a nearly full disk, and what killed backups and restores leave behind (issue #27
 * item 12). On the old code a backup into a nearly full folder sometimes failed with
 * SQLITE_IOERR_SHMSIZE, which said 「磁盘出错」 (check the disk, it may be failing), and left its
 * temp -wal/-shm files; the temp copies of killed restores (as large as the database) stayed for good.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import { seedForm } from '../helpers/seed';
import { tempDir } from './tempStore';

const isRoot = process.getuid?.() === 0;
const canMount = isRoot && spawnSync('mount', ['--version']).status === 0;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir('shenbao-leftovers-')));
afterEach(() => tmp.cleanup());

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('temp files of killed restores and backups', () => {
  it('are swept at open; files of running processes and anything not ours are left alone', () => {
    const file = join(tmp.dir, 'shenbao.db');
    openStore({ file, appVersion: 'test', autoBackup: false }).close();
    const backups = join(tmp.dir, 'backups');
    mkdirSync(backups, { recursive: true });
    const dead = deadPid();
    const stale = [
      join(tmp.dir, `.shenbao.db.${dead}.1796659740758.tmp`),
      join(tmp.dir, `.shenbao.db.${dead}.1796659740758.tmp-journal`),
      join(backups, `.shenbao-20201130-101500-000-before-restore.db.${dead}.1796659740759.tmp`),
      join(backups, `.shenbao-20201130-101500-000-before-restore.db.${dead}.1796659740759.tmp-wal`),
    ];
    const kept = [
      join(tmp.dir, `.shenbao.db.${process.pid}.1796659740760.tmp`), // this process: perhaps being written
      join(tmp.dir, `.other.db.${dead}.1796659740761.tmp`), // another database's
      join(tmp.dir, 'notes.tmp'),
      join(backups, `.mine.${dead}.1.tmp`),
    ];
    for (const f of [...stale, ...kept]) writeFileSync(f, randomBytes(1024));
    openStore({ file, appVersion: 'test', autoBackup: false }).close();
    const left = new Set([...readdirSync(tmp.dir).map((n) => join(tmp.dir, n)), ...readdirSync(backups).map((n) => join(backups, n))]);
    expect(stale.filter((f) => left.has(f))).toEqual([]);
    expect(kept.filter((f) => !left.has(f))).toEqual([]);
  });
});

describe.runIf(canMount)('a backup onto a nearly full disk', () => {
  it('says the disk has too little space, at every fill level, and leaves nothing behind', { timeout: 60_000 }, async () => {
    const store = openStore({ file: join(tmp.dir, 'shenbao.db'), appVersion: 'test', autoBackup: false });
    for (let i = 0; i < 30; i++)
      store.create({
        ...seedForm(),
        values: { ...seedForm().values, department: `部门${i}`, functions: randomBytes(15_000).toString('base64') },
      });
    const mnt = join(tmp.dir, 'small');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]);
    const messages = new Set<string>();
    let done = 0;
    try {
      for (let kb = 2000; kb < 4096; kb += 37) {
        writeFileSync(join(mnt, 'filler'), Buffer.alloc(kb * 1024));
        try {
          await store.backupTo(join(mnt, 'backup.db'));
          rmSync(join(mnt, 'backup.db'));
          done++;
        } catch (e) {
          messages.add((e as Error).message.replace(/（.*?）/, ''));
        }
        expect(readdirSync(mnt)).toEqual(['filler']);
      }
    } finally {
      execFileSync('umount', ['-l', mnt]);
      store.close();
    }
    expect(done).toBeGreaterThan(0);
    expect([...messages]).toEqual([expect.stringMatching(/^磁盘空间不足：.*请清理磁盘空间后再试/)]);
  });
});
