import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../electron/core/import';
import { MAX_ORIGINAL_BYTES, type OriginalFile, type Store } from '../../electron/core/store';
import { isUserError } from '../../shared/errors';
import { HANDMADE_DOCX_PATH, seedForm } from '../helpers/seed';
import { storeIn, tempDir } from './tempStore';

const TWO_FORMS_PATH = fileURLToPath(new URL('../fixtures/real/r05-anhui-jinan-2025-tiyu-2forms.docx', import.meta.url));
const handmade = (): OriginalFile => ({ fileName: '2019年申报表（手工）.docx', bytes: readFileSync(HANDMADE_DOCX_PATH) });
const twoForms = (): OriginalFile => ({ fileName: '两个项目.docx', bytes: readFileSync(TWO_FORMS_PATH) });

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = storeIn(tmp.dir, { autoBackup: false });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** Reads the file as the import dialog does, and commits every form in it with the file. */
async function importFile(s: Store, file: OriginalFile, onConflict: 'skip' | 'replace' | 'copy' = 'skip') {
  const previews = await previewImport(s, file.fileName, file.bytes);
  return { previews, outcomes: previews.map((p) => commitImport(s, p.data, onConflict, p.newTemplate, file)) };
}

function rawCount(table: string): number {
  const db = new Database(store.file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('the original file kept with an imported form', () => {
  it('gives back the bytes that were imported, with name, size and date', async () => {
    const file = handmade();
    const { outcomes } = await importFile(store, file);
    const id = outcomes[0].id!;
    const { info, bytes } = store.originalFile(id);
    expect(Buffer.compare(bytes, Buffer.from(file.bytes))).toBe(0);
    expect(info).toMatchObject({ fileName: file.fileName, size: file.bytes.length, forms: 1 });
    expect(Date.parse(info.keptAt)).not.toBeNaN();
    expect(store.original(id)).toEqual(info);
  });

  it('stores a file of two forms once, and both forms give it back', async () => {
    const file = twoForms();
    const { outcomes } = await importFile(store, file);
    expect(outcomes.map((o) => o.outcome)).toEqual(['imported', 'imported']);
    expect(rawCount('original_files')).toBe(1);
    for (const o of outcomes) {
      expect(store.original(o.id!)).toMatchObject({ fileName: file.fileName, forms: 2 });
      expect(Buffer.compare(store.originalFile(o.id!).bytes, Buffer.from(file.bytes))).toBe(0);
    }
  });

  it('a form not imported from a file has none, and asking for its bytes says so in Chinese', () => {
    const rec = store.create(seedForm());
    expect(store.original(rec.id)).toBeNull();
    expect(() => store.originalFile(rec.id)).toThrow(/没有保存原始文件/);
  });

  it('keeps no file over 10 MB, imports the form anyway, and the preview and the result say so', async () => {
    const parts = unzipSync(readFileSync(HANDMADE_DOCX_PATH));
    parts['word/media/image99.bin'] = randomBytes(MAX_ORIGINAL_BYTES + 1024);
    const big: OriginalFile = { fileName: '大文件.docx', bytes: zipSync(parts, { level: 0 }) };
    expect(big.bytes.length).toBeGreaterThan(MAX_ORIGINAL_BYTES);
    const { previews, outcomes } = await importFile(store, big);
    expect(previews[0].notes.join('\n')).toMatch(/超过 10 MB，没有随表单保存原件/);
    expect(outcomes[0].outcome).toBe('imported');
    expect(outcomes[0].message).toMatch(/超过 10 MB，没有随表单保存原件/);
    expect(store.original(outcomes[0].id!)).toBeNull();
    expect(rawCount('original_files')).toBe(0);
  });

  it('is written in the form’s transaction: a refused create keeps no file', async () => {
    const file = handmade();
    const [p] = await previewImport(store, file.fileName, file.bytes);
    store.create(p.data);
    expect(() => store.create(p.data, { original: file })).toThrow(/已有/);
    expect(rawCount('original_files')).toBe(0);
    expect(rawCount('form_originals')).toBe(0);
  });

  it('stays while a form is in the trash, and goes when the last form read from it is purged', async () => {
    const { outcomes } = await importFile(store, twoForms());
    const [a, b] = outcomes.map((o) => o.id!);
    store.delete(a);
    expect(store.original(a)).toMatchObject({ forms: 2 });
    store.restoreFromTrash(a);
    store.delete(a);
    expect(store.emptyTrash()).toBe(1);
    expect(rawCount('original_files')).toBe(1);
    expect(store.original(b)).toMatchObject({ forms: 1 });
    store.delete(b);
    store.emptyTrash();
    expect(rawCount('original_files')).toBe(0);
    expect(rawCount('form_originals')).toBe(0);
  });

  it('a replacing import keeps the new file and drops the old one no form uses', async () => {
    const first = handmade();
    const { outcomes } = await importFile(store, first);
    const id = outcomes[0].id!;
    // The same form, sent again as another file (the unit re-saved it: other bytes).
    const parts = unzipSync(first.bytes);
    parts['docProps/custom-note.xml'] = new TextEncoder().encode('<x/>');
    const second: OriginalFile = { fileName: '2019年申报表（修改后）.docx', bytes: zipSync(parts) };
    const again = await importFile(store, second, 'replace');
    expect(again.outcomes[0]).toMatchObject({ outcome: 'replaced', id });
    expect(store.original(id)).toMatchObject({ fileName: second.fileName, size: second.bytes.length });
    expect(rawCount('original_files')).toBe(1);
    // Skipped: nothing changes.
    const skipped = await importFile(store, first, 'skip');
    expect(skipped.outcomes[0].outcome).toBe('skipped');
    expect(store.original(id)).toMatchObject({ fileName: second.fileName });
  });

  it('a new year’s form does not carry the file', async () => {
    const { outcomes } = await importFile(store, handmade());
    const next = store.newYear(outcomes[0].id!, '2020').record;
    expect(store.original(next.id)).toBeNull();
    expect(rawCount('original_files')).toBe(1);
  });

  it('backup and restore carry the file', async () => {
    const file = twoForms();
    const { outcomes } = await importFile(store, file);
    const backup = join(tmp.dir, 'backup.db');
    await store.backupTo(backup);
    for (const o of outcomes) store.delete(o.id!);
    store.emptyTrash();
    expect(rawCount('original_files')).toBe(0);
    await store.restoreFrom(backup);
    for (const o of outcomes) {
      expect(store.original(o.id!)).toMatchObject({ fileName: file.fileName, forms: 2 });
      expect(Buffer.compare(store.originalFile(o.id!).bytes, Buffer.from(file.bytes))).toBe(0);
    }
    expect(rawCount('original_files')).toBe(1);
  });

  it('a damaged stored file is refused in Chinese, and the form still opens', async () => {
    const { outcomes } = await importFile(store, handmade());
    const id = outcomes[0].id!;
    const db = new Database(store.file);
    db.prepare('UPDATE original_files SET data = ?').run(Buffer.from('not deflate at all'));
    db.close();
    let err: unknown;
    try {
      store.originalFile(id);
    } catch (e) {
      err = e;
    }
    expect(isUserError(err) && (err as { code?: string }).code).toBe('original.damaged');
    expect((err as Error).message).toMatch(/已损坏/);
    expect(store.get(id).id).toBe(id);
  });
});
