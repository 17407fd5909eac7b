/**
 * The file an imported form was read from (schema 6, migrations/0006): kept with the form, in
 * the same transaction as the form itself, so the office can always look at what the unit sent.
 *
 * One file's bytes are stored once, raw-deflated like form JSON (jsonBlob.ts), whatever number
 * of forms were read from it; a file over MAX_ORIGINAL_BYTES is not kept (the import says so).
 * Removing the last form that uses a file removes the file (the schema's triggers).
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { UserError } from '../../../shared/errors';
import { fileSizeText } from '../../../shared/text/fileSize';
import type { Db } from './sqlite';

/** The largest file kept: a Word file may be 20 MB (zipReader.ts), but real forms are a few hundred KB. */
export const MAX_ORIGINAL_BYTES = 10 * 1024 * 1024;

/** What the user chose to import, as it came. */
export interface OriginalFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface OriginalInfo {
  fileName: string;
  size: number;
  /** When it was kept with this form (the import's time). */
  keptAt: string;
  sha256: string;
  /** How many forms (also in the trash) were read from this same file. */
  forms: number;
}

export const sizeText = fileSizeText;

/** Null when the file can be kept, else the Chinese note the import gives instead. */
export function notKeptReason(bytes: number): string | null {
  if (bytes <= MAX_ORIGINAL_BYTES) return null;
  return `原始文件有 ${sizeText(bytes)}，超过 ${MAX_ORIGINAL_BYTES / 1024 / 1024} MB，没有随表单保存原件（表单内容照常导入）`;
}

/**
 * Links `formId` to `file` (stored once by its content), or removes its link when `file` is
 * null. Runs inside the caller's write transaction. A file over the limit is never stored.
 */
export function keepOriginal(db: Db, formId: number, file: OriginalFile | null, at: string): void {
  if (file === null || notKeptReason(file.bytes.length) !== null) {
    db.prepare('DELETE FROM form_originals WHERE form_id = ?').run(formId);
    return;
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  let fileId = db.prepare('SELECT id FROM original_files WHERE sha256 = ?').pluck().get(sha256) as number | undefined;
  if (fileId === undefined) {
    const info = db
      .prepare('INSERT INTO original_files (sha256, size, data) VALUES (?, ?, ?)')
      .run(sha256, file.bytes.length, deflateRawSync(file.bytes));
    fileId = Number(info.lastInsertRowid);
  }
  // An UPDATE, not a delete and insert: the trigger then removes the file linked before only when no form uses it.
  const changed = db
    .prepare('UPDATE form_originals SET file_id = ?, file_name = ?, kept_at = ? WHERE form_id = ?')
    .run(fileId, file.fileName, at, formId).changes;
  if (changed === 0)
    db.prepare('INSERT INTO form_originals (form_id, file_id, file_name, kept_at) VALUES (?, ?, ?, ?)').run(
      formId,
      fileId,
      file.fileName,
      at,
    );
}

/** The original kept with a form, null when none was. */
export function originalInfo(db: Db, formId: number): OriginalInfo | null {
  const row = db
    .prepare(
      `SELECT l.file_name AS fileName, f.size, l.kept_at AS keptAt, f.sha256,
              (SELECT count(*) FROM form_originals o WHERE o.file_id = l.file_id) AS forms
         FROM form_originals l JOIN original_files f ON f.id = l.file_id WHERE l.form_id = ?`,
    )
    .get(formId) as OriginalInfo | undefined;
  return row ?? null;
}

/** The original's bytes, checked against its size and hash (a damaged or hostile backup cannot pass off other bytes). */
export function originalBytes(db: Db, formId: number): { info: OriginalInfo; bytes: Buffer } {
  const info = originalInfo(db, formId);
  if (!info)
    throw new UserError(
      `编号 ${formId} 的表单没有保存原始文件（不是从文件导入的，或文件超过 ${MAX_ORIGINAL_BYTES / 1024 / 1024} MB）`,
      'original.none',
    );
  const blob = db
    .prepare('SELECT f.data FROM form_originals l JOIN original_files f ON f.id = l.file_id WHERE l.form_id = ?')
    .pluck()
    .get(formId) as Buffer;
  let bytes: Buffer;
  try {
    bytes = inflateRawSync(blob, { maxOutputLength: MAX_ORIGINAL_BYTES });
  } catch {
    bytes = Buffer.alloc(0);
  }
  if (bytes.length !== info.size || createHash('sha256').update(bytes).digest('hex') !== info.sha256)
    throw new UserError(`编号 ${formId} 的表单保存的原始文件「${info.fileName}」已损坏，无法取出；表单本身不受影响`, 'original.damaged');
  return { info, bytes };
}
