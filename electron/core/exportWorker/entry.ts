/**
 * The export worker's thread: builds each file it is sent (jobs.ts) and answers with its bytes or
 * the error (a UserError's Chinese message and code; anything else as an internal failure).
 * Bundled on its own (scripts/build.mjs → dist/main/exportWorker.cjs; from source by worker.ts):
 * the writers only, never the store or Electron.
 */
import { parentPort } from 'node:worker_threads';
import { isUserError } from '../../../shared/errors';
import type { ExportResult } from '../export';
import { runExportJob, type ExportJob } from './jobs';

export interface ExportRequest {
  id: number;
  job: ExportJob;
}

export type ExportReply =
  { id: number; ok: true; result: ExportResult } | { id: number; ok: false; user: boolean; code: string; message: string };

parentPort?.on('message', (req: ExportRequest) => {
  runExportJob(req.job).then(
    (result) => parentPort?.postMessage({ id: req.id, ok: true, result } satisfies ExportReply),
    (e: unknown) => {
      const user = isUserError(e);
      parentPort?.postMessage({
        id: req.id,
        ok: false,
        user,
        code: user ? (e as { code: string }).code : '',
        message: e instanceof Error ? (user ? e.message : (e.stack ?? e.message)) : String(e),
      } satisfies ExportReply);
    },
  );
});
