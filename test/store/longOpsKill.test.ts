/**
 * The long operations of the command line survive kill -9 (issue #27 "done when"): a batch import,
 * template imports, 指标库 imports and new-year drafts, each run by the real command line (bundled,
 * with its import worker beside it) in a real child process that is SIGKILLed at a random moment,
 * 20 rounds each on one file. After each round: integrity_check ok, every write the command line
 * acknowledged (a line it printed whole) present, the store opens, and no temp file of ours is
 * left beside the database once it has. restoreKill.test.ts does the same for create, backup and
 * restore.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION } from '../../electron/core/store';
import { exportDocx } from '../../electron/core/export';
import { libraryToJson } from '../../shared/library/file';
import { blankForm } from '../../shared/formOps';
import { templateToFile } from '../../shared/template/file';
import { bumenZhengti2019 as T2019 } from '../../shared/templates/bumen-zhengti-2019';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';
import { buildCli } from './child/cliBuild';
import { withUnpack } from './rawDb';
import { tempDir } from './tempStore';

const ROUNDS = 20;

let cli: Awaited<ReturnType<typeof buildCli>>;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  cli = await buildCli();
  tmp = tempDir('shenbao-longops-kill-');
});
afterAll(() => {
  cli?.cleanup();
  tmp?.cleanup();
});

/** What one command printed: its whole lines only (a line cut by the kill was never acknowledged), and whether it finished. */
interface Ran {
  argv: string[];
  lines: string[];
  finished: boolean;
  code: number | null;
}

/**
 * Runs the commands one after another, each in its own process, and SIGKILLs the one running
 * `killAfterMs` after the first started (the later ones never start). Every command that was not
 * killed must have finished with 0; on a fast machine all may finish before the kill (the tests
 * count the rounds that were killed).
 */
async function runAndKill(db: string, commands: string[][], killAfterMs: number): Promise<Ran[]> {
  const deadline = Date.now() + killAfterMs;
  const ran: Ran[] = [];
  for (const argv of commands) {
    const r = await new Promise<Ran>((resolve, reject) => {
      const child = spawn(process.execPath, [cli.script, '--db', db, ...argv], { env: cli.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), Math.max(0, deadline - Date.now()));
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const finished = signal !== 'SIGKILL';
        if (finished && code !== 0) return reject(new Error(`${argv.join(' ')} exited ${code}: ${err}`));
        resolve({ argv, lines: out.split('\n').slice(0, -1), finished, code });
      });
    });
    ran.push(r);
    if (!r.finished) return ran;
  }
  return ran;
}

const wasKilled = (ran: Ran[]) => ran.some((r) => !r.finished);

