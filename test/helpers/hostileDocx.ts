/**
 * Hostile .docx files, built in memory for the hardening tests and `bench/hostile.ts`: tiny
 * archives whose document.xml is huge or pathological (spans of two billion columns, millions
 * of empty paragraphs, thousands of nesting levels, amounts of 400,000 zeros). Large parts are
 * filled with Buffer.fill and deflated with node:zlib, so making one costs about a second and
 * never the gigabytes the file would cost a careless reader.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { documentXml, handmadeFormBody, makeDocx, para, run, tbl, tc, tr } from './makeDocx';
import { seedJson } from './seed';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A zip of deflated entries (no data descriptors, no zip64): what Word writes, minus the extras. */
export function zipOf(entries: Record<string, string | Uint8Array>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const packed = deflateRawSync(raw, { level: 6 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/** `head` + `unit` repeated `count` times + `tail`, built without a JS string of that size. */
export function repeated(head: string, unit: string, count: number, tail: string): Buffer {
  const h = Buffer.from(head, 'utf8');
  const u = Buffer.from(unit, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  const out = Buffer.allocUnsafe(h.length + u.length * count + t.length);
  h.copy(out, 0);
  if (count > 0) out.fill(u, h.length, h.length + u.length * count);
  t.copy(out, h.length + u.length * count);
  return out;
}

const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>`;
const DOC_TAIL = '<w:sectPr/></w:body></w:document>';

/** A .docx whose document.xml is `head` + `unit`×count + `tail` inside w:body. */
export function docxOfRepeated(unit: string, count: number, head = '', tail = '', extra: Record<string, string> = {}): Uint8Array {
  return zipOf({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'word/document.xml': repeated(DOC_HEAD + head, unit, count, tail + DOC_TAIL),
    ...extra,
  });
}

/** One row of two cells, the second spanning `span` grid columns (a 1 KB file). */
export function hugeSpanDocx(span: number, where: 'gridSpan' | 'gridBefore' | 'gridAfter' = 'gridSpan'): Promise<Uint8Array> {
  const cell = (pr: string) => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>`;
  const row =
    where === 'gridSpan'
      ? `<w:tr>${cell('')}${cell(`<w:gridSpan w:val="${span}"/>`)}</w:tr>`
      : `<w:tr><w:trPr><w:${where} w:val="${span}"/></w:trPr>${cell('')}${cell('')}</w:tr>`;
  return makeDocx(`<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>${row}${row}</w:tbl>`);
}

/** `count` empty paragraphs. */
export const manyParagraphsDocx = (count: number): Uint8Array => docxOfRepeated('<w:p/>', count);

/** A table of rows × cols empty cells. */
export function bigTableDocx(rows: number, cols: number): Uint8Array {
  const row = `<w:tr>${'<w:tc><w:p/></w:tc>'.repeat(cols)}</w:tr>`;
  return docxOfRepeated(row, rows, '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>', '</w:tbl>');
}

/** A paragraph wrapped in `depth` levels of w:customXml (a legal wrapper), in the body. */
export function deepBodyDocx(depth: number): Uint8Array {
  return zipOf({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'word/document.xml': Buffer.concat([
      Buffer.from(DOC_HEAD),
      repeated('', '<w:customXml>', depth, '<w:p><w:r><w:t>x</w:t></w:r></w:p>'),
      repeated('', '</w:customXml>', depth, DOC_TAIL),
    ]),
  });
}

/** A hand-made form whose custom properties nest `depth` elements deep inside one property. */
export async function deepCustomPropsDocx(depth: number): Promise<Uint8Array> {
  const custom = Buffer.concat([
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="shenbao.form">',
    ),
    repeated('', '<vt:lpwstr>', depth, 'x'),
    repeated('', '</vt:lpwstr>', depth, '</property></Properties>'),
  ]);
  return makeDocx(handmadeFormBody(seedJson()), { entries: { 'docProps/custom.xml': custom } });
}

/** The seed form typed by hand, with one label's printed value replaced (e.g. 其他资金 → 0.000…1). */
export function handmadeWith(values: Record<string, string>): Promise<Uint8Array> {
  return makeDocx(handmadeFormBody({ ...seedJson(), ...values }));
}

/** The seed form typed by hand, with `marker` (a value in `values`) replaced by raw inline XML in document.xml. */
export function handmadeWithXml(values: Record<string, string>, marker: string, xml: string): Promise<Uint8Array> {
  const body = handmadeFormBody({ ...seedJson(), ...values });
  return makeDocx(body.replace(`<w:t xml:space="preserve">${marker}</w:t>`, xml));
}

/** `rows` rows of one cell spanning `span` grid columns: many grid positions from few elements. */
export function wideRowsDocx(rows: number, span: number): Promise<Uint8Array> {
  const row = `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr><w:p/></w:tc></w:tr>`;
  return makeDocx(`<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>${row.repeat(rows)}</w:tbl>`);
}

/** The seed form typed by hand with one paragraph of `text` added right above the table. */
export function handmadeWithLineAbove(text: string): Promise<Uint8Array> {
  const body = handmadeFormBody(seedJson());
  const at = body.indexOf('<w:tbl>');
  return makeDocx(body.slice(0, at) + para(run(text)) + body.slice(at));
}

/** A one-table document: rows of label | value cells, for quick reads of single cells. */
export function labelValueDocx(pairs: [string, string][]): Promise<Uint8Array> {
  return makeDocx(tbl(pairs.map(([l, v]) => tr([tc(para(run(l))), tc(para(run(v)))]))));
}

export { documentXml };
