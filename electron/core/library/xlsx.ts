/**
 * A 指标库 as an Excel workbook: one sheet, the columns 一级指标 | 二级指标 | 三级指标 | 指标值 | 说明.
 * Written with exceljs; read by import/libraryXlsx.ts in the import worker, with the bounded zip
 * and XML readers that read untrusted Word files.
 */
import { LIBRARY_COLUMNS, type LibraryFileEntry } from '../../../shared/library/file';
import { displayWidth, loadExcelJs, safeCells } from '../xlsx/cells';

export async function libraryToXlsx(entries: readonly LibraryFileEntry[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效目标申报';
  const ws = wb.addWorksheet('指标库', { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = entries.map((e) => safeCells([e.level1, e.level2, e.name, e.value, e.note]));
  ws.addRow([...LIBRARY_COLUMNS]).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  LIBRARY_COLUMNS.forEach((h, i) => {
    const widest = Math.max(displayWidth(h), ...rows.slice(0, 2000).map((r) => displayWidth(r[i])));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, widest + 2));
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
