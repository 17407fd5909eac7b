/**
 * Backup and restore survive kill -9 (issue #27 "done when"). A child creates forms and, every
 * third form, backs the store up and restores that backup; it is SIGKILLed at a random moment,
 * round after round, on one file. After each round: integrity_check ok, every form it
 * acknowledged present (the backup it restores was made after them), the store opens, and no
 * temp file of ours is left beside the database once it has.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import { withUnpack } from './rawDb';
import { buildChild } from './child/build';
import { tempDir } from './tempStore';

const ROUNDS = 20;

let creator: Awaited<ReturnType<typeof buildChild>>;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  creator = await buildChild('creator');
  tmp = tempDir('shenbao-restore-kill-');
});
afterAll(() => {
  creator?.cleanup();
  tmp?.cleanup();
});

interface Round {
  acks: number[];
  restores: number;
}

function runAndKill(file: string, backup: string, tag: string, killAfterMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [creator.script, file, tag, 'cycle', backup], {
      env: creator.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      if (out.startsWith('ready\n')) timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`creator ended on its own: ${err}`));
      // Only complete lines count: a line cut by the kill was never acknowledged.
      const lines = out.split('\n').slice(0, -1);
      resolve({
        acks: lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4))),
        restores: lines.filter((l) => l.startsWith('restored ')).length,
      });
    });
  });
}

describe('backup and restore under kill -9', () => {
  it(`keep every acknowledged form and a sound, openable file across ${ROUNDS} SIGKILLs`, { timeout: 120_000 }, async () => {
    const dir = join(tmp.dir, 'data');
    const file = join(dir, 'shenbao.db');
    const backup = join(tmp.dir, 'cycle-backup.db');
    let acked = 0;
    let restores = 0;
    const expected: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const tag = `r${round}-`;
      // Up to ~0.6 s: a few forms, then a backup and a restore every third; the kill lands anywhere in them.
      const r = await runAndKill(file, backup, tag, 20 + Math.floor(Math.random() * 600));
      acked += r.acks.length;
      restores += r.restores;
      expected.push(...r.acks.map((n) => `${tag}${n}`));
      if (!existsSync(file)) {
        expect(r.acks).toEqual([]);
        continue;
      }
      const raw = withUnpack(new Database(file, { readonly: true }));
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        const present = new Set(
          raw
            .prepare(
              `SELECT json_extract(unpack(r.data), '$.values.department') FROM forms f JOIN revisions r ON r.form_id = f.id AND r.revision = f.revision`,
            )
            .pluck()
            .all() as string[],
        );
        expect(
          expected.filter((d) => !present.has(d)),
          `round ${round}`,
        ).toEqual([]);
      } finally {
        raw.close();
      }
      const store = openStore({ file, appVersion: 'test', autoBackup: false });
      expect(store.list().length).toBeGreaterThanOrEqual(expected.length);
      store.close();
      const ours = (d: string) => (existsSync(d) ? readdirSync(d).filter((n) => n.endsWith('.tmp') || /\.tmp-/.test(n)) : []);
      expect([...ours(dir), ...ours(join(dir, 'backups'))], `round ${round}`).toEqual([]);
    }
    // The rounds did reach the restores, not only the creates.
    expect(acked).toBeGreaterThan(ROUNDS);
    expect(restores).toBeGreaterThan(3);
  });
});
