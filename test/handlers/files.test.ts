import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { CHANNELS, DESKTOP_ONLY, type BackupManifest, type FormRecord, type ImportPreview } from '../../shared/contract';
import { createCoreHandlers, type Handlers } from '../../electron/core/handlers';
import type { Store } from '../../electron/core/store';
import { HANDMADE_DOCX_PATH, seedForm } from '../helpers/seed';
import { caller, tempStore } from './helpers';

let env: ReturnType<typeof tempStore>;
let store: Store;
let handlers: Handlers;

beforeEach(() => {
  env = tempStore();
  store = env.store;
  handlers = createCoreHandlers({ store, appVersion: '0.1.0', mode: 'desktop' });
});
afterEach(() => env.cleanup());

const { call, failure } = caller(() => handlers);

/** Temp folders the backup handlers make (the test stores use another prefix). */
const handlerTemps = () =>
  readdirSync(tmpdir()).filter((n) => n.startsWith('shenbao-handlers-') && !n.startsWith('shenbao-handlers-test-'));

const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

describe('createCoreHandlers', () => {
  it('answers every contract channel except the desktop-only ones', () => {
    const expected = CHANNELS.filter((c) => !DESKTOP_ONLY.includes(c)).sort();
    expect(Object.keys(handlers).sort()).toEqual(expected);
  });
});

describe('export, import and backup channels', () => {
  it('export.docx gives a real Word file with its name, and import.read reads it back', async () => {
    const { id } = store.create(seedForm());
    const file = await call<{ fileName: string; data: string; dropped: string[] }>('export.docx', { id });
    expect(file.fileName).toMatch(/湖南省桃源县看守所.*\.docx$/);
    expect(file.dropped).toEqual([]);
    const zip = await JSZip.loadAsync(bytesOf(file.data));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('部门整体支出绩效目标申报表');
    expect(xml).toContain('382.21');

    const [preview] = await call<ImportPreview[]>('import.read', { fileName: file.fileName, data: file.data });
    expect(preview.source).toBe('embedded');
    expect(preview.data.values.generalBudget).toBe('382.21');
    expect(preview.conflict?.id).toBe(id);
  });

  it('export.blankDocx gives the empty form for a year', async () => {
    const file = await call<{ fileName: string; data: string }>('export.blankDocx', { year: '2025' });
    expect(file.fileName).toMatch(/2025.*\.docx$/);
    const xml = await (await JSZip.loadAsync(bytesOf(file.data))).file('word/document.xml')!.async('string');
    expect(xml).toContain('部门整体支出绩效目标申报表');
  });

  it('import.read + import.commit bring a hand-made Word file into the store, and a repeat is skipped', async () => {
    const data = readFileSync(HANDMADE_DOCX_PATH).toString('base64');
    const [preview] = await call<ImportPreview[]>('import.read', { fileName: '手工表.docx', data });
    expect(preview.source).toBe('table');
    expect(preview.conflict).toBeNull();
    const first = await call<{ outcome: string; id: number | null }>('import.commit', { data: preview.data, onConflict: 'skip' });
    expect(first.outcome).toBe('imported');
    expect(store.get(first.id!).title).toBe('湖南省桃源县看守所');
    const again = await call<{ outcome: string; id: number | null }>('import.commit', { data: preview.data, onConflict: 'skip' });
    expect(again.outcome).toBe('skipped');
    expect(store.list()).toHaveLength(1);
  });

  it('import.commit with the file keeps it: forms.original gives name, size, date and the same bytes', async () => {
    const bytes = readFileSync(HANDMADE_DOCX_PATH);
    const file = { fileName: '手工表.docx', data: bytes.toString('base64') };
    const [preview] = await call<ImportPreview[]>('import.read', file);
    const { id } = await call<{ id: number }>('import.commit', { data: preview.data, onConflict: 'skip', original: file });
    const info = await call<{ fileName: string; size: number; keptAt: string; forms: number; data?: string }>('forms.original', { id });
    expect(info).toEqual({ fileName: '手工表.docx', size: bytes.length, keptAt: expect.any(String), forms: 1 });
    const full = await call<{ data: string }>('forms.original', { id, withData: true });
    expect(Buffer.compare(Buffer.from(full.data, 'base64'), bytes)).toBe(0);
    // A form made in the app has none.
    const made = store.create({ ...seedForm(), values: { ...seedForm().values, department: '另一个局' } });
    expect(await call('forms.original', { id: made.id, withData: true })).toBeNull();
  });

  it('import.read refuses a file that is not Word, and mangled base64, with Chinese messages', async () => {
    const notWord = Buffer.from('这不是 Word 文件').toString('base64');
    const message = await failure('import.read', { fileName: 'a.docx', data: notWord });
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(/内部错误/);
    expect(await failure('import.read', { fileName: 'a.docx', data: '@@@' })).toBe('文件“a.docx”在传送中损坏了，请重新选择文件再试');
    expect(store.list()).toEqual([]);
  });

  it('backup.create then backup.restore brings back a deleted form; temp files are removed', async () => {
    const { id } = store.create(seedForm());
    const tempsBefore = handlerTemps();
    const backup = await call<{ fileName: string; data: string; manifest: BackupManifest }>('backup.create', {});
    expect(backup.fileName).toMatch(/^绩效目标申报-备份-\d{8}-\d{6}\.db$/);
    expect(backup.manifest).toMatchObject({ app: 'shenbao', formCount: 1, schemaVersion: store.schemaVersion });
    expect(Buffer.from(backup.data, 'base64').subarray(0, 15).toString()).toBe('SQLite format 3');

    store.delete(id);
    await call('trash.empty', {});
    expect(store.list()).toEqual([]);
    const restored = await call<{ manifest: BackupManifest }>('backup.restore', { fileName: backup.fileName, data: backup.data });
    expect(restored.manifest.formCount).toBe(1);
    expect(store.get(id).data.values.generalBudget).toBe('382.21');
    expect(handlerTemps()).toEqual(tempsBefore);
  });

  it('backup.restore refuses garbage and leaves the data as it was', async () => {
    const form = store.create(seedForm());
    const garbage = Buffer.from('not a database at all').toString('base64');
    const message = await failure('backup.restore', { fileName: 'C:\\Users\\会计\\桌面\\旧表格.db', data: garbage });
    expect(message).toContain('「旧表格.db」不是本程序的备份文件');
    expect(message).not.toMatch(/内部错误/);
    expect(await failure('backup.restore', { fileName: 'x.db', data: '' })).toBe('备份文件“x.db”是空的，请选择用“备份”功能保存的文件');
    expect(store.list().map((f) => f.id)).toEqual([form.id]);
    expect((await call<FormRecord>('forms.get', { id: form.id })).title).toBe('湖南省桃源县看守所');
  });
});
