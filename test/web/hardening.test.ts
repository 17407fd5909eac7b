/**
 * Browser mode (issue #16, defects 10 and 11). The page gets the desktop's Content-Security-
 * Policy (it had none). A database locked by another program no longer stalls the server:
 * on the old code a write waited inside SQLite for 5 s, blocking the one thread, so every
 * other request waited too, and then the write failed. Ordering is what is checked, not time.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/contract';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/protocol';
import { hugeSpanDocx } from '../helpers/hostileDocx';

let dir: string;
let web: WebServer;
let base: string;
let dbFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-web-hardening-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>绩效目标申报</title>');
  dbFile = join(dir, 'data', 'shenbao.db');
  web = await startWebServer({ dbFile, port: 0, rendererDir, log: () => undefined });
  base = `http://127.0.0.1:${web.port}`;
});
afterAll(async () => {
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (channel: string, body: unknown) =>
  fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shenbao-Token': web.token },
    body: JSON.stringify(body),
  });

describe('browser mode hardening', () => {
  it('sends the same Content-Security-Policy as the desktop, on the page and on API replies', async () => {
    const page = await fetch(`${base}/?token=${web.token}`);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'/);
    const api = await post('app.info', {});
    expect(api.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps answering while another program holds the database lock, and the write goes through after', async () => {
    const other = new Database(dbFile);
    other.exec('BEGIN IMMEDIATE'); // another program's write transaction: the write lock is taken
    const order: string[] = [];
    try {
      const write = post('forms.create', { year: '2024', department: '锁住时新建' }).then(async (r) => {
        order.push('write');
        return (await r.json()) as Reply<{ id: number }>;
      });
      // Sent after the write: answered while the write is still waiting for the lock.
      const read = await post('forms.list', {});
      order.push('read');
      expect(read.status).toBe(200);
      expect((await post('app.info', {})).status).toBe(200);
      order.push('info');
      other.exec('COMMIT'); // the other program finishes
      const written = await write;
      expect(written).toMatchObject({ ok: true, value: { id: expect.any(Number) } });
      expect(order).toEqual(['read', 'info', 'write']);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });

  it('a hostile upload is refused in Chinese and the server keeps answering', async () => {
    // A 1 KB file with a span of 2^31-1 columns: it made V8 abort, taking the server down.
    const data = Buffer.from(await hugeSpanDocx(2 ** 31 - 1)).toString('base64');
    const reply = (await (await post('import.read', { fileName: 'span.docx', data })).json()) as Reply<unknown>;
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/表格过大或已损坏.*已拒绝导入/), code: 'import.tooComplex' });
    expect((await post('app.info', {})).status).toBe(200);
  });

  it('a lock held too long ends in the Chinese busy message, not a stalled server', async () => {
    const other = new Database(dbFile);
    other.exec('BEGIN IMMEDIATE');
    try {
      const reply = (await (await post('forms.create', { year: '2025', department: '一直锁住' })).json()) as Reply<unknown>;
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/数据库正被另一个程序.*请稍后再试/), code: 'busy' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});
