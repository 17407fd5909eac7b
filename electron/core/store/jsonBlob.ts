/**
 * How form JSON is stored since schema 2: UTF-8, raw deflate (see migrations/0002).
 *
 * Inflation is capped: a revision carried in by a backup could inflate to gigabytes (a deflate
 * bomb: 4 GiB from a few MB took 8–13 s and 4.3 GB per read, issue #27 item 6). A save is
 * refused above MAX_FORM_JSON_BYTES, so no form this app stored is larger, and anything that
 * inflates past INFLATE_CAP_BYTES is damage or hostile, never a form.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { UserError } from '../../../shared/errors';

/**
 * The largest form JSON a save accepts. Each value holds at most 50,000 characters
 * (shared/limits.ts); 16 MB is over a hundred such values at 3 bytes a character, far beyond
 * any real form, and what keeps every later read of it bounded.
 */
export const MAX_FORM_JSON_BYTES = 16 * 1024 * 1024;
/** A little above the largest form a save stores. */
export const INFLATE_CAP_BYTES = MAX_FORM_JSON_BYTES + 1024 * 1024;
/**
 * Raw deflate cannot expand more than 1032 times (a 258-byte match per bit at best): a blob
 * this short cannot inflate past the cap, so a backup inspection need only inflate longer ones.
 */
export const MAX_DEFLATE_RATIO = 1032;

export class InflateCapError extends Error {
  constructor() {
    super(`inflates past ${INFLATE_CAP_BYTES} bytes`);
  }
}

export function packJson(json: string): Buffer {
  const bytes = Buffer.from(json, 'utf8');
  if (bytes.length > MAX_FORM_JSON_BYTES)
    throw new UserError(
      `表单内容过大（${Math.ceil(bytes.length / 1024 / 1024)} MB，一份表单最多 ${MAX_FORM_JSON_BYTES / 1024 / 1024} MB），没有保存。请删减过长的内容后再保存`,
      'too-large',
    );
  return deflateRawSync(bytes);
}

/** Throws InflateCapError past the cap (nothing larger is ever held), zlib's error for bytes that are not deflate. */
export function unpackJson(blob: Buffer): string {
  let out: Buffer;
  try {
    out = inflateRawSync(blob, { maxOutputLength: INFLATE_CAP_BYTES });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateCapError();
    throw e;
  }
  return out.toString('utf8');
}
