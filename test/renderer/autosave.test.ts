// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormRecord } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import type { FormData } from '../../shared/form';
import { bumenZhengti2019 as t } from '../../shared/templates/bumen-zhengti-2019';
import { Autosaver, AUTOSAVE_DELAY_MS } from '../../renderer/src/editor/autosave';
import { draftToRestore, readDraft } from '../../renderer/src/editor/drafts';
import { FormStore } from '../../renderer/src/editor/formStore';
import { callChannel, takeTokenFromUrl, BAD_TOKEN_MESSAGE } from '../../renderer/src/api/webClient';
import { fromLabelJson } from '../../shared/labelJson';
import seedJson from '../fixtures/seed-2019-taoyuan.json';

// test/helpers/seed.ts reads the file by path, which the jsdom environment cannot; the JSON import can.
const seedForm = (): FormData => fromLabelJson(seedJson, t).form;

/** A save double that records what it was given and answers like the store, refusing a save on an old revision. */
function saver(fail = false, start = 1) {
  const saved: FormData[] = [];
  const bases: number[] = [];
  const stored = { revision: start };
  const save = vi.fn(async ({ id, data, baseRevision }: { id: number; data: FormData; baseRevision: number }) => {
    if (fail) throw new Error('磁盘已满，请清理后重试');
    bases.push(baseRevision);
    if (baseRevision !== stored.revision)
      throw new UserError(
        `表单已在别处修改：您是在第 ${baseRevision} 版上修改的，而它现在已是第 ${stored.revision} 版。为免覆盖，这次没有保存。`,
        'stale',
      );
    saved.push(structuredClone(data));
    return { id, revision: ++stored.revision, data, status: 'draft' } as unknown as FormRecord;
  });
  return { save, saved, bases, stored };
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
    const stored = { revision: 3, data: seedForm() };
    expect(draftToRestore(8, stored)).toMatchObject({ stale: false });
    expect(draftToRestore(8, stored)?.draft.data.values.phone).toBe('13800000000');
    // On a newer revision it is kept as a conflict, never dropped; unless it holds nothing new.
    expect(draftToRestore(8, { ...stored, revision: 4 })).toMatchObject({ stale: true });
    expect(readDraft(8)).not.toBeNull();
    expect(draftToRestore(8, { revision: 4, data: store.data() })).toBeNull();
    expect(readDraft(8)).toBeNull();
  });

  it('sends the revision it started from; a save refused as stale stops saving and keeps the text until the user decides', async () => {
    const store = new FormStore(t, seedForm());
    const { save, saved, bases, stored } = saver(false, 5);
    const a = new Autosaver(store, 10, 5, save);
    store.set('filler', '王五');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(bases).toEqual([5]);
    expect(a.status.state).toBe('saved');

    stored.revision = 9; // saved elsewhere meanwhile
    store.set('filler', '王五六');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(bases).toEqual([5, 6]);
    expect(a.status.state).toBe('conflict');
    expect(a.status.state === 'conflict' && a.status.message).toMatch(/^表单已在别处修改/);
    // No more saves while in conflict, however much is typed; the draft keeps every character.
    store.set('filler', '王五六七');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    await a.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(readDraft(10)?.data.values.filler).toBe('王五六七');
    expect(readDraft(10)?.baseRevision).toBe(6);

    // 保留我的修改（覆盖）: saved over the newest revision.
    await a.overwrite(9);
    expect(bases).toEqual([5, 6, 9]);
    expect(a.status.state).toBe('saved');
    expect(saved[saved.length - 1].values.filler).toBe('王五六七');
    expect(readDraft(10)).toBeNull();
  });

  it('takes a refusal caused by its own late save (a reload racing the save sent on leaving) as no conflict', async () => {
    const store = new FormStore(t, seedForm());
    const { save, bases, stored } = saver(false, 4);
    const sameContent = (a: FormData, b: FormData) => JSON.stringify(a.values) === JSON.stringify(b.values);
    // The page before the reload sent this content and it landed as revision 5 after this page read revision 4.
    const sentOnLeaving = store.data();
    stored.revision = 5;
    const newest = { id: 12, revision: 5, status: 'draft', data: sentOnLeaving } as unknown as FormRecord;
    const a = new Autosaver(store, 12, 4, save, undefined, new Date(), { getNewest: async () => newest, same: sameContent });
    a.remember(sentOnLeaving);
    a.markDirty();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    await vi.advanceTimersByTimeAsync(10);
    expect(bases).toEqual([4, 5]);
    expect(a.status.state).toBe('saved');
    a.dispose();

    // Content it never sent: a real conflict.
    stored.revision = 9;
    const other = { ...newest, revision: 9, data: { ...sentOnLeaving, values: { ...sentOnLeaving.values, filler: '别人' } } };
    const b = new Autosaver(store, 13, 6, save, undefined, new Date(), { getNewest: async () => other as FormRecord, same: sameContent });
    store.set('filler', '自己');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(b.status.state).toBe('conflict');
  });

  it('runs saves one after another when several are asked for while one is on its way', async () => {
    const store = new FormStore(t, seedForm());
    const { save, saved, bases } = saver(false, 2);
    const a = new Autosaver(store, 12, 2, save);
    store.set('filler', '甲');
    const first = a.flush();
    // Two more edits, each asking for a save (leaving a cell does) while the first is in flight.
    store.set('filler', '乙');
    const second = a.flush();
    store.set('phone', '13900000000');
    const third = a.flush();
    await Promise.all([first, second, third]);
    // Each save sat on the revision the one before made: none was refused as stale.
    expect(bases).toEqual([2, 3]);
    expect(a.status.state).toBe('saved');
    expect(saved.at(-1)?.values.filler).toBe('乙');
    expect(saved.at(-1)?.values.phone).toBe('13900000000');
  });

  it('放弃我的修改 drops the unsaved text and its draft', async () => {
    const store = new FormStore(t, seedForm());
    const { save, stored } = saver(false, 2);
    const a = new Autosaver(store, 11, 2, save);
    stored.revision = 3;
    store.set('filler', '赵六');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(a.status.state).toBe('conflict');
    a.discard();
    expect(a.dirty).toBe(false);
    expect(readDraft(11)).toBeNull();
    a.dispose();
    expect(readDraft(11)).toBeNull();
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
