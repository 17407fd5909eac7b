import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Bundles the saver once, minified, so each child starts under plain node with no TypeScript
 * loader and little code to compile: the crash test starts a hundred of them.
 */
export function buildSaver(): Promise<{ script: string; env: NodeJS.ProcessEnv; cleanup(): void }> {
  return buildChild('saver');
}

/** The same for another child of this folder (`name`.ts). */
export async function buildChild(name: string): Promise<{ script: string; env: NodeJS.ProcessEnv; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), `shenbao-${name}-`));
  const script = join(dir, `${name}.cjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: script,
    external: ['better-sqlite3'],
    // Smaller code compiles faster: the child's start is most of a crash-test round.
    minify: true,
    legalComments: 'none',
    define: { 'import.meta.url': 'undefined' },
    logLevel: 'silent',
  });
  return {
    script,
    // NODE_COMPILE_CACHE (Node 22+) keeps the compiled bundle between the children; Node 20 ignores it.
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), NODE_COMPILE_CACHE: join(dir, 'compile-cache') },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
