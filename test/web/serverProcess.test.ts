import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let rendererDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-web-proc-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>绩效目标申报</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run web` runs exactly this: tsx on electron/web/server.ts. */
function launch(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/web/server.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, SHENBAO_RENDERER_DIR: rendererDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess) {
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (c: Buffer) => (out.stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out.stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { out, exited };
}

async function urlLine(out: { stdout: string }, child: ChildProcess): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const line = out.stdout.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
    if (line) return line.trim();
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('服务没有打印地址');
}

describe('npm run web as a process', () => {
  it('prints the address with its token, serves the API, and closes the store on SIGTERM', async () => {
    const db = join(dir, 'web.db');
    const child = launch(['--db', db, '--port', '0']);
    const { out, exited } = collect(child);
    const url = new URL(await urlLine(out, child));
    const token = url.searchParams.get('token')!;
    expect(out.stdout).toMatch(/请在本机浏览器中打开下面的地址/);

    const res = await fetch(new URL('/api/forms.create', url), {
      method: 'POST',
      headers: { 'X-Shenbao-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ year: '2024', values: { department: '进程测试局' } }),
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const store = openStore({ file: db, appVersion: 'test', autoBackup: false });
    try {
      expect(store.list().map((f) => f.title)).toEqual(['进程测试局']);
    } finally {
      store.close();
    }
  });

  it('without --db says in its first line that it opens the desktop app’s own database', async () => {
    const config = join(dir, 'config');
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/server.ts', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, SHENBAO_RENDERER_DIR: rendererDir, XDG_CONFIG_HOME: config, SHENBAO_DB: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { out, exited } = collect(child);
    await urlLine(out, child);
    const first = out.stdout.split('\n')[0];
    expect(first).toContain('桌面版的数据库');
    expect(first).toContain(join(config, '绩效目标申报', 'shenbao.db'));
    expect(out.stdout).toContain('访问令牌每次启动都会变');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('explains a bad argument in Chinese and exits non-zero', async () => {
    const child = launch(['--port', 'abc']);
    const { out, exited } = collect(child);
    expect(await exited).toBe(1);
    expect(out.stderr).toContain('错误：端口“abc”不正确');
    expect(out.stdout).toBe('');
  });
});
