/** How form JSON is stored since schema 2: UTF-8, raw deflate (see migrations/0002). */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export function packJson(json: string): Buffer {
  return deflateRawSync(Buffer.from(json, 'utf8'));
}

export function unpackJson(blob: Buffer): string {
  return inflateRawSync(blob).toString('utf8');
}
