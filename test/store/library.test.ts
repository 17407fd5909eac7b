/**
 * The 指标库 in the store: learned from the forms (kept up to date by saves, deletes and restores,
 * rebuilt when missing), ranked suggestions with the form's own unit first, the user's edits and
 * deletions, and library files in and out.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../electron/core/store';
import type { FormData, GroupRow } from '../../shared/form';
import { libraryFromJson, libraryToJson } from '../../shared/library/file';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { seedForm } from '../helpers/seed';
import { storeIn, tempDir } from './tempStore';

const fixture = () =>
  fromLabelJson(JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url)), 'utf8')), T).form;

function project(unit: string, name: string, rows: GroupRow[] = [], year = '2025'): FormData {
  const f = fixture();
  return { ...f, values: { ...f.values, unit, projectName: name, year, indicators: [...(f.values.indicators as GroupRow[]), ...rows] } };
}
const row = (name: string, value: string, level2 = '数量指标'): GroupRow => ({ level1: '产出指标', level2, name, value });

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir('shenbao-library-');
  store = storeIn(tmp.dir);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('suggestions learned from the forms', () => {
  it('offers an older form’s indicator to a new form, the unit’s own before other units’, the starter library last', () => {
    store.create(project('甲单位', '干部培训', [row('组织业务培训', '≥4期')], '2024'));
    store.create(project('乙单位', '教师培训', [row('教师培训人次', '≥300人次')], '2025'));
    const mine = store.create(project('甲单位', '新项目', [], '2026'));
    const got = store.suggest({ text: '培训', formId: mine.id, level2: '数量指标' });
    expect(got.slice(0, 2).map((c) => [c.name, c.value, c.source])).toEqual([
      ['组织业务培训', '≥4期', 'unit'],
      ['教师培训人次', '≥300人次', 'store'],
    ]);
    expect(got.slice(2).every((c) => c.source === 'starter')).toBe(true);
    expect(got.length).toBeGreaterThan(2);
  });

  it('follows saves, deletes and restores, and rebuilds itself when its index is missing', () => {
    const a = store.create(project('甲单位', '干部培训', [row('组织业务培训', '≥4期')]));
    expect(store.suggest({ text: '组织业务' }).map((c) => c.name)).toContain('组织业务培训');
    const renamed = (a.data.values.indicators as GroupRow[]).map((r) => (r.name === '组织业务培训' ? { ...r, name: '组织专题培训' } : r));
    store.save(a.id, { ...a.data, values: { ...a.data.values, indicators: renamed } });
    expect(store.suggest({ text: '组织' }).map((c) => c.name)).toEqual(expect.arrayContaining(['组织专题培训']));
    expect(store.suggest({ text: '组织业务' }).map((c) => c.name)).not.toContain('组织业务培训');
    store.delete(a.id);
    expect(store.suggest({ text: '组织专题' }).filter((c) => c.source !== 'starter')).toEqual([]);
    store.restoreFromTrash(a.id);
    expect(store.suggest({ text: '组织专题' })[0]).toMatchObject({ name: '组织专题培训', source: 'store', uses: 1 });
    // A store whose index was lost (an older backup restored) rebuilds it on the next question.
    store.close();
    const raw = new Database(`${tmp.dir}/shenbao.db`);
    raw.prepare("DELETE FROM meta WHERE key = 'indicator_index'").run();
    raw.prepare('DELETE FROM indicator_uses').run();
    raw.close();
    store = storeIn(tmp.dir);
    expect(store.suggest({ text: '组织专题' })[0]).toMatchObject({ name: '组织专题培训', uses: 1 });
  });

  it('learns the 2019 form’s 产出 items too', () => {
    store.create(seedForm());
    expect(store.suggest({ text: '深挖犯罪线索' })[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', source: 'store' });
  });
});

describe('the 指标库 dialog’s operations', () => {
  it('lists own entries first, then learned by use, then the starter library; edits, deletes and searches', () => {
    store.create(project('甲单位', '一', [row('培训满意度', '≥95%', '质量指标')]));
    store.create(project('乙单位', '二', [row('培训满意度', '≥90%', '质量指标')]));
    store.librarySave({ level1: '产出指标', level2: '数量指标', name: '专题讲座次数', value: '≥6次', note: '主管部门统一' });
    const list = store.libraryList('培训');
    expect(list[0]).toMatchObject({ name: '培训满意度', source: 'learned', uses: 2 });
    const all = store.libraryList('');
    expect(all[0]).toMatchObject({ name: '专题讲座次数', source: 'user', note: '主管部门统一' });
    expect(all.some((e) => e.source === 'starter')).toBe(true);
    // Editing a learned entry makes it the user's own; deleting hides it from lists and suggestions.
    store.librarySave(
      { level1: '产出指标', level2: '质量指标', name: '培训满意度', value: '≥98%', note: '' },
      { level1: '产出指标', level2: '质量指标', name: '培训满意度' },
    );
    expect(store.libraryList('培训满意度')[0]).toMatchObject({ source: 'user', value: '≥98%' });
    store.libraryRemove({ level1: '产出指标', level2: '质量指标', name: '培训满意度' });
    expect(store.libraryList('培训满意度')).toEqual([]);
    expect(store.suggest({ text: '培训满意度' })).toEqual([]);
    // Adding it again brings it back.
    store.librarySave({ level1: '产出指标', level2: '质量指标', name: '培训满意度', value: '≥97%', note: '' });
    expect(store.suggest({ text: '培训满意度' })[0]).toMatchObject({ source: 'library', value: '≥97%' });
  });

  it('round-trips through a library file, and refuses files that are not one', () => {
    store.librarySave({ level1: '产出指标', level2: '数量指标', name: '专题讲座次数', value: '≥6次', note: '说明' });
    const json = libraryToJson(store.libraryList('专题讲座'));
    const other = storeIn(`${tmp.dir}/other`);
    try {
      expect(other.libraryImport(libraryFromJson(json))).toBe(1);
      expect(other.libraryList('专题讲座')[0]).toMatchObject({ name: '专题讲座次数', value: '≥6次', note: '说明', source: 'imported' });
    } finally {
      other.close();
    }
    expect(() => libraryFromJson('\u0000\u0001 not json')).toThrow(/不是 JSON 或 Excel 格式的指标库文件/);
    expect(() => libraryFromJson(JSON.stringify({ format: 'shenbao-indicator-library', version: 1, entries: [{ 名称: 'x' }] }))).toThrow(
      /缺少「三级指标」列/,
    );
    expect(() => libraryFromJson('x'.repeat(6 * 1024 * 1024))).toThrow(/文件过大/);
    expect(() => libraryFromJson(JSON.stringify({ format: 'shenbao-indicator-library', version: 2, entries: [] }))).toThrow(/更新版本/);
  });
});

describe('library files as Excel', () => {
  it('round-trips through .xlsx with the command line, readable by an independent reader', async () => {
    const { runCliCapture } = await import('../helpers/cli');
    const { readXlsx, rowTexts } = await import('../helpers/xlsxSheets');
    const { writeFileSync, readFileSync: read } = await import('node:fs');
    store.librarySave({ level1: '产出指标', level2: '数量指标', name: '专题讲座次数', value: '≥6次', note: '主管部门统一' });
    store.close();
    const db = `${tmp.dir}/shenbao.db`;
    const out = `${tmp.dir}/库.xlsx`;
    const r = await runCliCapture(['--db', db, 'library', 'export', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const [sheet] = await readXlsx(read(out));
    expect(rowTexts(sheet, 1)).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '说明']);
    expect(rowTexts(sheet, 2)).toEqual(['产出指标', '数量指标', '专题讲座次数', '≥6次', '主管部门统一']);
    expect(sheet.frozen).toMatchObject({ ySplit: 1 });
    expect(sheet.rows.size).toBeGreaterThan(140); // the starter library comes along
    const other = `${tmp.dir}/other.db`;
    const imported = await runCliCapture(['--db', other, 'library', 'import', out]);
    expect(imported.code, imported.stderr).toBe(0);
    const list = JSON.parse((await runCliCapture(['--db', other, 'library', 'list', '--search', '专题讲座次数', '--json'])).stdout);
    expect(list[0]).toMatchObject({ name: '专题讲座次数', value: '≥6次', note: '主管部门统一', source: 'imported' });
    // Not a library: random bytes, a huge file, a sheet with other columns.
    for (const [name, bytes, message] of [
      ['random.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /不是指标库文件|已损坏|不完整/],
      ['huge.json', Buffer.alloc(50 * 1024 * 1024, 0x20), /过大/],
    ] as [string, Buffer, RegExp][]) {
      writeFileSync(`${tmp.dir}/${name}`, bytes);
      const bad = await runCliCapture(['--db', other, 'library', 'import', `${tmp.dir}/${name}`]);
      expect(bad.code, name).toBe(1);
      expect(bad.stderr, name).toMatch(message);
    }
    const { libraryToXlsx } = await import('../../electron/core/library/xlsx');
    const wrong = await libraryToXlsx([{ level1: 'a', level2: 'b', name: 'c', value: 'd', note: '' }]);
    const wb = Buffer.from(wrong);
    // Rename the 三级指标 header in the shared strings: a sheet whose columns are not a library's.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(wb);
    const names = Object.keys(zip.files).filter((n) => /sharedStrings|sheet1/.test(n));
    for (const n of names) zip.file(n, (await zip.file(n)!.async('string')).replace('三级指标', '指标名称'));
    writeFileSync(`${tmp.dir}/wrong.xlsx`, await zip.generateAsync({ type: 'uint8array' }));
    const bad = await runCliCapture(['--db', other, 'library', 'import', `${tmp.dir}/wrong.xlsx`]);
    expect(bad.stderr).toMatch(/没有找到「三级指标」列/);
    store = storeIn(tmp.dir);
  });
});
