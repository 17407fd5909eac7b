/**
 * An independent reader of .docx files for tests: JSZip + @xmldom/xmldom, no code shared
 * with the exporter (it must not import electron/core/**), so a test compares what Word
 * would see with the template, not the generator with itself.
 *
 * readDocxGrid(bytes) resolves the first table into a grid of cells with their row/column
 * spans (gridSpan and vMerge restart/continue), and reads the page setup, the fonts and
 * languages used, the body paragraphs around the table and docProps/custom.xml.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import JSZip from 'jszip';

export interface GridParagraph {
  text: string;
  /** w:jc value, null when absent (left). */
  align: string | null;
  indent: { firstLine: number | null; firstLineChars: number | null; left: number | null; right: number | null };
  runs: {
    text: string;
    eastAsia: string | null;
    ascii: string | null;
    hAnsi: string | null;
    sizeHalfPt: number | null;
    langEastAsia: string | null;
  }[];
}

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Paragraph texts joined by '\n'. */
  text: string;
  paragraphs: GridParagraph[];
  width: { w: number; type: string } | null;
  vAlign: string | null;
  /** Text found in the vMerge continue cells below this one (should be empty). */
  continuedText: string;
}

export interface GridRow {
  heightTwips: number | null;
  heightRule: string | null;
  cantSplit: boolean;
  /** w:tblHeader: repeated at the top of each page the table continues on. */
  header: boolean;
  /** Which w:tbl of the joined grid the row came from (0 for the first). */
  tableIndex: number;
  /** Grid columns covered by the row's cells (should equal the grid's column count). */
  coveredCols: number;
}

export interface DocxTable {
  gridCols: number[];
  layout: string | null;
  width: { w: number; type: string } | null;
  rows: GridRow[];
  cells: GridCell[];
}

export interface DocxGrid {
  /** The form's grid: the first table and any that directly continue it. */
  table: DocxTable;
  /** How many w:tbl elements make up `table`. */
  joinedTables: number;
  tableCount: number;
  /** Body paragraphs before and after the first table. */
  before: GridParagraph[];
  after: GridParagraph[];
  page: {
    widthTwips: number;
    heightTwips: number;
    orient: string | null;
    margins: { top: number; bottom: number; left: number; right: number };
  };
  /** Every w:rFonts eastAsia/ascii value in document.xml and styles.xml. */
  fonts: { eastAsia: Set<string>; ascii: Set<string> };
  /** Every w:lang eastAsia value in document.xml and styles.xml. */
  eastAsiaLangs: Set<string>;
  customProperties: Map<string, string>;
  /** Raw parts, for checks on the XML text itself. */
  parts: Map<string, string>;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function parseXml(xml: string, name: string) {
  return new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(`${name} 不是合法的 XML：${msg}`);
    },
  }).parseFromString(xml, 'text/xml');
}

function kids(el: Element, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === W) out.push(n as Element);
  }
  return out;
}

const kid = (el: Element | null | undefined, local: string): Element | null => (el ? (kids(el, local)[0] ?? null) : null);
const attr = (el: Element | null, name: string): string | null => (el && el.hasAttributeNS(W, name) ? el.getAttributeNS(W, name) : null);
const num = (s: string | null): number | null => (s === null ? null : Number(s));

/** A w:ST_OnOff toggle: present means on unless val says off. */
const onOff = (el: Element | null): boolean => el !== null && !['false', '0', 'off'].includes(attr(el, 'val') ?? 'true');

function descendants(el: Element, local: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(W, local)) as Element[];
}

/** Text in document order: w:t, w:tab as \t, w:br/w:cr as \n. */
function textOf(node: Node): string {
  let s = '';
  for (let n = node.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (e.namespaceURI === W && e.localName === 't') s += e.textContent ?? '';
    else if (e.namespaceURI === W && e.localName === 'tab' && e.parentNode && (e.parentNode as Element).localName === 'r') s += '\t';
    else if (e.namespaceURI === W && (e.localName === 'br' || e.localName === 'cr')) s += '\n';
    else if (!(e.namespaceURI === W && (e.localName === 'pPr' || e.localName === 'rPr'))) s += textOf(e);
  }
  return s;
}

