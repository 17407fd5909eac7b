/* global process, console */
// `npm run build`: the renderer with vite (→ dist/renderer) and the Electron main process and
// preload with esbuild (→ dist/main/main.cjs, dist/main/preload.cjs): the folder electron-builder packs.
// `--main-only` skips the renderer (used while it is being built elsewhere, and by tests).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'main');

/** Both bundles are CommonJS: Electron loads main.cjs with require, and a sandboxed preload can only require 'electron'. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  // better-sqlite3 is native: it stays a real module in node_modules (unpacked from app.asar).
  external: ['electron', 'better-sqlite3'],
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  sourcemap: false,
  absWorkingDir: root,
  // readWorker.ts uses import.meta.url only when running from source; in these bundles it is absent.
  define: { 'import.meta.url': 'undefined' },
};

export async function buildMain() {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: join(outDir, 'main.cjs') }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: join(outDir, 'preload.cjs'), external: ['electron'] }),
    // The import worker (electron/core/import/readWorker.ts) runs this beside main.cjs: the reader only.
    build({ ...common, entryPoints: ['electron/core/import/workerEntry.ts'], outfile: join(outDir, 'importWorker.cjs') }),
    // The export worker (electron/core/exportWorker/worker.ts): the Word and Excel writers only.
    build({ ...common, entryPoints: ['electron/core/exportWorker/entry.ts'], outfile: join(outDir, 'exportWorker.cjs') }),
  ]);
}

export function buildRenderer() {
  if (!existsSync(join(root, 'vite.config.ts'))) {
    console.error(
      '找不到 vite.config.ts：界面（renderer）还没有构建配置，无法生成 dist/renderer。请先补上 vite.config.ts 再运行 npm run build。',
    );
    return false;
  }
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('界面（renderer）构建失败，请查看上面 vite 的错误信息并修正后重新运行 npm run build。');
    return false;
  }
  return true;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const mainOnly = process.argv.includes('--main-only');
  try {
    await buildMain();
  } catch {
    console.error('主进程（electron/main.ts、electron/preload.ts）构建失败，请查看上面 esbuild 的错误信息。');
    process.exit(1);
  }
  console.log('已生成 dist/main/main.cjs、dist/main/preload.cjs、dist/main/importWorker.cjs 和 dist/main/exportWorker.cjs');
  if (!mainOnly) {
    if (!buildRenderer()) process.exit(1);
    console.log('已生成 dist/renderer');
  }
}
