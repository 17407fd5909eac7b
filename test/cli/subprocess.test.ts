import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_JSON_PATH } from '../helpers/seed';
import { tempDir } from '../store/tempStore';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('shenbao-cli-proc-')));
afterAll(() => tmp.cleanup());

/** The real command line, as `npm run cli` starts it. */
function run(...args: string[]) {
  const r = spawnSync(TSX, ['electron/cli/main.ts', '--db', join(tmp.dir, 'shenbao.db'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the command line as a process', () => {
  it('imports and validates the seed, and exits 1 with a Chinese message for a missing form', { timeout: 60_000 }, () => {
    const imported = run('import-json', SEED_JSON_PATH);
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.trim().split('\n').pop()!;
    expect(id).toMatch(/^\d+$/);
    const validated = run('validate', id);
    expect(validated.code).toBe(0);
    const missing = run('show', '999', '--json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到编号为 999 的表单');
    expect(missing.stdout).toBe('');
  });
});