function readParagraph(p: Element): GridParagraph {
  const pPr = kid(p, 'pPr');
  const ind = kid(pPr, 'ind');
  return {
    text: textOf(p),
    align: attr(kid(pPr, 'jc'), 'val'),
    indent: {
      firstLine: num(attr(ind, 'firstLine')),
      firstLineChars: num(attr(ind, 'firstLineChars')),
      left: num(attr(ind, 'left') ?? attr(ind, 'start')),
      right: num(attr(ind, 'right') ?? attr(ind, 'end')),
    },
    runs: descendants(p, 'r').map((r) => {
      const rPr = kid(r, 'rPr');
      const f = kid(rPr, 'rFonts');
      return {
        text: textOf(r),
        eastAsia: attr(f, 'eastAsia'),
        ascii: attr(f, 'ascii'),
        hAnsi: attr(f, 'hAnsi'),
        sizeHalfPt: num(attr(kid(rPr, 'sz'), 'val')),
        langEastAsia: attr(kid(rPr, 'lang'), 'eastAsia'),
      };
    }),
  };
}

/**
 * Tables that follow one another with only empty paragraphs between are read as one grid, rows
 * numbered on (a form whose grid header repeats on each page is written as two tables).
 */
function readTable(tbls: Element[]): DocxTable {
  const tbl = tbls[0];
  const tblPr = kid(tbl, 'tblPr');
  const tblW = kid(tblPr, 'tblW');
  const gridCols = kids(kid(tbl, 'tblGrid')!, 'gridCol').map((g) => Number(attr(g, 'w')));
  for (const other of tbls.slice(1)) {
    const cols = kids(kid(other, 'tblGrid')!, 'gridCol').map((g) => Number(attr(g, 'w')));
    if (cols.join() !== gridCols.join()) throw new Error('相连的两个表格的列宽不一致');
  }
  const rows: GridRow[] = [];
  const cells: GridCell[] = [];
  // The cell a vMerge continue at a grid column extends, while the merge is open.
  const open = new Map<number, GridCell>();
  const trs = tbls.flatMap((t, ti) => kids(t, 'tr').map((tr) => ({ tr, ti })));
  trs.forEach(({ tr, ti }, r) => {
    // A merge never continues into the next table.
    if (r > 0 && trs[r - 1].ti !== ti) open.clear();
    const trPr = kid(tr, 'trPr');
    const h = kid(trPr, 'trHeight');
    let col = Number(attr(kid(trPr, 'gridBefore'), 'val') ?? 0);
    const seen = new Set<number>();
    for (const tc of kids(tr, 'tc')) {
      const tcPr = kid(tc, 'tcPr');
      const colSpan = Number(attr(kid(tcPr, 'gridSpan'), 'val') ?? 1);
      const vMergeEl = kid(tcPr, 'vMerge');
      const vMerge = vMergeEl ? (attr(vMergeEl, 'val') ?? 'continue') : null;
      const paragraphs = kids(tc, 'p').map(readParagraph);
      const text = paragraphs.map((p) => p.text).join('\n');
      if (vMerge === 'continue') {
        const above = open.get(col);
        if (!above || above.colSpan !== colSpan) throw new Error(`第 ${r + 1} 行第 ${col + 1} 列的纵向合并续格上方没有对应的起始格`);
        above.rowSpan++;
        above.continuedText += text;
        seen.add(col);
      } else {
        const w = kid(tcPr, 'tcW');
        const cell: GridCell = {
          row: r,
          col,
          rowSpan: 1,
          colSpan,
          text,
          paragraphs,
          width: w ? { w: Number(attr(w, 'w')), type: attr(w, 'type') ?? '' } : null,
          vAlign: attr(kid(tcPr, 'vAlign'), 'val'),
          continuedText: '',
        };
        cells.push(cell);
        if (vMerge === 'restart') {
          open.set(col, cell);
          seen.add(col);
        }
      }
      col += colSpan;
    }
    for (const c of [...open.keys()]) if (!seen.has(c)) open.delete(c);
    rows.push({
      heightTwips: num(attr(h, 'val')),
      heightRule: attr(h, 'hRule'),
      cantSplit: onOff(kid(trPr, 'cantSplit')),
      header: onOff(kid(trPr, 'tblHeader')),
      tableIndex: ti,
      coveredCols: col,
    });
  });
  return {
    gridCols,
    layout: attr(kid(tblPr, 'tblLayout'), 'type'),
    width: tblW ? { w: Number(attr(tblW, 'w')), type: attr(tblW, 'type') ?? '' } : null,
    rows,
    cells,
  };
}

