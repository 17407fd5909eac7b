import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../electron/core/store';
import type { FormData } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { seedForm, T2019 } from '../helpers/seed';
import { manualClock, storeIn, tempDir } from './tempStore';

const withValues = (f: FormData, values: Record<string, string>): FormData => ({ ...f, values: { ...f.values, ...values } });

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let clock: ReturnType<typeof manualClock>;

beforeEach(() => {
  tmp = tempDir();
  clock = manualClock();
  store = storeIn(tmp.dir, { now: clock.now });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('forms', () => {
  it('creates, reads back and reopens a form with its summary columns and computed totals', () => {
    const r = store.create(seedForm());
    expect(r).toMatchObject({
      year: '2019',
      title: '湖南省桃源县看守所',
      unit: '湖南省桃源县看守所',
      status: 'draft',
      revision: 1,
      deletedAt: null,
    });
    expect(r.data.values.incomeTotal).toBe('442.21');
    store.close();
    store = storeIn(tmp.dir, { now: clock.now });
    expect(store.get(r.id)).toEqual(r);
  });

  it('keeps amounts exactly', () => {
    const f = withValues(seedForm(), { total: '1856.3472', generalBudget: '1796.3472', basicExpenditure: '1807.3472' });
    const r = store.create(f);
    expect(store.get(r.id).data.values.total).toBe('1856.3472');
    expect(store.get(r.id).data.values.incomeTotal).toBe('1856.3472');
  });

  it('saves in one transaction with a new revision each time', () => {
    const r = store.create(seedForm());
    clock.advance(1000);
    const s = store.save(r.id, withValues(r.data, { filler: '李四' }), '改填报人');
    expect(s.revision).toBe(2);
    expect(s.data.values.filler).toBe('李四');
    expect(s.updatedAt).toBe(clock.now().toISOString());
    expect(store.revisions(r.id).map((x) => [x.revision, x.note])).toEqual([
      [2, '改填报人'],
      [1, '新建'],
    ]);
  });

  it('says for each revision what it changed against the one before (fields by label, rows by count)', () => {
    const r = store.create(seedForm());
    clock.advance(1000);
    const a = store.save(r.id, withValues(r.data, { filler: '李四', total: '500' }));
    clock.advance(1000);
    store.save(r.id, a.data);
    const list = store.revisions(r.id);
    expect(list.map((x) => x.changes)).toEqual(['内容没有变化', '资金总额、填报人', undefined]);
  });

  it('refuses a second live form for the same year and department, naming the existing one', () => {
    const r = store.create(seedForm());
    expect(() => store.create(seedForm())).toThrow(new RegExp(`2019 年度「湖南省桃源县看守所」（编号 ${r.id}，草稿）`));
    const other = store.create(withValues(seedForm(), { department: '桃源县公安局' }));
    expect(() => store.save(other.id, withValues(other.data, { department: ' 湖南省桃源县看守所 ' }))).toThrow(
      /同一年度同一部门名称只能有一份部门整体支出绩效目标申报表/,
    );
    expect(store.create(withValues(seedForm(), { year: '2020' })).year).toBe('2020');
  });

  it('names copies X（副本）, X（副本2）', () => {
    store.create(seedForm());
    expect(store.create(seedForm(), { asCopy: true }).title).toBe('湖南省桃源县看守所（副本）');
    const c2 = store.create(seedForm(), { asCopy: true });
    expect(c2.title).toBe('湖南省桃源县看守所（副本2）');
    expect(c2.data.values.department).toBe('湖南省桃源县看守所（副本2）');
  });

  it('lists newest year first then department, filters by year and searches every printed value', () => {
    store.create(withValues(seedForm(), { year: '2018', department: '乙' }));
    store.create(withValues(seedForm(), { year: '2020', department: '乙' }));
    store.create(withValues(seedForm(), { year: '2020', department: '甲', filler: '王五' }));
    const all = store.list();
    // Departments sort by code point (乙 U+4E59 before 甲 U+7532).
    expect(all.map((f) => `${f.year}${f.title}`)).toEqual(['2020乙', '2020甲', '2018乙']);
    expect(store.list({ year: '2020' })).toHaveLength(2);
    expect(store.list({ search: '王五' }).map((f) => f.title)).toEqual(['甲']);
    expect(store.list({ search: '牢头狱霸 2018' }).map((f) => f.year)).toEqual(['2018']);
    expect(store.list({ search: '442.21' })).toHaveLength(3);
    expect(store.list({ search: '100%' })).toHaveLength(0);
  });

  it('makes a finalised form read-only until unlocked, and records the unlock', () => {
    const r = store.create(seedForm());
    expect(store.finalize(r.id).status).toBe('final');
    expect(() => store.save(r.id, r.data)).toThrow('已定稿的表单不能修改，请先解除定稿');
    expect(store.unlock(r.id, '财政局退回修改').status).toBe('draft');
    expect(store.save(r.id, r.data).revision).toBe(2);
    expect(store.events(r.id).map((e) => [e.kind, e.detail])).toEqual([
      ['create', ''],
      ['finalize', ''],
      ['unlock', '财政局退回修改'],
    ]);
  });

  it('moves deleted forms to the trash, restores and empties it', () => {
    const a = store.create(seedForm());
    const b = store.create(withValues(seedForm(), { year: '2020' }));
    store.delete(a.id);
    expect(store.list().map((f) => f.id)).toEqual([b.id]);
    expect(store.listTrash().map((f) => f.id)).toEqual([a.id]);
    expect(store.get(a.id).deletedAt).toBe(clock.now().toISOString());
    expect(() => store.save(a.id, a.data)).toThrow(/回收站/);
    expect(store.restoreFromTrash(a.id).deletedAt).toBeNull();
    store.delete(a.id);
    store.delete(b.id);
    expect(store.emptyTrash()).toBe(2);
    expect(store.listTrash()).toEqual([]);
    expect(() => store.get(a.id)).toThrow(`找不到编号为 ${a.id} 的表单`);
  });

  it('refuses to restore from the trash over a live form with the same identity', () => {
    const a = store.create(seedForm());
    store.delete(a.id);
    const b = store.create(seedForm());
    expect(() => store.restoreFromTrash(a.id)).toThrow(new RegExp(`不能恢复.*编号 ${b.id}`));
    expect(store.get(a.id).deletedAt).not.toBeNull();
  });

  it('restores an old revision as a new revision', () => {
    const r = store.create(seedForm());
    store.save(r.id, withValues(r.data, { filler: '李四' }));
    const back = store.restoreRevision(r.id, 1);
    expect(back.revision).toBe(3);
    expect(back.data.values.filler).toBe('郭明胜');
    expect(store.revisions(r.id)[0].note).toBe('恢复到第 1 版');
    expect(() => store.restoreRevision(r.id, 99)).toThrow(/没有第 99 版/);
  });

  it('thins old revisions to one per day while keeping the last day whole', () => {
    const r = store.create(seedForm());
    for (let day = 0; day < 3; day++) {
      for (let i = 0; i < 5; i++) {
        clock.advance(60_000);
        store.save(r.id, withValues(r.data, { filler: `d${day}-${i}` }));
      }
      clock.advance(24 * 3600_000);
    }
    clock.advance(60_000);
    store.save(r.id, withValues(r.data, { filler: 'last' }));
    // 17 revisions over 4 days: each older day keeps its last one, the last 24 hours keep all.
    expect(store.revisions(r.id).map((x) => x.revision)).toEqual([17, 16, 11, 6]);
  });

  it('creates next year from last year with the dates moved and amounts empty', () => {
    const r = store.create(seedForm());
    const preview = store.newYearPreview(r.id, '2020');
    expect(preview.conflict).toBeNull();
    expect(preview.changes[0].after).toBe('2020年1月1日至2020年12月31日');
    const { record, changes } = store.newYear(r.id, '2020');
    expect(changes).toEqual(preview.changes);
    expect(record).toMatchObject({ year: '2020', title: '湖南省桃源县看守所', status: 'draft' });
    expect(record.data.values.total).toBe('');
    expect(record.data.values.functions).toBe(r.data.values.functions);
    expect(store.newYearPreview(r.id, '2020').conflict?.id).toBe(record.id);
    expect(() => store.newYear(r.id, '2020')).toThrow(/已有 2020 年度/);
    expect(() => store.newYear(r.id, '20')).toThrow('年度应为四位数字，如 2020');
  });

  it('refuses data of an unknown template or shape with a Chinese message', () => {
    expect(() => store.create({ ...blankForm(T2019, '2020'), templateId: 'nope' })).toThrow(/未知的表样「nope」/);
    expect(() => store.create({ templateId: 'bumen-zhengti-2019' } as unknown as FormData)).toThrow(/格式不正确/);
  });
});
