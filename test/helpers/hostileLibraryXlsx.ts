/**
 * Small .xlsx files built by hand for the 指标库 reader's tests: a workbook with one sheet of
 * inline-string cells (or shared strings with Excel's 拼音指南 runs), each cell at the reference
 * the test asks for — so a test can place a cell at ZZZZZ2, far past Excel's last column.
 */
import { zipOf } from './hostileDocx';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell: its reference and its text (inline), or a raw <c> element's XML. */
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

const cellXml = (c: HandCell) => ('xml' in c ? c.xml : `<c r="${c.ref}" t="inlineStr"><is><t>${esc(c.text)}</t></is></c>`);

/** A workbook whose first sheet holds these rows of cells; `sharedStrings` is written as given. */
export function handXlsx(rows: readonly HandCell[][], sharedStrings?: string): Uint8Array {
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows
    .map((r, i) => `<row r="${i + 1}">${r.map(cellXml).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  return zipOf({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="指标库" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    ...(sharedStrings !== undefined ? { 'xl/sharedStrings.xml': sharedStrings } : {}),
  });
}

export const LIBRARY_HEADER = ['一级指标', '二级指标', '三级指标', '指标值', '说明'];

/** A sound library file of `n` entries. */
export function goodLibraryXlsx(n = 3): Uint8Array {
  const rows = Array.from({ length: n }, (_, i) => ['产出指标', '数量指标', `培训人次${i + 1}`, `≥${i + 1}人次`, '']);
  return handXlsx(cellsOf([LIBRARY_HEADER, ...rows]));
}

/**
 * The probe's 2.6 KB file: a header and rows whose cells sit at columns such as ZZZZZ (12 million
 * columns in): a reader that places cells in an array by their column allocates every one before.
 */
export function farColumnsLibraryXlsx(rows = 40): Uint8Array {
  const body = Array.from({ length: rows }, (_, i) => [
    { ref: `A${i + 2}`, text: '产出指标' },
    { ref: `ZZZZZ${i + 2}`, text: `远处的格${i}` },
    { ref: `C${i + 2}`, text: `培训人次${i}` },
  ]);
  return handXlsx([cellsOf([LIBRARY_HEADER])[0], ...body]);
}
