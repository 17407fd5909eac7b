import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../electron/core/store';
import type { FormSummary } from '../../shared/contract';
import type { FormData } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { seedForm } from '../helpers/seed';
import { storeIn, tempDir } from './tempStore';

let tmp: ReturnType<typeof tempDir>;
let store: Store;

const UNITS = ['六安市金安区教育局', '六安市金安区体育局', 'ABC 信息中心', '六安市金安区卫生健康委员会'];
const TOPICS = ['全民健身赛事活动经费', '义务教育薄弱环节改善资金', '体育场馆免费开放补助', '100%_达标奖励', 'Smart City 建设'];

function project(year: string, unit: string, name: string): FormData {
  const f = blankForm(xiangmuZhichu, year);
  return { ...f, values: { ...f.values, unit, projectName: name, department: '[042]六安市金安区体育局', goal: `${name}的年度目标` } };
}

beforeEach(() => {
  tmp = tempDir();
  store = storeIn(tmp.dir, { autoBackup: false });
  for (const year of ['2023', '2024', '2025'])
    for (const unit of UNITS) {
      const seed = seedForm();
      store.create({ ...seed, values: { ...seed.values, year, department: unit, unit } });
      TOPICS.forEach((t, i) => store.create(project(year, unit, `${t}${i}`)));
    }
  // Trashed forms are in no list and no search.
  for (const s of store.list({ search: '体育场馆' }).slice(0, 2)) store.delete(s.id);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

/** Every page of a query, following `next`. */
function allPages(q: Parameters<Store['listPage']>[0], limit: number): { rows: FormSummary[]; total: number | null } {
  const first = store.listPage({ ...q, limit });
  const rows = [...first.items];
  for (let next = first.next; next;) {
    // A page that does not move on would loop for ever: fail instead.
    if (rows.length > (first.total ?? 0)) throw new Error('paging does not move on');
    const page = store.listPage({ ...q, limit, after: next });
    expect(page.total).toBeNull();
    rows.push(...page.items);
    next = page.next;
  }
  return { rows, total: first.total };
}

/** Live forms whose search text holds every term, by reading every text: what a search must find. */
function byReading(terms: string[]): number[] {
  const db = new Database(join(tmp.dir, 'shenbao.db'), { readonly: true });
  const rows = db.prepare('SELECT id, search_text FROM forms WHERE deleted_at IS NULL').all() as { id: number; search_text: string }[];
  db.close();
  // LIKE is case-blind for ASCII letters only, and so is the search.
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return rows
    .filter((r) => terms.every((t) => fold(r.search_text).includes(fold(t))))
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

const ids = (rows: readonly FormSummary[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('the form list a page at a time', () => {
  it('pages through exactly the rows of list(), in its order, with its total', () => {
    for (const q of [
      {},
      { year: '2024' },
      { templateId: 'xiangmu-zhichu' },
      { year: '2025', templateId: 'bumen-zhengti-2019' },
      { search: '体育' },
    ]) {
      const whole = store.list(q);
      for (const limit of [1, 7, 1000]) {
        const { rows, total } = allPages(q, limit);
        expect(rows).toEqual(whole);
        expect(total).toBe(whole.length);
      }
    }
    expect(store.list().length).toBe(3 * UNITS.length * (TOPICS.length + 1) - 2);
  });

  it('jumps with offset to the same rows the list has there', () => {
    const whole = store.list();
    for (const offset of [0, 5, 40, whole.length - 3, whole.length + 10]) {
      const page = store.listPage({ offset, limit: 10 });
      expect(page.items).toEqual(whole.slice(offset, offset + 10));
      expect(page.total).toBe(whole.length);
    }
  });

  it('continues after a row that has been deleted or renamed meanwhile', () => {
    const first = store.listPage({ limit: 10 });
    const whole = store.list();
    store.delete(first.items[9].id);
    expect(store.listPage({ limit: 10, after: first.next! }).items).toEqual(whole.slice(10, 20));
  });
});

describe('search over the index', () => {
  it('finds what reading every text finds: one and two characters, several terms, digits, Latin letters, LIKE’s own characters', () => {
    const searches = [
      ['体育'],
      ['体'],
      // A character that only ever ends a run of letters (…教育局, …体育局).
      ['局'],
      ['健身赛事'],
      ['教育局', '2024'],
      ['100%_'],
      ['%'],
      ['_'],
      ['smart', 'city'],
      ['SMART'],
      ['Cit'],
      ['桃源县'],
      ['目标'],
      ['不存在的词'],
      ['育局', '健'],
    ];
    // Once with every form still pending (read by LIKE), once through the index.
    for (const indexed of [false, true]) {
      if (indexed) while (store.refreshSearchIndex(25));
      for (const terms of searches) {
        const found = ids(store.list({ search: terms.join(' ') }));
        expect({ indexed, terms, found }).toEqual({ indexed, terms, found: byReading(terms) });
      }
    }
    expect(byReading(['体育']).length).toBeGreaterThan(10);
    expect(byReading(['SMART']).length).toBeGreaterThan(0);
  });

  it('finds a form saved a moment ago, before and after its index entry is written, and not once it is trashed', () => {
    while (store.refreshSearchIndex(50));
    const target = store.list({ search: '义务教育' })[0];
    const form = store.get(target.id);
    store.save(target.id, { ...form.data, values: { ...form.data.values, goal: '新增的年度目标：乡村少年宫' } });
    expect(ids(store.list({ search: '乡村少年宫' }))).toEqual([target.id]);
    while (store.refreshSearchIndex(2));
    expect(ids(store.list({ search: '乡村少年宫' }))).toEqual([target.id]);
    // The old text is gone from the index as from the form.
    expect(ids(store.list({ search: `${String(form.data.values.goal)}` }))).toEqual(byReading([String(form.data.values.goal)]));
    store.delete(target.id);
    expect(store.list({ search: '乡村少年宫' })).toEqual([]);
    store.restoreFromTrash(target.id);
    expect(ids(store.list({ search: '乡村少年宫' }))).toEqual([target.id]);
  });

  it('writes pending index entries by itself once writes pause', async () => {
    const db = () => new Database(join(tmp.dir, 'shenbao.db'), { readonly: true });
    const pending = () => {
      const d = db();
      const n = (d.prepare('SELECT count(*) AS n FROM search_pending').get() as { n: number }).n;
      d.close();
      return n;
    };
    expect(pending()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500));
    // A slice per pause: the rest follow pause after pause.
    for (let i = 0; i < 20 && pending() > 0; i++) await new Promise((r) => setTimeout(r, 1100));
    expect(pending()).toBe(0);
    expect(store.refreshSearchIndex()).toBe(false);
  });
});