export async function readDocxParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (/\.(xml|rels)$/.test(name)) parts.set(name, await zip.file(name)!.async('string'));
  }
  return parts;
}

function readCustomProperties(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  const doc = parseXml(xml, 'docProps/custom.xml');
  for (const p of Array.from(doc.getElementsByTagName('property'))) {
    out.set(p.getAttribute('name') ?? '', p.textContent ?? '');
  }
  return out;
}

export async function readDocxGrid(bytes: Uint8Array): Promise<DocxGrid> {
  const parts = await readDocxParts(bytes);
  const docXml = parts.get('word/document.xml');
  if (!docXml) throw new Error('没有 word/document.xml');
  const doc = parseXml(docXml, 'word/document.xml');
  const body = descendants(doc.documentElement as unknown as Element, 'body')[0];
  const tables = kids(body, 'tbl');
  if (tables.length === 0) throw new Error('文档里没有表格');
  const blocks: Element[] = [];
  for (let n = body.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && ((n as Element).localName === 'p' || (n as Element).localName === 'tbl')) blocks.push(n as Element);
  const first = blocks.indexOf(tables[0]);
  const joined = [tables[0]];
  let last = first;
  for (let i = first + 1; i < blocks.length; i++) {
    const e = blocks[i];
    if (e.localName === 'tbl') {
      joined.push(e);
      last = i;
    } else if (readParagraph(e).text !== '') break;
  }
  const before = blocks.slice(0, first).map(readParagraph);
  const after = blocks
    .slice(last + 1)
    .filter((e) => e.localName === 'p')
    .map(readParagraph);
  const sectPr = kid(body, 'sectPr');
  const pgSz = kid(sectPr, 'pgSz');
  const pgMar = kid(sectPr, 'pgMar');

  const fonts = { eastAsia: new Set<string>(), ascii: new Set<string>() };
  const eastAsiaLangs = new Set<string>();
  const styles = parts.get('word/styles.xml');
  for (const d of [doc, ...(styles ? [parseXml(styles, 'word/styles.xml')] : [])]) {
    const root = d.documentElement as unknown as Element;
    for (const f of descendants(root, 'rFonts')) {
      const ea = attr(f, 'eastAsia');
      const as = attr(f, 'ascii');
      if (ea) fonts.eastAsia.add(ea);
      if (as) fonts.ascii.add(as);
    }
    for (const l of descendants(root, 'lang')) {
      const ea = attr(l, 'eastAsia');
      if (ea) eastAsiaLangs.add(ea);
    }
  }

  return {
    table: readTable(joined),
    joinedTables: joined.length,
    tableCount: tables.length,
    before,
    after,
    page: {
      widthTwips: Number(attr(pgSz, 'w')),
      heightTwips: Number(attr(pgSz, 'h')),
      orient: attr(pgSz, 'orient'),
      margins: {
        top: Number(attr(pgMar, 'top')),
        bottom: Number(attr(pgMar, 'bottom')),
        left: Number(attr(pgMar, 'left')),
        right: Number(attr(pgMar, 'right')),
      },
    },
    fonts,
    eastAsiaLangs,
    customProperties: readCustomProperties(parts.get('docProps/custom.xml')),
    parts,
  };
}

/** The cell whose top-left grid position is (row, col), or undefined. */
export function cellAt(grid: DocxTable, row: number, col: number): GridCell | undefined {
  return grid.cells.find((c) => c.row === row && c.col === col);
}
