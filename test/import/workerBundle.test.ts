/**
 * In the app the import worker is dist/main/importWorker.cjs beside main.cjs (scripts/build.mjs):
 * a CommonJS bundle with import.meta.url left out, where esbuild is not there to build it from
 * source. This bundles a caller and the worker the same way into a temporary folder and runs
 * it under plain node: it can only read the file through the bundled worker.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handmadeFormBody, makeDocx } from '../helpers/makeDocx';
import { seedJson } from '../helpers/seed';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node20',
  define: { 'import.meta.url': 'undefined' },
  logLevel: 'silent' as const,
};

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-worker-bundle-'));
  writeFileSync(
    join(dir, 'caller.ts'),
    `import { readFileSync } from 'node:fs';
     import { readDocxForm } from ${JSON.stringify(join(ROOT, 'electron/core/import/readDocx.ts'))};
     import { BUILTIN_TEMPLATES } from ${JSON.stringify(join(ROOT, 'shared/templates/index.ts'))};
     readDocxForm(readFileSync(process.argv[2]), { templates: BUILTIN_TEMPLATES }).then(
       (r) => console.log(JSON.stringify({ department: r.data.values.department })),
       (e) => { console.log(JSON.stringify({ error: String(e) })); process.exitCode = 1; },
     );`,
  );
  await build({ ...common, entryPoints: [join(dir, 'caller.ts')], outfile: join(dir, 'main.cjs') });
  await build({ ...common, entryPoints: [join(ROOT, 'electron/core/import/workerEntry.ts')], outfile: join(dir, 'importWorker.cjs') });
  writeFileSync(join(dir, 'form.docx'), await makeDocx(handmadeFormBody(seedJson())));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled import worker', () => {
  it('is found beside the bundle and reads a form', () => {
    const r = spawnSync(process.execPath, [join(dir, 'main.cjs'), join(dir, 'form.docx')], { encoding: 'utf8', cwd: dir });
    expect(r.stdout.trim(), r.stderr).toBe(JSON.stringify({ department: '湖南省桃源县看守所' }));
    expect(r.status).toBe(0);
  });
});
