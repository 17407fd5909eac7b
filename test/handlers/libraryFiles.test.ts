/**
 * 指标库 files through the handlers: an export writes every entry, not the dialog's first 2,000
 * (issue #27, item 3: a 主管部门 handing its library of 20,000 entries to its units lost all but
 * 2,000 without a word). Read back by an independent reader (JSZip + xmldom; JSON.parse).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../electron/core/handlers';
import { LIBRARY_FORMAT, MAX_LIBRARY_ENTRIES, type LibraryFileEntry } from '../../shared/library/file';
import { readXlsx, rowTexts } from '../helpers/xlsxSheets';
import { caller, tempStore } from './helpers';

let ctx: ReturnType<typeof tempStore>;
const { call } = caller(() => createCoreHandlers({ store: ctx.store, appVersion: '0.1.0-test', mode: 'web' }));

const N = MAX_LIBRARY_ENTRIES;
const entries: LibraryFileEntry[] = Array.from({ length: N }, (_, i) => ({
  level1: '产出指标',
  level2: i % 2 ? '质量指标' : '数量指标',
  name: `自编指标${String(i).padStart(5, '0')}`,
  value: `≥${i}人次`,
  note: '',
}));

beforeAll(() => {
  ctx = tempStore();
  expect(ctx.store.libraryImport(entries)).toBe(N);
});
afterAll(() => ctx.cleanup());

const bytesOf = (file: { data: string }) => new Uint8Array(Buffer.from(file.data, 'base64'));

describe('a 指标库 export', () => {
  it('writes all 20,000 entries to .xlsx', { timeout: 120_000 }, async () => {
    const file = await call<{ fileName: string; data: string }>('library.export', { format: 'xlsx' });
    const [sheet] = await readXlsx(bytesOf(file));
    expect(rowTexts(sheet, 1)).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '说明']);
    const names = new Set([...sheet.rows.keys()].filter((r) => r > 1).map((r) => rowTexts(sheet, r)[2]));
    for (const e of entries) expect(names.has(e.name), e.name).toBe(true);
    expect(
      rowTexts(
        sheet,
        [...sheet.rows.keys()].find((r) => rowTexts(sheet, r)[2] === '自编指标19999')!,
      ),
    ).toEqual(['产出指标', '质量指标', '自编指标19999', '≥19999人次', '']);
  });

  it('writes all 20,000 entries to JSON', async () => {
    const file = await call<{ fileName: string; data: string }>('library.export', { format: 'json' });
    const json = JSON.parse(Buffer.from(file.data, 'base64').toString('utf8')) as { format: string; entries: Record<string, string>[] };
    expect(json.format).toBe(LIBRARY_FORMAT);
    const names = new Set(json.entries.map((e) => e['三级指标']));
    for (const e of entries) expect(names.has(e.name), e.name).toBe(true);
  });
});
