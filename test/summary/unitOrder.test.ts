/**
 * The 汇总 lists a 主管部门's units, and a unit's forms, in the order the form list shows them
 * (issue 26 item 10): one comparator (shared/listOrder.ts), the store's own order. Units whose
 * pinyin order differs from it (阿坝 before 北关 by pinyin, after it in the list) are the test.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/core/store';
import { runSummary } from '../../electron/core/summary';
import { blankForm } from '../../shared/formOps';
import { compareListText } from '../../shared/listOrder';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { tempDir } from '../store/tempStore';

const UNITS = ['阿坝路小学', '北关小学', '[051003]城关一中', '𠀋村小学', '\uE000私用区单位', '中心幼儿园'];
let store: Store;
let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  tmp = tempDir('shenbao-unit-order-');
  store = openStore({ file: join(tmp.dir, 'shenbao.db'), appVersion: '0.0.0-test', autoBackup: false });
  for (const unit of UNITS)
    for (const projectName of ['营养餐', '校舍维修', 'Z项目']) {
      const f = blankForm(xiangmuZhichu, '2026');
      Object.assign(f.values, { unit, projectName, department: '[051]某县教育局', total: '1', fiscal: '1', other: '0' });
      store.create(f);
    }
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe('the 汇总’s order of units', () => {
  it('is the form list’s, units and the forms under them', async () => {
    const listed = store.list({ year: '2026' });
    const summary = await runSummary(store, { year: '2026' }, { appVersion: 'test' });
    const [parent] = summary.sections[0].parents;
    expect(summary.sections[0].parents).toHaveLength(1);
    const shownForms = parent.units.flatMap((u) => u.forms.map((f) => f.id));
    expect(shownForms).toEqual(listed.map((f) => f.id));
    const unitsInList = [...new Set(listed.map((f) => f.unit))];
    expect(parent.units.map((u) => (u.code ? `[${u.code}]${u.name}` : u.name))).toEqual(unitsInList);
    // The pinyin order would have put 阿坝 (a) before 北关 (bei); the list has 北 (U+5317) first.
    expect(unitsInList.indexOf('北关小学')).toBeLessThan(unitsInList.indexOf('阿坝路小学'));
  });

  it('is the form list’s in the 自评 汇总 too: the declared projects without a 自评, unit by unit', async () => {
    const listed = store.list({ year: '2026' });
    const summary = await runSummary(store, { year: '2026', stage: 'selfEvaluation', templateId: 'xiangmu-zipin' }, { appVersion: 'test' });
    const missing = summary.stage!.tables.find((t) => t.key === 'missing')!;
    expect(missing.rows.map((r) => r.formId)).toEqual(listed.map((f) => f.id));
  });

  it('compares text by code point, as SQLite’s BINARY collation does, past U+FFFF too', () => {
    expect(compareListText('\uE000', '𠀋')).toBe(-1); // UTF-16 units would say the opposite
    expect(compareListText('北', '阿')).toBe(-1);
    expect(compareListText('a', 'ab')).toBe(-1);
    expect(compareListText('ab', 'ab')).toBe(0);
  });
});
