import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormRecord, Reply } from '../../shared/contract';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { seedForm } from '../helpers/seed';

let dir: string;
let web: WebServer;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-web-test-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>绩效目标申报</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  web = await startWebServer({ dbFile: join(dir, 'data', 'shenbao.db'), port: 0, rendererDir, log: () => undefined });
  base = `http://127.0.0.1:${web.port}`;
});
afterAll(async () => {
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shenbao-Token': web.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await post(channel, input);
  expect(res.status).toBe(200);
  const reply = (await res.json()) as Reply<T>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** fetch() will not send a forged Host header, so this one goes through node:http. */
function rawGet(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode server over real HTTP', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    const address = web.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(web.port);
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${web.token}`);
    expect(web.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses API calls without the right token', async () => {
    const none = await fetch(`${base}/api/forms.list`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ ok: false, error: '访问令牌无效，请使用启动时显示的完整地址打开', code: 'bad-token' });
    const wrong = await post('forms.list', {}, { 'X-Shenbao-Token': 'f'.repeat(64) });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await rawGet('/', 'evil.example:' + web.port)).status).toBe(403);
    expect((await rawGet('/', `127.0.0.1:${web.port + 1}`)).status).toBe(403);
    expect((await rawGet('/', `localhost:${web.port}`)).status).toBe(200);
  });

  it('serves index.html and assets, and nothing outside the folder', async () => {
    const index = await fetch(`${base}/?token=${web.token}`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await index.text()).toContain('绩效目标申报');
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const r = await rawGet(p, `127.0.0.1:${web.port}`);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
    expect((await fetch(`${base}/nope.html`)).status).toBe(404);
  });

  it('round-trips a form: forms.create → forms.save → forms.get', async () => {
    const created = await call<FormRecord>('forms.create', { year: '2019', values: { department: '湖南省桃源县看守所' } });
    const seed = seedForm();
    await call<FormRecord>('forms.save', { id: created.id, data: seed });
    const got = await call<FormRecord>('forms.get', { id: created.id });
    expect(got.title).toBe('湖南省桃源县看守所');
    expect(got.data.values.otherFunds).toBe(seed.values.otherFunds);
    expect(got.data.values.functions).toBe(seed.values.functions);
    expect((await call<{ mode: string }>('app.info', {})).mode).toBe('web');
  });

  it('answers errors as Chinese replies', async () => {
    const bad = await post('forms.get', { id: 'x' });
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({ ok: false, error: '请求数据不正确：编号应为数字，收到的是文字', code: 'bad-request' });
    expect(await (await post('forms.get', { id: 99999 })).json()).toEqual({
      ok: false,
      error: '找不到编号为 99999 的表单',
      code: 'not-found',
    });
    expect(await (await post('print.pdf', { id: 1 })).json()).toEqual({
      ok: false,
      error: '浏览器模式不支持此操作',
      code: 'web-unsupported',
    });
    const unknown = await post('forms.drop', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error: '未知的请求：forms.drop', code: 'unknown-channel' });
    const garbled = await post('forms.list', '{not json');
    expect(garbled.status).toBe(400);
    expect(((await garbled.json()) as { error: string }).error).toMatch(/^请求数据不正确/);
  });

  it('refuses bodies over 40 MB with 413', async () => {
    const big = JSON.stringify({ fileName: 'a.docx', data: 'A'.repeat(41 * 1024 * 1024) });
    const res = await post('import.read', big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/文件太大/);
  });

  it('refuses an over-long body without Content-Length too (chunked)', async () => {
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: web.port,
          path: '/api/import.read',
          method: 'POST',
          headers: { 'X-Shenbao-Token': web.token, 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 65);
      for (let i = 0; i < 41; i++) req.write(chunk);
      req.end();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: '文件太大（超过 40 MB），请选择小一些的文件', code: 'too-large' });
  });
});
