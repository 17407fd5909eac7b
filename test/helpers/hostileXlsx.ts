/**
 * Excel files built byte by byte in the tests (XML text zipped by JSZip or by hand, not exceljs,
 * so no writer smooths anything away): zip bombs, a million rows, huge shared strings, deep XML,
 * XXE, cell references past XFD1048576, merged ranges over the whole sheet; and small 指标库
 * workbooks of cells placed at the references a test asks for (ZZZZZ2, far past Excel's last
 * column), or with Excel's 拼音指南 runs in their shared strings. One set of parts for all of them.
 */
import JSZip from 'jszip';
import { zipOf } from './hostileDocx';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface XlsxParts {
  sheet?: string;
  /** The <si> items of the shared strings, wrapped in <sst>. */
  sharedStrings?: string;
  /** The whole shared strings part, written as given (a DOCTYPE, a broken root). */
  sharedStringsPart?: string;
  workbook?: string;
}

/** The parts of a one-sheet workbook (the sheet's XML is sheetData and what follows it, or a whole part). */
export function xlsxParts(parts: XlsxParts): Record<string, string> {
  const sheet = parts.sheet ?? '<sheetData/>';
  const sharedStrings =
    parts.sharedStringsPart ??
    (parts.sharedStrings !== undefined
      ? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${parts.sharedStrings}</sst>`
      : undefined);
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      parts.workbook ??
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet.startsWith('<?xml')
      ? sheet
      : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}">${sheet}</worksheet>`,
    ...(sharedStrings !== undefined ? { 'xl/sharedStrings.xml': sharedStrings } : {}),
  };
}

/** A one-sheet workbook with these parts, zipped by JSZip. */
export async function makeXlsx(parts: XlsxParts, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(xlsxParts(parts))) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A million rows of one number each (~45 MB of XML in a small zip). */
export const millionRowsXlsx = (rows = 1_000_000): Promise<Uint8Array> => {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
  return makeXlsx({ sheet: `<sheetData>${parts.join('')}</sheetData>` });
};

/** A million empty rows in under 25 MB of XML: passes the size bound, not the element bound. */
export const millionEmptyRowsXlsx = (): Promise<Uint8Array> => makeXlsx({ sheet: `<sheetData>${'<row/>'.repeat(1_000_000)}</sheetData>` });

/** One shared string of `chars` characters. */
export const hugeSharedStringXlsx = (chars: number): Promise<Uint8Array> =>
  makeXlsx({
    sheet: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
    sharedStrings: `<si><t>${'a'.repeat(chars)}</t></si>`,
  });

/** `n` empty shared strings. */
export const manySharedStringsXlsx = (n: number): Promise<Uint8Array> =>
  makeXlsx({ sheet: '<sheetData/>', sharedStrings: '<si/>'.repeat(n) });

/** `depth` nested elements inside the sheet. */
export const deepSheetXlsx = (depth: number): Promise<Uint8Array> =>
  makeXlsx({ sheet: `<sheetData/>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}` });

/** An external entity (XXE) declared in the workbook. */
export const xxeXlsx = (): Promise<Uint8Array> =>
  makeXlsx({
    workbook: `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  });

/** A cell at a reference past Excel's last cell. */
export const refPastXfdXlsx = (ref = 'XFE1'): Promise<Uint8Array> =>
  makeXlsx({ sheet: `<sheetData><row r="1">${inline('A1', '部门名称')}${inline(ref, 'x')}</row></sheetData>` });

/** A value in A1 and one in Excel's very last cell: a used range of 17 billion positions. */
export const farCornersXlsx = (): Promise<Uint8Array> =>
  makeXlsx({
    sheet: `<sheetData><row r="1">${inline('A1', '部门名称')}</row><row r="1048576">${inline('XFD1048576', 'x')}</row></sheetData>`,
  });

/** A sheet of one form whose merged range covers the whole sheet (A1:XFD1048576), added after its cells. */
export const wholeSheetMergeXlsx = (sheetData: string): Promise<Uint8Array> =>
  makeXlsx({ sheet: `${sheetData}<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>` });

/**
 * The largest grid the limits let through (rows × cols ≤ 100,000 positions, under 200,000
 * elements), every cell a label the templates know: the template fitting's worst case.
 */
export const labelGridXlsx = (rows: number, cols: number): Promise<Uint8Array> => {
  const parts: string[] = [];
  const col = (c: number) =>
    c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26));
  for (let r = 1; r <= rows; r++)
    parts.push(
      `<row r="${r}">${Array.from({ length: cols }, (_, c) => `<c r="${col(c)}${r}" t="s"><v>${(r + c) % 3}</v></c>`).join('')}</row>`,
    );
  return makeXlsx({
    sheet: `<sheetData>${parts.join('')}</sheetData>`,
    sharedStrings: '<si><t>部门名称</t></si><si><t>一级指标</t></si><si><t>资金总额</t></si>',
  });
};

/** A cell of a hand-built workbook: its reference and its text (inline), or a raw <c> element's XML. */
export type HandCell = { ref: string; text: string } | { xml: string };

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows of texts placed from A1 on. */
export function cellsOf(rows: readonly (readonly string[])[]): HandCell[][] {
  return rows.map((r, i) => r.map((text, j) => ({ ref: `${columnLetters(j)}${i + 1}`, text })));
}

const cellXml = (c: HandCell) => ('xml' in c ? c.xml : inline(c.ref, esc(c.text)));

/** A workbook whose first sheet holds these rows of cells, zipped at once; `sharedStringsPart` is written as given. */
export function handXlsx(rows: readonly HandCell[][], sharedStringsPart?: string): Uint8Array {
  const sheet = `<sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map(cellXml).join('')}</row>`).join('')}</sheetData>`;
  return zipOf(xlsxParts({ sheet, sharedStringsPart }));
}

export const LIBRARY_HEADER = ['一级指标', '二级指标', '三级指标', '指标值', '说明'];

/** A sound 指标库 file of `n` entries. */
export function goodLibraryXlsx(n = 3): Uint8Array {
  const rows = Array.from({ length: n }, (_, i) => ['产出指标', '数量指标', `培训人次${i + 1}`, `≥${i + 1}人次`, '']);
  return handXlsx(cellsOf([LIBRARY_HEADER, ...rows]));
}

/**
 * The probe's 2.6 KB 指标库 file: a header and rows whose cells sit at columns such as ZZZZZ (12
 * million columns in): a reader that places cells in an array by their column allocates every one before.
 */
export function farColumnsLibraryXlsx(rows = 40): Uint8Array {
  const body = Array.from({ length: rows }, (_, i) => [
    { ref: `A${i + 2}`, text: '产出指标' },
    { ref: `ZZZZZ${i + 2}`, text: `远处的格${i}` },
    { ref: `C${i + 2}`, text: `培训人次${i}` },
  ]);
  return handXlsx([cellsOf([LIBRARY_HEADER])[0], ...body]);
}
