import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/handlers';
import { dialogHandlers, MAX_OPEN_BYTES, suggestedName } from '../../electron/shell/dialogs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-dialogs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const b64 = (s: string) => Buffer.from(s).toString('base64');

function setup(answer: { save?: string | null; open?: string[] | null }) {
  const dialog = {
    showSaveDialog: vi.fn(async () => (answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' })),
    showOpenDialog: vi.fn(async () => (answer.open ? { canceled: false, filePaths: answer.open } : { canceled: true, filePaths: [] })),
  };
  const handlers = dialogHandlers({ dialog: dialog as never, window: () => null, defaultDir: dir });
  const call = (channel: 'files.saveAs' | 'files.saveMany' | 'files.open', input: unknown) =>
    dispatch(handlers, channel, input, { log: () => undefined });
  return { dialog, call };
}

describe('files.saveMany', () => {
  it('asks for a folder once and writes every file into it, numbering a repeated name', async () => {
    const folder = join(dir, '导出');
    const { mkdirSync, readdirSync } = await import('node:fs');
    mkdirSync(folder);
    const { dialog, call } = setup({ open: [folder] });
    const files = [
      { fileName: '2025年办公经费项目支出绩效目标表.docx', data: b64('A') },
      { fileName: '2025年办公经费项目支出绩效目标表.docx', data: b64('B') },
      { fileName: '../../别处/培训经费.docx', data: b64('C') },
    ];
    const reply = await call('files.saveMany', { kind: 'docx', files });
    expect(reply).toEqual({ ok: true, value: { saved: 3, folder: '导出' } });
    expect(readdirSync(folder).sort()).toEqual(
      ['2025年办公经费项目支出绩效目标表.docx', '2025年办公经费项目支出绩效目标表（2）.docx', '培训经费.docx'].sort(),
    );
    expect(readFileSync(join(folder, '2025年办公经费项目支出绩效目标表（2）.docx'), 'utf8')).toBe('B');
    const options = (dialog.showOpenDialog.mock.calls[0] as unknown[]).at(-1) as { properties: string[] };
    expect(options.properties).toContain('openDirectory');
  });

  it('saves nothing when the folder dialog is cancelled', async () => {
    const { call } = setup({ open: null });
    await expect(call('files.saveMany', { kind: 'docx', files: [{ fileName: 'a.docx', data: b64('x') }] })).resolves.toEqual({
      ok: true,
      value: { saved: 0, folder: null },
    });
  });
});

describe('files.saveAs', () => {
  it('suggests the core’s name in a save dialog and writes the bytes where the user chose', async () => {
    const target = join(dir, '我的申报表.docx');
    const { dialog, call } = setup({ save: target });
    const reply = await call('files.saveAs', { fileName: '2019年度部门整体支出绩效目标申报表.docx', data: b64('PK-bytes'), kind: 'docx' });
    expect(reply).toEqual({ ok: true, value: { saved: true, fileName: '我的申报表.docx' } });
    expect(readFileSync(target, 'utf8')).toBe('PK-bytes');
    const options = (dialog.showSaveDialog.mock.calls[0] as unknown[]).at(-1) as { defaultPath: string; filters: unknown[]; title: string };
    expect(options.defaultPath).toBe(join(dir, '2019年度部门整体支出绩效目标申报表.docx'));
    expect(options.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
    expect(options.title).toBe('导出 Word');
  });

  it('adds the extension the filter implies and remembers the folder', async () => {
    const { dialog, call } = setup({ save: join(dir, '备份') });
    const reply = await call('files.saveAs', { fileName: 'b.db', data: b64('SQLite'), kind: 'backup' });
    expect(reply).toEqual({ ok: true, value: { saved: true, fileName: '备份.db' } });
    expect(existsSync(join(dir, '备份.db'))).toBe(true);
    await call('files.saveAs', { fileName: 'x.pdf', data: b64('%PDF'), kind: 'pdf' });
    const second = (dialog.showSaveDialog.mock.calls[1] as unknown[]).at(-1) as { defaultPath: string };
    expect(second.defaultPath).toBe(join(dir, 'x.pdf'));
  });

  it('reports a cancelled dialog as not saved', async () => {
    const { call } = setup({ save: null });
    await expect(call('files.saveAs', { fileName: 'a.docx', data: b64('x'), kind: 'docx' })).resolves.toEqual({
      ok: true,
      value: { saved: false, fileName: null },
    });
  });

  it('never takes a path from the renderer: a name with folders is reduced to its last part', () => {
    expect(suggestedName('../../Windows/System32/evil.docx', 'docx')).toBe('evil.docx');
    expect(suggestedName('C:\\Users\\a\\报表', 'docx')).toBe('报表.docx');
    expect(suggestedName('a:b?.pdf', 'pdf')).toBe('a_b_.pdf');
  });

  it('says in Chinese when the folder cannot be written', async () => {
    const { call } = setup({ save: join(dir, 'missing', 'a.docx') });
    const reply = await call('files.saveAs', { fileName: 'a.docx', data: b64('x'), kind: 'docx' });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('不存在'), code: 'export-folder-missing' });
  });

  it('rejects a kind or payload outside the contract', async () => {
    const { call, dialog } = setup({ save: join(dir, 'a.exe') });
    expect((await call('files.saveAs', { fileName: 'a.exe', data: b64('x'), kind: 'exe' })).ok).toBe(false);
    expect((await call('files.saveAs', { fileName: 'a.docx', data: '***', kind: 'docx' })).ok).toBe(false);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('files.open', () => {
  it('returns the chosen files’ names and bytes, never their paths', async () => {
    writeFileSync(join(dir, '一.docx'), 'one');
    writeFileSync(join(dir, '二.docx'), 'two');
    const { dialog, call } = setup({ open: [join(dir, '一.docx'), join(dir, '二.docx')] });
    const reply = await call('files.open', { kind: 'docx', multiple: true });
    expect(reply).toEqual({
      ok: true,
      value: [
        { fileName: '一.docx', data: b64('one') },
        { fileName: '二.docx', data: b64('two') },
      ],
    });
    expect(JSON.stringify(reply)).not.toContain(dir);
    const options = (dialog.showOpenDialog.mock.calls[0] as unknown[]).at(-1) as { properties: string[]; filters: unknown[] };
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    // Forms import from Word and Excel files alike.
    expect(options.filters[0]).toEqual({ name: 'Word 或 Excel 申报表', extensions: ['docx', 'xlsx'] });
  });

  it('returns nothing when cancelled', async () => {
    const { call } = setup({ open: null });
    await expect(call('files.open', { kind: 'backup', multiple: false })).resolves.toEqual({ ok: true, value: [] });
  });

  it('refuses files over 20 MB with a Chinese message', async () => {
    const big = join(dir, '大文件.docx');
    writeFileSync(big, '');
    truncateSync(big, MAX_OPEN_BYTES + 1);
    const { call } = setup({ open: [big] });
    await expect(call('files.open', { kind: 'docx', multiple: false })).resolves.toEqual({
      ok: false,
      error: expect.stringContaining('超过 20 MB'),
      code: 'user',
    });
  });

  it('says which file vanished', async () => {
    const { call } = setup({ open: [join(dir, '不见了.docx')] });
    await expect(call('files.open', { kind: 'docx', multiple: false })).resolves.toEqual({
      ok: false,
      error: expect.stringContaining('不见了.docx'),
      code: 'user',
    });
  });
});
