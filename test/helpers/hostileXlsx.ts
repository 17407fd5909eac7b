/**
 * Hostile Excel files, built byte by byte in the test (JSZip and XML text, not exceljs, so no
 * writer smooths anything away): zip bombs, a million rows, huge shared strings, deep XML,
 * XXE, cell references past XFD1048576, merged ranges over the whole sheet.
 */
import JSZip from 'jszip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface XlsxParts {
  sheet?: string;
  sharedStrings?: string;
  workbook?: string;
}

/** A one-sheet workbook with these parts (the sheet's XML is sheetData and what follows it, or a whole part). */
export async function makeXlsx(parts: XlsxParts, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    parts.workbook ??
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const sheet = parts.sheet ?? '<sheetData/>';
  zip.file(
    'xl/worksheets/sheet1.xml',
    sheet.startsWith('<?xml') ? sheet : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}">${sheet}</worksheet>`,
  );
  if (parts.sharedStrings !== undefined)
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${parts.sharedStrings}</sst>`);
  return zip.generateAsync({ type: 'uint8array', compression });
}

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
