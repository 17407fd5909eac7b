/**
 * Blank forms of several real layouts (../shared/forms/*.md), written by a route of their own —
 * raw WordprocessingML through JSZip for .docx, exceljs cell by cell for .xlsx, never the app's
 * exporter — and the same blank "filled by hand": values typed into its value cells, indicator
 * rows typed one per line in place of the blank rows. A value cell is written `{标签}` in a spec:
 * empty in the blank, the fill's value in a filled copy, and the test expects the field labelled
 * 标签 to read that value back.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { esc } from './makeDocx';

export interface SpecCell {
  /** Printed text; `{标签}` a value cell. Lines split by \n. */
  t?: string;
  span?: number;
  /** Vertical merge: r starts one, c continues the one above. */
  vm?: 'r' | 'c';
}

export interface BlankSpec {
  name: string;
  above: string[];
  below: string[];
  widthsTwips: number[];
  landscape?: boolean;
  /** Rows down to the indicator grid's header, included. */
  rows: SpecCell[][];
  heights?: Record<number, number>;
  /** The indicator grid: cells continuing side labels at its left, and its blank rows as printed. */
  grid?: { side: number; blankRows: SpecCell[][] };
  /** Rows after the grid. */
  after?: SpecCell[][];
}

export interface Fill {
  /** Value per `{标签}`. */
  values: Record<string, string>;
  /** Indicator rows typed in place of the blank rows, one value per grid column. */
  indicators?: string[][];
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Room to write in a line: spaces, a date's 年 月 日 as blanks print it. */
const room = (label: string) => (/日期$/.test(label) ? '\u3000\u3000年\u3000\u3000月\u3000\u3000日' : '\u3000\u3000\u3000\u3000');

function textOf(t: string | undefined, fill: Fill | null, inLine: boolean): string {
  return (t ?? '').replace(PLACEHOLDER, (_m, label: string) => (fill ? (fill.values[label] ?? '') : inLine ? room(label) : ''));
}

/** The labels of the spec's value cells and lines, in order. */
export function placeholders(spec: BlankSpec): string[] {
  const all = [...spec.above, ...spec.below, ...[...spec.rows, ...(spec.after ?? [])].flat().map((c) => c.t ?? '')].join('\n');
  return [...all.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

function allRows(spec: BlankSpec, fill: Fill | null): { cells: SpecCell[]; index: number | null }[] {
  const out: { cells: SpecCell[]; index: number | null }[] = spec.rows.map((cells, i) => ({ cells, index: i }));
  if (spec.grid) {
    const side: SpecCell[] = Array.from({ length: spec.grid.side }, () => ({ vm: 'c' }));
    if (fill?.indicators) for (const r of fill.indicators) out.push({ cells: [...side, ...r.map((t) => ({ t }))], index: null });
    else for (const r of spec.grid.blankRows) out.push({ cells: [...side, ...r], index: null });
  }
  for (const r of spec.after ?? []) out.push({ cells: r, index: null });
  return out;
}

// ---------------------------------------------------------------- Word

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function p(text: string, opts: { center?: boolean; sizeHalfPt?: number; bold?: boolean; font?: string } = {}): string {
  const rPr = [
    `<w:rFonts w:ascii="Times New Roman" w:eastAsia="${opts.font ?? '仿宋_GB2312'}" w:hAnsi="Times New Roman"/>`,
    opts.bold ? '<w:b/>' : '',
    opts.sizeHalfPt ? `<w:sz w:val="${opts.sizeHalfPt}"/>` : '',
  ].join('');
  // Runs split mid-text, as Word writes them after an edit.
  const half = Math.ceil(text.length / 2);
  const runs = [text.slice(0, half), text.slice(half)]
    .filter((s) => s !== '')
    .map((s) => `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${esc(s)}</w:t></w:r>`)
    .join('');
  return `<w:p><w:pPr>${opts.center ? '<w:jc w:val="center"/>' : ''}</w:pPr>${runs}</w:p>`;
}

function docxCell(c: SpecCell, width: number, fill: Fill | null): string {
  const pr = [
    `<w:tcW w:w="${width}" w:type="dxa"/>`,
    c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : '',
    c.vm === 'r' ? '<w:vMerge w:val="restart"/>' : c.vm === 'c' ? '<w:vMerge/>' : '',
    '<w:vAlign w:val="center"/>',
  ].join('');
  const text = c.vm === 'c' ? '' : textOf(c.t, fill, false);
  const body = text
    .split('\n')
    .map((l) => p(l, { center: !(c.t ?? '').startsWith('{') }))
    .join('');
  return `<w:tc><w:tcPr>${pr}</w:tcPr>${body}</w:tc>`;
}

export async function blankDocx(spec: BlankSpec, fill: Fill | null = null): Promise<Uint8Array> {
  const widths = spec.widthsTwips;
  const rows = allRows(spec, fill).map(({ cells, index }) => {
    let col = 0;
    const tcs = cells.map((c) => {
      const w = widths.slice(col, col + (c.span ?? 1)).reduce((a, b) => a + b, 0);
      col += c.span ?? 1;
      return docxCell(c, w, fill);
    });
    const h = index !== null ? spec.heights?.[index] : undefined;
    return `<w:tr><w:trPr>${h ? `<w:trHeight w:val="${h}"/>` : '<w:trHeight w:val="454"/>'}</w:trPr>${tcs.join('')}</w:tr>`;
  });
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('');
  const table = `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;
  const line = (t: string, i: number, where: 'above' | 'below') =>
    where === 'above' && i === 0
      ? p(textOf(t, fill, true), { center: true, sizeHalfPt: 36, bold: true, font: '方正小标宋简体' })
      : p(textOf(t, fill, true), { center: where === 'above' && /年度/.test(t), sizeHalfPt: 28 });
  const [pw, ph] = spec.landscape ? [16838, 11906] : [11906, 16838];
  const sect = `<w:sectPr><w:pgSz w:w="${pw}" w:h="${ph}"${spec.landscape ? ' w:orient="landscape"' : ''}/><w:pgMar w:top="1417" w:right="1247" w:bottom="1417" w:left="1304" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`;
  const body = [...spec.above.map((t, i) => line(t, i, 'above')), table, ...spec.below.map((t, i) => line(t, i, 'below')), sect].join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// ---------------------------------------------------------------- Excel

const THIN = { style: 'thin' as const };
const ALL_THIN = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel's column width (characters) for a width in twips: the inverse of (w × 7 + 5) × 15. */
export const excelChars = (twips: number): number => Math.round(((twips / 15 - 5) / 7) * 100) / 100;

export async function blankXlsx(spec: BlankSpec, fill: Fill | null = null): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.name.slice(0, 31), {
    pageSetup: {
      paperSize: 9,
      orientation: spec.landscape ? 'landscape' : 'portrait',
      margins: { top: 0.98, bottom: 0.98, left: 0.9, right: 0.87, header: 0.5, footer: 0.5 },
    },
  });
  const cols = spec.widthsTwips.length;
  spec.widthsTwips.forEach((w, i) => (ws.getColumn(i + 1).width = excelChars(w)));
  let r = 1;
  const lineRow = (t: string, title: boolean) => {
    ws.mergeCells(r, 1, r, cols);
    const cell = ws.getCell(r, 1);
    cell.value = textOf(t, fill, true);
    cell.alignment = { horizontal: title || /年度/.test(t) ? 'center' : 'left' };
    cell.font = { name: title ? '方正小标宋简体' : '仿宋_GB2312', size: title ? 18 : 14, bold: title };
    r++;
  };
  spec.above.forEach((t, i) => lineRow(t, i === 0));
  // Rows, with vertical merges resolved to ranges.
  const rows = allRows(spec, fill);
  const top = r;
  const open = new Map<number, { row: number; span: number }>();
  rows.forEach(({ cells, index }, k) => {
    const rowNo = top + k;
    let col = 1;
    for (const c of cells) {
      const span = c.span ?? 1;
      if (c.vm !== 'c') {
        const cell = ws.getCell(rowNo, col);
        const text = textOf(c.t, fill, false);
        const amount = fill && /^\{/.test(c.t ?? '') && /^-?\d+(\.\d+)?$/.test(text);
        cell.value = amount ? Number(text) : text;
        cell.alignment = { vertical: 'middle', horizontal: (c.t ?? '').startsWith('{') ? 'left' : 'center', wrapText: true };
      }
      if (c.vm === 'r') open.set(col, { row: rowNo, span });
      if (c.vm !== 'c' && c.vm !== 'r' && span > 1) ws.mergeCells(rowNo, col, rowNo, col + span - 1);
      col += span;
    }
    // A vertical merge ends where the next row does not continue it.
    const next = rows[k + 1]?.cells ?? [];
    let nc = 1;
    const continuing = new Set<number>();
    for (const c of next) {
      if (c.vm === 'c') continuing.add(nc);
      nc += c.span ?? 1;
    }
    for (const [startCol, m] of [...open]) {
      if (continuing.has(startCol)) continue;
      ws.mergeCells(m.row, startCol, rowNo, startCol + m.span - 1);
      open.delete(startCol);
    }
    for (let c = 1; c <= cols; c++) ws.getCell(rowNo, c).border = ALL_THIN;
    const h = index !== null ? spec.heights?.[index] : undefined;
    ws.getRow(rowNo).height = (h ?? 454) / 20;
  });
  r = top + rows.length;
  spec.below.forEach((t) => lineRow(t, false));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- the blank's own grid

export interface SpecGridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Printed text, whitespace removed; '' for a value cell. */
  text: string;
}

/** The blank's grid as its spec draws it (vertical merges resolved), for comparing a print with it. */
export function specGrid(spec: BlankSpec): SpecGridCell[] {
  const cells: SpecGridCell[] = [];
  const open = new Map<number, SpecGridCell>();
  allRows(spec, null).forEach(({ cells: row }, r) => {
    let col = 0;
    const seen = new Set<number>();
    for (const c of row) {
      const span = c.span ?? 1;
      if (c.vm === 'c' && open.has(col)) {
        open.get(col)!.rowSpan++;
        seen.add(col);
      } else {
        const cell = { row: r, col, rowSpan: 1, colSpan: span, text: textOf(c.t, null, false).replace(/\s+/g, '') };
        cells.push(cell);
        if (c.vm === 'r') {
          open.set(col, cell);
          seen.add(col);
        }
      }
      col += span;
    }
    for (const k of [...open.keys()]) if (!seen.has(k)) open.delete(k);
  });
  return cells;
}
