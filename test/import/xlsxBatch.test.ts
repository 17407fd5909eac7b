/**
 * `cli import` takes Word and Excel files mixed in one batch: our own .xlsx exactly, a
 * hand-filled .xlsx and a hand-made .docx through the template fitting, and a hostile .xlsx
 * refused with its message while the files after it are still imported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { openStore } from '../../electron/core/store';
import { builtinForms } from '../helpers/builtinForms';
import { runCliCapture } from '../helpers/cli';
import { deepSheetXlsx } from '../helpers/hostileXlsx';
import { handmadeFormBody, makeDocx } from '../helpers/makeDocx';
import { seedJson } from '../helpers/seed';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'shenbao-xlsx-batch-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};

describe('a batch of .docx and .xlsx', () => {
  it('imports each file, refuses the hostile one and goes on', async () => {
    const forms = builtinForms();
    const project = forms.find((f) => f.template.id === 'xiangmu-zhichu')!;
    const files = [
      put('甲局.docx', await makeDocx(handmadeFormBody({ ...seedJson(), 部门名称: '甲局' }))),
      put('deep.xlsx', await deepSheetXlsx(10_000)),
      put('项目.xlsx', await exportFormXlsx(project.form, project.template)),
      put('乙局.docx', await makeDocx(handmadeFormBody({ ...seedJson(), 部门名称: '乙局' }))),
    ];
    const db = join(dir, 'forms.db');
    const r = await runCliCapture(['--db', db, 'import', ...files]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deep\.xlsx：导入失败：文件中的 xl\/worksheets\/sheet1\.xml 嵌套层数过多.*Excel 或 WPS/);
    expect(r.stdout).toMatch(/甲局\.docx：已导入/);
    expect(r.stdout).toMatch(/项目\.xlsx：已导入/);
    expect(r.stdout).toMatch(/乙局\.docx：已导入/);
    expect(r.stdout).toMatch(/共 4 个文件、4 份表：导入 3 份，失败 1 个/);
    const store = openStore({ file: db, appVersion: 'test' });
    try {
      const list = store.list();
      expect(list).toHaveLength(3);
      const imported = list.find((f) => f.templateId === 'xiangmu-zhichu')!;
      expect(store.get(imported.id).data).toEqual(project.form);
    } finally {
      store.close();
    }
  });
});
