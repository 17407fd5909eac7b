/**
 * `import a.docx deep.docx good.docx`: every file gets its own outcome, and no failure, expected
 * or not, stops the batch (issue #16, defect 4). On the old code the deeply nested file threw
 * RangeError (Maximum call stack size exceeded), the command printed 内部错误 and exited 70,
 * and good.docx was never imported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deepBodyDocx } from '../helpers/hostileDocx';
import { handmadeFormBody, makeDocx } from '../helpers/makeDocx';
import { runCliCapture } from '../helpers/cli';
import { seedJson } from '../helpers/seed';

// A reader that fails unexpectedly (not a UserError) for one file, as a bug or a dying worker would.
vi.mock('../../electron/core/import', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/import')>();
  return {
    ...real,
    readDocxForms: (bytes: Uint8Array, opts: Parameters<typeof real.readDocxForms>[1]) =>
      Buffer.from(bytes).toString('latin1') === 'BOOM'
        ? Promise.reject(new RangeError('simulated failure'))
        : real.readDocxForms(bytes, opts),
  };
});

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'shenbao-import-batch-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function files(): Promise<Record<string, string>> {
  const put = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  return {
    a: put('a.docx', await makeDocx(handmadeFormBody({ ...seedJson(), 部门名称: '甲局' }))),
    deep: put('deep.docx', deepBodyDocx(10_000)),
    boom: put('boom.docx', Buffer.from('BOOM')),
    good: put('good.docx', await makeDocx(handmadeFormBody({ ...seedJson(), 部门名称: '乙局' }))),
  };
}

describe('import batches', () => {
  it('reports a hostile file and goes on to the next', async () => {
    const f = await files();
    const r = await runCliCapture(['--db', join(dir, 'forms.db'), 'import', f.a, f.deep, f.good]);
    expect(r.stderr).toMatch(/deep\.docx：导入失败：文件中的 word\/document\.xml 嵌套层数过多/);
    expect(r.stdout).toMatch(/a\.docx：已导入/);
    expect(r.stdout).toMatch(/good\.docx：已导入/);
    expect(r.stdout).toMatch(/共 3 个文件、3 份表：导入 2 份，失败 1 个/);
    expect(r.code).toBe(1);
    const list = await runCliCapture(['--db', join(dir, 'forms.db'), 'list', '--json']);
    expect((JSON.parse(list.stdout) as { title: string }[]).map((x) => x.title).sort()).toEqual(['乙局', '甲局']);
  });

  it('reports an unexpected failure for that file in Chinese and goes on', async () => {
    const f = await files();
    const r = await runCliCapture(['--db', join(dir, 'forms.db'), 'import', f.boom, f.good]);
    expect(r.stderr).toMatch(/boom\.docx：导入失败：读取或保存这个文件时发生意外错误（simulated failure），已跳过，其余文件照常导入/);
    expect(r.stdout).toMatch(/good\.docx：已导入/);
    expect(r.code).toBe(1);
  });
});
