import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORT } from '../../electron/web/args';
import { startWebServer } from '../../electron/web/server';

let dir: string;
let rendererDir: string;
let blocker: Server | null = null;

/** Holds the default port so the fallback is exercised (if someone else holds it, so much the same). */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-web-ports-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  const s = createServer();
  blocker = await new Promise<Server | null>((resolve) => {
    s.once('error', () => resolve(null));
    s.listen(DEFAULT_PORT, '127.0.0.1', () => resolve(s));
  });
});
afterAll(async () => {
  await new Promise<void>((r) => (blocker ? blocker.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('port choice', () => {
  it('moves to a free port when the default one is busy', async () => {
    const web = await startWebServer({ dbFile: join(dir, 'a.db'), rendererDir, log: () => undefined });
    try {
      expect(web.port).not.toBe(DEFAULT_PORT);
      expect((await fetch(`http://127.0.0.1:${web.port}/`)).status).toBe(200);
    } finally {
      await web.close();
    }
  });

  it('says in Chinese when a port asked for is busy, and leaves the database closed', async () => {
    await expect(startWebServer({ dbFile: join(dir, 'b.db'), port: DEFAULT_PORT, rendererDir, log: () => undefined })).rejects.toThrow(
      `端口 ${DEFAULT_PORT} 已被占用，请换一个端口（--port 端口），或用 --port 0 自动选择`,
    );
    // SQLite removes the WAL side files only when the last connection closes cleanly.
    expect(existsSync(join(dir, 'b.db'))).toBe(true);
    expect(existsSync(join(dir, 'b.db-wal'))).toBe(false);
  });
});
