// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormRecord } from '../../shared/contract';
import type { FormData } from '../../shared/form';
import { getTemplate } from '../../shared/templates';
import { Autosaver, AUTOSAVE_DELAY_MS } from '../../renderer/src/editor/autosave';
import { draftToRestore, readDraft } from '../../renderer/src/editor/drafts';
import { FormStore } from '../../renderer/src/editor/formStore';
import { callChannel, takeTokenFromUrl, BAD_TOKEN_MESSAGE } from '../../renderer/src/api/webClient';
import { fromLabelJson } from '../../shared/labelJson';
import seedJson from '../fixtures/seed-2019-taoyuan.json';

// test/helpers/seed.ts reads the file by path, which the jsdom environment cannot; the JSON import can.
const seedForm = (): FormData => fromLabelJson(seedJson).form;

const t = getTemplate('bumen-zhengti-2019');

/** A save double that records what it was given and answers like the store. */
function saver(fail = false) {
  const saved: FormData[] = [];
  let revision = 1;
  const save = vi.fn(async ({ id, data }: { id: number; data: FormData }) => {
    if (fail) throw new Error('磁盘已满，请清理后重试');
    saved.push(structuredClone(data));
    return { id, revision: ++revision, data, status: 'draft' } as unknown as FormRecord;
  });
  return { save, saved };
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('Autosaver', () => {
  it('saves a second after typing stops and then drops the draft', async () => {
    const store = new FormStore(t, seedForm());
    const { save, saved } = saver();
    const a = new Autosaver(store, 7, 1, save);
    store.set('filler', '张三', { coalesceKey: 'filler' });
    vi.advanceTimersByTime(300);
    expect(readDraft(7)?.data.values.filler).toBe('张三');
    expect(a.status.state).toBe('dirty');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saved[0].values.filler).toBe('张三');
    expect(a.status.state).toBe('saved');
    expect(readDraft(7)).toBeNull();
  });

  it('keeps the draft and reports 保存失败 when the save fails, and retries', async () => {
    const store = new FormStore(t, seedForm());
    const a = new Autosaver(store, 8, 3, saver(true).save);
    store.set('phone', '13800000000');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(a.status).toEqual({ state: 'error', message: '磁盘已满，请清理后重试' });
    expect(readDraft(8)?.data.values.phone).toBe('13800000000');
    // The draft was typed on revision 3: it is restored when revision 3 is still the newest.
    expect(draftToRestore(8, 3)?.data.values.phone).toBe('13800000000');
    expect(draftToRestore(8, 4)).toBeNull();
  });

  it('writes the pending draft at once when the page goes away', () => {
    const store = new FormStore(t, seedForm());
    const a = new Autosaver(store, 9, 1, saver().save);
    store.set('filler', '李四');
    a.writeDraftNow();
    expect(readDraft(9)?.data.values.filler).toBe('李四');
  });
});

describe('web client', () => {
  it('sends the token, unwraps replies and turns 401 into the Chinese message', async () => {
    const calls: [string, RequestInit][] = [];
    const ok = async (u: string, i: RequestInit) => {
      calls.push([u, i]);
      return new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 });
    };
    await expect(callChannel(ok, 'tok', 'forms.list', {})).resolves.toEqual([]);
    expect(calls[0][0]).toBe('/api/forms.list');
    expect((calls[0][1].headers as Record<string, string>)['X-Shenbao-Token']).toBe('tok');
    const bad = async () => new Response(JSON.stringify({ ok: false, error: '找不到编号为 3 的表单' }), { status: 200 });
    await expect(callChannel(bad, 'tok', 'forms.get', { id: 3 })).rejects.toThrow('找不到编号为 3 的表单');
    const denied = async () => new Response('', { status: 401 });
    await expect(callChannel(denied, 'x', 'forms.list', {})).rejects.toThrow(BAD_TOKEN_MESSAGE);
  });

  it('takes the token out of the address bar into sessionStorage', () => {
    window.history.replaceState(null, '', '/?token=abc123#/form/2');
    expect(takeTokenFromUrl()).toBe('abc123');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/form/2');
    expect(takeTokenFromUrl()).toBe('abc123');
  });
});
