/**
 * bench/summary.ts runs this in a process of its own: open the store, make the 汇总 of a year and
 * write its workbook to a file, as `summary.xlsx` does. Prints one JSON line: elapsed ms, the
 * process's peak RSS (MB), the file's size (MB) and the forms summed.
 *   node --import tsx bench/summaryXlsxJob.ts STORE.db YEAR OUT.xlsx
 */
import { createWriteStream, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { openStore } from '../electron/core/store';
import { runSummary } from '../electron/core/summary';
import { writeSummaryXlsx } from '../electron/core/summary/xlsx';

const [file, year, target] = process.argv.slice(2);
const store = openStore({ file, appVersion: 'bench', autoBackup: false });
const t = performance.now();
const summary = await runSummary(store, { year }, { appVersion: 'bench' });
const out = createWriteStream(target);
await writeSummaryXlsx(store, summary, out);
await finished(out);
const ms = performance.now() - t;
store.close();
process.stdout.write(
  `${JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, mb: statSync(target).size / 1024 / 1024, forms: summary.counts.forms })}\n`,
);
