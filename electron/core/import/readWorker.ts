/**
 * The import worker, seen from the calling thread: one worker thread, started on the first
 * import and kept for the next ones (starting one costs ~50 ms; a read of a form ~3 ms), that
 * reads files one at a time with hard limits the file cannot talk its way past:
 *   - memory: V8 resourceLimits; a file that needs more ends the worker (ERR_WORKER_OUT_OF_MEMORY),
 *     never the process;
 *   - time: the reader checks its own deadline and stops with a message; if it does not answer
 *     HARD_STOP_GRACE_MS after that, the worker is terminated, whatever it is doing.
 * A worker that was stopped or died is replaced at the next import. Nothing here blocks the
 * calling thread, so the Electron main process and the browser-mode server keep answering.
 *
 * The worker's code: in the app, the bundle scripts/build.mjs writes beside main.cjs
 * (importWorker.cjs); when running from source (tsx, vitest), the same entry bundled in
 * memory with esbuild (a dev dependency) once per process. Either way it is plain JavaScript
 * started with `eval`, so no TypeScript loader runs in the worker and no file is written.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { asErrorCode, UserError } from '../../../shared/errors';
import { workerSource } from '../worker/source';
import { timeoutError } from './deadline';
import { readRefusal, type UserFileKind } from './limits';
import type { ReadResult } from './readNow';
import type { TemplateDef } from '../../../shared/template/schema';
import type { LabelJsonFile } from './userFiles';
import type { BlankProposal } from './fromBlankPropose';
import type { LibraryFileEntry } from '../../../shared/library/file';
import type { ReadReply, ReadRequest } from './workerEntry';

/** Old-generation heap of the worker. A form needs ~10 MB; the largest file within limits.ts ~150 MB. */
export const WORKER_HEAP_MB = 256;
const WORKER_YOUNG_MB = 32;
const WORKER_STACK_MB = 4;
/** After the reader's own deadline, how long it may take to answer before it is terminated. */
export const HARD_STOP_GRACE_MS = 2000;
export const WORKER_BUNDLE = 'importWorker.cjs';
/** A user file other than a Word form gets the same time as one (readNow.ts's DEFAULT_TIMEOUT_MS). */
export const USER_FILE_TIMEOUT_MS = 10_000;

export function outOfMemoryError(heapMb = WORKER_HEAP_MB, kind: UserFileKind = 'docx'): UserError {
  return new UserError(readRefusal(kind, `读取这个文件需要的内存超过上限（${heapMb} MB），已停止`), 'import.tooComplex');
}

/** A read of a file that is not a Word form: what it is, its name, and for label JSON the template asked for. */
export interface UserFileJob {
  kind: Exclude<UserFileKind, 'docx'>;
  fileName: string;
  templateId?: string;
}

/** The worker's code: the bundle beside main.cjs, or workerEntry.ts bundled in memory when running from source. */
const readerSource = () => workerSource(WORKER_BUNDLE, () => fileURLToPath(new URL('./workerEntry.ts', import.meta.url)));

export interface ImportWorkerOptions {
  heapMb?: number;
  graceMs?: number;
}

export class ImportWorker {
  private worker: Worker | null = null;
  /** The templates the current worker holds (sent with an earlier read). */
  private held: readonly TemplateDef[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private readonly heapMb: number;
  private readonly graceMs: number;

  constructor(opts: ImportWorkerOptions = {}) {
    this.heapMb = opts.heapMb ?? WORKER_HEAP_MB;
    this.graceMs = opts.graceMs ?? HARD_STOP_GRACE_MS;
  }

  read(bytes: Uint8Array, timeoutMs: number, templates: readonly TemplateDef[]): Promise<ReadResult[]> {
    return this.enqueue<ReadResult[]>(bytes, timeoutMs, templates, null);
  }

  /** Reads a user file other than a Word form (userFiles.ts) under the same limits. */
  readFile<T>(bytes: Uint8Array, timeoutMs: number, templates: readonly TemplateDef[], job: UserFileJob): Promise<T> {
    return this.enqueue<T>(bytes, timeoutMs, templates, job);
  }

  private enqueue<T>(bytes: Uint8Array, timeoutMs: number, templates: readonly TemplateDef[], job: UserFileJob | null): Promise<T> {
    const run = this.queue.then(() => this.runOne(bytes, timeoutMs, templates, job) as Promise<T>);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private spawn(): Worker {
    const w = new Worker(readerSource(), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB, stackSizeMb: WORKER_STACK_MB },
    });
    // An idle worker must not keep a command-line run alive; a pending read's timer does.
    w.unref();
    w.on('error', () => undefined); // reported through the job that was running, if any
    w.on('exit', () => {
      if (this.worker === w) this.worker = null;
    });
    this.held = null;
    return w;
  }

