import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreHandlers, type Handlers } from '../../electron/core/handlers';
import { dispatch } from '../../electron/core/handlers/dispatch';
import type { FormPage, Output, Reply, Summary } from '../../shared/contract';
import { readDocxGrid } from '../helpers/docxGrid';
import { readXlsx } from '../helpers/xlsxSheets';
import { caller } from '../handlers/helpers';
import { countyStore, expectedTotals, YEAR, type County } from './countyStore';

let county: County;
let handlers: Handlers;
const { call, failure } = caller(() => handlers);
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

beforeAll(() => {
  county = countyStore();
  handlers = createCoreHandlers({ store: county.store, appVersion: '0.1.0', mode: 'desktop' });
});
afterAll(() => county.cleanup());

describe('summary channels', () => {
  it('summary.run answers the 汇总 in the contract’s shape, exact totals as decimal strings', async () => {
    const s = await call<Summary>('summary.run', { year: YEAR, templateId: 'xiangmu-zhichu' });
    expect(s.sections[0].totals).toEqual(expectedTotals(county.forms, 'xiangmu-zhichu'));
    expect(s.sections[0].totals.every((t) => typeof t === 'string')).toBe(true);
    expect(await failure('summary.run', { year: '25' })).toMatch(/年度应为四位数字/);
    expect(await failure('summary.run', { year: YEAR, status: 'nonsense' })).toMatch(/请求数据不正确/);
  });

  it('summary.progress tells how far a running 汇总 is, and that none runs afterwards', async () => {
    const seen: Output<'summary.progress'>[] = [];
    const running = dispatch(handlers, 'summary.run', { year: YEAR });
    // The 汇总 yields between slices; keep asking until it is done.
    let done = false;
    void running.then(() => (done = true));
    while (!done) {
      const r = (await dispatch(handlers, 'summary.progress', {})) as Reply<Output<'summary.progress'>>;
      if (r.ok) seen.push(r.value);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(((await running) as Reply<Summary>).ok).toBe(true);
    expect(seen.some((p) => p.running && p.phase === 'read' && p.total === county.forms.length)).toBe(true);
    expect(await call('summary.progress', {})).toEqual({ running: false, phase: null, done: 0, total: 0 });
  });

  it('summary.xlsx and summary.docx give the files with names that say what they hold', async () => {
    const x = await call<{ fileName: string; data: string }>('summary.xlsx', { year: YEAR, templateId: 'xiangmu-zhichu', parent: '042' });
    expect(x.fileName).toBe(`${YEAR}年度项目支出绩效目标表汇总表（六安市金安区体育局）.xlsx`);
    expect((await readXlsx(bytes(x.data))).map((s) => s.name)).toEqual(['汇总表', '明细表']);
    const d = await call<{ fileName: string; data: string }>('summary.docx', { year: YEAR, status: 'error' });
    expect(d.fileName).toBe(`${YEAR}年度汇总表（有错误）.docx`);
    expect((await readDocxGrid(bytes(d.data))).page.orient).toBe('landscape');
  });

  it('export.formXlsx gives one form’s grid, and a Chinese error for a damaged one', async () => {
    const f = await call<{ fileName: string; data: string }>('export.formXlsx', { id: county.ids.fixture });
    expect(f.fileName).toBe('2025年全民健身赛事活动经费项目支出绩效目标表.xlsx');
    expect((await readXlsx(bytes(f.data)))[0].cells.some((c) => c.text === '全民健身赛事活动经费')).toBe(true);
    expect(await failure('export.formXlsx', { id: 999_999 })).toMatch(/找不到编号为 999999 的表单/);
    expect(await failure('export.formXlsx', { id: county.ids.damaged })).toMatch(new RegExp(`编号 ${county.ids.damaged} 的表单内容已损坏`));
  });

  it('forms.page pages the list as forms.list has it', async () => {
    const whole = await call<unknown[]>('forms.list', { year: YEAR });
    const first = await call<FormPage>('forms.page', { year: YEAR, limit: 25 });
    expect(first.total).toBe(whole.length);
    const second = await call<FormPage>('forms.page', { year: YEAR, limit: 25, after: first.next });
    expect([...first.items, ...second.items]).toEqual(whole.slice(0, 50));
    expect(await failure('forms.page', { limit: 5000 })).toMatch(/不能大于 1000/);
  });
});
