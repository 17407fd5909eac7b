/**
 * The 一体化 upload file's workbook: one sheet named as the profile says, its header row, then one
 * row per indicator. Every cell is text (number format `@`): a 项目代码 of 20 digits or 指标值 `0.10`
 * arrive exactly as written, never as a binary float Excel would round or reformat.
 */
import type { UploadProfile } from '../../../shared/upload/profile';
import { fitWidth, loadExcelJs, safeCells } from '../xlsx/cells';

/** Excel's last row; the header takes one. */
export const MAX_UPLOAD_ROWS = 1_048_575;

export async function uploadXlsxBytes(profile: UploadProfile, rows: readonly string[][]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效目标申报';
  const ws = wb.addWorksheet(profile.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = profile.columns.map((c) => c.header);
  profile.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.numFmt = '@';
    // Widths from the first rows only: measuring 200,000 rows costs more than a column slightly too narrow.
    col.width = fitWidth([c.header, ...rows.slice(0, 2000).map((r) => r[i])], 10, 60);
  });
  ws.addRow(safeCells(headers)).font = { bold: true };
  for (const r of rows) ws.addRow(safeCells(r));
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
