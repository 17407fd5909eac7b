/**
 * A hand-filled Excel file of a form, written cell by cell with exceljs the way a clerk builds
 * it in Excel or WPS 表格 — not by our exporter (test/import/xlsxHandmade.test.ts says how). The
 * .xls fixtures (test/fixtures/xls/) are these files converted by LibreOffice.
 */
import ExcelJS from 'exceljs';
import { indexOf, rowsOf, str } from '../../shared/formOps';
import { parseAmountInput } from '../../shared/money';
import { layoutForm, type LaidCell, type PrintedLine } from '../../shared/template/layout';
import type { FormData } from '../../shared/form';
import type { TemplateDef } from '../../shared/template/schema';

const THIN = { style: 'thin' as const };

/** What a clerk types into a cell: an amount as a number, a date as a date, anything else as text. */
function typed(cell: LaidCell, t: TemplateDef, form: FormData): ExcelJS.CellValue | { percent: string } {
  const b = cell.binding;
  const text = cell.paragraphs.map((p) => p.text).join('\n');
  let kind: string | undefined;
  let raw = '';
  if (b.kind === 'field' && !b.showLabel && !b.lead && !b.indentLead && !b.footer?.length) {
    kind = indexOf(t).fields.get(b.field)?.kind;
    raw = str(form.values[b.field]);
  }
  if (b.kind === 'group') {
    kind = indexOf(t)
      .groups.get(b.group)
      ?.columns.find((c) => c.id === b.column)?.kind;
    raw = rowsOf(form.values, b.group)[b.rows[0]]?.[b.column] ?? '';
  }
  if (kind === 'amount') {
    const a = parseAmountInput(raw);
    if (a.ok && a.value !== '') return Number(a.value);
  }
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return new Date(`${raw}T00:00:00Z`);
  // A score typed as a number; a percentage typed 93.56% (Excel keeps 0.9356, shown 0.00%).
  if (kind === 'score' && /^\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (kind === 'percent' && /^\d+(\.\d+)?$/.test(raw)) return { percent: raw };
  return text;
}

/** 93.56 → 0.9356: the point moved in the text, so the number is the one Excel stores for 93.56%. */
const fraction = (percent: string): number => {
  const [i, f = ''] = percent.split('.');
  const digits = i.padStart(3, '0');
  return Number(`${digits.slice(0, -2)}.${digits.slice(-2)}${f}`);
};

export async function handFilled(form: FormData, t: TemplateDef): Promise<Uint8Array> {
  const layout = layoutForm(t, form, { print: true });
  const width = layout.columnsTwips.length;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报');
  ws.columns = layout.columnsTwips.map(() => ({ width: 16 }));
  let r = 1;
  const line = (l: PrintedLine) => {
    ws.getCell(r, 1).value = l.runs.map((x) => x.text).join('');
    ws.getCell(r, 1).alignment = { horizontal: 'center' };
    ws.mergeCells(r, 1, r, width);
    r++;
  };
  layout.above.forEach(line);
  r++; // a blank row before the grid
  const top = r;
  for (const row of layout.rows)
    for (const c of row.cells) {
      const cell = ws.getCell(top + c.row, c.col + 1);
      const value = typed(c, t, form);
      if (value !== null && typeof value === 'object' && 'percent' in value) {
        cell.value = fraction(value.percent);
        cell.numFmt = '0.00%';
      } else cell.value = value;
      if (cell.value instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(top + c.row, c.col + 1, top + c.row + c.rowSpan - 1, c.col + c.colSpan);
    }
  for (let i = 0; i < layout.rows.length; i++)
    for (let col = 1; col <= width; col++) ws.getCell(top + i, col).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  r = top + layout.rows.length + 1; // and one after it
  layout.below.forEach(line);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
