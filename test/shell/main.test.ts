import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { defaultDatabasePath } from '../../electron/core/paths';
import { FOREIGN_SENDER } from '../../electron/shell/ipc';
import { createFakeElectron, type FakeElectron, type FakeOptions } from './fakeElectron';

// The mocked module outlives vi.resetModules, so its members are getters onto the fake the current test made.
vi.mock('electron', () => {
  const current = () => (globalThis as unknown as { __fakeElectron: FakeElectron }).__fakeElectron.electron;
  const names = ['app', 'BrowserWindow', 'ipcMain', 'dialog', 'protocol', 'session', 'Menu', 'shell'] as const;
  return Object.defineProperties({}, Object.fromEntries(names.map((name) => [name, { enumerable: true, get: () => current()[name] }])));
});

let home: string;
const fatalEvents = ['uncaughtException', 'unhandledRejection'] as const;
type Listener = (...args: unknown[]) => void;
const listenersOf = (e: (typeof fatalEvents)[number]) => process.listeners(e as 'uncaughtException') as Listener[];
let listenersBefore: Map<string, Listener[]>;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'shenbao-main-'));
  vi.resetModules();
  listenersBefore = new Map(fatalEvents.map((e) => [e, listenersOf(e)]));
});
afterEach(() => {
  const fake = (globalThis as unknown as { __fakeElectron?: FakeElectron }).__fakeElectron;
  fake?.app.emit('will-quit');
  rmSync(home, { recursive: true, force: true });
  delete process.env.SHENBAO_SQLITE_BINDING;
  vi.restoreAllMocks();
  // main.ts hooks the real process; take its handlers off again so vitest keeps its own.
  for (const e of fatalEvents) {
    for (const l of listenersOf(e)) if (!listenersBefore.get(e)!.includes(l)) process.off(e as 'uncaughtException', l);
  }
});

async function launch(opts: Partial<FakeOptions> = {}): Promise<FakeElectron> {
  const fake = createFakeElectron({ home, ...opts });
  (globalThis as unknown as { __fakeElectron: FakeElectron }).__fakeElectron = fake;
  await import('../../electron/main');
  return fake;
}

async function launched(opts: Partial<FakeOptions> = {}) {
  const fake = await launch(opts);
  await vi.waitFor(() => expect(fake.FakeBrowserWindow.instances.at(-1)?.loadURL).toHaveBeenCalled());
  const win = fake.FakeBrowserWindow.instances.at(-1)!;
  const call = (channel: string, input: unknown) => fake.invoke(channel, input, { contents: win.webContents });
  return { fake, win, call };
}

