/** Locating and parsing the parts of a .docx we read: the main document and the custom properties. */
import { UserError } from '../../../shared/errors';
import { attr, child, children, decodeXml, parseXml, textContent, type El } from './xml';
import { MAX_XML_PART_BYTES, partTooLarge } from './limits';
import type { ZipArchive } from './zipReader';

/** An XML part's bytes, refused before inflating when it is declared larger than we parse. */
const readPart = (zip: ZipArchive, path: string, shownAs: string): Uint8Array | null =>
  zip.read(path, { maxBytes: MAX_XML_PART_BYTES, tooLarge: () => partTooLarge(shownAs) });

const OFFICE_DOCUMENT = /\/officeDocument$/;
const CUSTOM_PROPERTIES = /\/custom-properties$/;

function relationshipTarget(zip: ZipArchive, type: RegExp): string | null {
  const rels = readPart(zip, '_rels/.rels', '_rels/.rels');
  if (!rels) return null;
  for (const rel of children(parseXml(decodeXml(rels), '_rels/.rels'))) {
    if (type.test(attr(rel, 'Type') ?? '')) return (attr(rel, 'Target') ?? '').replace(/^\/+/, '').replace(/^\.\//, '') || null;
  }
  return null;
}

function notWord(zip: ZipArchive): UserError {
  const names = zip.names();
  if (names.some((n) => n.startsWith('xl/')))
    return new UserError('这是 Excel 表格文件，不是 Word 文档。请选择申报表的 Word（.docx）文件', 'import.notDocx');
  if (names.some((n) => n.startsWith('ppt/')))
    return new UserError('这是 PowerPoint 演示文稿，不是 Word 文档。请选择申报表的 Word（.docx）文件', 'import.notDocx');
  return new UserError('这个文件不是 Word（.docx）文档，无法导入。请选择申报表的 Word 文件', 'import.notDocx');
}

/** The w:body of the main document part. */
export function readBody(zip: ZipArchive): El {
  const path = relationshipTarget(zip, OFFICE_DOCUMENT) ?? 'word/document.xml';
  const bytes = readPart(zip, path, 'word/document.xml') ?? readPart(zip, 'word/document.xml', 'word/document.xml');
  if (!bytes) throw notWord(zip);
  const root = parseXml(decodeXml(bytes), 'word/document.xml');
  const body = root.localName === 'document' ? child(root, 'body') : undefined;
  if (!body) throw notWord(zip);
  return body;
}

/** Custom document properties by name (docProps/custom.xml); empty when there are none. */
export function readCustomProperties(zip: ZipArchive): Map<string, string> {
  const props = new Map<string, string>();
  const path = relationshipTarget(zip, CUSTOM_PROPERTIES) ?? 'docProps/custom.xml';
  const bytes = readPart(zip, path, 'docProps/custom.xml');
  if (!bytes) return props;
  for (const p of children(parseXml(decodeXml(bytes), 'docProps/custom.xml'))) {
    const name = attr(p, 'name');
    const value = children(p)[0];
    if (name !== null && value) props.set(name, textContent(value));
  }
  return props;
}
