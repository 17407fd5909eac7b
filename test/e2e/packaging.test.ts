/**
 * Packaging smoke test: electron-builder `--linux dir` with a placeholder Electron (the real one
 * cannot be downloaded here) and no native rebuild, then a look inside what it made: app.asar,
 * the unpacked native module, the fuses, and the packed main process actually starting under
 * Node with a stand-in 'electron' module.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { createCoreHandlers, dispatch } from '../../electron/core/handlers';
import { openStore, type Store } from '../../electron/core/store';
import { CHANNEL_NAMES } from '../../electron/shell/channels';
import { PDF_OPTIONS } from '../../electron/shell/print';
import { CONTENT_SECURITY_POLICY, createAppRequestHandler } from '../../electron/shell/protocol';
import { seedForm } from '../helpers/seed';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const [DISABLE, ENABLE] = [0x30, 0x31];
// @electron/fuses FuseV1Options order.
const FUSES = [
  'runAsNode',
  'cookieEncryption',
  'nodeOptions',
  'inspectArguments',
  'asarIntegrity',
  'onlyLoadAppFromAsar',
  'v8Snapshot',
  'fileProtocolPrivileges',
];

let work: string;
let appDir: string;
let asar: string;
let entries: string[];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Reuses dist/ when it is newer than every source it is built from. */
function ensureBuild(): void {
  const outputs = [
    'dist/main/main.cjs',
    'dist/main/preload.cjs',
    'dist/main/importWorker.cjs',
    'dist/main/exportWorker.cjs',
    'dist/renderer/index.html',
  ].map((f) => join(root, f));
  if (outputs.every(existsSync)) {
    const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
    const sources = Math.max(
      ...['electron', 'shared', 'renderer', 'vite.config.ts', 'package.json'].map((f) => newestMtime(join(root, f))),
    );
    if (built > sources) return;
  }
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  expect(build.status, `npm run build failed:\n${build.stdout}\n${build.stderr}`).toBe(0);
}

/** An "Electron" that is only a file with an untouched fuse wire, so electron-builder can flip the fuses. */
function placeholderElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.from(FUSES.map(() => '0').join(''));
  wire[FUSES.indexOf('cookieEncryption')] = ENABLE;
  wire[FUSES.indexOf('runAsNode')] = ENABLE;
  wire[FUSES.indexOf('nodeOptions')] = ENABLE;
  wire[FUSES.indexOf('inspectArguments')] = ENABLE;
  wire[FUSES.indexOf('fileProtocolPrivileges')] = ENABLE;
  const body = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# placeholder ${FUSE_SENTINEL}`),
    Buffer.from([1, FUSES.length]),
    wire,
    Buffer.from('\nexit 1\n'),
  ]);
  writeFileSync(join(dir, 'electron'), body, { mode: 0o755 });
  return dir;
}

function fuseWire(binary: string): Record<string, number> {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL);
  expect(at, 'fuse sentinel in the packaged executable').toBeGreaterThan(0);
  const start = at + FUSE_SENTINEL.length;
  expect(bytes[start]).toBe(1);
  return Object.fromEntries(FUSES.map((name, i) => [name, bytes[start + 2 + i]]));
}

