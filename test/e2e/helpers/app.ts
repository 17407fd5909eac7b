/**
 * Launches the real browser-mode server on a fresh database (seeded through the command
 * line, as a user would) and a real headless Chromium, for the editor's end-to-end tests
 * and its benchmark.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const SEED_JSON = join(ROOT, 'test/fixtures/seed-2019-taoyuan.json');
export const OUTPUT_DIR = join(ROOT, 'test-output');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Runs the command line against a database; returns stdout, throws with stderr on failure. */
export function cli(db: string, ...args: string[]): string {
  const r = spawnSync('npx', ['tsx', 'electron/cli/main.ts', '--db', db, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Imports the seed form; returns its id (the last number the command prints). */
export function importSeed(db: string): number {
  return importJson(db, SEED_JSON);
}

export interface WebServer {
  url: string;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startServer(db: string): Promise<WebServer> {
  const child = spawn('npx', ['tsx', 'electron/web/server.ts', '--db', db, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        done();
      }
    });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in time:\n${out}\n${err}`)), 150_000);
    child.stderr!.on('data', (d) => (err += String(d)));
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ url: m[1], origin: new URL(m[1]).origin, process: child, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}):\n${out}\n${err}`));
    });
  });
}

/** A fresh profile directory per launch, so no state leaks between runs. */
export async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; profile: string; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'shenbao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface EditorEnv {
  dir: string;
  db: string;
  seedId: number;
  server: WebServer;
  page: Page;
  context: BrowserContext;
  dispose(): Promise<void>;
}

/** A temp database with the seed form, the server on it, and a browser page (not yet navigated). */
export async function startEditorEnv(): Promise<EditorEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-'));
  const db = join(dir, 'forms.db');
  const seedId = importSeed(db);
  const server = await startServer(db);
  const b = await launchBrowser().catch(async (e: unknown) => {
    await server.stop();
    throw e;
  });
  return {
    dir,
    db,
    seedId,
    server,
    page: b.page,
    context: b.context,
    async dispose() {
      await b.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports a label-keyed JSON file through the command line; returns the new form's id. */
export function importJson(db: string, file: string): number {
  const out = cli(db, 'import-json', file);
  const ids = out.match(/\d+/g);
  if (!ids) throw new Error(`import-json printed no id: ${out}`);
  return Number(ids[ids.length - 1]);
}
