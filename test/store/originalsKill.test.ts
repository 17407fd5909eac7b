/**
 * kill -9 during imports that keep their original file (issue #21 point 2): the form and its
 * file are one transaction, so after any kill every form has its file, every kept file has a
 * form, and each gives back exactly its bytes.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import { buildChild } from './child/build';
import { fileBytes } from './child/originalImporter';
import { tempDir } from './tempStore';

const ROUNDS = 8;

let child: Awaited<ReturnType<typeof buildChild>>;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  child = await buildChild('originalImporter');
  tmp = tempDir('shenbao-originals-kill-');
});
afterAll(() => {
  child?.cleanup();
  tmp?.cleanup();
});

/** Runs the importer and SIGKILLs it `ms` after it is ready; returns the acknowledged forms (n → id) and the purged n. */
function runAndKill(file: string, tag: string, ms: number): Promise<{ acked: Map<number, number>; purged: Set<number> }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child.script, file, tag], { env: child.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (d) => {
      out += d;
      if (out.startsWith('ready\n')) timer ??= setTimeout(() => p.kill('SIGKILL'), ms);
    });
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`importer ended on its own: ${err}`));
      const lines = out.split('\n').slice(0, -1);
      const acked = new Map<number, number>();
      const purged = new Set<number>();
      for (const l of lines) {
        const [what, a, b] = l.split(' ');
        if (what === 'ack') acked.set(Number(a), Number(b));
        if (what === 'purged') purged.add(Number(a));
      }
      resolve({ acked, purged });
    });
  });
}

describe('original files and kill -9', () => {
  it('after a kill at any moment every form has its file and every kept file a form, bytes intact', { timeout: 240_000 }, async () => {
    const file = join(tmp.dir, 'forms.db');
    openStore({ file, appVersion: 'test', autoBackup: false }).close();
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const tag = `r${round}-`;
      const { acked, purged } = await runAndKill(file, tag, 150 + ((round * 97) % 450));
      acknowledged += acked.size;
      const store = openStore({ file, appVersion: 'test', autoBackup: false });
      try {
        for (const [n, id] of acked) {
          if (purged.has(n)) continue;
          const name = `${tag}file-${Math.floor(n / 2)}`;
          const { info, bytes } = store.originalFile(id);
          expect(info.fileName).toBe(`${name}.docx`);
          expect(Buffer.compare(bytes, Buffer.from(fileBytes(name)))).toBe(0);
        }
      } finally {
        store.close();
      }
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        // Every form (acknowledged or not) came with a file; none lost it, no file outlived its forms.
        expect(db.prepare('SELECT count(*) FROM forms WHERE id NOT IN (SELECT form_id FROM form_originals)').pluck().get()).toBe(0);
        expect(db.prepare('SELECT count(*) FROM original_files WHERE id NOT IN (SELECT file_id FROM form_originals)').pluck().get()).toBe(
          0,
        );
      } finally {
        db.close();
      }
    }
    console.log(`originals kill: ${acknowledged} acknowledged imports over ${ROUNDS} kills`);
    expect(acknowledged).toBeGreaterThan(ROUNDS);
  });
});