beforeAll(() => {
  ensureBuild();
  work = mkdtempSync(join(tmpdir(), 'shenbao-packaging-'));
  const electronDist = placeholderElectron(join(work, 'electron'));
  const out = join(work, 'out');
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${out}`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(result.status, `electron-builder failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
  appDir = join(out, 'linux-unpacked');
  asar = join(appDir, 'resources', 'app.asar');
  entries = listPackage(asar, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const inAsar = (file: string) => entries.includes(`/${file}`);

describe('the packaged app (electron-builder --linux dir)', () => {
  it('has package.json whose main resolves inside app.asar', () => {
    const packed = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string; productName: string };
    expect(packed.main).toBe(pkg.main);
    expect(inAsar(packed.main)).toBe(true);
    expect(packed.productName).toBe('绩效目标申报');
  });

  it('has the preload and the renderer with every script and stylesheet index.html loads', () => {
    expect(inAsar('dist/main/preload.cjs')).toBe(true);
    // The import worker (electron/core/import/readWorker.ts reads it from beside main.cjs).
    expect(inAsar('dist/main/importWorker.cjs')).toBe(true);
    // The export worker (electron/core/exportWorker/worker.ts reads it from beside main.cjs).
    expect(inAsar('dist/main/exportWorker.cjs')).toBe(true);
    expect(inAsar('dist/renderer/index.html')).toBe(true);
    const html = extractFile(asar, 'dist/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"#?]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(inAsar(`dist/renderer/${asset}`), asset).toBe(true);
    // No remote scripts: the app is offline.
    expect(html).not.toMatch(/(?:src|href)="https?:/);
  });

  it('packs no tests, sources, source maps or dev dependencies', () => {
    const offenders = entries.filter(
      (e) => /^\/(test|electron|renderer|shared|scripts|bench|build|\.cache|release)\//.test(e) || /\.(test|spec)\.|\.tsx?$|\.map$/.test(e),
    );
    expect(offenders).toEqual([]);
    for (const dev of Object.keys(pkg.devDependencies)) {
      expect(
        entries.some((e) => e.startsWith(`/node_modules/${dev}/`)),
        dev,
      ).toBe(false);
    }
    const modules = new Set(entries.filter((e) => /^\/node_modules\/[^/]+$/.test(e)).map((e) => e.split('/')[2]));
    expect([...modules].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
  });

  it('unpacks the better-sqlite3 .node file next to the archive', () => {
    const node = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(inAsar(node)).toBe(true);
    expect((statFile(asar, node) as { unpacked?: boolean }).unpacked).toBe(true);
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', node);
    expect(statSync(unpacked).size).toBeGreaterThan(100_000);
  });

  it('bundles the main process so it needs only electron, better-sqlite3 and Node built-ins', () => {
    const main = extractFile(asar, pkg.main).toString('utf8');
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    const allowed = new Set(['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...required].filter((r) => !allowed.has(r))).toEqual([]);
    const preload = extractFile(asar, 'dist/main/preload.cjs').toString('utf8');
    expect(new Set([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))).toEqual(new Set(['electron']));
  });

  it('flips the security fuses in the executable', () => {
    const wire = fuseWire(join(appDir, 'shenbao'));
    expect(wire).toMatchObject({
      runAsNode: DISABLE,
      nodeOptions: DISABLE,
      inspectArguments: DISABLE,
      asarIntegrity: ENABLE,
      onlyLoadAppFromAsar: ENABLE,
      fileProtocolPrivileges: DISABLE,
    });
  });

  it('starts: the packed main process registers every channel and opens its database', () => {
    const extracted = join(work, 'extracted');
    extractAll(asar, extracted);
    const home = join(work, 'home');
    const probe = join(work, 'probe.cjs');
    writeFileSync(probe, PROBE);
    const run = spawnSync(process.execPath, [probe, join(extracted, pkg.main), home], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { channels: string[]; loaded: string[]; errors: string[] };
    expect(report.errors).toEqual([]);
    expect(report.channels.sort()).toEqual([...CHANNELS].sort());
    expect(report.loaded).toEqual(['app://shenbao/index.html']);
    expect(existsSync(join(home, 'userData', 'shenbao.db'))).toBe(true);
    expect(relative(extracted, join(extracted, pkg.main))).toBe(pkg.main);
  });
});

/**
 * Electron cannot launch here, so the packed renderer runs in real Chromium behind the shell's own
 * app:// handler (served over loopback HTTP with the same files and CSP header) and with a window.api
 * built like preload's, answered by the real core through dispatch.
 */
describe('the packed renderer under the shell’s protocol and CSP (Chromium)', () => {
  let server: Server;
  let context: BrowserContext;
  let store: Store;
  let base: string;
  let formId: number;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shenbao-csp-'));
    const extracted = join(dir, 'app');
    extractAll(asar, extracted);
    const serve = createAppRequestHandler(join(extracted, 'dist', 'renderer'));
    server = createServer((req, res) => {
      void serve(new Request(`app://shenbao${req.url}`, { method: req.method })).then(async (response) => {
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => (headers[name] = value));
        res.writeHead(response.status, headers);
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    store = openStore({ file: join(dir, 'shenbao.db'), appVersion: '0.0.0-test' });
    const handlers = createCoreHandlers({ store, appVersion: '0.0.0-test', mode: 'desktop' });
    formId = store.create(seedForm()).id;

    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    await context.exposeFunction('__shenbaoInvoke', (channel: string, input: unknown) =>
      dispatch(handlers, channel, input, { log: () => undefined }),
    );
    await context.addInitScript(
      (channels: string[]) => {
        const w = window as unknown as Record<string, unknown> & {
          __csp: string[];
          __shenbaoInvoke(c: string, i: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }>;
        };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
        const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
        for (const c of channels) {
          // Like preload's buildApi: every channel answers with its Reply, which the page unwraps.
          api[c] = (input) => w.__shenbaoInvoke(c, input ?? {});
        }
        w.api = Object.freeze(api);
      },
      [...CHANNEL_NAMES],
    );
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * CSP violations, minus one that is expected: zod probes whether eval works (`Function('')` in a
   * try/catch) and falls back to plain parsing when the CSP says no, as it should.
   */
  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.filter((v) => v !== 'script-src eval'));

  async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // Chromium asks for /favicon.ico on its own; Electron windows do not.
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`);
    });
    const response = await page.goto(`${base}/index.html${hash}`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    return { page, errors };
  }

  it('starts the editor with no CSP violation and no script error', async () => {
    const { page, errors } = await open('');
    await page.getByText('湖南省桃源县看守所').first().waitFor({ timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the print view to an A4 PDF the way print.pdf does', async () => {
    const { page, errors } = await open(`#/print/${formId}`);
    await page.locator('[data-print-ready]').waitFor({ state: 'attached', timeout: 30_000 });
    const pdf = await page.pdf({ format: PDF_OPTIONS.pageSize, preferCSSPageSize: PDF_OPTIONS.preferCSSPageSize, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfFile = join(dir, 'print.pdf');
    writeFileSync(pdfFile, pdf);
    const text = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('湖南省桃源县看守所');
    expect(text).toContain('442.21');
    const size = spawnSync('pdfinfo', [pdfFile], { encoding: 'utf8' }).stdout.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
    // A4 is 595.28 × 841.89 pt.
    expect(Math.round(Number(size?.[1]))).toBe(595);
    expect(Math.round(Number(size?.[2]))).toBe(842);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a Chinese error in the print view for a form that does not exist', async () => {
    const { page } = await open('#/print/99999');
    const error = page.locator('[data-print-error]');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.close();
  });
});

/** Runs a packed main.cjs under Node with a stand-in 'electron' that records what it registers. */
const PROBE = String.raw`
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const path = require('node:path');
const [mainFile, home] = process.argv.slice(2);
const channels = [], loaded = [], errors = [];
let ready;
const whenReady = new Promise((r) => (ready = r));
const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  requestSingleInstanceLock: () => true,
  enableSandbox: () => {},
  quit: () => {},
  getPath: (name) => path.join(home, name),
  whenReady: () => whenReady,
  isReady: () => true,
});
let id = 1;
class BrowserWindow extends EventEmitter {
  constructor() {
    super();
    this.webContents = Object.assign(new EventEmitter(), { id: id++, mainFrame: { parent: null } });
  }
  loadURL(url) { loaded.push(url); report(); return Promise.resolve(); }
  isDestroyed() { return false; }
}
const noop = () => {};
const electron = {
  app,
  BrowserWindow,
  ipcMain: { handle: (c) => channels.push(c) },
  dialog: { showErrorBox: (t, d) => errors.push(t + ': ' + d), showMessageBox: async () => ({ response: 1 }) },
  protocol: { registerSchemesAsPrivileged: noop, handle: noop },
  session: { defaultSession: Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: noop, setPermissionCheckHandler: noop, setDevicePermissionHandler: noop,
    setDisplayMediaRequestHandler: noop, setSpellCheckerEnabled: noop, webRequest: { onBeforeRequest: noop },
  }) },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: noop },
  shell: { openPath: async () => '' },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
function report() {
  console.log(JSON.stringify({ channels, loaded, errors }));
  app.emit('will-quit');
  process.exit(0);
}
require(mainFile);
ready();
setTimeout(() => { console.log(JSON.stringify({ channels, loaded, errors: errors.concat('timeout') })); process.exit(1); }, 30000);
`;
