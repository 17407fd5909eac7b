/**
 * `npm run web -- [--db FILE] [--port N]`: the app in a local browser, for machines where the
 * desktop shell cannot run. Prints the address (with its access token) to open.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUserError } from '../../shared/errors';
import { defaultDatabasePath } from '../core/paths';
import { startWebServer } from './app';
import { parseWebArgs } from './args';
import { ensureRendererBuilt } from './buildRenderer';

export { startWebServer } from './app';
export type { WebServer, WebServerOptions } from './app';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const RENDERER_DIR = resolve(ROOT, 'dist/renderer');

/** SHENBAO_RENDERER_DIR serves a ready folder as is (tests use a tiny one instead of building). */
function rendererDir(): string {
  const given = process.env.SHENBAO_RENDERER_DIR;
  if (given) return resolve(given);
  ensureRendererBuilt(ROOT, RENDERER_DIR, (l) => process.stderr.write(l + '\n'));
  return RENDERER_DIR;
}

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(line + '\n');
  const args = parseWebArgs(process.argv.slice(2));
  const dir = rendererDir();
  const dbFile = resolve(args.dbFile ?? defaultDatabasePath());
  const web = await startWebServer({ dbFile, port: args.port, rendererDir: dir });
  // Said first: without --db these are the clerk's real forms, not a trial copy.
  if (args.dbFile === undefined) say(`注意：没有给出 --db，打开的是桌面版的数据库（真实数据）：${dbFile}。试用请加 --db 另一个文件。`);
  say('绩效目标申报（浏览器模式）已启动。请在本机浏览器中打开下面的地址（地址中含访问令牌，请勿发给他人）：');
  say(web.url);
  say('访问令牌每次启动都会变，以前收藏的地址会打不开，请每次使用这里显示的地址。');
  if (args.dbFile !== undefined) say(`数据库文件：${dbFile}`);
  say('用完后在这里按 Ctrl+C 结束（数据会先保存好再退出）。');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    web.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`关闭时出错：${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isMain = process.argv[1] && /web[\\/]server\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  main().catch((e: unknown) => {
    process.stderr.write(
      isUserError(e) ? `错误：${(e as Error).message}\n` : `启动失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  });
}
