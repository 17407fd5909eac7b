/**
 * The machine-readable copy of a form inside an exported .docx, so our importer restores
 * the exact form (4-decimal amounts, structure, options). It is stored as custom document
 * properties (docProps/custom.xml). Word's property UI handles values up to 255 characters,
 * so the JSON is cut into numbered chunks of at most 255 characters:
 *   shenbao.form.meta = {"format":"shenbao-form","version":1,"chunks":N,"length":L}
 *   shenbao.form.0000 … shenbao.form.NNNN = the JSON text, in order
 * The printed table stays the source of truth for people; the importer checks the two agree.
 */
import type { FormData } from './form';

export const EMBED_FORMAT = 'shenbao-form';
export const EMBED_VERSION = 1;
export const EMBED_META = 'shenbao.form.meta';
export const EMBED_CHUNK_PREFIX = 'shenbao.form.';
/** In an Excel file the same properties are the rows (name | value) of a very hidden sheet of this name. */
export const EMBED_SHEET = 'shenbao.form';
const CHUNK = 255;

export interface EmbeddedForm {
  format: typeof EMBED_FORMAT;
  version: number;
  appVersion: string;
  templateId: string;
  templateVersion: number;
  form: FormData;
  /**
   * The template itself, for a template imported from a file (not built in): the office that
   * receives the form may not have it yet, and can then take it from the form's file.
   */
  template?: unknown;
}

export interface CustomProperty {
  name: string;
  value: string;
}

/** Chunk boundaries never split a surrogate pair, so every chunk is valid UTF-16 text. */
function chunks(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + CHUNK, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export function encodeEmbedded(e: Omit<EmbeddedForm, 'format' | 'version'>): CustomProperty[] {
  const json = JSON.stringify({ format: EMBED_FORMAT, version: EMBED_VERSION, ...e });
  const parts = chunks(json);
  const meta = { format: EMBED_FORMAT, version: EMBED_VERSION, chunks: parts.length, length: json.length };
  return [
    { name: EMBED_META, value: JSON.stringify(meta) },
    ...parts.map((value, i) => ({ name: `${EMBED_CHUNK_PREFIX}${String(i).padStart(4, '0')}`, value })),
  ];
}

export type DecodeResult = { status: 'absent' } | { status: 'ok'; embedded: EmbeddedForm } | { status: 'invalid'; reason: string };

/** Reassembles the JSON from the custom properties read from a file. */
export function decodeEmbedded(props: ReadonlyMap<string, string>): DecodeResult {
  const metaText = props.get(EMBED_META);
  if (metaText === undefined) return { status: 'absent' };
  try {
    const meta = JSON.parse(metaText) as { format?: string; version?: number; chunks?: number; length?: number };
    if (meta.format !== EMBED_FORMAT) return { status: 'invalid', reason: '内嵌数据的格式不认识' };
    if (typeof meta.version !== 'number' || meta.version > EMBED_VERSION)
      return { status: 'invalid', reason: '内嵌数据来自更新版本的程序，请升级后再导入' };
    let json = '';
    for (let i = 0; i < (meta.chunks ?? 0); i++) {
      const part = props.get(`${EMBED_CHUNK_PREFIX}${String(i).padStart(4, '0')}`);
      if (part === undefined) return { status: 'invalid', reason: '内嵌数据不完整' };
      json += part;
    }
    if (json.length !== meta.length) return { status: 'invalid', reason: '内嵌数据不完整' };
    const embedded = JSON.parse(json) as EmbeddedForm;
    if (embedded.format !== EMBED_FORMAT || !embedded.form) return { status: 'invalid', reason: '内嵌数据的格式不认识' };
    return { status: 'ok', embedded };
  } catch {
    return { status: 'invalid', reason: '内嵌数据已损坏' };
  }
}
