/**
 * A guarded reader for the zip container of a .docx. It reads the central directory itself
 * and refuses oversized, overfull or encrypted archives before inflating anything; each
 * entry is then inflated with a hard output cap, so an archive whose headers lie about
 * their sizes (a zip bomb) cannot use more memory than it declared.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { UserError } from '../../../shared/errors';
import { sniffNonZip } from './sniff';

export const MAX_ARCHIVE_BYTES = 20 * 1024 * 1024;
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const MAX_ENTRIES = 2000;

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export interface ZipArchive {
  names(): string[];
  has(name: string): boolean;
  /**
   * The entry's bytes, or null when the archive has no such entry. With `maxBytes`, an entry
   * declared larger is refused by `tooLarge()` before anything is inflated (and one whose
   * declaration lies stops inflating at the declared size, see inflateEntry).
   */
  read(name: string, limit?: { maxBytes: number; tooLarge: () => Error }): Uint8Array | null;
}

const damaged = (): UserError =>
  new UserError('文件不完整或已损坏（可能下载、复制或邮件传输时中断），请重新获取这个文件后再导入', 'import.damaged');

function findEocd(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === SIG_EOCD) return i;
  }
  return -1;
}

function readDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.byteLength >= 22 ? findEocd(view) : -1;
  if (eocd < 0) throw damaged();
  const total = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  // Zip64 markers: no genuine form file comes near these sizes.
  if (total === 0xffff || cdOffset === 0xffffffff) throw damaged();
  if (total > MAX_ENTRIES) {
    throw new UserError(`文件里的部件过多（${total} 个，上限 ${MAX_ENTRIES} 个），不像是一份申报表，已拒绝导入`, 'import.tooManyEntries');
  }
  if (cdOffset + cdSize > eocd) throw damaged();
  const decoder = new TextDecoder('utf-8');
  const entries: Entry[] = [];
  let p = cdOffset;
  let sum = 0;
  for (let i = 0; i < total; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== SIG_CENTRAL) throw damaged();
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const entry: Entry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    };
    if (entry.flags & 1) {
      throw new UserError('文件设置了密码（已加密），无法读取。请在 Word 或 WPS 中取消密码并另存后再导入', 'import.encrypted');
    }
    sum += entry.uncompressedSize;
    if (sum > MAX_UNCOMPRESSED_BYTES) {
      throw new UserError('文件解压后超过 100 MB，不像是一份申报表，已拒绝导入。请删除文件中的大图片等内容后再试', 'import.tooLarge');
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function inflateEntry(bytes: Uint8Array, e: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lo = e.localOffset;
  if (lo + 30 > bytes.byteLength || view.getUint32(lo, true) !== SIG_LOCAL) throw damaged();
  const start = lo + 30 + view.getUint16(lo + 26, true) + view.getUint16(lo + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.byteLength) throw damaged();
  const raw = bytes.subarray(start, end);
  let out: Uint8Array;
  if (e.method === 0) out = raw;
  else if (e.method === 8) {
    try {
      // The cap is the declared size: inflating stops as soon as the data claims more.
      out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch {
      throw damaged();
    }
  } else throw damaged();
  if (out.byteLength !== e.uncompressedSize || crc32(out) !== e.crc) throw damaged();
  return out;
}

/** Opens a .docx's zip container, refusing anything that is not a sound, modest zip. */
export function openZip(bytes: Uint8Array): ZipArchive {
  if (bytes.byteLength === 0) {
    throw new UserError('文件是空的（0 字节），可能没有下载或复制完整。请重新获取这个文件后再导入', 'import.empty');
  }
  if (bytes.byteLength > MAX_ARCHIVE_BYTES) {
    throw new UserError('文件超过 20 MB，不像是一份申报表，已拒绝导入。请删除文件中的大图片等内容后再试', 'import.tooLarge');
  }
  sniffNonZip(bytes);
  const entries = new Map(readDirectory(bytes).map((e) => [e.name, e]));
  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read(name, limit) {
      const e = entries.get(name);
      if (e && limit && e.uncompressedSize > limit.maxBytes) throw limit.tooLarge();
      return e ? inflateEntry(bytes, e) : null;
    },
  };
}
