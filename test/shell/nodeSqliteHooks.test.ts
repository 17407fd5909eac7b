import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// @ts-expect-error plain .mjs hook module without types
import * as hooks from '../../build/hooks/nodeSqlite.mjs';

const { saveNodeBuild, restoreNodeBuild, beforeBuild } = hooks as {
  saveNodeBuild(root: string): boolean;
  restoreNodeBuild(root: string): boolean;
  beforeBuild(ctx: { appDir: string }): Promise<boolean>;
};

const NODE_BUILD = join(process.cwd(), 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const ELECTRON_BUILD = Buffer.from('\x7fELF pretend this was built for Electron’s ABI');

let root: string;
let binary: string;
let backup: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shenbao-hooks-'));
  binary = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  backup = join(root, '.cache', 'node-sqlite', 'better_sqlite3.node');
  mkdirSync(join(binary, '..'), { recursive: true });
  copyFileSync(NODE_BUILD, binary);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the dist hooks that keep npm test working', () => {
  it('set the Node build aside before electron-builder rebuilds it, and put it back afterwards', async () => {
    await expect(beforeBuild({ appDir: root })).resolves.toBe(true);
    expect(readFileSync(backup).equals(readFileSync(NODE_BUILD))).toBe(true);
    writeFileSync(binary, ELECTRON_BUILD); // what electron-builder's rebuild leaves behind
    expect(restoreNodeBuild(root)).toBe(true);
    expect(readFileSync(binary).equals(readFileSync(NODE_BUILD))).toBe(true);
  });

  it('never replace a good backup with an Electron build left by an interrupted dist', () => {
    expect(saveNodeBuild(root)).toBe(true);
    writeFileSync(binary, ELECTRON_BUILD);
    expect(saveNodeBuild(root)).toBe(false);
    expect(readFileSync(backup).equals(readFileSync(NODE_BUILD))).toBe(true);
  });

  it('leave a working Node build alone, and do nothing without a backup', () => {
    expect(restoreNodeBuild(root)).toBe(false);
    writeFileSync(binary, ELECTRON_BUILD);
    expect(restoreNodeBuild(root)).toBe(false);
    expect(existsSync(backup)).toBe(false);
  });
});
