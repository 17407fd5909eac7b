/**
 * The code of a worker thread, as plain JavaScript for `new Worker(source, { eval: true })`: in
 * the app, the bundle scripts/build.mjs writes beside main.cjs; when running from source (tsx,
 * vitest), the same entry bundled in memory with esbuild (a dev dependency), once per process.
 * Either way no TypeScript loader runs in the worker and no file is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const sources = new Map<string, string>();

/**
 * `bundle`: the file name beside main.cjs (importWorker.cjs); `entryFromSource`: the entry's path,
 * asked only when running from source (where the caller's import.meta.url is its own file).
 */
export function workerSource(bundle: string, entryFromSource: () => string): string {
  const known = sources.get(bundle);
  if (known !== undefined) return known;
  // In the CommonJS bundle (dist/main/main.cjs) __dirname is its folder; from source there is no bundle beside us.
  const bundled = typeof __dirname === 'string' ? join(__dirname, bundle) : null;
  const source = bundled && existsSync(bundled) ? readFileSync(bundled, 'utf8') : buildFromSource(entryFromSource());
  sources.set(bundle, source);
  return source;
}

function buildFromSource(entry: string): string {
  const esbuild = createRequire(entry)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    define: { 'import.meta.url': 'undefined' },
  });
  return out.outputFiles[0].text;
}