  private runOne(bytes: Uint8Array, timeoutMs: number, templates: readonly TemplateDef[], job: UserFileJob | null): Promise<unknown> {
    const w = (this.worker ??= this.spawn());
    const id = this.nextId++;
    const kind = job?.kind ?? 'docx';
    return new Promise<unknown>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const stop = (error: Error) => {
        settle();
        if (this.worker === w) this.worker = null;
        void w.terminate();
        reject(error);
      };
      const onMessage = (m: ReadReply) => {
        if (m.id !== id) return;
        settle();
        if (m.ok) resolve(m.result);
        else reject(m.user ? new UserError(m.message, asErrorCode(m.code)) : new Error(`读取文件时出错：${m.message}`));
      };
      const onError = (e: Error & { code?: string }) =>
        stop(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemoryError(this.heapMb, kind) : e);
      const onExit = (code: number) => stop(new Error(`导入线程意外退出（退出码 ${code}）`));
      const timer = setTimeout(() => stop(timeoutError(kind)), timeoutMs + this.graceMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      // The templates travel when they changed (the store's imported ones may): copying them to the
      // worker for every file cost as much as reading the file, and the reader's per-template
      // work (labels, layouts) is kept per template object, so a fresh copy each time redid it.
      // A 指标库 or template file needs none: the worker keeps the ones it holds.
      const needed = kind === 'docx' || kind === 'labelJson';
      const same = this.held !== null && this.held.length === templates.length && this.held.every((t, i) => t === templates[i]);
      const request: ReadRequest = { id, bytes, timeoutMs, templates: same || !needed ? null : templates, ...(job ?? {}) };
      if (needed) this.held = [...templates];
      w.postMessage(request);
    });
  }

  /** The worker thread serving reads now: null before the first read and after one was stopped. */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  /** Ends the worker (tests; the app lets an idle worker go with the process). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }
}

const shared = new ImportWorker();

export function readInWorker(bytes: Uint8Array, timeoutMs: number, templates: readonly TemplateDef[]): Promise<ReadResult[]> {
  return shared.read(bytes, timeoutMs, templates);
}

/** 指标库 entries from a library file (.xlsx or our JSON), read in the worker. */
export function readLibraryInWorker(bytes: Uint8Array, fileName: string, timeoutMs = USER_FILE_TIMEOUT_MS): Promise<LibraryFileEntry[]> {
  return shared.readFile(bytes, timeoutMs, [], { kind: 'library', fileName });
}

/** A checked template from a template file, read in the worker. */
export function readTemplateInWorker(bytes: Uint8Array, fileName: string, timeoutMs = USER_FILE_TIMEOUT_MS): Promise<TemplateDef> {
  return shared.readFile(bytes, timeoutMs, [], { kind: 'template', fileName });
}

/** A blank form (.docx, .xlsx) as a proposed template, read in the worker; `id` names the template. */
export function readBlankInWorker(
  bytes: Uint8Array,
  fileName: string,
  id?: string,
  timeoutMs = USER_FILE_TIMEOUT_MS,
): Promise<BlankProposal> {
  return shared.readFile(bytes, timeoutMs, [], { kind: 'blank', fileName, ...(id ? { templateId: id } : {}) });
}

/** A form from label-keyed JSON, its template among `templates` (the store's), read in the worker. */
export function readLabelJsonInWorker(
  bytes: Uint8Array,
  fileName: string,
  templates: readonly TemplateDef[],
  templateId?: string,
  timeoutMs = USER_FILE_TIMEOUT_MS,
): Promise<LabelJsonFile> {
  return shared.readFile(bytes, timeoutMs, templates, { kind: 'labelJson', fileName, ...(templateId ? { templateId } : {}) });
}

/** Which worker thread serves the app's reads now (for tests). */
export const importWorkerThreadId = (): number | null => shared.threadId;
