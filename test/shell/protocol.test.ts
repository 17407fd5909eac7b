import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createAppRequestHandler,
  installAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from '../../electron/shell/protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>绩效目标申报</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', '样式 1.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'secret');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://shenbao URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://shenbao/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://shenbao/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://shenbao/index.html#/print/3')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://shenbao/assets/%E6%A0%B7%E5%BC%8F%201.css')).toBe(join(root, 'assets', '样式 1.css'));
  });

  it.each(['app://shenbao/../secret.txt', 'app://shenbao/%2e%2e/secret.txt', 'app://shenbao/assets/../../../secret.txt'])(
    'keeps %s inside the folder (the URL parser already folds the dots)',
    (url) => {
      expect(resolveAppPath(root, url)).toBe(join(root, 'secret.txt'));
    },
  );

  it.each([
    'app://shenbao/assets/..%2f..%2fsecret.txt',
    'app://shenbao/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://shenbao/..%5csecret.txt',
    'app://shenbao/assets%5c..%5c..%5csecret.txt',
    'app://shenbao/index.html%00.js',
    'app://shenbao/%E0%A4%A',
    'app://other/index.html',
    'https://shenbao/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('the app:// request handler', () => {
  const handler = () => createAppRequestHandler(root);

  it('serves files with their type and the Content-Security-Policy', async () => {
    const res = await handler()(new Request('app://shenbao/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('绩效目标申报');
    const js = await handler()(new Request('app://shenbao/assets/index-abc.js'));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('answers traversal with 403, missing files with 404, writes with 405', async () => {
    const read = vi.fn(async () => new Uint8Array());
    const guarded = createAppRequestHandler(root, read);
    const up = await guarded(new Request('app://shenbao/assets/..%2f..%2fsecret.txt'));
    expect(up.status).toBe(403);
    expect(read).not.toHaveBeenCalled();
    // Dots the URL parser folded stay inside the folder, where there is no secret.txt.
    const folded = await handler()(new Request('app://shenbao/%2e%2e/secret.txt'));
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('secret');
    expect((await handler()(new Request('app://shenbao/nope.js'))).status).toBe(404);
    expect((await handler()(new Request('app://shenbao/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('allows only the app’s own scripts, no inline or eval scripts, and no connections elsewhere', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')?.[0]).toBe("'self'");
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('protocol registration', () => {
  it('declares app:// standard and secure, and handles it', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    installAppProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
