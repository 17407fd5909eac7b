import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { bindingPath, ensureElectronSqlite } from '../../scripts/electron-sqlite.mjs';

type Run = (command: string, args: string[], options: { cwd: string }) => { status: number | null; error?: Error };

let project: string;
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'shenbao-esqlite-'));
  const pkg = join(project, 'node_modules', 'better-sqlite3');
  mkdirSync(join(pkg, 'src'), { recursive: true });
  mkdirSync(join(pkg, 'deps'), { recursive: true });
  mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
  writeFileSync(join(pkg, 'binding.gyp'), '{}');
  writeFileSync(join(pkg, 'package.json'), '{"name":"better-sqlite3"}');
  writeFileSync(join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
  writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'NODE ABI build');
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const ensure = (run: Run) => ensureElectronSqlite({ projectRoot: project, version: '45.5.0', arch: 'x64', run }) as string;

describe('ensureElectronSqlite', () => {
  it('builds a copy against Electron’s headers into the cache and leaves the Node build alone', () => {
    const run = vi.fn<Run>((_cmd, _args, { cwd }) => {
      mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
      writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), 'ELECTRON ABI build');
      return { status: 0 };
    });
    const file = ensure(run);
    expect(file).toBe(join(project, '.cache', 'electron-sqlite', '45.5.0', 'better_sqlite3.node'));
    expect(readFileSync(file, 'utf8')).toBe('ELECTRON ABI build');
    expect(readFileSync(join(project, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe(
      'NODE ABI build',
    );
    const [, args, options] = run.mock.calls[0];
    expect(args).toEqual(expect.arrayContaining(['rebuild', '--target=45.5.0', '--arch=x64', '--dist-url=https://electronjs.org/headers']));
    expect(options.cwd).not.toContain(join('node_modules', 'better-sqlite3'));
    expect(existsSync(options.cwd)).toBe(false);
  });

  it('reuses the cached binary without building again', () => {
    const cached = bindingPath('45.5.0', join(project, '.cache', 'electron-sqlite'));
    mkdirSync(join(cached, '..'), { recursive: true });
    writeFileSync(cached, 'cached');
    const run = vi.fn<Run>();
    expect(ensure(run)).toBe(cached);
    expect(run).not.toHaveBeenCalled();
  });

  it('says in Chinese what it needs when the headers cannot be downloaded', () => {
    const run = vi.fn<Run>(() => ({ status: 1 }));
    expect(() => ensure(run)).toThrow(
      /无法为 Electron 45\.5\.0 编译 better-sqlite3[\s\S]*https:\/\/electronjs\.org\/headers[\s\S]*python3、make、g\+\+/,
    );
    expect(existsSync(join(project, '.cache', 'electron-sqlite', '45.5.0', 'better_sqlite3.node'))).toBe(false);
  });
});
