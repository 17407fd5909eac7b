/**
 * A form's .xlsx prints as its paper does, for every built-in template, read back by an
 * independent reader (JSZip + xmldom, nothing shared with exceljs): A4 in the template's
 * orientation with its margins, fitted to one page wide, the grid's header rows repeated on each
 * printed page; the layout's merges, column widths within 1 %, thin lines round every grid cell,
 * the template's font; every amount an exact number whose format shows it as the paper prints it.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { layoutForm } from '../../shared/template/layout';
import { builtinForms } from '../helpers/builtinForms';
import { readXlsx } from '../helpers/xlsxSheets';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';
import { blankForm } from '../../shared/formOps';
import type { TemplateDef } from '../../shared/template/schema';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const els = (root: Element | Document, name: string): Element[] => Array.from(root.getElementsByTagNameNS(MAIN, name)) as Element[];
const colName = (n: number): string => (n > 26 ? colName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const text = (p: string) => zip.file(p)!.async('string');
  return {
    sheet: parse(await text('xl/worksheets/sheet1.xml')),
    workbook: parse(await text('xl/workbook.xml')),
    styles: parse(await text('xl/styles.xml')),
  };
}

describe.each(builtinForms().map((b) => [b.template.id, b] as const))('%s as .xlsx', (_id, { template: t, form }) => {
  it('prints on A4 in the template’s orientation and margins, one page wide, the grid header on every page', async () => {
    const { sheet, workbook } = await parts(await exportFormXlsx(form, t));
    const setup = els(sheet, 'pageSetup')[0];
    expect(setup.getAttribute('paperSize')).toBe('9');
    expect(setup.getAttribute('orientation')).toBe(t.page.widthTwips > t.page.heightTwips ? 'landscape' : 'portrait');
    expect([setup.getAttribute('fitToWidth'), setup.getAttribute('fitToHeight')]).toEqual(['1', '0']);
    expect(els(sheet, 'pageSetUpPr')[0].getAttribute('fitToPage')).toBe('1');
    const margins = els(sheet, 'pageMargins')[0];
    for (const side of ['top', 'bottom', 'left', 'right'] as const)
      expect(Number(margins.getAttribute(side))).toBeCloseTo(t.page.marginsTwips[side] / 1440, 2);
    const layout = layoutForm(t, form, { print: true });
    const header = layout.rows.map((r, i) => (r.repeatHeader ? i : -1)).filter((i) => i >= 0);
    const titles = els(workbook, 'definedName').find((d) => d.getAttribute('name') === '_xlnm.Print_Titles');
    if (header.length === 0) expect(titles).toBeUndefined();
    else {
      const top = layout.above.length + 1;
      expect(titles!.textContent).toMatch(new RegExp(`!\\$${top + header[0]}:\\$${top + header[header.length - 1]}$`));
    }
  });

  it('has the layout’s merges and widths, lines round every grid cell, the template’s font, amounts shown as printed', async () => {
    const bytes = await exportFormXlsx(form, t);
    const [s] = await readXlsx(bytes);
    const layout = layoutForm(t, form, { print: true });
    const top = layout.above.length + 1;
    const width = layout.columnsTwips.length;
    const expected = [
      ...layout.above.map((_, i) => `A${i + 1}:${colName(width)}${i + 1}`),
      ...layout.rows.flatMap((r) =>
        r.cells
          .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
          .map((c) => `${colName(c.col + 1)}${top + c.row}:${colName(c.col + c.colSpan)}${top + c.row + c.rowSpan - 1}`),
      ),
      ...layout.below.map((_, i) => {
        const r = top + layout.rows.length + i;
        return `A${r}:${colName(width)}${r}`;
      }),
    ];
    expect([...s.merges].sort()).toEqual(expected.sort());
    // Excel's width unit: a digit (7 px) plus 5 px of padding, 15 twips a pixel.
    s.widths.forEach((w, i) => expect(Math.abs((w * 7 + 5) * 15 - layout.columnsTwips[i]) / layout.columnsTwips[i]).toBeLessThan(0.01));

    const { sheet, styles } = await parts(bytes);
    const borders = els(styles, 'border').map((b) =>
      ['left', 'right', 'top', 'bottom'].every((side) => els(b, side)[0]?.getAttribute('style') === 'thin'),
    );
    const fonts = els(styles, 'font').map((f) => els(f, 'name')[0]?.getAttribute('val'));
    const xfs = els(els(styles, 'cellXfs')[0], 'xf');
    const styleOf = new Map(els(sheet, 'c').map((c) => [c.getAttribute('r')!, xfs[Number(c.getAttribute('s') ?? 0)]]));
    for (let r = 0; r < layout.rows.length; r++)
      for (let c = 1; c <= width; c++) {
        const xf = styleOf.get(`${colName(c)}${top + r}`);
        expect(xf, `${colName(c)}${top + r}`).toBeDefined();
        expect(borders[Number(xf!.getAttribute('borderId'))], `lines round ${colName(c)}${top + r}`).toBe(true);
        expect(fonts[Number(xf!.getAttribute('fontId'))]).toBe(t.fonts.table.eastAsia);
      }
    // Each amount standing alone in a cell: a number cell whose decimal text is the value, shown with the printed decimals.
    const numbers = s.cells.filter((c) => c.type === 'n' && c.text !== '');
    // Amounts printed inside a label's cell (其中：一般公共预算拨款：382.21) stay text; the project form's stand alone.
    if (t.id === 'xiangmu-zhichu') expect(numbers.map((n) => n.text)).toEqual(['1000', '1000', '0']);
    const printed = new Map<string, string>(
      layout.rows.flatMap((row) =>
        row.cells.map((c) => [`${colName(c.col + 1)}${top + c.row}`, c.paragraphs.map((p) => p.text).join('\n')] as const),
      ),
    );
    for (const n of numbers) {
      // A percentage (执行率 0.9356 shown 0.00%) prints as the number with its point moved two places.
      const percent = n.format.endsWith('%');
      const format = percent ? n.format.slice(0, -1) : n.format;
      const decimals = format.includes('.') ? format.length - format.indexOf('.') - 1 : 0;
      expect(format).toMatch(/^0(\.0+)?$/);
      let [i, f = ''] = n.text.split('.');
      if (percent) [i, f] = [`${i}${f.padEnd(2, '0').slice(0, 2)}`.replace(/^0+(?=\d)/, ''), f.slice(2)];
      expect(`${decimals === 0 ? i : `${i}.${f.padEnd(decimals, '0')}`}${percent ? '%' : ''}`, n.ref).toBe(printed.get(n.ref));
    }
  });
});

describe('column widths', () => {
  it('a column exactly 9 wide (18 mm) keeps its width, though exceljs writes no <col> for it', async () => {
    // (9 × 7 px + 5 px) × 15 twips: the width exceljs takes for its default and leaves out.
    const nine = (9 * 7 + 5) * 15;
    const t: TemplateDef = { ...MADE_UP_TEMPLATE, table: { ...MADE_UP_TEMPLATE.table, columnsTwips: [nine, 1600, 2906, 1600, nine] } };
    const { sheet } = await parts(await exportFormXlsx(blankForm(t, '2026'), t));
    const declared = new Map<number, number>();
    for (const c of els(sheet, 'col'))
      for (let i = Number(c.getAttribute('min')); i <= Number(c.getAttribute('max')); i++) declared.set(i, Number(c.getAttribute('width')));
    const fallback = Number(els(sheet, 'sheetFormatPr')[0]?.getAttribute('defaultColWidth') ?? '8.43');
    const shown = t.table.columnsTwips.map((_, i) => declared.get(i + 1) ?? fallback);
    shown.forEach((w, i) =>
      expect(Math.abs((w * 7 + 5) * 15 - t.table.columnsTwips[i]) / t.table.columnsTwips[i], `column ${i + 1}`).toBeLessThan(0.01),
    );
  });
});
