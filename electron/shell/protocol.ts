/**
 * The app:// protocol that serves the built renderer (dist/renderer). Only GET of files inside
 * that folder; every response carries the Content-Security-Policy, so the page can run only its
 * own scripts and reach nothing beyond its own origin.
 */
import { contentTypeFor } from '../core/contentType';
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';

/** The same policy guards the browser mode (electron/web/respond.ts). */
export { CONTENT_SECURITY_POLICY };

export { contentTypeFor };

/** Privileges must be declared before app 'ready': standard + secure make app:// behave like https for the page. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/**
 * The file an app:// URL names inside `root`, or null when the URL is foreign or climbs out of
 * it (`..`, encoded slashes or backslashes, NUL, absolute paths).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const file = normalize(join(root, path));
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

type ReadFile = (file: string) => Promise<Uint8Array>;

const textResponse = (status: number, body: string): Response =>
  new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });

/** The protocol.handle callback: a plain (Request) => Response, testable under Node. */
export function createAppRequestHandler(root: string, read: ReadFile = (f) => readFile(f)): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, '不允许的请求');
    const file = resolveAppPath(root, request.url);
    if (!file) return textResponse(403, '禁止访问');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return textResponse(404, '找不到文件');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root));
}
