/**
 * The export worker, seen from the thread that answers requests (the browser-mode server, the
 * Electron main process): one worker thread, started at the first export and kept, that builds
 * the files of jobs.ts, so a long export (a form of many thousand lines, a long 年度对比, a 汇总's
 * Word table) never holds up the other requests (issue #27 item 8). Our own data, so no time
 * limit; a heap limit, so that a file too large to build ends the worker with a Chinese message,
 * never the process. A worker that died is replaced at the next export.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { asErrorCode, UserError } from '../../../shared/errors';
import type { ExportResult } from '../export';
import { workerSource } from '../worker/source';
import type { ExportReply, ExportRequest } from './entry';
import type { ExportJob, Exporter } from './jobs';

export const EXPORT_WORKER_BUNDLE = 'exportWorker.cjs';
/** Old-generation heap of the worker: the largest form a save admits (16 MB of JSON) builds in well under this. */
export const EXPORT_WORKER_HEAP_MB = 1536;

const exportSource = () => workerSource(EXPORT_WORKER_BUNDLE, () => fileURLToPath(new URL('./entry.ts', import.meta.url)));

interface Pending {
  resolve(r: ExportResult): void;
  reject(e: Error): void;
}

export class ExportWorker implements Exporter {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly heapMb = EXPORT_WORKER_HEAP_MB) {}

  run(job: ExportJob): Promise<ExportResult> {
    const w = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<ExportResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A pending export keeps the process alive; an idle worker does not.
      w.ref();
      w.postMessage({ id, job } satisfies ExportRequest);
    });
  }

  private settle(w: Worker, id: number): Pending | undefined {
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) w.unref();
    return p;
  }

  private spawn(): Worker {
    const w = new Worker(exportSource(), { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    w.unref();
    w.on('message', (m: ExportReply) => {
      const p = this.settle(w, m.id);
      if (!p) return;
      if (m.ok) p.resolve({ bytes: m.result.bytes, dropped: m.result.dropped });
      else p.reject(m.user ? new UserError(m.message, asErrorCode(m.code)) : new Error(`导出文件时出错：${m.message}`));
    });
    const failAll = (error: Error) => {
      if (this.worker === w) this.worker = null;
      for (const id of [...this.pending.keys()]) this.settle(w, id)?.reject(error);
    };
    w.on('error', (e: Error & { code?: string }) =>
      failAll(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new UserError(`生成这个文件需要的内存超过上限（${this.heapMb} MB），没有导出。请删减特别长的内容后再试`, 'export-too-large')
          : e,
      ),
    );
    w.on('exit', (code) => failAll(new Error(`导出线程意外退出（退出码 ${code}）`)));
    return w;
  }

  /** Ends the worker; exports still running are refused. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }
}
