/**
 * 指标库 and 年度对比 speed. suggest_ms_p95: candidates for one keystroke (the store's own query,
 * without the renderer's debounce) on a receiving office's store of 150,000 forms (bench/bigStore),
 * after its index is built (library_index_build_ms_150k: once per store, then kept up to date by
 * saves). diff_ms_p50: the comparison of two 40-row project forms.
 *   npx tsx -e "import('./bench/library.ts').then(m => m.run()).then(console.log)"
 */
import { openStore } from '../electron/core/store';
import { diffForms } from '../shared/compare/formDiff';
import type { GroupRow } from '../shared/form';
import { bigStore, RECEIVING_OFFICE } from './bigStore/build';
import { PROJECT_TEMPLATE, projectForm40 } from './projectForm';

const round = (n: number): number => Math.round(n * 1000) / 1000;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

/** What a clerk types into an empty 三级 cell, one keystroke at a time (after the IME commits). */
const TYPED = ['培', '培训', '满', '满意', '满意度', '完成', '资金', '覆盖', '合格', '人次', '及时', '成本'];

let t = 0;

export async function run(): Promise<Record<string, number>> {
  const file = bigStore('receiving-office-150k', RECEIVING_OFFICE, (l) => process.stderr.write(`${l}\n`));
  const store = openStore({ file, appVersion: 'bench', autoBackup: false });
  const figures: Record<string, number> = {};
  try {
    const form = store.listPage({ limit: 1 }).items[0];
    t = performance.now();
    store.suggest({ text: '培训', formId: form.id }); // builds the index when the store has none yet
    figures.library_index_build_ms_150k = round(performance.now() - t);
    const times: number[] = [];
    for (let round_ = 0; round_ < 5; round_++)
      for (const text of TYPED) {
        t = performance.now();
        const got = store.suggest({ text, formId: form.id, level1: '产出指标', level2: '数量指标' });
        times.push(performance.now() - t);
        if (round_ === 0 && text === '培训' && got.length === 0) throw new Error('no suggestion for 培训');
      }
    figures.suggest_ms_p95 = round(p95(times));
  } finally {
    store.close();
  }

  const before = projectForm40();
  const after = structuredClone(before);
  after.values.year = '2026';
  after.values.total = '1200';
  const rows = after.values.indicators as GroupRow[];
  rows[3].value = '≥40场';
  rows.splice(10, 1);
  rows.push({ level1: '产出指标', level2: '质量指标', name: '参赛人员满意度', value: '≥90%' });
  const diffs: number[] = [];
  for (let i = 0; i < 60; i++) {
    t = performance.now();
    diffForms(PROJECT_TEMPLATE, before, after);
    if (i >= 10) diffs.push(performance.now() - t);
  }
  figures.diff_ms_p50 = round(median(diffs));
  return figures;
}
