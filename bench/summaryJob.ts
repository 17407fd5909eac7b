/**
 * The 汇总 figures of bench/summary.ts, measured in a process of their own on the code as the app
 * ships it: bench/summary.ts bundles this file with esbuild as scripts/build.mjs bundles the main
 * process, and runs it with plain node. Prints one JSON line.
 *   summary STORE.db YEAR      — the year's kept facts removed, the keeper's catch-up, the first 汇总 after it and three
 *                                more; then the facts removed again and a 汇总 that reads every form itself
 *   xlsx STORE.db YEAR OUT     — the 汇总 and its workbook written to OUT; the process's peak memory
 *   stage STORE.db YEAR        — the 自评 汇总 (bigStore/stageBuild.ts): the keeper's catch-up, the first 汇总 after it, three more
 */
import Database from 'better-sqlite3';
import { createWriteStream, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { openStore, type Store } from '../electron/core/store';
import { runSummary } from '../electron/core/summary';
import { createFactsKeeper } from '../electron/core/summary/keeper';
import { writeSummaryXlsx } from '../electron/core/summary/xlsx';
import { STAGE_SELF_TEMPLATE, STAGE_TEMPLATES } from './bigStore/stageTemplates';

const [mode, file, year, target] = process.argv.slice(2);
const mb = (bytes: number) => bytes / 1024 / 1024;
const print = (o: Record<string, number>) => process.stdout.write(`${JSON.stringify(o)}\n`);

function forgetFacts(): void {
  const raw = new Database(file);
  raw.prepare('DELETE FROM summary_facts WHERE form_id IN (SELECT id FROM forms WHERE year = ?)').run(year);
  raw.close();
}

/** The keeper's idle work until nothing is left, done here without the pauses between slices. */
function keep(store: Store): number {
  const keeper = createFactsKeeper(store, { appVersion: 'bench' });
  const t = performance.now();
  while (keeper.step());
  return performance.now() - t;
}

async function summary(): Promise<void> {
  let store = openStore({ file, appVersion: 'bench', autoBackup: false });
  // The other years' facts as the app keeps them (once for a new store: minutes), so what follows is one year's work.
  keep(store);
  // As after a batch import or an app update: none of the year's facts kept yet.
  forgetFacts();
  const keeperMs = keep(store);
  let t = performance.now();
  t = performance.now();
  const first = await runSummary(store, { year }, { appVersion: 'bench' });
  const keptMs = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    await runSummary(store, { year }, { appVersion: 'bench' });
    warm.push(performance.now() - t);
  }
  store.close();

  // A 汇总 asked before the keeper got to the year: every form inflated and checked then.
  forgetFacts();
  store = openStore({ file, appVersion: 'bench', autoBackup: false });
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const before = process.memoryUsage.rss();
  t = performance.now();
  const unkept = await runSummary(store, { year }, { appVersion: 'bench' });
  const unkeptMs = performance.now() - t;
  clearInterval(sampler);
  store.close();
  if (unkept.counts.forms !== first.counts.forms) throw new Error('the 汇总 without kept facts counted other forms');
  print({
    keeperMs,
    keptMs,
    warmMs: warm.sort((a, b) => a - b)[1],
    unkeptMs,
    forms: first.counts.forms,
    rssGrowthMb: mb(peak - before),
  });
}

async function xlsx(): Promise<void> {
  const store = openStore({ file, appVersion: 'bench', autoBackup: false });
  const t = performance.now();
  const s = await runSummary(store, { year }, { appVersion: 'bench' });
  const out = createWriteStream(target);
  await writeSummaryXlsx(store, s, out);
  await finished(out);
  const ms = performance.now() - t;
  store.close();
  print({ ms, rssMb: process.resourceUsage().maxRSS / 1024, mb: mb(statSync(target).size), forms: s.counts.forms });
}

/** The 自评 汇总 of bench/bigStore/stageBuild.ts's year: after the keeper's catch-up (kept), then three more. */
async function stage(): Promise<void> {
  const store = openStore({ file, appVersion: 'bench', autoBackup: false, builtInTemplates: STAGE_TEMPLATES });
  forgetFacts();
  const keeperMs = keep(store);
  let t = performance.now();
  const first = await runSummary(store, { year, stage: 'selfEvaluation', templateId: STAGE_SELF_TEMPLATE }, { appVersion: 'bench' });
  const keptMs = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    await runSummary(store, { year, stage: 'selfEvaluation', templateId: STAGE_SELF_TEMPLATE }, { appVersion: 'bench' });
    warm.push(performance.now() - t);
  }
  store.close();
  const evaluated = Number(first.stage?.figures.find((f) => f.key === 'evaluated')?.value ?? 0);
  const declared = Number(first.stage?.figures.find((f) => f.key === 'declared')?.value ?? 0);
  print({ keeperMs, keptMs, warmMs: warm.sort((a, b) => a - b)[1], forms: first.counts.forms, evaluated, declared });
}

(mode === 'xlsx' ? xlsx() : mode === 'stage' ? stage() : summary()).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
