/** `import` keeps each file with the forms read from it; `original ID --out F` gives it back byte for byte. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli';
import { HANDMADE_DOCX_PATH } from '../helpers/seed';

const TWO_FORMS_PATH = fileURLToPath(new URL('../fixtures/real/r05-anhui-jinan-2025-tiyu-2forms.docx', import.meta.url));

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'shenbao-cli-original-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ids = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter((l) => /^\d+$/.test(l))
    .map(Number);

describe('cli original', () => {
  it('gives back each imported form’s file, the same bytes, also for both forms of a two-form file', async () => {
    const db = join(dir, 'a.db');
    const one = join(dir, '桃源县申报表.docx');
    const two = join(dir, '两个项目.docx');
    copyFileSync(HANDMADE_DOCX_PATH, one);
    copyFileSync(TWO_FORMS_PATH, two);
    const imported = await runCliCapture(['--db', db, 'import', one, two]);
    expect(imported.code).toBe(0);
    const [a, b, c] = ids(imported.stdout);
    expect([a, b, c].every((x) => x > 0)).toBe(true);

    const out = join(dir, '原件.docx');
    const got = await runCliCapture(['--db', db, 'original', String(a), '--out', out]);
    expect(got.code).toBe(0);
    expect(got.stdout).toMatch(/^原始文件：桃源县申报表\.docx（\d+\.\d KB），\d{4}-\d\d-\d\d 导入/);
    expect(Buffer.compare(readFileSync(out), readFileSync(HANDMADE_DOCX_PATH))).toBe(0);

    const folder = join(dir, 'out');
    mkdirSync(folder);
    for (const id of [b, c]) {
      const r = await runCliCapture(['--db', db, 'original', String(id), '--out', folder]);
      expect(r.stdout).toContain('同一文件读出 2 份表单');
      expect(Buffer.compare(readFileSync(join(folder, '两个项目.docx')), readFileSync(TWO_FORMS_PATH))).toBe(0);
    }
  });

  it('says in Chinese when a form has no original, or the number is not one', async () => {
    const db = join(dir, 'a.db');
    const json = join(dir, 'seed.json');
    copyFileSync(fileURLToPath(new URL('../fixtures/seed-2019-taoyuan.json', import.meta.url)), json);
    const created = await runCliCapture(['--db', db, 'import-json', json]);
    const id = ids(created.stdout).pop()!;
    const none = await runCliCapture(['--db', db, 'original', String(id), '--out', join(dir, 'x.docx')]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/没有保存原始文件/);
    const bad = await runCliCapture(['--db', db, 'original', 'abc']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/请给出表单编号/);
  });
});