/** After a round: a sound file that the real store opens, and none of our temp files left once it has. */
function checkSound(db: string, round: number, acknowledged: number, check: (raw: Database.Database) => void): void {
  if (!existsSync(db)) return;
  const raw = withUnpack(new Database(db, { readonly: true }));
  try {
    expect(raw.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
    // Killed in the first open, before the schema was committed: nothing can have been acknowledged.
    if (raw.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
      expect(acknowledged, `round ${round}: acknowledged before the schema existed`).toBe(0);
      return;
    }
    check(raw);
  } finally {
    raw.close();
  }
  const store = openStore({ file: db, appVersion: 'test', autoBackup: false });
  store.list();
  store.close();
  const dir = join(db, '..');
  const ours = (d: string) => (existsSync(d) ? readdirSync(d).filter((n) => n.endsWith('.tmp') || /\.tmp-/.test(n)) : []);
  expect([...ours(dir), ...ours(join(dir, 'backups'))], `round ${round}`).toEqual([]);
}

/**
 * How long one command-line run takes on this machine now (start, open, a small command, exit):
 * the kill windows are measured in it, so that a loaded machine (the whole suite, other work)
 * still has its kills land inside the operations rather than before the first one finishes.
 */
async function oneRunMs(db: string): Promise<number> {
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli.script, '--db', db, 'templates', '--json'], { env: cli.env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  return Date.now() - started;
}

/**
 * When to kill: a moment between `from` and `to` runs' time in, the run measured once by a probe.
 * The machine's load changes while the test runs (other suites, CI neighbours): after each round
 * the moments move earlier when more commands finished than `finishedShare`, later when fewer did,
 * so the kills keep landing inside the work rather than all before or all after it.
 */
function killClock(runMs: number, finishedShare = 0.5) {
  let scale = 1;
  return {
    at: (from: number, to: number) => Math.floor(runMs * scale * (from + Math.random() * (to - from))),
    learn(ran: readonly Ran[]) {
      const finished = ran.filter((r) => r.finished).length / Math.max(1, ran.length);
      scale *= Math.exp(0.4 * (finishedShare - finished));
    },
  };
}

/** Departments of the live forms' current revisions. */
function departments(raw: Database.Database): Set<string> {
  return new Set(
    raw
      .prepare(
        `SELECT json_extract(unpack(r.data), '$.values.department') FROM forms f JOIN revisions r ON r.form_id = f.id AND r.revision = f.revision WHERE f.deleted_at IS NULL`,
      )
      .pluck()
      .all() as string[],
  );
}

describe('long command-line operations under kill -9', () => {
  it(`a batch import keeps every form it reported across ${ROUNDS} SIGKILLs`, { timeout: 300_000 }, async () => {
    const dir = join(tmp.dir, 'batch');
    const db = join(dir, 'data', 'shenbao.db');
    const files = join(dir, 'files');
    mkdirSync(files, { recursive: true });
    const PER_ROUND = 40;
    let kills = 0;
    const expected = new Map<string, string>(); // department → file
    let acked = 0;
    mkdirSync(join(db, '..'), { recursive: true });
    // Most batches are to be cut off: more than half the rounds must kill one.
    const clock = killClock(await oneRunMs(join(dir, 'probe.db')), 0.25);
    for (let round = 0; round < ROUNDS; round++) {
      const paths: string[] = [];
      for (let i = 0; i < PER_ROUND; i++) {
        const form = blankForm(T2019, '2020');
        form.values.department = `批量r${round}-${i}`;
        const path = join(files, `r${round}-${i}.docx`);
        writeFileSync(path, (await exportDocx(form, T2019, { appVersion: 'test' })).bytes);
        paths.push(path);
      }
      // The first round's kill may land in the open that creates and migrates the file.
      const ran = await runAndKill(db, [['import', ...paths]], round === 0 ? clock.at(0, 1) : clock.at(0.8, 3));
      clock.learn(ran);
      if (wasKilled(ran)) kills++;
      for (const l of ran.flatMap((r) => r.lines)) {
        const m = /^r(\d+)-(\d+)\.docx：已导入为编号 \d+/.exec(l);
        if (m) {
          expected.set(`批量r${m[1]}-${m[2]}`, l);
          acked++;
        }
      }
      checkSound(db, round, expected.size, (raw) => {
        const present = departments(raw);
        expect(
          [...expected.keys()].filter((d) => !present.has(d)),
          `round ${round}`,
        ).toEqual([]);
      });
    }
    // The kills landed inside the batches, not only before or after them.
    expect(kills).toBeGreaterThan(ROUNDS / 2);
    expect(acked).toBeGreaterThan(ROUNDS / 2);
    expect(acked).toBeLessThan(ROUNDS * PER_ROUND);
  });

  it(`template imports keep every template reported across ${ROUNDS} SIGKILLs`, { timeout: 300_000 }, async () => {
    const dir = join(tmp.dir, 'templates');
    const db = join(dir, 'data', 'shenbao.db');
    mkdirSync(join(dir, 'files'), { recursive: true });
    const expected = new Set<string>();
    const clock = killClock(await oneRunMs(join(dir, 'probe.db')));
    for (let round = 0; round < ROUNDS; round++) {
      const commands: string[][] = [];
      for (let i = 0; i < 6; i++) {
        const id = `kill-r${round}-${i}`;
        const path = join(dir, 'files', `${id}.json`);
        writeFileSync(path, templateToFile({ ...MADE_UP_TEMPLATE, id, title: `专项资金分配明细表（测试 ${round}-${i}）` }));
        commands.push(['template', 'import', path]);
      }
      const ran = await runAndKill(db, commands, clock.at(round === 0 ? 0 : 0.5, 6));
      clock.learn(ran);
      for (const l of ran.flatMap((r) => r.lines)) {
        const m = /^已导入表样「.*」（(kill-r\d+-\d+)，第 1 版）$/.exec(l);
        if (m) expected.add(m[1]);
      }
      checkSound(db, round, expected.size, (raw) => {
        const present = new Set(raw.prepare('SELECT id FROM templates').pluck().all() as string[]);
        expect(
          [...expected].filter((id) => !present.has(id)),
          `round ${round}`,
        ).toEqual([]);
      });
    }
    expect(expected.size).toBeGreaterThan(ROUNDS / 2);
    expect(expected.size).toBeLessThan(ROUNDS * 6);
    // The store that opens them all reads every template it acknowledged.
    const store = openStore({ file: db, appVersion: 'test', autoBackup: false });
    try {
      for (const id of expected) expect(store.templates.find(id)?.id).toBe(id);
      expect(store.notices).toEqual([]);
    } finally {
      store.close();
    }
  });

  it(`指标库 imports keep every file reported, whole, across ${ROUNDS} SIGKILLs`, { timeout: 300_000 }, async () => {
    const dir = join(tmp.dir, 'library');
    const db = join(dir, 'data', 'shenbao.db');
    mkdirSync(join(dir, 'files'), { recursive: true });
    const PER_FILE = 3000;
    /** Imports acknowledged, by file tag; and files whose import was killed: all or none of their entries. */
    const acked: string[] = [];
    const killed: string[] = [];
    const clock = killClock(await oneRunMs(join(dir, 'probe.db')));
    for (let round = 0; round < ROUNDS; round++) {
      const commands: string[][] = [];
      for (let i = 0; i < 3; i++) {
        const tag = `r${round}-${i}`;
        const entries = Array.from({ length: PER_FILE }, (_, k) => ({
          level1: '产出指标',
          level2: '数量指标',
          name: `库${tag}-指标${k}`,
          value: `≥${k}人次`,
          note: '',
        }));
        const path = join(dir, 'files', `${tag}.json`);
        writeFileSync(path, libraryToJson(entries));
        commands.push(['library', 'import', path]);
      }
      const ran = await runAndKill(db, commands, clock.at(round === 0 ? 0 : 0.5, 5));
      clock.learn(ran);
      ran.forEach((r) => {
        const tag = /(r\d+-\d+)\.json$/.exec(r.argv[2])![1];
        if (r.lines.includes(`已导入指标库 ${PER_FILE} 条`)) acked.push(tag);
        else killed.push(tag);
      });
      checkSound(db, round, acked.length, (raw) => {
        const count = raw.prepare("SELECT count(*) FROM indicator_library WHERE name LIKE ? || '-指标%'");
        for (const tag of acked) expect(count.pluck().get(`库${tag}`), `round ${round}: ${tag}`).toBe(PER_FILE);
        // An import is one transaction: a killed one left all of its entries or none.
        for (const tag of killed) expect([0, PER_FILE], `round ${round}: ${tag}`).toContain(count.pluck().get(`库${tag}`));
      });
    }
    expect(acked.length).toBeGreaterThan(ROUNDS / 2);
    expect(killed.length).toBeGreaterThan(ROUNDS / 2);
  });

  it(`new-year drafts keep every draft reported across ${ROUNDS} SIGKILLs`, { timeout: 300_000 }, async () => {
    const dir = join(tmp.dir, 'newyear');
    const db = join(dir, 'data', 'shenbao.db');
    mkdirSync(join(dir, 'data'), { recursive: true });
    const PER_ROUND = 6;
    const sources: number[] = [];
    {
      const store = openStore({ file: db, appVersion: 'test', autoBackup: false });
      for (let i = 0; i < ROUNDS * PER_ROUND; i++) {
        const form = blankForm(T2019, '2020');
        form.values.department = `新年度${i}`;
        sources.push(store.create(form).id);
      }
      store.close();
    }
    /** New id → the department it was drafted from. */
    const expected = new Map<number, string>();
    const clock = killClock(await oneRunMs(join(dir, 'probe.db')));
    for (let round = 0; round < ROUNDS; round++) {
      const commands = sources.slice(round * PER_ROUND, (round + 1) * PER_ROUND).map((id) => ['new-year', String(id), '--year', '2021']);
      const ran = await runAndKill(db, commands, clock.at(0.5, 6));
      clock.learn(ran);
      for (const r of ran) {
        const source = Number(r.argv[1]);
        // The new id is the last line, after 「已新建 … 草稿」.
        if (r.finished && r.lines.some((l) => l.startsWith('已新建 2021 年度'))) {
          expected.set(Number(r.lines[r.lines.length - 1]), `新年度${sources.indexOf(source)}`);
        }
      }
      checkSound(db, round, expected.size, (raw) => {
        const get = raw.prepare(
          `SELECT f.year, json_extract(unpack(r.data), '$.values.department') AS department FROM forms f JOIN revisions r ON r.form_id = f.id AND r.revision = f.revision WHERE f.id = ?`,
        );
        for (const [id, department] of expected) expect(get.get(id), `round ${round}: form ${id}`).toEqual({ year: '2021', department });
      });
    }
    expect(expected.size).toBeGreaterThan(ROUNDS / 2);
    expect(expected.size).toBeLessThan(ROUNDS * PER_ROUND);
  });
});
