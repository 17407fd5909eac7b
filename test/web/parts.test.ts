import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseWebArgs } from '../../electron/web/args';
import { rendererNeedsBuild } from '../../electron/web/buildRenderer';
import { hostAllowed, tokenMatches } from '../../electron/web/guards';
import { resolveStatic } from '../../electron/web/staticFiles';

describe('parseWebArgs', () => {
  it('reads --db and --port in both spellings', () => {
    expect(parseWebArgs([])).toEqual({});
    expect(parseWebArgs(['--db', 'a.db', '--port', '0'])).toEqual({ dbFile: 'a.db', port: 0 });
    expect(parseWebArgs(['--db=b 1.db', `--port=${DEFAULT_PORT}`])).toEqual({ dbFile: 'b 1.db', port: DEFAULT_PORT });
  });
  it('refuses bad ports and unknown flags in Chinese', () => {
    expect(() => parseWebArgs(['--port', 'abc'])).toThrow(/端口“abc”不正确/);
    expect(() => parseWebArgs(['--port', '70000'])).toThrow(/0 到 65535/);
    expect(() => parseWebArgs(['--port'])).toThrow(/--port 后面缺少参数/);
    expect(() => parseWebArgs(['--host', '0.0.0.0'])).toThrow(/不认识的参数：--host/);
  });
});

describe('guards', () => {
  it('allows only 127.0.0.1 and localhost on our port', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('LOCALHOST:4000', 4000)).toBe(true);
    expect(hostAllowed('127.0.0.1:4001', 4000)).toBe(false);
    expect(hostAllowed('evil.example:4000', 4000)).toBe(false);
    expect(hostAllowed('127.0.0.1', 4000)).toBe(false);
    expect(hostAllowed(undefined, 4000)).toBe(false);
  });
  it('compares the token exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
    expect(tokenMatches(['abc'], 'abc')).toBe(false);
  });
});

describe('static files and build freshness', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shenbao-web-parts-'));
    root = join(dir, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app 1.js'), 'x');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds files under the folder, / as index.html', async () => {
    expect(await resolveStatic(root, '/')).toBe(join(root, 'index.html'));
    expect(await resolveStatic(root, '/assets/app%201.js')).toBe(join(root, 'assets', 'app 1.js'));
    expect(await resolveStatic(root, '/assets')).toBeNull();
    expect(await resolveStatic(root, '/missing.js')).toBeNull();
  });

  it('never leaves the folder', async () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/link.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect(await resolveStatic(root, p), p).toBeNull();
    }
  });

  it('rebuilds when the output is missing or older than a source', () => {
    const repo = join(dir, 'repo');
    const out = join(repo, 'dist', 'renderer');
    mkdirSync(join(repo, 'renderer', 'src'), { recursive: true });
    mkdirSync(join(repo, 'shared'), { recursive: true });
    writeFileSync(join(repo, 'renderer', 'src', 'main.tsx'), '');
    writeFileSync(join(repo, 'shared', 'form.ts'), '');
    expect(rendererNeedsBuild(repo, out)).toBe(true);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(repo, 'renderer', 'src', 'main.tsx'), past, past);
    utimesSync(join(repo, 'shared', 'form.ts'), past, past);
    expect(rendererNeedsBuild(repo, out)).toBe(false);
    writeFileSync(join(repo, 'shared', 'form.ts'), 'changed');
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(repo, 'shared', 'form.ts'), future, future);
    expect(rendererNeedsBuild(repo, out)).toBe(true);
  });
});
