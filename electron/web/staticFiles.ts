/** Serves the built renderer read-only; any path that would leave its folder is a plain 404. */
import { contentTypeFor } from '../core/contentType';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { sendText } from './respond';

const inside = (root: string, full: string) => full === root || full.startsWith(root + sep);

/** The file under root that urlPath names, or null when there is none or it would escape root. */
export async function resolveStatic(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' ? '/index.html' : decoded;
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot) return null;
  const full = resolve(realRoot, '.' + rel);
  if (!inside(realRoot, full)) return null;
  try {
    // Symlinks must not lead out of the folder either.
    const real = await realpath(full);
    if (!inside(realRoot, real) || !(await stat(real)).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, '只能读取这里的文件');
  const file = await resolveStatic(root, urlPath);
  if (!file) return sendText(res, 404, '找不到这个页面，请使用启动时显示的地址');
  const size = (await stat(file)).size;
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((done) => {
    createReadStream(file)
      .on('error', () => res.destroy())
      .on('close', done)
      .pipe(res);
  });
}
