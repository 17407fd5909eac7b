/** Builds the renderer with vite when dist/renderer is missing or older than its sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../shared/errors';

/** Newest modification time of any file under dir (0 when it does not exist). */
export function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

export function rendererNeedsBuild(root: string, outDir: string): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = ['renderer', 'shared'].map((d) => newestMtime(join(root, d)));
  const config = join(root, 'vite.config.ts');
  if (existsSync(config)) sources.push(statSync(config).mtimeMs);
  return Math.max(...sources) > built;
}

export function ensureRendererBuilt(root: string, outDir: string, log: (line: string) => void): void {
  if (!rendererNeedsBuild(root, outDir)) return;
  if (!existsSync(join(root, 'vite.config.ts'))) {
    throw new UserError('找不到界面的构建配置 vite.config.ts，请确认程序文件完整后再运行 npm run web');
  }
  log('正在构建界面（第一次或界面代码有改动时需要），请稍候……');
  // vite's own output goes to stderr so stdout keeps only what the user must read.
  const r = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0 || !existsSync(join(outDir, 'index.html'))) {
    throw new UserError('界面构建失败，请查看上面的错误信息；修正后重新运行 npm run web');
  }
}
