/**
 * Recognises what a file is when it is not a zip, so the user hears what to do with it:
 * a legacy .xls (read by xlsModel.ts), a legacy .doc or a password-protected .docx or .xlsx
 * (all live in an OLE compound file), or something else saved with a .doc/.docx name (RTF, a
 * web page).
 */
import { CFB } from '@e965/xlsx';
import { UserError } from '../../../shared/errors';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SAVE_AS_DOCX = '请在 Word 或 WPS 中另存为 .docx 后再导入';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** UTF-16LE, as OLE directory entries store stream names. */
function utf16(s: string): Buffer {
  return Buffer.from(s, 'utf16le');
}

function asciiHead(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.subarray(0, n))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
}

/**
 * The stream names of an OLE compound file: from its directory where it parses (CFB, as SheetJS
 * bundles it), else — a damaged file — whatever names its bytes hold, so the advice still fits.
 */
function oleHas(bytes: Uint8Array): (stream: string) => boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const cfb = CFB.read(buf, { type: 'buffer' }) as { FileIndex: { name: string }[] };
    const names = new Set(cfb.FileIndex.map((e) => e.name));
    if (names.size > 1) return (stream) => names.has(stream);
  } catch {
    // a damaged directory: fall back to the names in the bytes
  }
  return (stream) => buf.includes(utf16(stream));
}

const isEncrypted = (has: (s: string) => boolean) => has('EncryptedPackage') || has('EncryptionInfo');
/** An .xls keeps its sheets in a stream named Workbook (Book in Excel 5/95); a .doc has WordDocument. */
const isXlsStreams = (has: (s: string) => boolean) => !has('WordDocument') && !isEncrypted(has) && (has('Workbook') || has('Book'));

/** An OLE compound file that is an Excel 97–2003 (or 5/95) workbook: xlsModel.ts reads it. */
export function isLegacyXls(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, OLE_MAGIC)) return false;
  // Cheap first: the stream names as UTF-16 anywhere in the bytes (Book\0 so that "Bookmark" is not it).
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inBytes = (s: string) => buf.includes(utf16(s === 'Book' ? 'Book\0' : s));
  return isXlsStreams(inBytes);
}

/**
 * A .doc keeps its tables as paragraph marks and cell marks in a binary text stream; the text
 * libraries for it (word-extractor) give the text but not which cells are merged, so values
 * could land in the wrong field: it is refused with the way to save it as .docx.
 */
export const LEGACY_DOC_MESSAGE =
  `这是旧版 Word 文档（.doc）。本程序无法从 .doc 文件中可靠地还原表格结构（合并单元格、行与列），为免读错数值，未导入。` +
  `${SAVE_AS_DOCX}：在 Word 或 WPS 中打开它，选「文件 → 另存为」，保存类型选「Word 文档 (*.docx)」`;

/** Throws a UserError for every non-zip input; returns quietly for a zip. */
export function sniffNonZip(bytes: Uint8Array): void {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return;
  if (startsWith(bytes, OLE_MAGIC)) {
    const has = oleHas(bytes);
    if (isEncrypted(has)) {
      throw new UserError(
        '文件设置了打开密码（已加密），无法读取。请在 Word、Excel 或 WPS 中打开它，取消密码并另存后再导入',
        'import.encrypted',
      );
    }
    if (isXlsStreams(has)) {
      throw new UserError('这是旧版 Excel 工作簿（.xls），但无法读取。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入', 'import.legacyXls');
    }
    if (has('WordDocument')) throw new UserError(LEGACY_DOC_MESSAGE, 'import.legacyDoc');
    // Neither stream found: a compound file cut short or damaged (its directory is often at the end).
    throw new UserError(
      '这个旧版 Office 文件（.xls 或 .doc）不完整或已损坏，无法读取。请在 Excel、Word 或 WPS 中打开它，另存为 .xlsx 或 .docx 后再导入',
      'import.damaged',
    );
  }
  const head = asciiHead(bytes, 512);
  if (head.startsWith('{\\rtf')) {
    throw new UserError(`这是 RTF 格式的文件（只是扩展名像 Word 文档）。${SAVE_AS_DOCX}`, 'import.legacyDoc');
  }
  if (head.startsWith('<html') || head.startsWith('<!doctype html') || head.includes('mime-version:') || head.startsWith('<?xml')) {
    throw new UserError(`这是网页或 XML 格式的文件（只是扩展名像 Word 文档）。${SAVE_AS_DOCX}`, 'import.legacyDoc');
  }
  throw new UserError(
    `这个文件不是 Word（.docx）文件，也不是 Excel（.xlsx）文件，无法导入。如果它能在 Word 或 WPS 中打开，${SAVE_AS_DOCX}；表格文件请另存为 .xlsx`,
    'import.notDocx',
  );
}
