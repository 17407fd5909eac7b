import { build } from 'esbuild';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The command line bundled to plain JavaScript (cli/main.cjs in a temp folder readable by all),
 * so a test can run it quickly under plain node, also as another user.
 */
export async function buildCli(): Promise<{ script: string; env: NodeJS.ProcessEnv; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-cli-'));
  mkdirSync(join(dir, 'cli'));
  const script = join(dir, 'cli', 'main.cjs');
  await build({
    entryPoints: [join(ROOT, 'electron/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: script,
    external: ['better-sqlite3', 'esbuild'],
    define: { 'import.meta.url': 'undefined' },
    logLevel: 'silent',
  });
  // The import worker beside it, as in the app (electron/core/import/readWorker.ts looks there).
  await build({
    entryPoints: [join(ROOT, 'electron/core/import/workerEntry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: join(dir, 'cli', 'importWorker.cjs'),
    define: { 'import.meta.url': 'undefined' },
    logLevel: 'silent',
  });
  chmodSync(dir, 0o755);
  return {
    script,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
