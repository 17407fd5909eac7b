import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { errorCodeOf } from '../../shared/errors';
import { BROKEN_REPLY, buildApi, checkReply } from '../../electron/shell/preloadApi';
import { fromWire } from '../../renderer/src/api/wire';

const bridge = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: bridge.exposeInMainWorld },
  ipcRenderer: { invoke: bridge.invoke },
}));

describe('checkReply', () => {
  it('passes an ok reply and a failed one with its code', () => {
    expect(checkReply({ ok: true, value: { id: 3 } })).toEqual({ ok: true, value: { id: 3 } });
    expect(checkReply({ ok: false, error: '找不到这份申报表', code: 'not-found' })).toEqual({
      ok: false,
      error: '找不到这份申报表',
      code: 'not-found',
    });
  });
  it('turns anything that is not a reply into a failure saying so', () => {
    for (const junk of [undefined, null, 'x', { value: 1 }, { ok: false, error: 5 }, { ok: false, error: '无编码' }]) {
      expect(checkReply(junk)).toEqual({ ok: false, error: BROKEN_REPLY, code: 'broken-reply' });
    }
  });
});

describe('buildApi', () => {
  it('has one function per contract channel and nothing else, frozen', () => {
    const api = buildApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });
  it('invokes the channel with the input and answers with the reply', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const api = buildApi(invoke);
    await expect(api['forms.get']({ id: 7 })).resolves.toEqual({ ok: true, value: { channel: 'forms.get', input: { id: 7 } } });
    // Channels without input may be called bare.
    await (api['app.info'] as unknown as () => Promise<unknown>)();
    expect(invoke).toHaveBeenLastCalledWith('app.info', {});
  });
  it('answers a failure as a value, so its code crosses the contextBridge (an Error would keep only its message)', async () => {
    const api = buildApi(async () => ({ ok: false, error: '请求数据不正确：年度应为四位数字', code: 'bad-request' }));
    await expect(api['forms.create']({ year: '19' })).resolves.toEqual({
      ok: false,
      error: '请求数据不正确：年度应为四位数字',
      code: 'bad-request',
    });
    // structuredClone is what a value crossing the bridge goes through; the code survives it.
    expect(structuredClone(await api['forms.create']({ year: '19' }))).toMatchObject({ code: 'bad-request' });
  });
  it('answers even when the invoke itself fails', async () => {
    const api = buildApi(async () => {
      throw new Error('Error invoking remote method');
    });
    await expect(api['forms.list']({})).resolves.toEqual({ ok: false, error: BROKEN_REPLY, code: 'broken-reply' });
  });
  it('is unwrapped in the page into the value or a UserError with the code', async () => {
    const ok = fromWire(buildApi(async () => ({ ok: true, value: [] })));
    await expect(ok['forms.list']({})).resolves.toEqual([]);
    const stale = fromWire(buildApi(async () => ({ ok: false, error: '随便什么措辞', code: 'stale' })));
    const e = await stale['forms.save']({ id: 1, data: {} as never }).catch((x: unknown) => x);
    expect(errorCodeOf(e)).toBe('stale');
    expect((e as Error).message).toBe('随便什么措辞');
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
    await expect(api['forms.list']({ search: '农业' })).resolves.toEqual({ ok: true, value: [] });
    expect(bridge.invoke).toHaveBeenCalledWith('forms.list', { search: '农业' });
  });
});
