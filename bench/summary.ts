/**
 * A receiving office's store: 150,000 forms (10 years × 15,000; bench/bigStore builds it once and
 * keeps it under .cache/bench). Opening it, a page of the list, a search, the 汇总 of one year and
 * its Excel workbook. Each figure is the median of repeated runs, except the first 汇总 (once).
 *   npx tsx -e "import('./bench/summary.ts').then(m => m.run()).then(console.log)"
 *
 * summary_ms_15k is the first 汇总 of a year whose forms it has not read before (after an import,
 * or after an app update): every form is inflated and checked. summary_repeat_ms_15k is every
 * later one: the checks' results are kept per form revision (migrations/0004). The workbook is
 * written by a child process of its own, so summary_xlsx_rss_mb is that job's peak memory.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../electron/core/store';
import { runSummary } from '../electron/core/summary';
import { bigStore, RECEIVING_OFFICE } from './bigStore/build';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n: number): number => Math.round(n * 1000) / 1000;

function timeMs(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const repeat = (n: number, fn: () => unknown): number => median(Array.from({ length: n }, () => timeMs(fn)));

/** A substring of a project name the generator uses in every unit's list (about 4,700 forms in ten years). */
const PROJECT_SUBSTRING = '健身赛事';
/** A word on almost every form (满意度指标): the slowest kind of search. */
const COMMON_WORD = '满意度';

export async function run(): Promise<Record<string, number>> {
  const file = bigStore('receiving-office-150k', RECEIVING_OFFICE, (l) => process.stderr.write(`${l}\n`));
  const year = String(RECEIVING_OFFICE.firstYear + RECEIVING_OFFICE.years - 1);
  const opts = { file, appVersion: 'bench', autoBackup: false };

  // The first 汇总 of the year must find nothing kept from an earlier bench run.
  const raw = new Database(file);
  raw.prepare('DELETE FROM summary_facts WHERE form_id IN (SELECT id FROM forms WHERE year = ?)').run(year);
  raw.close();

  openStore(opts).close();
  const opens = Array.from({ length: 7 }, () => timeMs(() => openStore(opts).close()));

  const store: Store = openStore(opts);
  let figures: Record<string, number>;
  try {
    const first = store.listPage({ limit: 100 });
    if (first.total !== RECEIVING_OFFICE.years * RECEIVING_OFFICE.formsPerYear) throw new Error(`list total ${first.total}`);
    const listPage = repeat(21, () => store.listPage({ limit: 100 }));
    const nextPage = repeat(21, () => store.listPage({ limit: 100, after: first.next! }));
    const yearPage = repeat(21, () => store.listPage({ year, limit: 100 }));
    const search = repeat(7, () => store.listPage({ search: PROJECT_SUBSTRING, limit: 100 }));
    const found = store.listPage({ search: PROJECT_SUBSTRING, limit: 100 }).total ?? 0;
    if (found === 0) throw new Error(`search for ${PROJECT_SUBSTRING} found nothing`);
    const common = repeat(3, () => store.listPage({ search: COMMON_WORD, limit: 100 }));
    const commonYear = repeat(3, () => store.listPage({ search: COMMON_WORD, year, limit: 100 }));

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const before = process.memoryUsage().rss;
    let forms = 0;
    const cold = await timeAsync(async () => {
      forms = (await runSummary(store, { year }, { appVersion: 'bench' })).counts.forms;
    });
    clearInterval(sampler);
    if (forms !== RECEIVING_OFFICE.formsPerYear) throw new Error(`summary counted ${forms} forms`);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await timeAsync(() => runSummary(store, { year }, { appVersion: 'bench' })));

    figures = {
      store_file_mb_150k: round(statSync(file).size / 1024 / 1024),
      store_open_ms_150k: round(median(opens)),
      store_list_page_ms_150k: round(listPage),
      store_list_next_page_ms_150k: round(nextPage),
      store_list_year_page_ms_150k: round(yearPage),
      store_search_ms_150k: round(search),
      store_search_common_ms_150k: round(common),
      store_search_common_year_ms_150k: round(commonYear),
      summary_ms_15k: round(cold),
      summary_repeat_ms_15k: round(median(warm)),
      summary_rss_growth_mb: round((peak - before) / 1024 / 1024),
    };
  } finally {
    store.close();
  }

  const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-summary-'));
  try {
    const child = fileURLToPath(new URL('./summaryXlsxJob.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, file, year, join(dir, 'summary.xlsx')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 600_000,
    });
    const job = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; rssMb: number; mb: number; forms: number };
    if (job.forms !== RECEIVING_OFFICE.formsPerYear) throw new Error(`workbook listed ${job.forms} forms`);
    figures.summary_xlsx_ms_15k = round(job.ms);
    figures.summary_xlsx_rss_mb = round(job.rssMb);
    figures.summary_xlsx_file_mb = round(job.mb);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
