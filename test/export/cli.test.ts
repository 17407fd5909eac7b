import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEmbedded } from '../../shared/embedded';
import { withComputed } from '../../shared/formOps';
import { lastLine, runCliCapture } from '../helpers/cli';
import { readDocxGrid } from '../helpers/docxGrid';
import { SEED_JSON_PATH, seedForm, T2019 } from '../helpers/seed';

describe('export commands', () => {
  let root: string;
  let dir: string;
  let db: string;
  const cli = (...args: string[]) => runCliCapture(['--db', db, ...args]);
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shenbao-export-cli-'));
    mkdirSync(join(root, 'db'));
    db = join(root, 'db', 'forms.db');
    dir = join(root, 'out');
    mkdirSync(dir);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('exports a form imported from the seed JSON', async () => {
    const imported = await cli('import-json', SEED_JSON_PATH);
    expect(imported.code, imported.stderr).toBe(0);
    const id = lastLine(imported.stdout);
    const out = join(dir, '申报表.docx');
    const r = await cli('export', id, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(lastLine(r.stdout)).toBe(out);
    const g = await readDocxGrid(readFileSync(out));
    expect(g.before[0].text).toBe('部门整体支出绩效目标申报表');
    expect(g.table.cells.map((c) => c.text)).toContain('其中：一般公共预算拨款：382.21');
    const e = decodeEmbedded(g.customProperties);
    expect(e.status === 'ok' && e.embedded.form).toEqual(withComputed(seedForm(), T2019));
  });

  it('uses the default file name inside a folder given as --out', async () => {
    const id = lastLine((await cli('import-json', SEED_JSON_PATH)).stdout);
    const r = await cli('export', id, '--out', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(lastLine(r.stdout)).toBe(join(dir, '2019年湖南省桃源县看守所部门整体支出绩效目标申报表.docx'));
    expect(existsSync(lastLine(r.stdout))).toBe(true);
  });

  it('exports a blank form of a year', async () => {
    const out = join(dir, '空白.docx');
    const r = await cli('export-blank', '--year', '2027', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const g = await readDocxGrid(readFileSync(out));
    expect(g.before[1].text.replace(/\s/g, '')).toBe('（2027年度）');
  });

  it('fails in Chinese, writing nothing, for a bad id, year, name or folder', async () => {
    const id = lastLine((await cli('import-json', SEED_JSON_PATH)).stdout);
    const before = readdirSync(dir).sort();
    for (const args of [
      ['export', 'abc'],
      ['export', id, '--out', join(dir, '表.pdf')],
      ['export', id, '--out', join(dir, '没有这个文件夹', '表.docx')],
      ['export-blank', '--year', '19', '--out', join(dir, 'x.docx')],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^错误：.*[\u4e00-\u9fff]/);
    }
    const missing = await cli('export', '999', '--out', join(dir, 'x.docx'));
    expect(missing.code).not.toBe(0);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
