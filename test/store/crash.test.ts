import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION } from '../../electron/core/store';
import { tornForms, withUnpack } from './rawDb';
import { buildSaver } from './child/build';
import { tempDir } from './tempStore';

const ROUNDS = 100;

let saver: Awaited<ReturnType<typeof buildSaver>>;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  saver = await buildSaver();
  tmp = tempDir('shenbao-crash-');
});
afterAll(() => {
  saver.cleanup();
  tmp.cleanup();
});

/**
 * Runs the saver and SIGKILLs it `killAfterMs` after it is ready to save (or after its start,
 * to hit opening and migrating too); returns the acknowledged saves.
 */
function runAndKill(file: string, tag: string, killAfterMs: number, fromStart: boolean): Promise<{ id: number; n: number }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [saver.script, file, '4', tag], { env: saver.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs));
    child.stdout.on('data', (d) => {
      out += d;
      if (out.startsWith('ready\n')) arm();
    });
    child.stderr.on('data', (d) => (err += d));
    if (fromStart) arm();
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`saver ended on its own: ${err}`));
      // Only complete lines count: a line cut by the kill was never acknowledged.
      const acks = out
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('ack '))
        .map((l) => {
          const [, id, n] = l.split(' ');
          return { id: Number(id), n: Number(n) };
        });
      resolve(acks);
    });
  });
}

describe('crash safety', () => {
  // About a minute on a quiet 2-core machine; the limit leaves room for a loaded one.
  it(`keeps every acknowledged save and a sound file across ${ROUNDS} SIGKILLs`, { timeout: 400_000 }, async () => {
    const file = join(tmp.dir, 'shenbao.db');
    let totalAcks = 0;
    /** Per form, the highest revision already checked (revisions are never renumbered). */
    const checkedUpTo = new Map<number, number>();
    const started = Date.now();
    let rounds = 0;
    for (let round = 0; round < ROUNDS; round++, rounds++) {
      const tag = `r${round}-`;
      const acks = await runAndKill(file, tag, Math.floor(Math.random() * 200), round % 5 === 4);
      totalAcks += acks.length;
      if (!existsSync(file)) {
        // Killed before the file was created: nothing can have been acknowledged.
        expect(acks).toEqual([]);
        continue;
      }

      const raw = withUnpack(new Database(file, { readonly: true }));
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        if (raw.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
          // Killed before the schema (or its last migration) was committed.
          expect(acks).toEqual([]);
          continue;
        }
        // Only revisions newer than those checked in earlier rounds can carry this round's tag,
        // so only those are unpacked: checking every revision each round grew with the file.
        const fresh = raw.prepare(
          "SELECT revision, json_extract(unpack(data), '$.values.filler') AS filler, json_extract(unpack(data), '$.values.total') AS total FROM revisions WHERE form_id = ? AND revision > ?",
        );
        const found = new Map<string, number>();
        for (const { id } of raw.prepare('SELECT id FROM forms').all() as { id: number }[]) {
          for (const r of fresh.all(id, checkedUpTo.get(id) ?? 0) as { revision: number; filler: string; total: string }[]) {
            const key = `${id}|${r.filler}|${r.total}`;
            found.set(key, (found.get(key) ?? 0) + 1);
            checkedUpTo.set(id, Math.max(checkedUpTo.get(id) ?? 0, r.revision));
          }
        }
        for (const a of acks) {
          const n = found.get(`${a.id}|${tag}第${a.n}次|${a.n}.0001`) ?? 0;
          expect(n, `round ${round}: acknowledged save ${a.n} of form ${a.id}`).toBe(1);
        }
        // The form row and its newest revision were written in one transaction.
        expect(tornForms(raw)).toBe(0);
      } finally {
        raw.close();
      }
    }
    // The real store opens the file after all that and finds the four forms.
    const store = openStore({ file, appVersion: 'test', autoBackup: false });
    expect(store.list().map((f) => f.title)).toEqual(['部门0', '部门1', '部门2', '部门3']);
    store.close();
    console.log(
      `crash test: ${rounds} SIGKILL rounds, ${totalAcks} acknowledged saves checked, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(rounds).toBe(ROUNDS);
    expect(totalAcks).toBeGreaterThan(rounds);
  });
});
