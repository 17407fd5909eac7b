import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Reply } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import { INTERNAL_ERROR, type Handlers } from '../../electron/core/handlers';
import { FOREIGN_SENDER, registerIpc, rejectSender, type SenderEvent, type SenderRole } from '../../electron/shell/ipc';

type Listener = (event: SenderEvent, ...args: unknown[]) => Promise<Reply<unknown>>;

const MAIN_ID = 1;
const PRINT_ID = 2;
const roleOf = (id: number): SenderRole | null => (id === MAIN_ID ? 'main' : id === PRINT_ID ? 'print' : null);

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle: vi.fn((channel: string, listener: Listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    }),
  };
}

const topFrame = (url = 'app://shenbao/index.html#/forms/1') => ({ url, parent: null, processId: 4, routingId: 9 });
function eventFrom(contentsId: number, frame: SenderEvent['senderFrame'] = topFrame()): SenderEvent {
  return { sender: { id: contentsId, mainFrame: { processId: 4, routingId: 9 } }, senderFrame: frame };
}

function setup(handlers: Handlers) {
  const ipcMain = fakeIpcMain();
  const log = vi.fn();
  const registered = registerIpc({ ipcMain, handlers, roleOf, log });
  const call = (channel: string, event: SenderEvent, input: unknown) => ipcMain.listeners.get(channel)!(event, input);
  return { ipcMain, log, registered, call };
}

const summary = {
  id: 1,
  templateId: 't',
  templateVersion: 1,
  year: '2019',
  title: '',
  unit: '',
  status: 'draft' as const,
  updatedAt: '',
  deletedAt: null,
};

describe('registerIpc', () => {
  it('registers a handler for every contract channel and no other', () => {
    const { ipcMain, registered } = setup({});
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length);
    expect(registered.sort()).toEqual([...CHANNELS].sort());
  });

  it('answers the app’s own top frame through the contract', async () => {
    const list = vi.fn(() => [summary]);
    const { call } = setup({ 'forms.list': list });
    await expect(call('forms.list', eventFrom(MAIN_ID), { search: '农业' })).resolves.toEqual({ ok: true, value: [summary] });
    expect(list).toHaveBeenCalledWith({ search: '农业' });
  });

  it('rejects bad payloads before the handler runs, in Chinese', async () => {
    const create = vi.fn();
    const get = vi.fn();
    const { call } = setup({ 'forms.create': create, 'forms.get': get });
    const bad = await call('forms.create', eventFrom(MAIN_ID), { year: '19' });
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/^请求数据不正确/), code: 'bad-request' });
    expect((await call('forms.get', eventFrom(MAIN_ID), { id: -1 })).ok).toBe(false);
    expect((await call('forms.get', eventFrom(MAIN_ID), 'DROP TABLE forms')).ok).toBe(false);
    expect(create).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
  });

  it('turns internal errors into a Chinese message without a stack, and passes user errors through', async () => {
    const { call, log } = setup({
      'forms.get': () => {
        throw new Error('SQLITE_CORRUPT at /home/clerk/secret/path.db');
      },
      'forms.delete': () => {
        throw new UserError('这份申报表已定稿，请先解锁再删除');
      },
    });
    const internal = await call('forms.get', eventFrom(MAIN_ID), { id: 1 });
    expect(internal).toEqual({ ok: false, error: INTERNAL_ERROR, code: 'internal' });
    expect(JSON.stringify(internal)).not.toMatch(/SQLITE|secret|at /);
    expect(log).toHaveBeenCalled();
    await expect(call('forms.delete', eventFrom(MAIN_ID), { id: 1 })).resolves.toEqual({
      ok: false,
      error: '这份申报表已定稿，请先解锁再删除',
      code: 'user',
    });
  });

  it('rejects an output that breaks the contract', async () => {
    const { call } = setup({ 'forms.list': () => [{ id: 'x' }] as never });
    await expect(call('forms.list', eventFrom(MAIN_ID), {})).resolves.toEqual({ ok: false, error: INTERNAL_ERROR, code: 'internal' });
  });

  it.each([
    ['a destroyed frame', eventFrom(MAIN_ID, null)],
    ['an iframe on the app origin', eventFrom(MAIN_ID, { ...topFrame(), parent: topFrame() as never, routingId: 10 })],
    ['a frame that is not the window’s main frame', eventFrom(MAIN_ID, { ...topFrame(), routingId: 10 })],
    ['a remote page', eventFrom(MAIN_ID, topFrame('https://evil.example/'))],
    ['a file:// page', eventFrom(MAIN_ID, topFrame('file:///tmp/x.html'))],
    ['a look-alike origin', eventFrom(MAIN_ID, topFrame('app://shenbao.evil/index.html'))],
    ['an unknown window', eventFrom(99)],
  ])('rejects %s without calling the handler', async (_what, event) => {
    const list = vi.fn(() => []);
    const { call, log } = setup({ 'forms.list': list });
    await expect(call('forms.list', event, {})).resolves.toEqual({ ok: false, error: FOREIGN_SENDER, code: 'foreign-sender' });
    expect(list).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('拒绝 forms.list'));
  });

  it('lets a print window read its form and nothing else', async () => {
    const get = vi.fn(() => {
      throw new UserError('找不到这份申报表');
    });
    const save = vi.fn();
    const { call } = setup({ 'forms.get': get, 'forms.save': save });
    await expect(call('forms.get', eventFrom(PRINT_ID, topFrame('app://shenbao/index.html#/print/1')), { id: 1 })).resolves.toEqual({
      ok: false,
      error: '找不到这份申报表',
      code: 'user',
    });
    expect(get).toHaveBeenCalled();
    expect(await call('forms.save', eventFrom(PRINT_ID), { id: 1, data: {} })).toEqual({
      ok: false,
      error: FOREIGN_SENDER,
      code: 'foreign-sender',
    });
    expect(save).not.toHaveBeenCalled();
  });

  it('answers even when the sender vanished mid-call', async () => {
    const { call } = setup({ 'forms.list': () => [] });
    const gone = {
      get sender(): never {
        throw new Error('Object has been destroyed');
      },
      senderFrame: topFrame(),
    } as unknown as SenderEvent;
    await expect(call('forms.list', gone, {})).resolves.toEqual({ ok: false, error: INTERNAL_ERROR, code: 'internal' });
  });

  it('explains each rejection for the log', () => {
    expect(rejectSender(eventFrom(MAIN_ID), 'forms.save', roleOf)).toBeNull();
    expect(rejectSender(eventFrom(PRINT_ID), 'files.saveAs', roleOf)).toMatch(/打印窗口/);
  });
});
