/**
 * Environment faults are told apart from damage (issue #16, defects 6 and 9). On the old code
 * every one of these said 「数据库文件已损坏」 and advised restoring the newest automatic backup
 * (which, after a permission problem, silently replaced the newest forms with older ones), or
 * answered 内部错误 / SQLite's English. Tests run as root here, and root ignores file modes,
 * so the faults are made for real where root still fails: a directory given as the database,
 * a child process running as `nobody` for EACCES, an immutable file (chattr +i) for EPERM,
 * a tmpfs remounted read-only for EROFS, a 2 MB tmpfs filled up for ENOSPC/SQLITE_FULL. The
 * ones that need root (mount, chattr, setuid) are skipped elsewhere, and say so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, restoreDamaged } from '../../electron/core/store';
import { environmentFault, errnoFault, faultError, sqliteFault } from '../../electron/core/store/faults';
import { dispatch } from '../../electron/core/handlers/dispatch';
import { runCliCapture } from '../helpers/cli';
import { seedForm } from '../helpers/seed';
import { buildCli } from './child/cliBuild';
import { tempDir } from './tempStore';

const isRoot = process.getuid?.() === 0;
const canMount = isRoot && spawnSync('mount', ['--version']).status === 0;
const canChattr = isRoot && spawnSync('chattr', ['--version']).status !== null && existsSync('/usr/bin/chattr');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir('shenbao-faults-')));
afterEach(() => tmp.cleanup());

const NOT_DAMAGE = /已损坏|restore-backup|恢复备份/;

describe('which fault, from an errno or a SQLite code', () => {
  it('maps each cause to its own message', () => {
    expect(errnoFault('EACCES')).toBe('permission');
    expect(errnoFault('EPERM')).toBe('permission');
    expect(errnoFault('EROFS')).toBe('read-only');
    expect(errnoFault('ENOSPC')).toBe('disk-full');
    expect(errnoFault('EISDIR')).toBe('is-directory');
    expect(sqliteFault('SQLITE_READONLY_DBMOVED')).toBe('read-only');
    expect(sqliteFault('SQLITE_FULL')).toBe('disk-full');
    expect(sqliteFault('SQLITE_IOERR_WRITE')).toBe('io');
    expect(sqliteFault('SQLITE_CANTOPEN')).toBe('cannot-open');
    expect(sqliteFault('SQLITE_CORRUPT')).toBeNull();
    const messages = (['is-directory', 'permission', 'read-only', 'disk-full', 'io', 'cannot-open'] as const).map(
      (k) => faultError(k, '/x/shenbao.db').message,
    );
    expect(new Set(messages).size).toBe(6);
    for (const m of messages) {
      expect(m).toMatch(/请/);
      expect(m).not.toMatch(/已损坏，无法打开/);
    }
  });

  it('a handler failing with a raw SQLite or fs fault answers in Chinese, not 内部错误', async () => {
    const fail = (code: string) => async () => {
      throw Object.assign(new Error(code === 'SQLITE_FULL' ? 'database or disk is full' : 'x'), { code });
    };
    for (const [code, msg, errorCode] of [
      ['SQLITE_FULL', /磁盘空间已满/, 'disk-full'],
      ['SQLITE_READONLY', /只读/, 'db-read-only'],
      ['SQLITE_IOERR_FSYNC', /磁盘出错/, 'db-io'],
      ['ENOSPC', /磁盘空间已满/, 'disk-full'],
      ['EACCES', /没有权限/, 'db-permission'],
    ] as const) {
      const reply = await dispatch({ 'forms.list': fail(code) }, 'forms.list', {}, { log: () => undefined });
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(msg), code: errorCode });
    }
  });
});

describe('a directory given as the database', () => {
  it('is reported as a directory, with no restore advice, by the store and the command line', async () => {
    const dir = join(tmp.dir, 'folder.db');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep.txt'), 'x');
    expect(() => openStore({ file: dir, appVersion: 'test' })).toThrow(/是一个文件夹，不是数据库文件/);
    const r = await runCliCapture(['--db', dir, 'list', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/是一个文件夹.*请指定一个文件/);
    expect(r.stderr).not.toMatch(NOT_DAMAGE);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});

describe.runIf(isRoot)('no permission (EACCES, as the user nobody)', () => {
  let cli: Awaited<ReturnType<typeof buildCli>>;
  beforeAll(async () => (cli = await buildCli()));
  afterAll(() => cli.cleanup());

  it('a database the user may not read: permission, not damage; the file is untouched', () => {
    chmodSync(tmp.dir, 0o755);
    const file = join(tmp.dir, 'shenbao.db');
    const store = openStore({ file, appVersion: 'test' });
    store.create(seedForm());
    store.close();
    chmodSync(file, 0o600); // owned by root: nobody can neither read nor write it
    const r = spawnSync(process.execPath, [cli.script, '--db', file, 'list', '--json'], {
      env: cli.env,
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
    });
    expect(r.error, 'nobody could not start node (is its folder closed to other users?)').toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/没有权限读写数据库文件/);
    expect(r.stderr).not.toMatch(NOT_DAMAGE);
    const again = openStore({ file, appVersion: 'test', autoBackup: false });
    expect(again.list()).toHaveLength(1);
    again.close();
  });

  it('a folder the user may not write: permission when the database is created', () => {
    const locked = join(tmp.dir, 'locked');
    mkdirSync(locked, { mode: 0o755 });
    chmodSync(tmp.dir, 0o755);
    const r = spawnSync(process.execPath, [cli.script, '--db', join(locked, 'shenbao.db'), 'list', '--json'], {
      env: cli.env,
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
    });
    expect(r.error, 'nobody could not start node (is its folder closed to other users?)').toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/没有权限读写数据库文件/);
  });
});

describe.runIf(canChattr)('an immutable database file (EPERM even for root)', () => {
  it('opens read-only; a save says so in Chinese and every form stays as it was', (ctx) => {
    const file = join(tmp.dir, 'shenbao.db');
    const first = openStore({ file, appVersion: 'test', autoBackup: false });
    const rec = first.create(seedForm());
    first.close();
    // chattr needs a file system that supports it (ext4 here); skip quietly where it does not.
    if (spawnSync('chattr', ['+i', file]).status !== 0) return ctx.skip();
    try {
      let message = '';
      try {
        const store = openStore({ file, appVersion: 'test', autoBackup: false });
        try {
          store.save(rec.id, { ...rec.data, values: { ...rec.data.values, filler: '改动' } });
        } finally {
          store.close();
        }
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/没有权限读写数据库文件|只读/);
      expect(message).not.toMatch(NOT_DAMAGE);
    } finally {
      execFileSync('chattr', ['-i', file]);
    }
    const store = openStore({ file, appVersion: 'test', autoBackup: false });
    expect(store.get(rec.id).revision).toBe(1);
    store.close();
  });
});

/** A tmpfs of `size` mounted on a fresh folder; unmounted by the returned function. */
function tmpfs(size: string): { dir: string; remount(opts: string): void; unmount(): void } {
  const dir = join(tmp.dir, 'mnt');
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return {
    dir,
    remount: (opts) => execFileSync('mount', ['-o', `remount,${opts}`, dir]),
    unmount: () => execFileSync('umount', ['-l', dir]),
  };
}

