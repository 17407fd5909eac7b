/**
 * U+FFFE and U+FFFF (which a Word file can carry as &#xFFFE;) reach no file we write: every writer
 * — the form's .docx and .xlsx, the 汇总 .xlsx and .docx, the 指标库 .xlsx — goes through the one
 * XML-text sanitiser (issue #27, item 10), and the importer drops them like control characters.
 * Each output is opened by a strict, independent XML parser (saxes), as Excel and LibreOffice do.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../electron/core/handlers';
import type { GroupRow } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { caller, tempStore } from '../handlers/helpers';
import { handmadeFormBody, makeDocx } from '../helpers/makeDocx';
import { readDocx } from '../helpers/read';
import { seedJson } from '../helpers/seed';
import { strictXmlParts } from '../helpers/strictXml';

const BAD = /[\uFFFE\uFFFF]/;
let ctx: ReturnType<typeof tempStore>;
let id: number;
const { call } = caller(() => createCoreHandlers({ store: ctx.store, appVersion: '0.1.0-test', mode: 'web' }));

beforeAll(() => {
  ctx = tempStore();
  const json = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url)), 'utf8'));
  const f = fromLabelJson(json, T).form;
  const rows = f.values.indicators as GroupRow[];
  const values = {
    ...f.values,
    unit: '六安市金安区\uFFFE体育局',
    projectName: '全民健身\uFFFF赛事',
    indicators: [{ ...rows[0], name: `组织\uFFFE赛事` }, ...rows.slice(1)],
  };
  id = ctx.store.create({ ...f, values }).id;
  ctx.store.libraryImport([{ level1: '产出指标', level2: '数量指标', name: '培训\uFFFF人次', value: '≥3\uFFFE人次', note: '' }]);
});
afterAll(() => ctx.cleanup());

async function opens(file: { data: string }): Promise<string> {
  const parts = await strictXmlParts(new Uint8Array(Buffer.from(file.data, 'base64')));
  const all = [...parts.values()].join('\n');
  expect(all).not.toMatch(BAD);
  return all;
}

describe('files written from text holding U+FFFE/U+FFFF', () => {
  it('the form’s .xlsx opens', async () => {
    expect(await opens(await call('export.formXlsx', { id }))).toContain('全民健身赛事');
  });

  it('the form’s .docx opens', async () => {
    expect(await opens(await call('export.docx', { id }))).toContain('全民健身赛事');
  });

  it('the 汇总 .xlsx and .docx open', async () => {
    expect(await opens(await call('summary.xlsx', { year: '2025' }))).toContain('组织赛事');
    expect(await opens(await call('summary.docx', { year: '2025' }))).toContain('六安市金安区体育局');
  });

  it('the 指标库 .xlsx opens', async () => {
    expect(await opens(await call('library.export', { format: 'xlsx' }))).toContain('培训人次');
  });
});

describe('reading a Word file with &#xFFFE; and &#xFFFF;', () => {
  it('drops them like the control characters, so the form can be written again', async () => {
    const v = { ...seedJson(), 部门名称: '湖南省桃源县MARK1看守所MARK2' };
    const body = handmadeFormBody(v).replace('MARK1', '&#xFFFE;').replace('MARK2', '&#xFFFF;&#x1;');
    const r = await readDocx(await makeDocx(body));
    expect(r.data.values.department).toBe('湖南省桃源县看守所');
  });
});
