/**
 * The import worker's thread: reads each file it is sent with readNow.ts and answers with the
 * result or the error (a UserError's Chinese message and code; anything else as an internal
 * failure). Bundled on its own (scripts/build.mjs → dist/main/importWorker.cjs; from source by
 * readWorker.ts), so it loads only the reader, never the store or Electron.
 */
import { parentPort } from 'node:worker_threads';
import { isUserError } from '../../../shared/errors';
import type { TemplateDef } from '../../../shared/template/schema';
import { readDocxFormsNow } from './readNow';

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  timeoutMs: number;
  /** null: the ones sent last time. */
  templates: readonly TemplateDef[] | null;
}

export type ReadReply =
  | { id: number; ok: true; result: ReturnType<typeof readDocxFormsNow> }
  | { id: number; ok: false; user: boolean; code: string; message: string };

let templates: readonly TemplateDef[] = [];

parentPort?.on('message', (req: ReadRequest) => {
  let reply: ReadReply;
  if (req.templates) templates = req.templates;
  try {
    reply = { id: req.id, ok: true, result: readDocxFormsNow(req.bytes, { timeoutMs: req.timeoutMs, templates }) };
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
