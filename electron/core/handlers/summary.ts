/**
 * summary.* and export.formXlsx: the 汇总 of a year as data, as an Excel workbook and as a Word
 * table, and one form's grid as Excel. A 汇总 reads the whole year and yields between slices,
 * so summary.progress can be asked meanwhile and answers how far the running one is. Between
 * 汇总s the facts of every saved form are worked out ahead, in the store's idle time (keeper.ts).
 */
import type { Output, SummaryQuery } from '../../../shared/contract';
import { sanitizeFileName } from '../export/fileName';
import { exportFileName } from '../export';
import { runSummary } from '../summary';
import { keepSummaryFacts } from '../summary/keeper';
import { summaryFileName, summaryXlsxBytes } from '../summary/files';
import { inThisThread } from '../exportWorker/jobs';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { encodeBase64 } from './files';

type Progress = Output<'summary.progress'>;

export function summaryHandlers({ store, appVersion, exporter = inThisThread }: CoreContext): Handlers {
  // So that a 汇总 reads what was worked out while the app was idle (a year's in well under a second).
  keepSummaryFacts(store, { appVersion });
  let progress: Progress = { running: false, phase: null, done: 0, total: 0 };
  let running = 0;
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    running++;
    progress = { running: true, phase: 'read', done: 0, total: 0 };
    try {
      return await work();
    } finally {
      if (--running === 0) progress = { running: false, phase: null, done: 0, total: 0 };
    }
  };
  const summarise = (q: SummaryQuery) =>
    runSummary(store, q, { appVersion, onProgress: (p) => (progress = { running: true, phase: 'read', ...p }) });
  const writing = (p: { done: number; total: number }) => (progress = { running: true, phase: 'write', ...p });

  return {
    'summary.run': (q) => track(() => summarise(q)),
    'summary.progress': () => progress,
    'summary.xlsx': (q) =>
      track(async () => {
        const summary = await summarise(q);
        const bytes = await summaryXlsxBytes(store, summary, { onProgress: writing });
        return { fileName: summaryFileName(summary, '.xlsx'), data: encodeBase64(bytes) };
      }),
    'summary.docx': (q) =>
      track(async () => {
        const summary = await summarise(q);
        const { bytes } = await exporter.run({ kind: 'summaryDocx', summary });
        return { fileName: summaryFileName(summary, '.docx'), data: encodeBase64(bytes) };
      }),
    'export.formXlsx': async ({ id }) => {
      const record = store.get(id);
      const t = store.templates.get(record.templateId, record.templateVersion);
      // Like the .docx: the whole form rides along for an exact import, with an imported template itself.
      const { bytes } = await exporter.run({
        kind: 'formXlsx',
        form: record.data,
        template: t,
        opts: { appVersion, carryTemplate: !store.templates.isBuiltIn(t.id) },
      });
      return { fileName: sanitizeFileName(exportFileName(record.data, t).replace(/\.docx$/, ''), '.xlsx'), data: encodeBase64(bytes) };
    },
  };
}
