/**
 * The import worker's thread: reads each file it is sent — a Word file with readNow.ts, any other
 * user file with userFiles.ts — and answers with the result or the error (a UserError's Chinese
 * message and code; anything else as an internal failure). Bundled on its own (scripts/build.mjs →
 * dist/main/importWorker.cjs; from source by readWorker.ts), so it loads only the readers, never
 * the store or Electron.
 */
import { parentPort } from 'node:worker_threads';
import { isUserError } from '../../../shared/errors';
import type { TemplateDef } from '../../../shared/template/schema';
import { deadlineOf, withDeadline } from './deadline';
import type { UserFileKind } from './limits';
import { readDocxFormsNow } from './readNow';
import { readLabelJsonFile, readLibraryFile, readTemplateFile } from './userFiles';
import { readBlankFile } from './fromBlank';

export interface ReadRequest {
  id: number;
  /** What the file is; a Word file of forms when not given. */
  kind?: UserFileKind;
  bytes: Uint8Array;
  /** The file's name, for messages. */
  fileName?: string;
  timeoutMs: number;
  /** null: the ones sent last time. */
  templates: readonly TemplateDef[] | null;
  /** Label JSON: the template asked for (else the file's "表" chooses). */
  templateId?: string;
}

export type ReadReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; user: boolean; code: string; message: string };

let templates: readonly TemplateDef[] = [];

function read(req: ReadRequest): unknown {
  const kind = req.kind ?? 'docx';
  if (kind === 'docx') return readDocxFormsNow(req.bytes, { timeoutMs: req.timeoutMs, templates });
  const name = req.fileName ?? '文件';
  return withDeadline(deadlineOf(req.timeoutMs, kind), () => {
    if (kind === 'library') return readLibraryFile(req.bytes, name);
    if (kind === 'template') return readTemplateFile(req.bytes, name);
    if (kind === 'blank') return readBlankFile(req.bytes, name, req.templateId);
    return readLabelJsonFile(req.bytes, name, templates, req.templateId);
  });
}

parentPort?.on('message', (req: ReadRequest) => {
  let reply: ReadReply;
  if (req.templates) templates = req.templates;
  try {
    reply = { id: req.id, ok: true, result: read(req) };
  } catch (e) {
    const user = isUserError(e);
    reply = {
      id: req.id,
      ok: false,
      user,
      code: user ? (e as { code: string }).code : '',
      message: e instanceof Error ? (user ? e.message : (e.stack ?? e.message)) : String(e),
    };
  }
  parentPort?.postMessage(reply);
});