describe('single instance', () => {
  it('a second launch quits at once without a window, IPC or database', async () => {
    const fake = await launch({ lock: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(existsSync(join(home, 'userData'))).toBe(false);
  });

  it('the first instance brings its window forward when another launch is attempted', async () => {
    const { fake, win } = await launched();
    fake.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(fake.app.quit).not.toHaveBeenCalled();
  });
});

describe('the main process', () => {
  it('registers exactly the contract channels', async () => {
    const { fake } = await launched();
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('sandboxes every renderer and catches uncaught errors into its log', async () => {
    const { fake } = await launched();
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(fake.app.whenReady.mock.invocationCallOrder[0]);
    for (const e of fatalEvents) expect(listenersOf(e).length).toBe(listenersBefore.get(e)!.length + 1);
  });

  it('opens one hardened window on app://shenbao and a Chinese menu', async () => {
    const { fake, win } = await launched();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
    expect(win.loadURL).toHaveBeenCalledWith('app://shenbao/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const template = fake.electron.Menu.buildFromTemplate.mock.calls[0][0] as { label: string }[];
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('denies permissions and network requests for the whole session, and guards every web contents', async () => {
    const { fake } = await launched();
    const granted = vi.fn();
    (fake.sessionHandlers.permissionRequest as (w: unknown, p: string, cb: (b: boolean) => void) => void)({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    const decision = vi.fn();
    (fake.sessionHandlers.beforeRequest as (d: { url: string }, cb: (r: unknown) => void) => void)(
      { url: 'https://example.com/' },
      decision,
    );
    expect(decision).toHaveBeenCalledWith({ cancel: true });
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('keeps the database and the log in userData, and answers the page through the real core', async () => {
    const { call, fake } = await launched();
    // Electron's userData is <appData>/<productName>: the command line finds the same file.
    const appData = join(home, 'appData');
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: appData, APPDATA: appData }, 'linux')).toBe(join(appData, '绩效目标申报', 'shenbao.db'));
    expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(existsSync(join(home, 'userData', 'shenbao.db'))).toBe(true);
    expect(readFileSync(join(home, 'userData', 'logs', 'shenbao.log'), 'utf8')).toContain('启动');
    await expect(call('app.info', {})).resolves.toMatchObject({ ok: true, value: { mode: 'desktop' } });
    const created = (await call('forms.create', { year: '2024', values: { department: '桃源县农业农村局' } })) as {
      ok: true;
      value: { id: number };
    };
    expect(created.ok).toBe(true);
    const listed = (await call('forms.list', {})) as { ok: true; value: { id: number }[] };
    expect(listed.value.map((f) => f.id)).toContain(created.value.id);
    await expect(call('forms.create', { year: '24' })).resolves.toMatchObject({
      ok: false,
      error: expect.stringMatching(/^请求数据不正确/),
    });
  });

  it('rejects calls from frames that are not its window’s top frame', async () => {
    const { fake, win } = await launched();
    const stranger = new fake.FakeWebContents();
    stranger.mainFrame.url = 'app://shenbao/index.html';
    await expect(fake.invoke('forms.list', {}, { contents: stranger })).resolves.toEqual({
      ok: false,
      error: FOREIGN_SENDER,
      code: 'foreign-sender',
    });
    const iframe = { url: 'app://shenbao/index.html', parent: win.webContents.mainFrame, processId: 1, routingId: 999 };
    await expect(fake.invoke('forms.list', {}, { contents: win.webContents, frame: iframe })).resolves.toEqual({
      ok: false,
      error: FOREIGN_SENDER,
      code: 'foreign-sender',
    });
  });

  it('saves exported bytes through the native dialog', async () => {
    const target = join(home, '导出.docx');
    const { call } = await launched({ saveTo: target });
    const reply = await call('files.saveAs', { fileName: 'a.docx', data: Buffer.from('PK').toString('base64'), kind: 'docx' });
    expect(reply).toEqual({ ok: true, value: { saved: true, fileName: '导出.docx' } });
    expect(readFileSync(target, 'utf8')).toBe('PK');
  });

  it('prints a form to PDF in a hidden, sandboxed window that is closed afterwards', async () => {
    const { fake, call } = await launched();
    const created = (await call('forms.create', { year: '2024' })) as { ok: true; value: { id: number } };
    const reply = (await call('print.pdf', { id: created.value.id })) as { ok: boolean; value: { fileName: string; data: string } };
    expect(reply.ok).toBe(true);
    expect(Buffer.from(reply.value.data, 'base64').toString()).toBe('%PDF-1.7 print view');
    const printWin = fake.FakeBrowserWindow.instances[1];
    expect(printWin.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
    expect(printWin.loadURL).toHaveBeenCalledWith(`app://shenbao/index.html#/print/${created.value.id}`);
    expect(printWin.destroy).toHaveBeenCalled();
  });

  it('loads the Electron-ABI sqlite binary named by npm start, but never when packaged', async () => {
    process.env.SHENBAO_SQLITE_BINDING = join(process.cwd(), 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const dev = await launched();
    await expect(dev.call('forms.list', {})).resolves.toMatchObject({ ok: true });
    dev.fake.app.emit('will-quit');

    // A binding that does not exist proves the variable is really used in development …
    process.env.SHENBAO_SQLITE_BINDING = join(home, 'no-such-binding.node');
    vi.resetModules();
    const broken = await launch();
    await vi.waitFor(() => expect(broken.electron.dialog.showErrorBox).toHaveBeenCalled());

    // … and ignored by an installed app.
    vi.resetModules();
    const packaged = await launched({ isPackaged: true });
    await expect(packaged.call('forms.list', {})).resolves.toMatchObject({ ok: true });
  });

  it('offers the newest automatic backup when the database is damaged, and keeps the forms', async () => {
    const first = await launched();
    const created = (await first.call('forms.create', { year: '2023', values: { department: '桃源县财政局' } })) as {
      ok: true;
      value: { id: number };
    };
    first.fake.app.emit('will-quit');
    vi.resetModules();
    // Opening again takes the automatic backup of what was there.
    const second = await launched();
    second.fake.app.emit('will-quit');
    const db = join(home, 'userData', 'shenbao.db');
    writeFileSync(db, Buffer.alloc(8192, 0x5a));
    for (const side of ['-wal', '-shm']) rmSync(db + side, { force: true });

    vi.resetModules();
    const recovered = await launched();
    const warning = recovered.fake.electron.dialog.showMessageBox.mock.calls[0] as unknown as [{ title: string; buttons: string[] }];
    expect(warning[0].title).toBe('数据库文件已损坏');
    expect(warning[0].buttons[0]).toBe('用自动备份恢复');
    const got = (await recovered.call('forms.get', { id: created.value.id })) as { ok: true; value: { year: string } };
    expect(got).toMatchObject({ ok: true, value: { year: '2023' } });
    expect(readdirSync(join(home, 'userData')).some((f) => f.startsWith('shenbao.db.damaged-'))).toBe(true);
  });

  it('explains a failed start in Chinese and quits', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    writeFileSync(join(home, 'userData'), 'not a folder');
    const fake = await launch();
    await vi.waitFor(() => expect(fake.electron.dialog.showErrorBox).toHaveBeenCalled());
    const [title, detail] = fake.electron.dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toBe('绩效目标申报无法启动');
    expect(detail).toMatch(/[\u4e00-\u9fff]/);
    expect(detail).not.toMatch(/\n\s+at /);
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('faults that are not damage (issue #16, defect 6)', () => {
  it('a database that cannot be opened for another reason gets its own message and no restore offer', async () => {
    // Make an automatic backup exist, so that the old code had one to offer.
    const first = await launched();
    await first.call('forms.create', { year: '2023', department: '桃源县财政局' });
    first.fake.app.emit('will-quit');
    vi.resetModules();
    (await launched()).fake.app.emit('will-quit');
    // Then the database path becomes a folder (a stand-in for every open failure that is not damage).
    const db = join(home, 'userData', 'shenbao.db');
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    mkdirSync(db);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.resetModules();
    const fake = await launch();
    await vi.waitFor(() => expect(fake.electron.dialog.showErrorBox).toHaveBeenCalled());
    expect(fake.electron.dialog.showMessageBox).not.toHaveBeenCalled();
    const [, detail] = fake.electron.dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(detail).toMatch(/是一个文件夹/);
    expect(detail).not.toMatch(/已损坏/);
    expect(readdirSync(db)).toEqual([]);
  });
});
