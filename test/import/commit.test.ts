import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { commitImport, previewImport } from '../../electron/core/import';
import { openStore, type Store } from '../../electron/core/store';
import type { FormData } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { lastLine, runCliCapture } from '../helpers/cli';
import { handmadeFormBody, makeDocx } from '../helpers/makeDocx';
import { HANDMADE_DOCX_PATH, seedForm, seedJson, T2019 } from '../helpers/seed';

let dir: string;
let store: Store;
const dbFile = () => join(dir, 'forms.db');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-import-'));
  store = openStore({ file: dbFile(), appVersion: 'test' });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const edited = (): FormData => {
  const f = withComputed(seedForm(), T2019);
  return { ...f, values: { ...f.values, filler: '李四' } };
};

describe('previewImport', () => {
  it('reads, validates and reports the form of the same year and 部门名称', async () => {
    const { bytes } = await exportDocx(seedForm(), T2019, { appVersion: 'test' });
    const [first] = await previewImport(store, '2019.docx', bytes);
    expect(first).toMatchObject({ fileName: '2019.docx', source: 'embedded', conflict: null, notes: [], uncertain: [] });
    expect(first.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const rec = store.create(first.data);
    const [again] = await previewImport(store, '2019.docx', bytes);
    expect(again.conflict?.id).toBe(rec.id);
  });
});

describe('commitImport', () => {
  it('imports a new form', () => {
    const out = commitImport(store, withComputed(seedForm(), T2019), 'skip');
    expect(out.outcome).toBe('imported');
    expect(store.get(out.id!).data).toEqual(withComputed(seedForm(), T2019));
  });

  it('skip: names the form it met and changes nothing', () => {
    const first = commitImport(store, withComputed(seedForm(), T2019), 'skip');
    const out = commitImport(store, edited(), 'skip');
    expect(out).toMatchObject({ outcome: 'skipped', id: null });
    expect(out.message).toContain(`编号 ${first.id}`);
    expect(out.message).toContain('2019 年度「湖南省桃源县看守所」');
    expect(store.list()).toHaveLength(1);
    expect(store.get(first.id!).data.values.filler).toBe('郭明胜');
  });

  it('replace: the import becomes the form, the old content stays in history', () => {
    const first = commitImport(store, withComputed(seedForm(), T2019), 'skip');
    const out = commitImport(store, edited(), 'replace');
    expect(out).toMatchObject({ outcome: 'replaced', id: first.id });
    expect(store.get(first.id!).data.values.filler).toBe('李四');
    const revs = store.revisions(first.id!);
    expect(revs.map((r) => r.note)).toContain('导入替换');
    expect(revs.length).toBe(2);
    expect(store.list()).toHaveLength(1);
  });

  it('replace: a finalised form is not silently unlocked', () => {
    const first = commitImport(store, withComputed(seedForm(), T2019), 'skip');
    store.finalize(first.id!);
    const out = commitImport(store, edited(), 'replace');
    expect(out).toMatchObject({ outcome: 'skipped', id: null });
    expect(out.message).toMatch(/已定稿.*解除定稿/);
    expect(store.get(first.id!).data.values.filler).toBe('郭明胜');
  });

  it('copy: both are kept', () => {
    const first = commitImport(store, withComputed(seedForm(), T2019), 'skip');
    const out = commitImport(store, edited(), 'copy');
    expect(out.outcome).toBe('copied');
    expect(out.id).not.toBe(first.id);
    expect(store.list()).toHaveLength(2);
    expect(store.get(out.id!).data.values.filler).toBe('李四');
  });
});

describe('import command', () => {
  it('imports several files, printing one new id per file last, and skips a repeat by default', async () => {
    store.close();
    const other = join(dir, '2020.docx');
    writeFileSync(other, await makeDocx(handmadeFormBody({ ...seedJson(), 年度: '2020' })));
    const r = await runCliCapture(['--db', dbFile(), 'import', HANDMADE_DOCX_PATH, other]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const ids = lines.slice(-2).map(Number);
    expect(ids.every((n) => Number.isInteger(n) && n > 0)).toBe(true);

    const again = await runCliCapture(['--db', dbFile(), 'import', HANDMADE_DOCX_PATH]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`已跳过：已有同一年度同一部门名称的编号 ${ids[0]}，2019 年度「湖南省桃源县看守所」`));

    const copy = await runCliCapture(['--db', dbFile(), 'import', HANDMADE_DOCX_PATH, '--on-conflict', 'copy']);
    expect(copy.code).toBe(0);
    expect(Number(lastLine(copy.stdout))).toBeGreaterThan(ids[1]);
    store = openStore({ file: dbFile(), appVersion: 'test' });
    expect(store.list()).toHaveLength(3);
  });

  it('exits non-zero when a file fails, and imports the others', async () => {
    store.close();
    const bad = join(dir, 'old.doc');
    writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const r = await runCliCapture(['--db', dbFile(), 'import', bad, HANDMADE_DOCX_PATH]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/old\.doc：导入失败：.*另存为 (\.xlsx 或 )?\.docx/);
    store = openStore({ file: dbFile(), appVersion: 'test' });
    expect(store.list()).toHaveLength(1);
    expect(Number(lastLine(r.stdout))).toBe(store.list()[0].id);
  });

  it('rejects an unknown --on-conflict choice with a Chinese message', async () => {
    const r = await runCliCapture(['--db', dbFile(), 'import', HANDMADE_DOCX_PATH, '--on-conflict', 'merge']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/replace（替换）、copy（保留两份）或 skip（跳过）/);
  });
});
