/**
 * One form's grid as an Excel sheet that prints as the paper does: the same layout pass as the
 * Word export (shared/template/layout.ts), so the sheet has the paper's rows, merges, column
 * widths, borders, font and row heights, with the lines above and below the table as rows of
 * their own; A4 in the template's orientation with its margins, fitted to one page wide, the
 * grid's header rows repeated on every printed page. Amounts standing alone in a cell are
 * numbers (exact, see xlsx/cells.ts) shown with the decimals the paper prints; everything else
 * is the text the paper prints. Like the .docx, the file carries the whole form for an exact
 * import: the embedded copy's properties (shared/embedded.ts) as the rows of a very hidden sheet.
 */
import type ExcelJS from 'exceljs';
import { EMBED_SHEET, encodeEmbedded } from '../../../shared/embedded';
import type { FormData } from '../../../shared/form';
import { indexOf, rowsOf, str, withComputed } from '../../../shared/formOps';
import { kindOf, type KindDecl } from '../../../shared/kinds';
import { parseAmountInput } from '../../../shared/money';
import { CELL_PADDING_TWIPS, charWidth, layoutForm, type LaidCell, type PrintedLine } from '../../../shared/template/layout';
import type { TemplateDef } from '../../../shared/template/schema';
import { amountValue, loadExcelJs, sheetName, textCell } from '../xlsx/cells';
import { sanitizeForm } from './xmlText';

const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel's column width unit is the width of a digit (7 px at 96 dpi) plus 5 px of padding; a pixel is 15 twips. */
const excelWidth = (twips: number): number => Math.max(1, Math.round(((twips / 15 - 5) / 7) * 100) / 100);
const inches = (twips: number): number => Math.round((twips / 1440) * 1000) / 1000;

const isMoney = (kind: string | undefined): boolean => kind !== undefined && kindOf(kind).money === true;

/** The exact amount a cell shows alone and the text the paper prints for it, or undefined when the cell is text. */
function amountOf(cell: LaidCell, t: TemplateDef, form: FormData): { exact: string; printed: string; format?: string } | undefined {
  const b = cell.binding;
  let raw: string | undefined;
  let decl: KindDecl | undefined;
  if (b.kind === 'field' && !b.showLabel) {
    decl = indexOf(t).fields.get(b.field);
    raw = str(form.values[b.field]);
  }
  if (b.kind === 'group') {
    decl = indexOf(t)
      .groups.get(b.group)
      ?.columns.find((c) => c.id === b.column);
    raw = rowsOf(form.values, b.group)[b.rows[0]]?.[b.column] ?? '';
  }
  if (raw === undefined || !decl) return undefined;
  // A score or a percentage: an exact number in the format that prints it as the paper does.
  const numeric = kindOf(decl.kind).excelNumber?.(raw, decl);
  if (numeric) return { exact: numeric.exact, printed: raw, format: numeric.format };
  if (!isMoney(decl.kind)) return undefined;
  const parsed = parseAmountInput(raw);
  const printed = parsed.ok ? kindOf(decl.kind).print(parsed.value, decl, form.options) : '';
  // Blank, 零值留空, or not an amount: the cell shows what the paper prints.
  if (!parsed.ok || parsed.units === null || printed === '') return undefined;
  return { exact: parsed.value, printed };
}

/** The number format that shows an amount exactly as printed: 1000, 382.21, 382.20 (统一保留两位小数), 0.0001. */
export function printedFormat(printed: string): string {
  const decimals = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

function lineText(l: PrintedLine): string {
  return l.runs.map((r) => r.text).join('');
}

export interface FormXlsxOptions {
  appVersion?: string;
  /** Put the template itself in the file: for templates imported from a file, which the receiving office may lack. */
  carryTemplate?: boolean;
}

export async function exportFormXlsx(input: FormData, t: TemplateDef, opts: FormXlsxOptions = {}): Promise<Uint8Array> {
  const form = withComputed(sanitizeForm(input, t).form, t);
  const layout = layoutForm(t, form, { print: true });
  const width = layout.columnsTwips.length;
  const font = { name: t.fonts.table.eastAsia, size: t.fonts.table.sizePt };
  const landscape = t.page.widthTwips > t.page.heightTwips;
  const m = t.page.marginsTwips;
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  wb.creator = '绩效目标申报';
  const ws = wb.addWorksheet(sheetName(t.title, new Set([EMBED_SHEET])), {
    // exceljs writes no <col> for a column exactly 9 wide (its idea of the default), and Excel's
    // own default is 8.43: said here, a 9-wide column (an 18 mm one) keeps its width.
    properties: { defaultColWidth: 9 },
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right), header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = layout.columnsTwips.map((tw) => ({ width: excelWidth(tw) }));

  let r = 1;
  const line = (l: PrintedLine) => {
    const row = ws.getRow(r);
    row.getCell(1).value = textCell(lineText(l));
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
        cell.value = amountValue(amount.exact);
        cell.numFmt = amount.format ?? printedFormat(amount.printed);
      } else cell.value = textCell(c.paragraphs.map((p) => p.text).join('\n'));
      cell.font = font;
      cell.alignment = { horizontal: c.align, vertical: c.valign === 'center' ? 'middle' : c.valign, wrapText: true };
      if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(top + c.row, c.col + 1, top + c.row + c.rowSpan - 1, c.col + c.colSpan);
    }
  // The grid's header rows (一级指标 | 二级指标 | …) print again at the top of every page, as in Word.
  const k = layout.rows.findIndex((row) => row.repeatHeader);
  if (k >= 0) {
    let n = k;
    while (n + 1 < layout.rows.length && layout.rows[n + 1].repeatHeader) n++;
    ws.pageSetup.printTitlesRow = `${top + k}:${top + n}`;
  }
  r = top + layout.rows.length;
  layout.below.forEach(line);

  const copy = wb.addWorksheet(EMBED_SHEET, { state: 'veryHidden' });
  const properties = encodeEmbedded({
    appVersion: opts.appVersion ?? '',
    templateId: t.id,
    templateVersion: t.version,
    // Computed fields are stored as printed, so the copy reads the same as the table.
    form,
    ...(opts.carryTemplate ? { template: t } : {}),
  });
  properties.forEach((p, i) => {
    const row = copy.getRow(i + 1);
    row.getCell(1).value = p.name;
    row.getCell(2).value = p.value;
  });

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
