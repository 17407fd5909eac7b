/**
 * A receiving office's store: 150,000 forms (10 years × 15,000; bench/bigStore builds it once and
 * keeps it under .cache/bench). Opening it, a page of the list, a search, the 汇总 of one year and
 * its Excel workbook. Each figure is the median of repeated runs, except the first 汇总 (once).
 *   npx tsx -e "import('./bench/summary.ts').then(m => m.run()).then(console.log)"
 *
 * What a 汇总 works out per form is kept per form revision (migrations/0004), and the app works
 * it out ahead in its idle time (electron/core/summary/keeper.ts). summary_ms_15k is the first
 * 汇总 of a year after that: the year's forms imported or saved while the app ran, or the app
 * started since. summary_keeper_ms_15k is that idle work for the year, summed (done in slices of
 * ~40 ms between writes). summary_repeat_ms_15k is every later 汇总. summary_unkept_ms_15k is a
 * 汇总 asked before the keeper got to the year (seconds after a batch import, or after an app
 * update): every form inflated and checked then.
 *
 * The 汇总 figures come from bench/summaryJob.ts run as the app ships it (an esbuild bundle, as
 * scripts/build.mjs makes the main process), each in a process of its own, so the workbook's
 * peak memory is that job's. Run under tsx instead, the checks take about three times as long:
 * tsx keeps function names by wrapping each closure as it is made, and checks make many.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../electron/core/store';
import { bigStore, RECEIVING_OFFICE } from './bigStore/build';
import { STAGE_PROJECTS, STAGE_YEAR, stageStore } from './bigStore/stageBuild';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n: number): number => Math.round(n * 1000) / 1000;

function timeMs(fn: () => unknown): number {
  const t = performance.now();
  fn();
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

  openStore(opts).close();
  const opens = Array.from({ length: 7 }, () => timeMs(() => openStore(opts).close()));

  const store: Store = openStore(opts);
  const figures: Record<string, number> = {};
  try {
    const first = store.listPage({ limit: 100 });
    if (first.total !== RECEIVING_OFFICE.years * RECEIVING_OFFICE.formsPerYear) throw new Error(`list total ${first.total}`);
    const found = store.listPage({ search: PROJECT_SUBSTRING, limit: 100 }).total ?? 0;
    if (found === 0) throw new Error(`search for ${PROJECT_SUBSTRING} found nothing`);
    Object.assign(figures, {
      store_file_mb_150k: round(statSync(file).size / 1024 / 1024),
      store_open_ms_150k: round(median(opens)),
      store_list_page_ms_150k: round(repeat(21, () => store.listPage({ limit: 100 }))),
      store_list_next_page_ms_150k: round(repeat(21, () => store.listPage({ limit: 100, after: first.next! }))),
      store_list_year_page_ms_150k: round(repeat(21, () => store.listPage({ year, limit: 100 }))),
      store_search_ms_150k: round(repeat(7, () => store.listPage({ search: PROJECT_SUBSTRING, limit: 100 }))),
      store_search_common_ms_150k: round(repeat(3, () => store.listPage({ search: COMMON_WORD, limit: 100 }))),
      store_search_common_year_ms_150k: round(repeat(3, () => store.listPage({ search: COMMON_WORD, year, limit: 100 }))),
    });
  } finally {
    store.close();
  }

  const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-summary-'));
  try {
    const job = join(dir, 'summaryJob.cjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./summaryJob.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      outfile: job,
      logLevel: 'warning',
    });
    const run = (...args: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [job, ...args], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          timeout: 600_000,
          // The bundle lives in a temp folder; the native better-sqlite3 stays in this checkout's node_modules.
          env: { ...process.env, NODE_PATH: fileURLToPath(new URL('../node_modules', import.meta.url)) },
        })
          .trim()
          .split('\n')
          .pop()!,
      ) as Record<string, number>;
    const s = run('summary', file, year);
    if (s.forms !== RECEIVING_OFFICE.formsPerYear) throw new Error(`summary counted ${s.forms} forms`);
    figures.summary_ms_15k = round(s.keptMs);
    figures.summary_repeat_ms_15k = round(s.warmMs);
    figures.summary_unkept_ms_15k = round(s.unkeptMs);
    figures.summary_keeper_ms_15k = round(s.keeperMs);
    figures.summary_rss_growth_mb = round(s.rssGrowthMb);
    const x = run('xlsx', file, year, join(dir, 'summary.xlsx'));
    if (x.forms !== RECEIVING_OFFICE.formsPerYear) throw new Error(`workbook listed ${x.forms} forms`);
    figures.summary_xlsx_ms_15k = round(x.ms);
    figures.summary_xlsx_rss_mb = round(x.rssMb);
    figures.summary_xlsx_file_mb = round(x.mb);
    // The 自评 汇总 (issue 24): 15,000 自评 forms and their declarations, once the keeper kept their facts.
    const stageFile = stageStore((l) => process.stderr.write(`${l}\n`));
    const z = run('stage', stageFile, STAGE_YEAR);
    if (z.evaluated !== STAGE_PROJECTS || z.declared !== STAGE_PROJECTS)
      throw new Error(`自评 汇总 linked ${z.evaluated} of ${z.declared}`);
    figures.summary_zipin_ms_15k = round(z.keptMs);
    figures.summary_zipin_repeat_ms_15k = round(z.warmMs);
    figures.summary_zipin_keeper_ms_15k = round(z.keeperMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
