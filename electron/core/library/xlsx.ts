/**
 * A 指标库 as an Excel workbook: one sheet, the columns 一级指标 | 二级指标 | 三级指标 | 指标值 | 说明.
 * Written with exceljs; read with our own bounded zip and XML readers (the same ones that read
 * untrusted Word files, with their size, count and depth limits), because a library file comes
 * by e-mail like any other and only its first sheet's cells are wanted.
 */
import { UserError } from '../../../shared/errors';
import { LIBRARY_COLUMNS, type LibraryFileEntry } from '../../../shared/library/file';
import { attr, child, children, decodeXml, parseXml, textContent, type El } from '../import/xml';
import { openZip, type ZipArchive } from '../import/zipReader';
import { displayWidth, loadExcelJs } from '../xlsx/cells';

export async function libraryToXlsx(entries: readonly LibraryFileEntry[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效目标申报';
  const ws = wb.addWorksheet('指标库', { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = entries.map((e) => [e.level1, e.level2, e.name, e.value, e.note]);
  ws.addRow([...LIBRARY_COLUMNS]).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  LIBRARY_COLUMNS.forEach((h, i) => {
    const widest = Math.max(displayWidth(h), ...rows.slice(0, 2000).map((r) => displayWidth(r[i])));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, widest + 2));
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

const refuse = (why: string) => new UserError(`这个指标库文件不能导入：${why}。没有做任何改动。`, 'library.invalid');

function part(zip: ZipArchive, name: string): El | null {
  const bytes = zip.read(name);
  return bytes ? parseXml(decodeXml(bytes), name) : null;
}

/** The first worksheet's part name, through the workbook and its relationships (sheet1.xml as a fallback). */
function firstSheet(zip: ZipArchive): string {
  const wb = part(zip, 'xl/workbook.xml');
  const rels = part(zip, 'xl/_rels/workbook.xml.rels');
  const sheet = wb ? children(child(wb, 'sheets') ?? wb).find((e) => e.localName === 'sheet') : undefined;
  const rid = sheet ? attr(sheet, 'id') : null;
  const target = rid && rels ? children(rels).find((r) => attr(r, 'Id') === rid) : undefined;
  const path = target ? attr(target, 'Target') : null;
  if (path) return path.startsWith('/') ? path.slice(1) : `xl/${path.replace(/^\.\//, '')}`;
  if (zip.has('xl/worksheets/sheet1.xml')) return 'xl/worksheets/sheet1.xml';
  throw refuse('里面没有工作表');
}

/** Column index of a cell reference: B7 → 1. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Rows of the first sheet keyed by its header row (the Chinese column names). */
export function libraryRowsFromXlsx(bytes: Uint8Array): Record<string, string>[] {
  const zip = openZip(bytes);
  if (!zip.has('xl/workbook.xml')) throw refuse('它不是 Excel 表格文件（.xlsx）');
  const shared = part(zip, 'xl/sharedStrings.xml');
  const strings = shared ? children(shared).map((si) => textContent(si)) : [];
  const sheet = part(zip, firstSheet(zip));
  const data = sheet ? child(sheet, 'sheetData') : undefined;
  if (!data) throw refuse('第一个工作表是空的');
  const grid: string[][] = [];
  for (const row of children(data)) {
    if (row.localName !== 'row') continue;
    const cells: string[] = [];
    for (const c of children(row)) {
      if (c.localName !== 'c') continue;
      const type = attr(c, 't');
      const v = child(c, 'v');
      let text = '';
      if (type === 's') text = strings[Number(v ? textContent(v) : -1)] ?? '';
      else if (type === 'inlineStr') text = textContent(child(c, 'is') ?? c);
      else text = v ? textContent(v) : '';
      const col = columnOf(attr(c, 'r') ?? '');
      cells[col >= 0 ? col : cells.length] = text;
    }
    grid.push(Array.from(cells, (x) => x ?? ''));
  }
  const header = (grid[0] ?? []).map((h) => h.trim());
  if (!header.includes('三级指标')) throw refuse(`第一行应是列名：${LIBRARY_COLUMNS.join('、')}（没有找到「三级指标」列）`);
  return grid.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