describe.runIf(canMount)('a read-only disk (EROFS)', () => {
  it('is reported as read-only, not damage, and the forms are all there afterwards', () => {
    const fs = tmpfs('8m');
    try {
      const file = join(fs.dir, 'shenbao.db');
      const store = openStore({ file, appVersion: 'test', autoBackup: false });
      store.create(seedForm());
      store.close();
      fs.remount('ro');
      let message = '';
      try {
        openStore({ file, appVersion: 'test', autoBackup: false }).close();
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/只读/);
      expect(message).not.toMatch(NOT_DAMAGE);
      fs.remount('rw');
      const again = openStore({ file, appVersion: 'test', autoBackup: false });
      expect(again.list()).toHaveLength(1);
      again.close();
    } finally {
      fs.unmount();
    }
  });
});

describe.runIf(canMount)('a full disk (ENOSPC, SQLITE_FULL)', () => {
  /** Fills the file system with one file until it refuses more. */
  function fill(dir: string): string {
    const filler = join(dir, 'filler');
    const chunk = Buffer.alloc(64 * 1024, 1);
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, chunk);
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    return filler;
  }

  it('a save says the disk is full; the form keeps its last saved version; after freeing space it saves', () => {
    const fs = tmpfs('2m');
    try {
      const store = openStore({ file: join(fs.dir, 'shenbao.db'), appVersion: 'test', autoBackup: false });
      const rec = store.create(seedForm());
      const filler = fill(fs.dir);
      const big = { ...rec.data, values: { ...rec.data.values, functions: '新的内容'.repeat(20_000) } };
      let message = '';
      try {
        for (let i = 0; i < 20; i++) store.save(rec.id, big); // the WAL may still have room for a few
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/磁盘空间已满.*请清理磁盘空间后再试/);
      const kept = store.get(rec.id);
      rmSync(filler);
      expect(store.save(rec.id, kept.data).revision).toBe(kept.revision + 1);
      store.close();
    } finally {
      fs.unmount();
    }
  });

  it('restoring a damaged database onto a full disk fails before the damaged file is moved aside', async () => {
    const fs = tmpfs('2m');
    try {
      // A good backup, outside the small disk, larger than the room left on it.
      const backupStore = openStore({ file: join(tmp.dir, 'source.db'), appVersion: 'test', autoBackup: false });
      for (let i = 0; i < 30; i++)
        backupStore.create({ ...seedForm(), values: { ...seedForm().values, department: `部门${i}`, functions: `${i}`.repeat(30_000) } });
      const backup = join(tmp.dir, 'backup.db');
      await backupStore.backupTo(backup);
      backupStore.close();
      const file = join(fs.dir, 'shenbao.db');
      writeFileSync(file, Buffer.alloc(8192, 7)); // damaged
      fill(fs.dir);
      expect(() => restoreDamaged({ file, appVersion: 'test' }, backup)).toThrow(/磁盘空间已满/);
      expect(readdirSync(fs.dir).sort()).toEqual(['filler', 'shenbao.db']);
    } finally {
      fs.unmount();
    }
  });
});

describe('environmentFault', () => {
  it('leaves real damage and bugs alone', () => {
    expect(environmentFault(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }), '')).toBeNull();
    expect(environmentFault(new TypeError('bug'), '')).toBeNull();
  });
});
