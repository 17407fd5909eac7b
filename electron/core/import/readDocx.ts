/**
 * Reads a Word or Excel file of forms (.docx or .xlsx, told apart by their parts) in a worker
 * thread with a hard time and memory limit (readWorker.ts): the main process, the browser-mode
 * server and a command-line batch stay responsive and alive whatever the file holds. The
 * reading itself is readNow.ts.
 */
import { readInWorker } from './readWorker';
import { DEFAULT_TIMEOUT_MS, type ReadOptions, type ReadResult } from './readNow';

export { DEFAULT_TIMEOUT_MS, type ReadOptions, type ReadResult } from './readNow';

/** Every form of a file: our own export (one, exactly), or each form table of a hand-made file. */
export function readDocxForms(bytes: Uint8Array, opts: ReadOptions): Promise<ReadResult[]> {
  return readInWorker(bytes, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, opts.templates);
}

/** The first form of a file (most files hold one). */
export async function readDocxForm(bytes: Uint8Array, opts: ReadOptions): Promise<ReadResult> {
  return (await readDocxForms(bytes, opts))[0];
}
