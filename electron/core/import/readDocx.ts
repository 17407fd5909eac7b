/**
 * Reads one Word file of a form, in a worker thread with a hard time and memory limit
 * (readWorker.ts): the main process, the browser-mode server and a command-line batch stay
 * responsive and alive whatever the file holds. The reading itself is readNow.ts.
 */
import { readInWorker } from './readWorker';
import { DEFAULT_TIMEOUT_MS, type ReadResult } from './readNow';

export { DEFAULT_TIMEOUT_MS, type ReadResult } from './readNow';

export function readDocxForm(bytes: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<ReadResult> {
  return readInWorker(bytes, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}
