/**
 * A restore while another process writes (issue #27 item 1). The old restore renamed a new file
 * over the database: a second process that had it open (browser mode, a command-line batch
 * import) went on writing into the unlinked old file and acknowledged every form, and none of
 * them existed afterwards, not even in the before-restore copy. Here two real processes share
 * one file: every form the other one acknowledged is in the restored database or in the
 * before-restore copy, and every form it acknowledged after the restore is in the database.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups, openStore } from '../../electron/core/store';
import { bumenZhengti2019 as T2019 } from '../../shared/templates/bumen-zhengti-2019';
import { blankForm } from '../../shared/formOps';
import { withUnpack } from './rawDb';
import { buildChild } from './child/build';
import { buildCli } from './child/cliBuild';
import { tempDir } from './tempStore';

let creator: Awaited<ReturnType<typeof buildChild>>;
let cli: Awaited<ReturnType<typeof buildCli>>;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  [creator, cli] = await Promise.all([buildChild('creator'), buildCli()]);
  tmp = tempDir('shenbao-restore-writing-');
});
afterAll(() => {
  creator?.cleanup();
  cli?.cleanup();
  tmp?.cleanup();
});

/** The 部门名称 of every form in a store file. */
function departments(file: string): Set<string> {
  const db = withUnpack(new Database(file, { readonly: true }));
  try {
    return new Set(
      db
        .prepare(
          `SELECT json_extract(unpack(r.data), '$.values.department') FROM forms f JOIN revisions r ON r.form_id = f.id AND r.revision = f.revision`,
        )
        .pluck()
        .all() as string[],
    );
  } finally {
    db.close();
  }
}

interface Running {
  child: ChildProcess;
  acks: number[];
  /** Resolves once `n` more forms are acknowledged. */
  more(n: number): Promise<void>;
  /** Closes its stdin and waits for it to end. */
  finish(): Promise<void>;
}

function startCreator(file: string, tag: string): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [creator.script, file, tag], { env: creator.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const acks: number[] = [];
    let out = '';
    let err = '';
    const waiters: { until: number; done: () => void }[] = [];
    child.stdout!.on('data', (d) => {
      out += d;
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const l of lines) {
        if (l === 'ready') resolve(running);
        if (l.startsWith('ack ')) acks.push(Number(l.slice(4)));
      }
      for (const w of waiters.splice(0)) (acks.length >= w.until ? w.done : () => waiters.push(w))();
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('error', reject);
    const ended = new Promise<void>((res, rej) =>
      child.on('close', (code) => (code === 0 ? res() : rej(new Error(`creator failed (${code}): ${err}`)))),
    );
    const running: Running = {
      child,
      acks,
      more: (n) => new Promise((done) => waiters.push({ until: acks.length + n, done })),
      finish: async () => {
        child.stdin!.end();
        await ended;
      },
    };
    ended.catch(reject);
  });
}

function form(department: string) {
  const f = blankForm(T2019, '2020');
  f.values.department = department;
  return f;
}

describe('a restore while another process writes loses nothing it acknowledged', () => {
  it('this process restores while a second one creates forms', { timeout: 60_000 }, async () => {
    const dir = join(tmp.dir, 'a');
    const file = join(dir, 'shenbao.db');
    const store = openStore({ file, appVersion: 'test', autoBackup: false });
    store.create(form('备份里的部门'));
    const backup = join(tmp.dir, 'a-backup.db');
    await store.backupTo(backup);
    store.create(form('备份之后的部门'));

    const writer = await startCreator(file, '导入');
    await writer.more(10);
    await store.restoreFrom(backup);
    await writer.more(30);
    await writer.finish();

    const live = departments(file);
    const safety = listBackups(join(dir, 'backups'), 'before-restore');
    expect(safety).toHaveLength(1);
    const before = departments(safety[0]);
    // The restore happened: what came after the backup is only in the safety copy.
    expect(live.has('备份里的部门')).toBe(true);
    expect(live.has('备份之后的部门')).toBe(false);
    expect(before.has('备份之后的部门')).toBe(true);
    const lost = writer.acks.filter((n) => !live.has(`导入${n}`) && !before.has(`导入${n}`));
    expect(lost).toEqual([]);
    // What was acknowledged after the restore is in the database itself.
    const lastBefore = Math.max(...writer.acks.filter((n) => before.has(`导入${n}`)));
    expect(lastBefore).toBeGreaterThanOrEqual(10);
    const afterRestore = writer.acks.filter((n) => n > lastBefore);
    expect(afterRestore.length).toBeGreaterThan(10);
    expect(afterRestore.filter((n) => !live.has(`导入${n}`))).toEqual([]);
    // And this process sees them too.
    expect(store.list({ search: `导入${writer.acks[writer.acks.length - 1]}` })).toHaveLength(1);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('the command line restores while this process keeps saving', { timeout: 60_000 }, async () => {
    const dir = join(tmp.dir, 'b');
    const file = join(dir, 'shenbao.db');
    const store = openStore({ file, appVersion: 'test', autoBackup: false });
    store.create(form('备份里的部门'));
    const backup = join(tmp.dir, 'b-backup.db');
    await store.backupTo(backup);

    const child = spawn(process.execPath, [cli.script, '--db', file, 'restore-backup', backup], {
      env: cli.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const done = new Promise<number | null>((res) => child.on('close', res));
    let finished = false;
    void done.then(() => (finished = true));

    const acked: string[] = [];
    let afterExit = 0;
    for (let n = 1; afterExit < 10; n++) {
      if (finished) afterExit++;
      try {
        store.create(form(`桌面${n}`));
        acked.push(`桌面${n}`);
      } catch (e) {
        // The restore holds the write lock for a moment: a refused save is not acknowledged.
        expect((e as Error).message).toMatch(/数据库正被另一个程序/);
      }
      await new Promise((r) => setTimeout(r, 3));
    }
    expect(await done).toBe(0);
    expect(out).toMatch(/已从备份恢复 1 份表单/);

    const live = departments(file);
    const before = departments(listBackups(join(dir, 'backups'), 'before-restore')[0]);
    expect(live.has('备份里的部门')).toBe(true);
    expect(acked.filter((d) => !live.has(d) && !before.has(d))).toEqual([]);
    expect(acked.slice(-10).filter((d) => !live.has(d))).toEqual([]);
    store.close();
  });
});
