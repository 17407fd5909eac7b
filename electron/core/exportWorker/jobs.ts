/**
 * The file exports that need nothing but their input (a form and its template, a 年度对比, a
 * 汇总's totals), as jobs: run here, or in the export worker (worker.ts) so that building a
 * large file never holds up the thread that answers requests (issue #27 item 8: a form of
 * 50,000-line fields took the browser-mode server 37 s per export). Every job is plain data that
 * crosses to a worker thread by structured clone.
 */
import type { Summary } from '../../../shared/contract';
import type { FormDiff } from '../../../shared/compare/formDiff';
import type { FormData } from '../../../shared/form';
import type { LibraryFileEntry } from '../../../shared/library/file';
import type { TemplateDef } from '../../../shared/template/schema';
import type { UploadProfile } from '../../../shared/upload/profile';
import { exportDocx, type ExportOptions, type ExportResult } from '../export';
import { compareDocx, type CompareMeta } from '../export/compareDocx';
import { exportFormXlsx, type FormXlsxOptions } from '../export/formXlsx';
import { uploadXlsxBytes } from '../export/uploadXlsx';
import { libraryToXlsx } from '../library/xlsx';
import { summaryDocx } from '../summary/docx';

export type ExportJob =
  | { kind: 'docx'; form: FormData; template: TemplateDef; opts: ExportOptions }
  | { kind: 'formXlsx'; form: FormData; template: TemplateDef; opts: FormXlsxOptions }
  | { kind: 'compareDocx'; diff: FormDiff; meta: CompareMeta }
  | { kind: 'summaryDocx'; summary: Summary }
  | { kind: 'libraryXlsx'; entries: LibraryFileEntry[] }
  | { kind: 'uploadXlsx'; profile: UploadProfile; rows: string[][] };

/** Builds the file on this thread. `dropped`: what a .docx of a form could not hold (empty otherwise). */
export async function runExportJob(job: ExportJob): Promise<ExportResult> {
  switch (job.kind) {
    case 'docx':
      return exportDocx(job.form, job.template, job.opts);
    case 'formXlsx':
      return { bytes: await exportFormXlsx(job.form, job.template, job.opts), dropped: [] };
    case 'compareDocx':
      return { bytes: await compareDocx(job.diff, job.meta), dropped: [] };
    case 'summaryDocx':
      return { bytes: await summaryDocx(job.summary), dropped: [] };
    case 'libraryXlsx':
      return { bytes: await libraryToXlsx(job.entries), dropped: [] };
    case 'uploadXlsx':
      return { bytes: await uploadXlsxBytes(job.profile, job.rows), dropped: [] };
  }
}

/** Where exports are built: this thread (the command line, tests) or a worker (the servers). */
export interface Exporter {
  run(job: ExportJob): Promise<ExportResult>;
  close?(): Promise<void>;
}

export const inThisThread: Exporter = { run: runExportJob };
