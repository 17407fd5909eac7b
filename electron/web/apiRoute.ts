/** POST /api/<channel>: the contract over HTTP, behind the per-launch token. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CHANNELS } from '../../shared/contract';
import { dispatch, failure, type Handlers, type Logger, type TemplateLookup } from '../core/handlers';
import { TOKEN_HEADER, tokenMatches } from './guards';
import { sendJson } from './respond';

/** Large enough for a 20 MB backup or Word file as base64 inside JSON. */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;

export const TOKEN_INVALID = '访问令牌无效，请使用启动时显示的完整地址打开';
export const BODY_TOO_LARGE = '文件太大（超过 40 MB），请选择小一些的文件';

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        // Stop buffering but keep draining so the reply can still be delivered.
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface ApiOptions {
  token: string;
  handlers: Handlers;
  log: Logger;
  maxBodyBytes?: number;
  /** See DispatchOptions.busyRetryMs. */
  busyRetryMs?: number;
  /** See DispatchOptions.templates. */
  templates?: TemplateLookup;
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string, opts: ApiOptions): Promise<void> {
  if (!tokenMatches(req.headers[TOKEN_HEADER], opts.token)) return sendJson(res, 401, failure(TOKEN_INVALID, 'bad-token'));
  if (!(CHANNELS as readonly string[]).includes(channel))
    return sendJson(res, 404, failure(`未知的请求：${channel.slice(0, 100)}`, 'unknown-channel'));
  if (req.method !== 'POST') return sendJson(res, 405, failure('请求方式不对，请刷新页面后重试', 'bad-request'));
  const limit = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    res.setHeader('Connection', 'close');
    return sendJson(res, 413, failure(BODY_TOO_LARGE, 'too-large'));
  }
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, failure(BODY_TOO_LARGE, 'too-large'));
    }
    throw e;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, failure('请求数据不正确：不是有效的 JSON，请刷新页面后重试', 'bad-request'));
  }
  sendJson(
    res,
    200,
    await dispatch(opts.handlers, channel, input, { log: opts.log, busyRetryMs: opts.busyRetryMs, templates: opts.templates }),
  );
}
