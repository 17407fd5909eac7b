import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { buildApi, unwrapReply } from '../../electron/shell/preloadApi';

const bridge = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: bridge.exposeInMainWorld },
  ipcRenderer: { invoke: bridge.invoke },
}));

describe('unwrapReply', () => {
  it('returns the value of an ok reply', () => {
    expect(unwrapReply({ ok: true, value: { id: 3 } })).toEqual({ id: 3 });
  });
  it('throws the Chinese message of a failed reply, without anything else', () => {
    expect(() => unwrapReply({ ok: false, error: '找不到这份申报表' })).toThrow(new Error('找不到这份申报表'));
  });
  it('refuses anything that is not a reply', () => {
    for (const junk of [undefined, null, 'x', { value: 1 }, { ok: false, error: 5 }]) {
      expect(() => unwrapReply(junk)).toThrow(/重新启动程序/);
    }
  });
});

describe('buildApi', () => {
  it('has one function per contract channel and nothing else, frozen', () => {
    const api = buildApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });
  it('invokes the channel with the input and unwraps the reply', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const api = buildApi(invoke);
    await expect(api['forms.get']({ id: 7 })).resolves.toEqual({ channel: 'forms.get', input: { id: 7 } });
    // Channels without input may be called bare.
    await (api['app.info'] as unknown as () => Promise<unknown>)();
    expect(invoke).toHaveBeenLastCalledWith('app.info', {});
  });
  it('rejects with the main process message', async () => {
    const api = buildApi(async () => ({ ok: false, error: '请求数据不正确：年度应为四位数字' }));
    await expect(api['forms.create']({ year: '19' })).rejects.toThrow('请求数据不正确：年度应为四位数字');
  });
});

describe('electron/preload.ts', () => {
  beforeEach(() => {
    vi.resetModules();
    bridge.exposeInMainWorld.mockReset();
    bridge.invoke.mockReset();
  });
  it('exposes exactly the contract as window.api over ipcRenderer.invoke', async () => {
    await import('../../electron/preload');
    expect(bridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = bridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (i: unknown) => Promise<unknown>>];
    expect(key).toBe('api');
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    bridge.invoke.mockResolvedValue({ ok: true, value: [] });
    await expect(api['forms.list']({ search: '农业' })).resolves.toEqual([]);
    expect(bridge.invoke).toHaveBeenCalledWith('forms.list', { search: '农业' });
  });
});
