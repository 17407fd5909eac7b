/* global process, console */
// `npm start`: build, make sure the Electron binary and an Electron-ABI better-sqlite3 exist
// (both downloaded/built once, on the first start, which needs network access), then launch.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite, electronVersion } from './electron-sqlite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(message);
  process.exit(1);
}

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) fail('构建失败，程序没有启动。请根据上面的信息修正后重新运行 npm start。');

// node_modules/electron downloads its binary the first time it is required.
console.log('检查 Electron 程序文件（首次启动时下载）…');
const located = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
});
const version = electronVersion(root);
if (located.status !== 0 || !located.stdout) {
  const reason = (located.stderr ?? '').split('\n').find((l) => /Error/.test(l)) ?? '';
  fail(
    `无法下载 Electron ${version} 的程序文件。首次运行 npm start 需要能访问 github.com/electron/electron/releases，` +
      `或设置环境变量 ELECTRON_MIRROR 指向可用的镜像（例如 https://npmmirror.com/mirrors/electron/）后重试。` +
      (reason ? `\n详细信息：${reason.trim()}` : ''),
  );
}
const electronBinary = located.stdout.trim();

let binding;
try {
  binding = ensureElectronSqlite({ projectRoot: root, version });
} catch (e) {
  fail(e.message);
}

const env = { ...process.env, SHENBAO_SQLITE_BINDING: binding };
// Would turn Electron into plain Node and skip the app entirely.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
