/**
 * Which cells of an .xls are drawn with a border line — the one thing of a printed form SheetJS
 * does not give for .xls (it drops each cell's style record). xlsxModel's sheet step tells a
 * form's grid from the lines around it by these borders, as it does for .xlsx, so the
 * workbook stream is walked once more here: the cell style (XF) records of the workbook, then
 * each worksheet's cell records with the style they use (MS-XLS 2.4). BIFF8 only (Excel 97 and
 * later, all that LibreOffice, WPS and Excel write); older files get no borders and are read as
 * sheets drawn without lines. Linear in the stream, and bounded per sheet.
 */
import { CFB } from '@e965/xlsx';
import { MAX_TABLE_POSITIONS, XLS_MAX_ROWS, XLSX_MAX_COLUMN } from './limits';

const BOF = 0x0809;
const EOF = 0x000a;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
/** Cell records whose data starts with row, column, style index (u16 each). */
const SINGLE = new Set([0x0201, 0x0203, 0x00fd, 0x027e, 0x0006, 0x0205, 0x0204]);
const MULBLANK = 0x00be;
const MULRK = 0x00bd;

interface CfbEntry {
  content?: Uint8Array;
}

function workbookStream(bytes: Uint8Array): Buffer | null {
  try {
    const cfb: unknown = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
    const entry = (CFB.find(cfb, 'Workbook') ?? CFB.find(cfb, 'Book')) as CfbEntry | null;
    return entry?.content ? Buffer.from(entry.content.buffer, entry.content.byteOffset, entry.content.byteLength) : null;
  } catch {
    return null; // SheetJS has read it already; a stream it could read and this cannot just has no borders
  }
}

/** Sheet name → positions (row × XLSX_MAX_COLUMN + col) of cells whose style draws a line on any side. */
export function xlsBorders(bytes: Uint8Array): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const s = workbookStream(bytes);
  if (!s) return out;
  const lined: boolean[] = [];
  const sheetAt = new Map<number, string>();
  let current: Set<number> | null = null;
  let depth = 0;
  const mark = (row: number, col: number, xf: number) => {
    if (!current || !lined[xf] || row >= XLS_MAX_ROWS || current.size >= MAX_TABLE_POSITIONS) return;
    current.add(row * XLSX_MAX_COLUMN + col);
  };
  for (let at = 0; at + 4 <= s.length;) {
    const type = s.readUInt16LE(at);
    const len = s.readUInt16LE(at + 2);
    const data = at + 4;
    const end = data + len;
    if (end > s.length) break;
    if (type === BOF) {
      if (len >= 4 && s.readUInt16LE(data) !== 0x0600) return new Map(); // not BIFF8
      depth++;
      if (depth === 1 && sheetAt.has(at)) {
        const name = sheetAt.get(at)!;
        current = out.get(name) ?? new Set();
        out.set(name, current);
      }
    } else if (type === EOF) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) current = null;
    } else if (type === XF && len >= 14 && !current) {
      const b = s.readUInt32LE(data + 10);
      lined.push((b & 0xffff) !== 0); // dgLeft, dgRight, dgTop, dgBottom: four bits each
    } else if (type === BOUNDSHEET && len >= 8 && !current) {
      const cch = s[data + 6];
      const wide = (s[data + 7] & 1) === 1;
      const nameEnd = Math.min(end, data + 8 + cch * (wide ? 2 : 1));
      sheetAt.set(s.readUInt32LE(data), s.toString(wide ? 'utf16le' : 'latin1', data + 8, nameEnd));
    } else if (current && depth === 1) {
      if (SINGLE.has(type) && len >= 6) mark(s.readUInt16LE(data), s.readUInt16LE(data + 2), s.readUInt16LE(data + 4));
      else if ((type === MULBLANK || type === MULRK) && len >= 6) {
        const row = s.readUInt16LE(data);
        const first = s.readUInt16LE(data + 2);
        const step = type === MULBLANK ? 2 : 6;
        for (let p = data + 4, col = first; p + step <= end - 2; p += step, col++) mark(row, col, s.readUInt16LE(p));
      }
    }
    at = end;
  }
  return out;
}
