/**
 * Recognises what a file is when it is not a zip, so the user hears what to do with it:
 * a legacy .doc or .xls, a password-protected .docx or .xlsx (all live in an OLE compound
 * file), or something else saved with a .doc/.docx name (RTF, a web page).
 */
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

/** Throws a UserError for every non-zip input; returns quietly for a zip. */
export function sniffNonZip(bytes: Uint8Array): void {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return;
  if (startsWith(bytes, OLE_MAGIC)) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.includes(utf16('EncryptedPackage')) || buf.includes(utf16('EncryptionInfo'))) {
      throw new UserError(
        '文件设置了打开密码（已加密），无法读取。请在 Word、Excel 或 WPS 中打开它，取消密码并另存后再导入',
        'import.encrypted',
      );
    }
    // An .xls keeps its sheets in a stream named Workbook (Book in Excel 5/95).
    if (!buf.includes(utf16('WordDocument')) && (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book\0')))) {
      throw new UserError('这是旧版 Excel 工作簿（.xls），无法直接读取。请在 Excel 或 WPS 中另存为 .xlsx 后再导入', 'import.legacyXls');
    }
    throw new UserError(`这是旧版 Word 文档（.doc），无法直接读取。${SAVE_AS_DOCX}`, 'import.legacyDoc');
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
