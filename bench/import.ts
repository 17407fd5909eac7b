import { T2019 } from '../test/helpers/seed';
/**
 * Import speed. import_ms_p50: the seed's own export, read, checked and saved over the
 * existing form (preview + commit, as the review screen does). import_batch_200_ms: 200
 * different files — half our exports, half hand-made ones read from their table — into a
 * fresh store. xiangmu_import_ms_p50 / xiangmu_xlsx_import_ms_p50: the 40-row project form from
 * its .docx and its .xlsx export. Files are built before the clock starts; figures are medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_VERSION } from '../electron/core/appInfo';
import { exportDocx } from '../electron/core/export';
import { exportFormXlsx } from '../electron/core/export/formXlsx';
import { commitImport, previewImport } from '../electron/core/import';
import { openStore, type Store } from '../electron/core/store';
import { withComputed } from '../shared/formOps';
import { handmadeFormBody, makeDocx } from '../test/helpers/makeDocx';
import { seedForm, seedJson } from '../test/helpers/seed';
import { PROJECT_TEMPLATE, projectForm40 } from './projectForm';

const WARMUP = 10;
const RUNS = 50;
const BATCH = 200;
const BATCH_RUNS = 3;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-import-'));
  const store = openStore({ file: join(dir, 'forms.db'), appVersion: APP_VERSION });
  try {
    return await fn(store);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importOne(store: Store, bytes: Uint8Array): Promise<void> {
  const [preview] = await previewImport(store, 'bench.docx', bytes);
  // As the app imports: the file is kept with the form (store/originals.ts).
  const out = commitImport(store, preview.data, 'replace', undefined, { fileName: 'bench.docx', bytes });
  if (out.outcome === 'skipped') throw new Error(out.message);
}

async function batchFiles(): Promise<Uint8Array[]> {
  const files: Uint8Array[] = [];
  for (let i = 0; i < BATCH; i++) {
    const department = `测试单位${i}`;
    if (i % 2 === 0) {
      const f = withComputed(seedForm(), T2019);
      files.push((await exportDocx({ ...f, values: { ...f.values, department } }, T2019, { appVersion: APP_VERSION })).bytes);
    } else files.push(await makeDocx(handmadeFormBody({ ...seedJson(), 部门名称: department })));
  }
  return files;
}

export async function run(): Promise<Record<string, number>> {
  const { bytes } = await exportDocx(seedForm(), T2019, { appVersion: APP_VERSION });
  const single = await withStore(async (store) => {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      await importOne(store, bytes);
      if (i >= WARMUP) times.push(performance.now() - t0);
    }
    return median(times);
  });
  const files = await batchFiles();
  const batches: number[] = [];
  for (let r = 0; r < BATCH_RUNS; r++) {
    batches.push(
      await withStore(async (store) => {
        const t0 = performance.now();
        for (const f of files) await importOne(store, f);
        const ms = performance.now() - t0;
        if (store.list().length !== BATCH) throw new Error(`批量导入后应有 ${BATCH} 份表单`);
        return ms;
      }),
    );
  }
  const project = (await exportDocx(projectForm40(), PROJECT_TEMPLATE, { appVersion: APP_VERSION })).bytes;
  const projectMs = await withStore(async (store) => {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      await importOne(store, project);
      if (i >= WARMUP) times.push(performance.now() - t0);
    }
    return median(times);
  });
  // The same form from its .xlsx export (read in the worker from the very hidden sheet's copy, checked against the grid).
  const projectXlsx = await exportFormXlsx(projectForm40(), PROJECT_TEMPLATE, { appVersion: APP_VERSION });
  const xlsxMs = await withStore(async (store) => {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      await importOne(store, projectXlsx);
      if (i >= WARMUP) times.push(performance.now() - t0);
    }
    return median(times);
  });
  return {
    import_ms_p50: round(single),
    import_batch_200_ms: round(median(batches)),
    xiangmu_import_ms_p50: round(projectMs),
    xiangmu_xlsx_import_ms_p50: round(xlsxMs),
  };
}
