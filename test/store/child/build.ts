import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundles the saver once so each child starts in milliseconds under plain node. */
export async function buildSaver(): Promise<{ script: string; env: NodeJS.ProcessEnv; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-saver-'));
  const script = join(dir, 'saver.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./saver.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: script,
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  return {
    script,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
