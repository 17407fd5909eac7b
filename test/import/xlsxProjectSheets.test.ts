/**
 * A project form typed into Excel by hand, cell by cell, as counties lay it out (the same
 * layout as test/templates/xiangmuHandmade.test.ts builds in Word): amounts typed as numbers,
 * 一级指标 merged down its rows, no lines drawn at all, the title merged across the sheet;
 * other counties' labels; and a workbook with one project per sheet, which imports as that
 * many forms.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../electron/core/import';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { readDocx } from '../helpers/read';
import { storeIn, tempDir } from '../store/tempStore';

type Row = Record<string, string>;
const FIXTURE = fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url));
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string> & { 绩效指标: Row[] };

interface Variant {
  labels?: Partial<Record<'主管部门及代码' | '项目属性' | '项目资金（万元）' | '年度资金总额' | '财政拨款' | '年度目标', string>>;
  projectName?: string;
  mergeLevel1?: boolean;
}

/** One project on a sheet of its own, in columns A–E, starting at row 1 with the title. */
function projectSheet(wb: ExcelJS.Workbook, name: string, v: Variant = {}): void {
  const ws = wb.addWorksheet(name);
  ws.columns = [10, 14, 18, 24, 14].map((width) => ({ width }));
  projectRows(ws, 0, v);
}

/** One project's rows, `offset` rows down the sheet; returns the rows it took. */
function projectRows(ws: ExcelJS.Worksheet, offset: number, v: Variant = {}): number {
  const f = fixture();
  const L = (k: keyof NonNullable<Variant['labels']>) => v.labels?.[k] ?? k;
  const at = (ref: string) => ref.replace(/\d+/, (n) => String(Number(n) + offset));
  const put = (ref: string, value: ExcelJS.CellValue, merge?: string) => {
    ws.getCell(at(ref)).value = value;
    if (merge) ws.mergeCells(`${at(ref)}:${at(merge)}`);
  };
  put('A1', '项目支出绩效目标表', 'E1');
  put('A2', '（2025年度）', 'E2');
  put('A3', '项目名称');
  put('B3', v.projectName ?? f['项目名称'], 'E3');
  put('A4', L('主管部门及代码'));
  put('B4', f['主管部门及代码'], 'C4');
  put('D4', '实施单位');
  put('E4', f['实施单位']);
  put('A5', L('项目属性'));
  put('B5', f['项目属性'], 'C5');
  put('D5', '项目期');
  put('E5', f['项目期']);
  put('A6', L('项目资金（万元）'), 'A8');
  put('B6', `${L('年度资金总额')}：`, 'C6');
  put('D6', Number(f['年度资金总额']), 'E6');
  put('B7', `其中：${L('财政拨款')}`, 'C7');
  put('D7', Number(f['财政拨款']), 'E7');
  put('B8', '其他资金', 'C8');
  put('D8', Number(f['其他资金']), 'E8');
  put('A9', L('年度目标'));
  put('B9', f['年度目标'], 'E9');
  const rows = f.绩效指标;
  put('A10', '绩效指标', `A${10 + rows.length}`);
  ['一级指标', '二级指标', '三级指标', '指标值'].forEach((h, i) => put(`${'BCDE'[i]}10`, h));
  rows.forEach((r, i) => {
    const at = 11 + i;
    const first = i === 0 || rows[i - 1]['一级指标'] !== r['一级指标'];
    if (!v.mergeLevel1 || first) {
      let end = i;
      while (v.mergeLevel1 && end + 1 < rows.length && rows[end + 1]['一级指标'] === r['一级指标']) end++;
      put(`B${at}`, r['一级指标'], end > i ? `B${11 + end}` : undefined);
    }
    put(`C${at}`, r['二级指标']);
    put(`D${at}`, r['三级指标']);
    put(`E${at}`, r['指标值']);
  });
  return 10 + rows.length;
}

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
const expected = () => withComputed(fromLabelJson(fixture(), T).form, T);

describe('a project form typed into Excel', () => {
  it('reads to the fixture form: numbers typed, 一级 merged down, no lines drawn', async () => {
    const wb = new ExcelJS.Workbook();
    projectSheet(wb, 'Sheet1', { mergeLevel1: true });
    const r = await readDocx(await bytesOf(wb));
    expect(r.source).toBe('table');
    expect(r.data.templateId).toBe(T.id);
    expect(r.data.values).toEqual(expected().values);
    expect(r.notes).toEqual([]);
  });

  it('reads other counties’ labels', async () => {
    const wb = new ExcelJS.Workbook();
    projectSheet(wb, '项目表', {
      labels: {
        主管部门及代码: '主管部门及编码',
        项目属性: '项目来源',
        年度目标: '总体目标',
        年度资金总额: '资金总额',
        财政拨款: '当年财政拨款',
      },
    });
    const r = await readDocx(await bytesOf(wb));
    expect(r.data.values).toEqual(expected().values);
  });

  it('imports projects typed one under another on one sheet as that many forms', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('全部项目');
    ws.columns = [10, 14, 18, 24, 14].map((width) => ({ width }));
    const names = ['全民健身赛事活动经费', '青少年体育培训经费'];
    let offset = 0;
    for (const projectName of names) offset += projectRows(ws, offset, { projectName }) + 2; // two blank rows between
    const tmp = tempDir('shenbao-xlsx-one-sheet-');
    const store = storeIn(tmp.dir);
    try {
      const previews = await previewImport(store, '两个项目.xlsx', await bytesOf(wb));
      expect(previews.map((p) => p.title)).toEqual(names);
      for (const p of previews) {
        expect(p.year).toBe('2025');
        expect(p.data.values).toEqual({ ...expected().values, projectName: p.title });
      }
    } finally {
      store.close();
      tmp.cleanup();
    }
  });

  it('imports a workbook with one project per sheet as that many forms', async () => {
    const wb = new ExcelJS.Workbook();
    const names = ['全民健身赛事活动经费', '青少年体育培训经费', '体育场馆免费开放补助'];
    names.forEach((projectName, i) => projectSheet(wb, `项目${i + 1}`, { projectName, mergeLevel1: i === 1 }));
    const tmp = tempDir('shenbao-xlsx-sheets-');
    const store = storeIn(tmp.dir);
    try {
      const previews = await previewImport(store, '三个项目.xlsx', await bytesOf(wb));
      expect(previews.map((p) => p.title)).toEqual(names);
      for (const p of previews) {
        expect(p.year).toBe('2025');
        expect((p.data.values.indicators as Row[]).length).toBe(11);
        expect(commitImport(store, p.data, 'skip').outcome).toBe('imported');
      }
      expect(store.list()).toHaveLength(3);
    } finally {
      store.close();
      tmp.cleanup();
    }
  });
});
