/**
 * `template from-blank` on the command line (issue 22), read in the import worker: a blank
 * becomes a template file that `template import` takes; a copy filled by hand then imports with
 * no --template, every value back; bad blanks get a clear Chinese message and nothing is stored
 * or written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateFromFile } from '../../shared/template/file';
import { blankDocx, blankXlsx } from '../helpers/blankForms';
import { LAYOUTS } from '../helpers/blankLayouts';
import { lastLine, runCliCapture } from '../helpers/cli';
import { makeDocx, paras, tbl, tc, tr } from '../helpers/makeDocx';
import { tempDir } from '../store/tempStore';

let tmp: ReturnType<typeof tempDir>;
let db: string;
const cli = (...args: string[]) => runCliCapture(['--db', db, ...args]);

beforeEach(() => {
  tmp = tempDir('shenbao-from-blank-');
  db = join(tmp.dir, 'shenbao.db');
});
afterEach(() => tmp.cleanup());

const file = (name: string, bytes: Uint8Array) => {
  const path = join(tmp.dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('template from-blank', () => {
  it('writes a template file that imports; a hand-filled copy then imports under it with no --template', async () => {
    const layout = LAYOUTS.find((l) => l.format === 'xlsx')!;
    const blank = file('空白表.xlsx', await blankXlsx(layout.spec));
    const out = join(tmp.dir, '表样.json');
    const made = await cli('template', 'from-blank', blank, '--out', out, '--id', 'gx-xiangmu');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/已由空白表生成表样「项目支出绩效目标申报表」（gx-xiangmu）/);
    const t = templateFromFile(readFileSync(out, 'utf8'));
    expect(t.id).toBe('gx-xiangmu');
    // Nothing is stored until the template file is imported.
    expect((await cli('templates', '--json')).stdout).not.toContain('gx-xiangmu');
    expect((await cli('template', 'import', out)).code).toBe(0);

    const fill = layout.fills[0];
    const filled = file('填好的.xlsx', await blankXlsx(layout.spec, fill));
    const imported = await cli('import', filled);
    expect(imported.code, imported.stderr).toBe(0);
    const shown = JSON.parse((await cli('show', lastLine(imported.stdout), '--json')).stdout) as Record<string, unknown>;
    expect(shown['表']).toBe(t.title);
    expect(shown['项目名称']).toBe(fill.values['项目名称']);
    expect(shown['项目实施单位']).toBe(fill.values['项目实施单位']);
    expect(shown['联系电话']).toBe(fill.values['联系电话']);
    const rows = shown[t.groups![0].label] as Record<string, string>[];
    expect(rows.map((r) => r['指标内容'])).toEqual(fill.indicators!.map((r) => r[2]));
  });

  it('reads a .docx blank as well, and says what it assumed', async () => {
    const blank = file('空白表.docx', await blankDocx(LAYOUTS[0].spec));
    const r = await cli('template', 'from-blank', blank, '--out', join(tmp.dir, 't.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(templateFromFile(readFileSync(join(tmp.dir, 't.json'), 'utf8')).groups?.[0].label).toBe('绩效指标');
  });

  const bad: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['no table', () => makeDocx(paras('部门整体支出绩效目标申报表\n（    年度）\n填报单位：')), /没有表格/],
    [
      'no empty cell',
      () => makeDocx(tbl([tr([tc(paras('项目名称')), tc(paras('某项目'))]), tr([tc(paras('年度')), tc(paras('2025'))])])),
      /没有空白格/,
    ],
    [
      'nested tables',
      () => makeDocx(tbl([tr([tc(paras('项目名称')), tc(tbl([tr([tc(paras('甲')), tc('')])], [1000, 1000]) + '<w:p/>')])])),
      /嵌套表格/,
    ],
    [
      '1,000 columns',
      () =>
        makeDocx(
          tbl(
            [tr(Array.from({ length: 1001 }, () => tc('')))],
            Array.from({ length: 1001 }, () => 100),
          ),
        ),
      /过大|过于复杂|超过/,
    ],
    [
      '40 columns',
      () =>
        makeDocx(
          tbl(
            [tr([tc(paras('名称')), ...Array.from({ length: 39 }, () => tc(''))])],
            Array.from({ length: 40 }, () => 200),
          ),
        ),
      /40 列，表样最多 30 列/,
    ],
    [
      'a password-protected file',
      () =>
        new Uint8Array([
          0xd0,
          0xcf,
          0x11,
          0xe0,
          0xa1,
          0xb1,
          0x1a,
          0xe1,
          ...new Uint8Array(504),
          ...Buffer.from('EncryptedPackage', 'utf16le'),
        ]),
      /设置了打开密码/,
    ],
    ['a damaged file', async () => (await blankDocx(LAYOUTS[0].spec)).slice(0, 700), /不完整或已损坏|已损坏/],
    [
      'a workbook with no sheet content',
      async () => {
        const zip = new JSZip();
        zip.file('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');
        return zip.generateAsync({ type: 'uint8array' });
      },
      /什么也没有|没有表格/,
    ],
  ];

  it.each(bad)('refuses %s in Chinese, writing and storing nothing', async (_name, make, message) => {
    const blank = file('bad.docx', await make());
    const out = join(tmp.dir, 'never.json');
    const r = await cli('template', 'from-blank', blank, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/内部错误|Error|at /);
    expect(existsSync(out)).toBe(false);
    expect((await cli('templates', '--json')).stdout).not.toMatch(/blank-/);
  });
});
