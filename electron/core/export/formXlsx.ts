/**
 * One form's grid as an Excel sheet: the same layout pass as the Word export (shared/template/
 * layout.ts), so the sheet has the paper's rows, merges and column proportions, with the lines
 * above and below the table as rows of their own. Amounts standing alone in a cell are numbers
 * (exact, see xlsx/cells.ts); everything else is the text the paper prints.
 */
import type ExcelJS from 'exceljs';
import type { FormData } from '../../../shared/form';
import { indexOf, rowsOf, str, withComputed } from '../../../shared/formOps';
import { kindOf } from '../../../shared/kinds';
import { parseAmountInput, printAmount } from '../../../shared/money';
import { CELL_PADDING_TWIPS, charWidth, layoutForm, type LaidCell, type PrintedLine } from '../../../shared/template/layout';
import type { TemplateDef } from '../../../shared/template/schema';
import { AMOUNT_FORMAT, amountValue, loadExcelJs, sheetName } from '../xlsx/cells';

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel's column width unit is the width of a digit (7 px at 96 dpi) plus 5 px of padding; a pixel is 15 twips. */
const excelWidth = (twips: number): number => Math.max(1, Math.round(((twips / 15 - 5) / 7) * 100) / 100);

const isMoney = (kind: string | undefined): boolean => kind !== undefined && kindOf(kind).money === true;

/** The exact amount a cell shows alone, or undefined when the cell is text. */
function amountOf(cell: LaidCell, t: TemplateDef, form: FormData): string | undefined {
  const b = cell.binding;
  let raw: string | undefined;
  if (b.kind === 'field' && !b.showLabel && isMoney(indexOf(t).fields.get(b.field)?.kind)) raw = str(form.values[b.field]);
  if (b.kind === 'group') {
    const g = indexOf(t).groups.get(b.group);
    if (isMoney(g?.columns.find((c) => c.id === b.column)?.kind)) raw = rowsOf(form.values, b.group)[b.rows[0]]?.[b.column] ?? '';
  }
  if (raw === undefined) return undefined;
  const parsed = parseAmountInput(raw);
  // Blank, 零值留空, or not an amount: the cell shows what the paper prints.
  if (!parsed.ok || parsed.units === null || printAmount(raw, form.options) === '') return undefined;
  return parsed.value;
}

function lineText(l: PrintedLine): string {
  return l.runs.map((r) => r.text).join('');
}

export async function exportFormXlsx(input: FormData, t: TemplateDef): Promise<Uint8Array> {
  const form = withComputed(input, t);
  const layout = layoutForm(t, form, { print: true });
  const width = layout.columnsTwips.length;
  const font = { name: t.fonts.table.eastAsia, size: t.fonts.table.sizePt };
  const landscape = t.page.widthTwips > t.page.heightTwips;
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  wb.creator = '绩效目标申报';
  const ws = wb.addWorksheet(sheetName(t.title, new Set()), {
    views: [{ showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = layout.columnsTwips.map((tw) => ({ width: excelWidth(tw) }));

  let r = 1;
  const line = (l: PrintedLine) => {
    const row = ws.getRow(r);
    row.getCell(1).value = lineText(l);
    row.getCell(1).font = { name: l.font.eastAsia, size: l.font.sizePt, bold: l.font.bold ?? l.role === 'title' };
    row.getCell(1).alignment = { horizontal: l.align, vertical: 'middle' };
    row.height = Math.round(l.font.sizePt * 1.6 + (l.spaceAfterPt ?? 0));
    ws.mergeCells(r, 1, r, width);
    r++;
  };
  layout.above.forEach(line);

  const top = r;
  layout.rows.forEach((laidRow, i) => {
    // Rows grow with their text on paper; a sheet needs the height given: the tallest single-row cell's lines.
    let lines = 1;
    for (const c of laidRow.cells) {
      if (c.rowSpan > 1) continue;
      const chars = Math.max(1, (c.widthTwips - 2 * CELL_PADDING_TWIPS) / (font.size * 20));
      lines = Math.max(
        lines,
        c.paragraphs.reduce((n, p) => n + Math.max(1, Math.ceil(charWidth(p.text) / chars)), 0),
      );
    }
    ws.getRow(top + i).height = Math.max(laidRow.minHeightTwips / 20, lines * font.size * 1.4 + 4);
    for (let col = 1; col <= width; col++) ws.getCell(top + i, col).border = BORDER;
  });
  for (const laidRow of layout.rows)
    for (const c of laidRow.cells) {
      const cell = ws.getCell(top + c.row, c.col + 1);
      const amount = amountOf(c, t, form);
      if (amount !== undefined) {
        cell.value = amountValue(amount);
        cell.numFmt = AMOUNT_FORMAT;
      } else cell.value = c.paragraphs.map((p) => p.text).join('\n');
      cell.font = font;
      cell.alignment = { horizontal: c.align, vertical: c.valign === 'center' ? 'middle' : c.valign, wrapText: true };
      if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(top + c.row, c.col + 1, top + c.row + c.rowSpan - 1, c.col + c.colSpan);
    }
  r = top + layout.rows.length;
  layout.below.forEach(line);

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
