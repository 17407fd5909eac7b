/**
 * The browser-mode HTTP server: the built renderer and the contract, on 127.0.0.1 only, guarded by
 * a per-launch token (against other local pages) and a Host check (against DNS rebinding).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserError } from '../../shared/errors';
import { APP_VERSION } from '../core/appInfo';
import { createCoreHandlers } from '../core/handlers';
import { ExportWorker } from '../core/exportWorker/worker';
import { openStore } from '../core/store';
import { handleApi } from './apiRoute';
import { DEFAULT_PORT } from './args';
import { HOST, hostAllowed } from './guards';
import { SECURITY_HEADERS, sendText } from './respond';
import { serveStatic } from './staticFiles';

/** How long SQLite itself waits for a lock, blocking the server's one thread. */
export const SQLITE_BUSY_WAIT_MS = 20;
/** How long a request keeps retrying a locked database, other requests being answered meanwhile. */
export const BUSY_RETRY_MS = 5000;

export interface WebServerOptions {
  dbFile: string;
  /** undefined: the default port, or a free one when it is busy; 0: any free port. */
  port?: number;
  rendererDir: string;
  log?: (line: string) => void;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

async function listenOnPort(server: Server, wanted: number | undefined): Promise<number> {
  try {
    return await listen(server, wanted ?? DEFAULT_PORT);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    if (wanted === undefined) return listen(server, 0);
    throw new UserError(`端口 ${wanted} 已被占用，请换一个端口（--port 端口），或用 --port 0 自动选择`);
  }
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const token = randomBytes(32).toString('hex');
  // A database locked by another program must not stall the server: SQLite waits only briefly
  // (it blocks the thread while it waits), and dispatch retries without blocking (BUSY_RETRY_MS).
  const store = openStore({ file: opts.dbFile, appVersion: APP_VERSION, busyTimeoutMs: SQLITE_BUSY_WAIT_MS });
  // Word and Excel files are built in a worker thread: a long export never holds up the other requests.
  const exporter = new ExportWorker();
  const handlers = createCoreHandlers({ store, appVersion: APP_VERSION, mode: 'web', exporter });
  // The page shows these too (app.info); the console that started the server hears them first.
  for (const notice of store.notices) log(`提示：${notice}`);
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!hostAllowed(req.headers.host, port)) return sendText(res, 403, `请用 http://${HOST}:${port}/ 打开`);
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/api/')) {
      return handleApi(req, res, path.slice('/api/'.length), {
        token,
        handlers,
        busyRetryMs: BUSY_RETRY_MS,
        templates: store.templates,
        log: (message, error) => log(`${message}：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      });
    }
    return serveStatic(opts.rendererDir, req, res, path);
  };

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      log(`请求 ${req.url ?? ''} 出错：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) sendText(res, 500, '内部错误，请重试；如果反复出现，请联系技术支持');
      else res.destroy();
    });
  });

  try {
    port = await listenOnPort(server, opts.port);
  } catch (e) {
    store.close();
    await exporter.close();
    throw e;
  }

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => {
        store.close();
        void exporter.close().then(resolve);
      });
      server.closeAllConnections();
    }));

  return { url: `http://${HOST}:${port}/?token=${token}`, token, port, server, close };
}
