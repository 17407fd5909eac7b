/* global process, console */
// better-sqlite3 for Electron's ABI, next to (not instead of) the Node build in node_modules,
// so `npm test` (Node) and `npm start` (Electron) both work in one checkout without a rebuild.
// The binary is built once per Electron version from a copy of node_modules/better-sqlite3 with
// node-gyp against Electron's headers (downloaded from electronjs.org) and kept in
// .cache/electron-sqlite/<electron version>/better_sqlite3.node; the app loads it through
// better-sqlite3's `nativeBinding` option (env SHENBAO_SQLITE_BINDING).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const HEADERS_URL = process.env.SHENBAO_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';

export function electronVersion(projectRoot = root) {
  return JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

export function bindingPath(version, cacheDir = join(root, '.cache', 'electron-sqlite')) {
  return join(cacheDir, version, 'better_sqlite3.node');
}

/** What the build needs, in the words a clerk's IT helper can act on. */
export function buildFailedMessage(version, detail) {
  return [
    `无法为 Electron ${version} 编译 better-sqlite3（数据库模块）。`,
    `这一步只在首次运行 npm start 时进行，需要：`,
    `  1. 能访问 ${HEADERS_URL} 下载 Electron ${version} 的头文件（也可以设置环境变量 SHENBAO_ELECTRON_HEADERS_URL 指向可用的镜像）；`,
    `  2. C++ 编译工具：python3、make、g++（Windows 上为 Visual Studio 生成工具）。`,
    `准备好后重新运行 npm start。npm test 不受影响（它使用 Node 版的 better-sqlite3）。`,
    detail ? `详细信息：${detail}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

const defaultRun = (command, args, options) => spawnSync(command, args, { stdio: 'inherit', ...options });

/**
 * Returns the binary's path, building it first when the cache has none.
 * Throws an Error whose message says in Chinese what is missing.
 */
export function ensureElectronSqlite({
  projectRoot = root,
  version = electronVersion(projectRoot),
  cacheDir = join(projectRoot, '.cache', 'electron-sqlite'),
  arch = process.arch,
  run = defaultRun,
} = {}) {
  const target = bindingPath(version, cacheDir);
  if (existsSync(target)) return target;

  const work = join(cacheDir, version, 'src');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // A copy, so the Node build in node_modules (used by npm test) is never touched.
  const source = join(projectRoot, 'node_modules', 'better-sqlite3');
  for (const part of ['binding.gyp', 'package.json', 'src', 'deps']) cpSync(join(source, part), join(work, part), { recursive: true });

  const nodeGyp = join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const result = run(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${version}`,
      `--arch=${arch}`,
      `--dist-url=${HEADERS_URL}`,
      `--devdir=${join(cacheDir, 'headers')}`,
    ],
    { cwd: work, env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: version } },
  );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (result.error || result.status !== 0 || !existsSync(built)) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(
      buildFailedMessage(
        version,
        result.error?.message ?? (result.status !== 0 ? `node-gyp 退出码 ${result.status}` : '没有生成 better_sqlite3.node'),
      ),
    );
  }
  renameSync(built, target);
  rmSync(work, { recursive: true, force: true });
  return target;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  try {
    console.log(ensureElectronSqlite());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
