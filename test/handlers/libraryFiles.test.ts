/**
 * 指标库 files through the handlers: an export writes every entry, not the dialog's first 2,000
 * (issue #27, item 3: a 主管部门 handing its library of 20,000 entries to its units lost all but
 * 2,000 without a word), and export and import agree on one limit (shared/limits.ts): a library of
 * exactly MAX_LIBRARY_ENTRIES, the starter set included, exports to files that import again; one
 * entry more is refused at export, naming the count, instead of writing a file the import refuses.
 * Read back by an independent reader (JSZip + xmldom; JSON.parse) and by our own import.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../electron/core/handlers';
import { LIBRARY_FORMAT, libraryToJson, MAX_LIBRARY_BYTES, MAX_LIBRARY_ENTRIES, type LibraryFileEntry } from '../../shared/library/file';
import { STARTER_LIBRARY } from '../../shared/library/starter';
import { runCliCapture } from '../helpers/cli';
import { readXlsx, rowTexts } from '../helpers/xlsxSheets';
import { caller, tempStore } from './helpers';

let ctx: ReturnType<typeof tempStore>;
const { call, failure } = caller(() => createCoreHandlers({ store: ctx.store, appVersion: '0.1.0-test', mode: 'web' }));

/** The store's own entries that, with the starter set, make exactly the limit. */
const N = MAX_LIBRARY_ENTRIES - STARTER_LIBRARY.length;
const entries: LibraryFileEntry[] = Array.from({ length: N }, (_, i) => ({
  level1: '产出指标',
  level2: i % 2 ? '质量指标' : '数量指标',
  name: `自编指标${String(i).padStart(5, '0')}`,
  value: `≥${i}人次`,
  note: '',
}));
const last = entries[N - 1];

beforeAll(() => {
  ctx = tempStore();
  expect(ctx.store.libraryImport(entries)).toBe(N);
  expect(ctx.store.libraryList('', Infinity)).toHaveLength(MAX_LIBRARY_ENTRIES);
});
afterAll(() => ctx.cleanup());

const bytesOf = (file: { data: string }) => new Uint8Array(Buffer.from(file.data, 'base64'));
const exported: Record<'xlsx' | 'json', { fileName: string; data: string } | null> = { xlsx: null, json: null };

describe('a 指标库 export', () => {
  it(`writes all ${MAX_LIBRARY_ENTRIES} entries to .xlsx`, { timeout: 120_000 }, async () => {
    const file = (exported.xlsx = await call<{ fileName: string; data: string }>('library.export', { format: 'xlsx' }));
    const [sheet] = await readXlsx(bytesOf(file));
    expect(rowTexts(sheet, 1)).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '说明']);
    expect(sheet.rows.size).toBe(MAX_LIBRARY_ENTRIES + 1);
    const names = new Set([...sheet.rows.keys()].filter((r) => r > 1).map((r) => rowTexts(sheet, r)[2]));
    for (const e of entries) expect(names.has(e.name), e.name).toBe(true);
    expect(
      rowTexts(
        sheet,
        [...sheet.rows.keys()].find((r) => rowTexts(sheet, r)[2] === last.name)!,
      ),
    ).toEqual([last.level1, last.level2, last.name, last.value, '']);
  });

  it(`writes all ${MAX_LIBRARY_ENTRIES} entries to JSON`, async () => {
    const file = (exported.json = await call<{ fileName: string; data: string }>('library.export', { format: 'json' }));
    const json = JSON.parse(Buffer.from(file.data, 'base64').toString('utf8')) as { format: string; entries: Record<string, string>[] };
    expect(json.format).toBe(LIBRARY_FORMAT);
    expect(json.entries).toHaveLength(MAX_LIBRARY_ENTRIES);
    const names = new Set(json.entries.map((e) => e['三级指标']));
    for (const e of entries) expect(names.has(e.name), e.name).toBe(true);
  });

  it('at the limit, both files import again into another store, every entry', { timeout: 120_000 }, async () => {
    const other = tempStore();
    try {
      const { call: callOther } = caller(() => createCoreHandlers({ store: other.store, appVersion: '0.1.0-test', mode: 'web' }));
      for (const format of ['xlsx', 'json'] as const) {
        const file = exported[format]!;
        expect(await callOther<{ count: number }>('library.import', file), format).toEqual({ count: MAX_LIBRARY_ENTRIES });
      }
      const names = new Set(other.store.libraryList('', Infinity).map((e) => e.name));
      for (const e of entries) expect(names.has(e.name), e.name).toBe(true);
    } finally {
      other.cleanup();
    }
  });

  it('one entry past the limit is refused at export, naming the count, in both formats', async () => {
    ctx.store.librarySave({ level1: '效益指标', level2: '社会效益指标', name: '多出的一条', value: '≥1', note: '' });
    try {
      for (const format of ['xlsx', 'json'] as const) {
        const message = await failure('library.export', { format });
        expect(message).toContain(`指标库共有 ${MAX_LIBRARY_ENTRIES + 1} 条（其中程序自带 ${STARTER_LIBRARY.length} 条）`);
        expect(message).toContain(`最多只能导入 ${MAX_LIBRARY_ENTRIES} 条`);
        expect(message).toMatch(/没有导出。请在「指标库」中删除不用的条目/);
      }
      // The command line says the same and writes no file.
      const out = join(ctx.dir, '导出.json');
      const cli = await runCliCapture(['--db', join(ctx.dir, 'shenbao.db'), 'library', 'export', '--out', out]);
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain(`错误：指标库共有 ${MAX_LIBRARY_ENTRIES + 1} 条`);
      expect(existsSync(out)).toBe(false);
    } finally {
      ctx.store.libraryRemove({ level1: '效益指标', level2: '社会效益指标', name: '多出的一条' });
    }
    expect(ctx.store.libraryList('', Infinity)).toHaveLength(MAX_LIBRARY_ENTRIES);
  });

  it('a file one entry past the limit is refused at import, naming the count', async () => {
    const over = [...entries, ...entries.slice(0, STARTER_LIBRARY.length + 1).map((e) => ({ ...e, name: `${e.name}又` }))];
    expect(over).toHaveLength(MAX_LIBRARY_ENTRIES + 1);
    const data = Buffer.from(libraryToJson(over)).toString('base64');
    const message = await failure('library.import', { fileName: '大指标库.json', data });
    expect(message).toContain(`条目过多（${MAX_LIBRARY_ENTRIES + 1} 条，最多 ${MAX_LIBRARY_ENTRIES} 条）`);
  });

  it('a JSON export past the file size an import takes is refused, suggesting Excel', async () => {
    const big = tempStore();
    try {
      // 2,000 entries of 500-character values and notes: ~6 MB of JSON, so within the count but past the bytes.
      const long = '长'.repeat(500);
      big.store.libraryImport(
        Array.from({ length: 2000 }, (_, i) => ({ level1: '产出指标', level2: '数量指标', name: `长指标${i}`, value: long, note: long })),
      );
      const { failure: failBig } = caller(() => createCoreHandlers({ store: big.store, appVersion: '0.1.0-test', mode: 'web' }));
      const message = await failBig('library.export', { format: 'json' });
      expect(message).toMatch(
        new RegExp(
          `导出的指标库文件有 [\\d.]+ MB，一个指标库文件最多只能导入 ${MAX_LIBRARY_BYTES / 1024 / 1024}\\.0 MB，所以没有导出。请改为导出 Excel 文件`,
        ),
      );
    } finally {
      big.cleanup();
    }
  });
});
