/**
 * Percentages in workbooks: a clerk types 85.33% in Excel or WPS 表格 and the file holds the
 * number 0.8533 with a percentage format; the form means 85.33%. Read exactly (the decimal point
 * moved in the text, never a float multiplied), from .xlsx (built-in and custom formats) and
 * .xls (written by SheetJS, an independent writer); and what our own exporter writes for a
 * percent or score cell is an exact number whose format prints what the paper prints.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { readXls } from '../../electron/core/import/xlsModel';
import { percentDecimals, percentText, readWorkbook } from '../../electron/core/import/xlsxModel';
import { openZip } from '../../electron/core/import/zipReader';
import { cellParagraphs, type DocModel } from '../../electron/core/import/docModel';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuZipin as T } from '../../shared/templates/xiangmu-zipin';
import { readFileSync } from 'node:fs';

/** Every cell's text of the model's first table, row by row. */
function texts(model: DocModel): string[] {
  const out: string[] = [];
  for (const s of model.sections)
    for (const b of s.blocks) {
      if (b.kind === 'table') for (const c of b.cells) out.push(cellParagraphs(c).join('\n'));
      else out.push(b.text);
    }
  return out.filter((t) => t !== '');
}

// Numbers a float multiplication by 100 gets wrong (0.0007 × 100 = 0.06999999999999999, 1.005 × 100 = 100.49999999999999).
const CASES: [number, string, string][] = [
  [0.8533, '0.00%', '85.33%'],
  [0.5, '0.00%', '50.00%'],
  [0.5, '0%', '50%'],
  [0.8533, '0%', '85.33%'],
  [0.0007, '0.00%', '0.07%'],
  [1.005, '0.00%', '100.50%'],
  [1.2345678, '0.0%', '123.45678%'],
  [0, '0.00%', '0.00%'],
  [12, '#,##0.00%', '1200.00%'],
  [-0.05, '0%', '-5%'],
];

describe('a percentage cell in a workbook', () => {
  it('the text of a number moved two places, padded, never cut', () => {
    expect(percentText('0.8533', 2)).toBe('85.33%');
    expect(percentText('0.07', 0)).toBe('7%');
    expect(percentText('3', 1)).toBe('300.0%');
    expect(percentText('-0', 2)).toBe('0.00%');
    expect(percentText('0.000001', 2)).toBe('0.0001%');
    expect(['0%', '0.00%', '#,##0.0%', '[Red]0.00%', '0.00', 'General', '0%;-0%', '0.00"%"'].map(percentDecimals)).toEqual([
      0,
      2,
      1,
      2,
      null,
      null,
      0,
      null,
    ]);
  });

  it('reads from .xlsx as the percentage the clerk typed, built-in and custom formats alike', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('填报');
    CASES.forEach(([v, fmt], i) => {
      const c = ws.getCell(i + 1, 1);
      c.value = v;
      c.numFmt = fmt;
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    // exceljs writes 0% and 0.00% as Excel's built-in formats 9 and 10, the others as custom ones: both paths are read.
    const styles = await (await JSZip.loadAsync(bytes)).file('xl/styles.xml')!.async('string');
    expect(styles).toMatch(/numFmtId="10"/);
    expect(styles).toMatch(/numFmtId="9"/);
    expect(styles).toMatch(/formatCode="0\.0%"/);
    expect(texts(readWorkbook(openZip(bytes)).model)).toEqual(CASES.map((c) => c[2]));
  });

  it('reads from .xls the same way', () => {
    const ws = utils.aoa_to_sheet(CASES.map(([v]) => [v]));
    CASES.forEach(([, fmt], i) => {
      ws[utils.encode_cell({ r: i, c: 0 })].z = fmt;
    });
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, '填报');
    const bytes = new Uint8Array(write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    expect(texts(readXls(bytes).model)).toEqual(CASES.map((c) => c[2]));
  });

  it('our own export writes 执行率 and the scores as exact numbers that print as the paper does', async () => {
    const json = JSON.parse(readFileSync('test/fixtures/xiangmu-zipin-example.json', 'utf8'));
    const form = withComputed(fromLabelJson(json, T).form, T);
    const bytes = await exportFormXlsx(form, T);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    const found = new Map<string, { value: unknown; numFmt: string }>();
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'number') found.set(`${c.value}|${c.numFmt}`, { value: c.value, numFmt: c.numFmt });
      }),
    );
    // 执行率 93.56 % as 0.9356 shown 0.00%; the budget part's 分值 10 and 得分 9.36, 总分 95 shown 0.00.
    expect(found.has('0.9356|0.00%')).toBe(true);
    expect(found.has('10|0.00')).toBe(true);
    expect(found.has('9.36|0.00')).toBe(true);
    expect(found.has('95|0.00')).toBe(true);
    // Read back, each shows what the paper prints.
    const read = texts(readWorkbook(openZip(bytes)).model);
    expect(read).toContain('93.56%');
    expect(read).toContain('9.36');
    expect(read).toContain('95.00');
  });
});
