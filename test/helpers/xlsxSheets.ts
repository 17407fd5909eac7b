/**
 * An independent reader of .xlsx files for tests: JSZip + @xmldom/xmldom, nothing shared with
 * the writer (exceljs), so a test sees what Excel would read: each sheet's cells as written in
 * the XML (a number's decimal text exactly as stored), merges, frozen panes, column widths, and
 * the number format each cell's style points to.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface XlsxCell {
  ref: string;
  row: number;
  col: number;
  /** 'n' for numbers (the default), 's'/'inlineStr'/'str' for text, as the file says. */
  type: string;
  /** The stored text: a number's <v> exactly, or the string. */
  text: string;
  /** The number format of the cell's style ('General' when none). */
  format: string;
}

export interface XlsxSheet {
  name: string;
  cells: XlsxCell[];
  /** Row number → the cells of that row. */
  rows: Map<number, XlsxCell[]>;
  merges: string[];
  frozen: { xSplit: number; ySplit: number } | null;
  widths: number[];
  /** Width of each column from A (0), the <col> ranges (min..max) laid out; undefined where none is set. */
  columnWidths: (number | undefined)[];
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const els = (root: Element | Document, name: string): Element[] => Array.from(root.getElementsByTagNameNS(MAIN, name)) as Element[];

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  49: '@',
};

export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => {
    const f = zip.file(path);
    if (!f) throw new Error(`${path} 不在文件中`);
    return f.async('string');
  };
  const shared = zip.file('xl/sharedStrings.xml')
    ? els(parse(await text('xl/sharedStrings.xml')), 'si').map((si) => si.textContent ?? '')
    : [];
  const styles = parse(await text('xl/styles.xml'));
  const custom = new Map(els(styles, 'numFmt').map((n) => [Number(n.getAttribute('numFmtId')), n.getAttribute('formatCode') ?? '']));
  const cellXfs = els(styles, 'cellXfs')[0];
  const xfFormats = cellXfs
    ? (Array.from(cellXfs.childNodes).filter((n) => (n as Element).localName === 'xf') as Element[]).map((xf) => {
        const id = Number(xf.getAttribute('numFmtId') ?? 0);
        return custom.get(id) ?? BUILTIN_FORMATS[id] ?? `builtin:${id}`;
      })
    : [];

  const workbook = parse(await text('xl/workbook.xml'));
  const rels = parse(await text('xl/_rels/workbook.xml.rels'));
  const target = new Map(
    (Array.from(rels.getElementsByTagName('Relationship')) as Element[]).map((r) => [r.getAttribute('Id'), r.getAttribute('Target') ?? '']),
  );
  const sheets: XlsxSheet[] = [];
  for (const s of els(workbook, 'sheet')) {
    const path = `xl/${target.get(s.getAttributeNS(REL, 'id'))!.replace(/^\/?xl\//, '')}`;
    const doc = parse(await text(path));
    const cells: XlsxCell[] = els(doc, 'c').map((c) => {
      const ref = c.getAttribute('r') ?? '';
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const type = c.getAttribute('t') ?? 'n';
      const v = els(c, 'v')[0]?.textContent ?? '';
      const value =
        type === 's'
          ? (shared[Number(v)] ?? '')
          : type === 'inlineStr'
            ? (els(c, 't')
                .map((t) => t.textContent)
                .join('') ?? '')
            : v;
      return {
        ref,
        row: Number(m[2]),
        col: colIndex(m[1]),
        type,
        text: value,
        format: xfFormats[Number(c.getAttribute('s') ?? 0)] ?? 'General',
      };
    });
    const rows = new Map<number, XlsxCell[]>();
    for (const c of cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
    const pane = els(doc, 'pane')[0];
    sheets.push({
      name: s.getAttribute('name') ?? '',
      cells,
      rows,
      merges: els(doc, 'mergeCell').map((m) => m.getAttribute('ref') ?? ''),
      frozen:
        pane && pane.getAttribute('state') === 'frozen'
          ? { xSplit: Number(pane.getAttribute('xSplit') ?? 0), ySplit: Number(pane.getAttribute('ySplit') ?? 0) }
          : null,
      // One <col> may cover several equal columns (min..max): one width per column.
      widths: els(doc, 'col').flatMap((c) => {
        const n = Number(c.getAttribute('max') ?? c.getAttribute('min') ?? 1) - Number(c.getAttribute('min') ?? 1) + 1;
        return Array.from({ length: Math.max(1, n) }, () => Number(c.getAttribute('width')));
      }),
      columnWidths: els(doc, 'col').reduce<(number | undefined)[]>((out, c) => {
        for (let i = Number(c.getAttribute('min')); i <= Number(c.getAttribute('max')) && i <= 16384; i++)
          out[i - 1] = Number(c.getAttribute('width'));
        return out;
      }, []),
    });
  }
  return sheets;
}

/** The row's texts by column (1-based), '' where no cell is written. */
export function rowTexts(sheet: XlsxSheet, row: number): string[] {
  const cells = sheet.rows.get(row) ?? [];
  const width = Math.max(0, ...cells.map((c) => c.col));
  return Array.from({ length: width }, (_, i) => cells.find((c) => c.col === i + 1)?.text ?? '');
}
