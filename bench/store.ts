/**
 * Store speed on a database holding 5,000 forms. Each figure is the median of repeated runs.
 *   npx tsx -e "import('./bench/store.ts').then(m => m.run()).then(console.log)"
 *
 * Saves run back to back, so the store's checkpoint after a pause in writing never falls
 * inside them (it does not for a user either: autosaves are seconds apart); what that
 * checkpoint costs, run while the user is idle, is store_idle_checkpoint_ms. Opens:
 * store_open_ms_5000 is an open with nothing changed since the last one (quick_check);
 * store_open_with_backup_ms_5000 is the first open after changes (full integrity_check plus
 * the start-up backup), which a user meets once per session in which they saved.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../electron/core/store';
import type { FormData } from '../shared/form';
import type { FormRecord } from '../shared/contract';
import { seedForm } from '../test/helpers/seed';

const FORMS = 5000;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (n: number): number => Math.round(n * 1000) / 1000;

function timeMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function formFor(i: number): FormData {
  const f = seedForm();
  return { ...f, values: { ...f.values, year: String(2000 + (i % 25)), department: `部门${i}`, filler: `填报人${i}` } };
}

function saveTimes(store: Store, id: number, n: number): number[] {
  const base = store.get(id).data;
  const times: number[] = [];
  for (let i = 0; i < n; i++)
    times.push(
      timeMs(() => store.save(id, { ...base, values: { ...base.values, phone: `1397366${String(i % 10000).padStart(4, '0')}` } })),
    );
  return times;
}

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-'));
  try {
    const file = join(dir, 'shenbao.db');
    const opts = { file, appVersion: 'bench' };
    let store = openStore(opts);
    for (let i = 0; i < FORMS; i++) store.create(formFor(i));
    const target = store.list({ year: '2012' })[0].id;

    const p50s: number[] = [];
    const p99s: number[] = [];
    const checkpoints: number[] = [];
    const other = new Database(file);
    for (let r = 0; r < 3; r++) {
      const times = saveTimes(store, target, 400);
      p50s.push(percentile(times, 50));
      p99s.push(percentile(times, 99));
      // The same PASSIVE checkpoint the store runs after a pause, here from a second connection.
      checkpoints.push(timeMs(() => other.pragma('wal_checkpoint(PASSIVE)')));
    }
    other.close();
    store.close();
    const fileMb = statSync(file).size / 1024 / 1024;

    // Durability FULL for comparison: an fsync per save.
    const full = openStore({ ...opts, durability: 'FULL', autoBackup: false });
    const fullTimes = saveTimes(full, target, 200);
    full.close();

    // First open after changes writes the start-up backup; later opens skip it.
    const openWithBackup = timeMs(() => openStore(opts).close());
    const opens: number[] = [];
    for (let r = 0; r < 7; r++) opens.push(timeMs(() => openStore(opts).close()));

    store = openStore(opts);
    const lists: number[] = [];
    let listed = 0;
    for (let r = 0; r < 21; r++) lists.push(timeMs(() => (listed = store.list().length)));
    if (listed !== FORMS) throw new Error(`list() returned ${listed} forms`);
    const searches: number[] = [];
    for (let r = 0; r < 7; r++) searches.push(timeMs(() => store.list({ search: '填报人4321' })));

    const loaded: FormRecord[] = [];
    for (const s of store.list()) loaded.push(store.get(s.id));
    const rss = process.memoryUsage().rss / 1024 / 1024;
    store.close();
    if (loaded.length !== FORMS) throw new Error('not all forms loaded');

    return {
      store_save_ms_p50: round(median(p50s)),
      store_save_ms_p99: round(median(p99s)),
      store_save_full_ms_p50: round(percentile(fullTimes, 50)),
      store_idle_checkpoint_ms: round(median(checkpoints)),
      store_file_mb_5000: round(fileMb),
      store_open_ms_5000: round(median(opens)),
      store_open_with_backup_ms_5000: round(openWithBackup),
      store_list_ms_5000: round(median(lists)),
      store_search_ms_5000: round(median(searches)),
      rss_mb_5000: round(rss),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
