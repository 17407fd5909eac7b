/**
 * The document model both readers fill (electron/core/import/docModel.ts): sheets and bodies
 * as sections of paragraphs and tables, cells with their text, position and spans, column
 * widths and row heights; the same form read from a .docx and from an .xlsx gives the same grid.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { readBody } from '../../electron/core/import/docxParts';
import { cellParagraphs, walkModel, type DocModel, type DocTable } from '../../electron/core/import/docModel';
import { gridOf } from '../../electron/core/import/grid';
import { wordModel } from '../../electron/core/import/wordModel';
import { readWorkbook } from '../../electron/core/import/xlsxModel';
import { openZip } from '../../electron/core/import/zipReader';
import { builtinForms } from '../helpers/builtinForms';
import { makeXlsx } from '../helpers/hostileXlsx';

const project = () => builtinForms().find((b) => b.template.id === 'xiangmu-zhichu')!;
const tablesOf = (m: DocModel): DocTable[] => m.sections.flatMap((s) => s.blocks.filter((b): b is DocTable => b.kind === 'table'));
const cellAt = (t: DocTable, row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col);
const texts = (t: DocTable) =>
  t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, cellParagraphs(c).join('\n')] as const).filter((c) => c[4] !== '');

describe('an .xlsx as the document model', () => {
  it('gives each visible sheet a section: title lines as paragraphs, the grid as a table with its merges and widths', async () => {
    const { template, form } = project();
    const { model, embedded } = readWorkbook(openZip(await exportFormXlsx(form, template)));
    expect(model.format).toBe('xlsx');
    expect(model.sections.map((s) => s.name)).toEqual(['项目支出绩效目标表']); // the very hidden copy is not a section
    expect(embedded.get('shenbao.form.meta')).toMatch(/"format":"shenbao-form"/);
    const blocks = model.sections[0].blocks;
    expect(blocks.slice(0, 2)).toEqual([
      { kind: 'paragraph', text: '项目支出绩效目标表' },
      { kind: 'paragraph', text: '（2025年度）' },
    ]);
    expect(blocks[blocks.length - 1]).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^注：“其他资金”/) });
    const [table] = tablesOf(model);
    // Widths come back within a twip of the template's (Excel's width unit rounds to 1/100 character).
    table.columnWidthsTwips!.forEach((w, i) => expect(Math.abs(w - template.table.columnsTwips[i])).toBeLessThanOrEqual(1));
    expect(cellAt(table, 0, 0)).toMatchObject({ rowSpan: 1, colSpan: 1 });
    expect(cellParagraphs(cellAt(table, 0, 0)!)).toEqual(['项目名称']);
    expect(cellAt(table, 0, 1)).toMatchObject({ colSpan: 4 });
    expect(cellParagraphs(cellAt(table, 0, 1)!)).toEqual(['全民健身赛事活动经费']);
    expect(cellAt(table, 3, 0)).toMatchObject({ rowSpan: 3 });
    expect(cellParagraphs(cellAt(table, 3, 0)!)).toEqual(['项目资金', '（万元）']);
    // Every grid position is covered exactly once.
    const grid = gridOf(table);
    for (const line of grid.owner) expect(line.filter(Boolean)).toHaveLength(5);
    expect(table.rowHeightsTwips!.every((h) => h !== undefined && h > 0)).toBe(true);
  });

  it('reads the same grid from the .docx and the .xlsx of a form', async () => {
    const { template, form } = project();
    const word = wordModel(readBody(openZip((await exportDocx(form, template, { appVersion: 't' })).bytes)));
    const excel = readWorkbook(openZip(await exportFormXlsx(form, template))).model;
    // The .docx cuts the grid where its header repeats (two tables); joined they are one grid.
    const fromWord = gridOf(tablesOf(word));
    const fromExcel = gridOf(tablesOf(excel));
    const shape = (g: ReturnType<typeof gridOf>) => g.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.paragraphs.join('\n')]);
    expect(shape(fromExcel)).toEqual(shape(fromWord));
    expect(tablesOf(word)[0].columnWidthsTwips).toEqual(template.table.columnsTwips);
    const walk = walkModel(excel);
    expect(walk.tables).toHaveLength(1);
    expect(walk.paragraphs.slice(0, 2)).toEqual(['项目支出绩效目标表', '（2025年度）']);
  });

  it('places cells sparsely by their references, keeps numbers as their decimal text, and skips hidden sheets', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const bytes = await makeXlsx({
      workbook: `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="甲" sheetId="1" r:id="rId1"/><sheet name="藏" sheetId="2" state="hidden" r:id="rId1"/></sheets></workbook>`,
      sheet:
        '<cols><col min="3" max="4" width="20" customWidth="1"/></cols><sheetData>' +
        '<row r="3"><c r="C3" t="s"><v>0</v></c><c r="D3"><v>2.6000000000000001</v></c><c r="E3" t="inlineStr"><is><t>备注</t></is></c></row>' +
        '<row r="4"><c r="C4" t="inlineStr"><is><t>合并</t></is></c></row>' +
        '<row r="5" ht="30" customHeight="1"><c r="C5" t="inlineStr"><is><r><t>第一行</t></r><r><t>' +
        '\n第二行</t></r><rPh><t>ふりがな</t></rPh></is></c><c r="D5" t="b"><v>1</v></c></row>' +
        '</sheetData><mergeCells count="1"><mergeCell ref="C4:D4"/></mergeCells>',
      sharedStrings: '<si><t>金额</t></si>',
    });
    const { model } = readWorkbook(openZip(bytes));
    expect(model.sections.map((s) => s.name)).toEqual(['甲']);
    const [table] = tablesOf(model);
    expect(table.rows).toBe(3);
    expect(texts(table)).toEqual([
      [0, 0, 1, 1, '金额'],
      [0, 1, 1, 1, '2.6'],
      [0, 2, 1, 1, '备注'],
      [1, 0, 1, 2, '合并'],
      [2, 0, 1, 1, '第一行\n第二行'],
      [2, 1, 1, 1, 'TRUE'],
    ]);
    expect(table.columnWidthsTwips).toEqual([(20 * 7 + 5) * 15, (20 * 7 + 5) * 15, 960]); // E: Excel's default 8.43
    expect(table.rowHeightsTwips).toEqual([undefined, undefined, 600]);
  });

  it('reads dates typed as Excel dates as the day, and pads numbers only where their format shows fixed decimals', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('日期');
    const put = (ref: string, value: ExcelJS.CellValue, numFmt?: string) => {
      ws.getCell(ref).value = value;
      if (numFmt) ws.getCell(ref).numFmt = numFmt;
    };
    put('A1', new Date('2025-01-15T00:00:00Z'), 'yyyy"年"m"月"d"日"');
    put('B1', new Date('2024-02-29T00:00:00Z'), 'yyyy-mm-dd');
    put('C1', 382.2, '0.00');
    put('A2', 0.0001, '#,##0.00');
    put('B2', 60, '0');
    put('C2', 45000);
    const [table] = tablesOf(readWorkbook(openZip(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))).model);
    expect(texts(table).map((c) => c[4])).toEqual(['2025-01-15', '2024-02-29', '382.20', '0.0001', '60', '45000']);
  });

  it('reads forms typed one under another on a sheet as tables with their lines between', async () => {
    const row = (r: number, ...texts: string[]) =>
      `<row r="${r}">${texts.map((t, i) => (t ? `<c r="${'AB'[i]}${r}" t="inlineStr"><is><t>${t}</t></is></c>` : '')).join('')}</row>`;
    const bytes = await makeXlsx({
      sheet:
        `<sheetData>${row(1, '第一份表')}${row(2, '项目名称', '甲')}${row(3, '实施单位', '乙')}${row(5, '第二份表')}` +
        `${row(6, '项目名称', '丙')}${row(7, '实施单位', '丁')}</sheetData>` +
        '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A5:B5"/></mergeCells>',
    });
    const blocks = readWorkbook(openZip(bytes)).model.sections[0].blocks;
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : texts(b).map((c) => c[4])))).toEqual([
      '第一份表',
      ['项目名称', '甲', '实施单位', '乙'],
      '第二份表',
      ['项目名称', '丙', '实施单位', '丁'],
    ]);
  });
});
