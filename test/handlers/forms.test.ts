import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormRecord, FormSummary, Revision, TextChange } from '../../shared/contract';
import { INTERNAL_ERROR, dispatch, type Handlers } from '../../electron/core/handlers/dispatch';
import { formHandlers } from '../../electron/core/handlers/forms';
import type { Store } from '../../electron/core/store';
import { seedForm } from '../helpers/seed';
import { caller, tempStore } from './helpers';

let env: ReturnType<typeof tempStore>;
let handlers: Handlers;
let store: Store;

beforeEach(() => {
  env = tempStore();
  store = env.store;
  handlers = formHandlers({ store, appVersion: '9.9.9', mode: 'web' });
});
afterEach(() => env.cleanup());

const { call, failure } = caller(
  () => handlers,
  () => store.templates,
);

describe('forms and trash channels on a real database', () => {
  it('app.info tells version, schema and mode', async () => {
    expect(await call('app.info', {})).toEqual({ version: '9.9.9', schemaVersion: store.schemaVersion, mode: 'web', notices: [] });
  });

  it('create → save → get → list → revisions → restoreRevision', async () => {
    const created = await call<FormRecord>('forms.create', { year: '2019', values: { department: '湖南省桃源县看守所' } });
    expect(created).toMatchObject({ year: '2019', title: '湖南省桃源县看守所', status: 'draft', templateId: 'bumen-zhengti-2019' });
    expect(created.data.values.department).toBe('湖南省桃源县看守所');
    expect(store.get(created.id).title).toBe('湖南省桃源县看守所');

    const seed = seedForm();
    const saved = await call<FormRecord>('forms.save', { id: created.id, data: seed });
    expect(saved.revision).toBeGreaterThan(created.revision);
    const got = await call<FormRecord>('forms.get', { id: created.id });
    expect(got.data.values.otherFunds).toBe(seed.values.otherFunds);
    expect(got.data.values.benefitIndicators).toEqual(seed.values.benefitIndicators);

    const list = await call<FormSummary[]>('forms.list', { search: '看守所' });
    expect(list.map((f) => f.id)).toEqual([created.id]);
    expect(await call<FormSummary[]>('forms.list', { year: '2020' })).toEqual([]);

    const revisions = await call<Revision[]>('forms.revisions', { id: created.id });
    expect(revisions.length).toBeGreaterThanOrEqual(2);
    const first = revisions[revisions.length - 1].revision;
    const restored = await call<FormRecord>('forms.restoreRevision', { id: created.id, revision: first });
    expect(restored.data.values.otherFunds).toBe('');
    expect(store.get(created.id).data.values.otherFunds).toBe('');
  });

  it('create without department, and an unknown template is a user error', async () => {
    const blank = await call<FormRecord>('forms.create', { year: '2021' });
    expect(blank).toMatchObject({ year: '2021', title: '' });
    expect(await failure('forms.create', { year: '2021', templateId: 'nope' })).toBe('没有编号为“nope”的表样，请从列表中选择要新建的表');
  });

  it("a second form for the same year and department is refused with the store's message", async () => {
    await call('forms.create', { year: '2019', values: { department: '某局' } });
    expect(await failure('forms.create', { year: '2019', values: { department: '某局' } })).toMatch(
      /^已有 .*同一年度同一部门名称只能有一份部门整体支出绩效目标申报表/,
    );
  });

  it('finalize locks, unlock with a reason opens again', async () => {
    const { id } = await call<FormRecord>('forms.create', { year: '2019', values: { department: '某局' } });
    expect((await call<FormRecord>('forms.finalize', { id })).status).toBe('final');
    expect(await failure('forms.save', { id, data: seedForm() })).toBe('已定稿的表单不能修改，请先解除定稿');
    expect((await call<FormRecord>('forms.unlock', { id, reason: '改错别字' })).status).toBe('draft');
    expect(store.events(id).map((e) => e.kind)).toContain('unlock');
  });

  it('delete → trash.list → trash.restore → delete → trash.empty', async () => {
    const { id } = await call<FormRecord>('forms.create', { year: '2019', values: { department: '某局' } });
    expect(await call('forms.delete', { id })).toEqual({ ok: true });
    expect(await call<FormSummary[]>('forms.list', {})).toEqual([]);
    expect((await call<FormSummary[]>('trash.list', {})).map((f) => f.id)).toEqual([id]);
    expect((await call<FormRecord>('trash.restore', { id })).deletedAt).toBeNull();
    await call('forms.delete', { id });
    expect(await call('trash.empty', {})).toEqual({ removed: 1 });
    expect(await failure('forms.get', { id })).toBe(`找不到编号为 ${id} 的表单`);
  });

  it('newYearPreview and newYear carry the texts and move the dates', async () => {
    const { id } = store.create(seedForm());
    const preview = await call<{ changes: TextChange[]; conflict: FormSummary | null }>('forms.newYearPreview', { id, year: '2020' });
    expect(preview.conflict).toBeNull();
    expect(preview.changes.some((c) => c.after.includes('2020年1月1日至2020年12月31日'))).toBe(true);
    const next = await call<{ record: FormRecord; changes: TextChange[] }>('forms.newYear', { id, year: '2020' });
    expect(next.record).toMatchObject({ year: '2020', title: '湖南省桃源县看守所', status: 'draft' });
    expect(next.changes).toEqual(preview.changes);
    const again = await call<{ conflict: FormSummary | null }>('forms.newYearPreview', { id, year: '2020' });
    expect(again.conflict?.id).toBe(next.record.id);
  });

  it('rejects bad payloads in Chinese before touching the store', async () => {
    const spy = vi.spyOn(store, 'create');
    expect(await failure('forms.create', { year: '二〇一九' })).toBe('请求数据不正确：年度应为四位数字');
    expect(await failure('forms.create', { year: '2019', values: { department: 'x'.repeat(501) } })).toBe(
      '请求数据不正确：“部门名称”太长，最多 500 个字',
    );
    expect(await failure('forms.unlock', { id: 1 })).toBe('请求数据不正确：解除定稿的原因应为文字，收到的是空');
    expect(await failure('forms.save', { id: 1, data: { templateId: 'x', values: {} } })).toBe(
      '请求数据不正确：选项应为一组数据，收到的是空',
    );
    expect(spy).not.toHaveBeenCalled();
  });

  it('an internal failure of the store reaches the caller without its stack', async () => {
    store.close();
    const log = vi.fn();
    const reply = await dispatch(handlers, 'forms.list', {}, { log });
    expect(reply).toEqual({ ok: false, error: INTERNAL_ERROR, code: 'internal' });
    expect(log).toHaveBeenCalledTimes(1);
  });
});
