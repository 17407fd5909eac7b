/**
 * `cli import` lists what a hand-made form holds that its template has no place for (issue 21):
 * each unplaced cell as a 未归位 line naming where it was printed, with its whole text.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'shenbao-import-unplaced-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const real = (name: string) => {
  const to = join(dir, `${name}.docx`);
  copyFileSync(fileURLToPath(new URL(`../fixtures/real/${name}.docx`, import.meta.url)), to);
  return to;
};

describe('cli import lists the unplaced', () => {
  it('prints each cell the template has no place for, and imports the form', async () => {
    const file = real('r01-hunan-yueyangxian-2022-gaobiaonongtian');
    const r = await runCliCapture(['--db', join(dir, 'forms.db'), 'import', file]);
    expect(r.stdout).toMatch(/已导入/);
    expect(r.stderr).toContain('：未归位：「项目负责人及电话」：彭兵');
    expect(r.stderr).toContain('：未归位：「年度资金总额」括号中的说明：高标准农田建设400万元,示范建设295万元,畅通工程159万元');
    expect(r.stderr).toContain('：未归位：「财政拨款」原文：854万854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)');
    expect(r.stderr).not.toMatch(/千分位/);
  });

  it('two forms in one file: two imports, nothing unplaced', async () => {
    const file = real('r05-anhui-jinan-2025-tiyu-2forms');
    const r = await runCliCapture(['--db', join(dir, 'forms.db'), 'import', file]);
    expect(r.stdout).toMatch(/（第 1 份）：已导入/);
    expect(r.stdout).toMatch(/（第 2 份）：已导入/);
    expect(r.stderr).not.toContain('未归位');
  });
});
