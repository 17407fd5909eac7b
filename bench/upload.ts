/**
 * The 一体化 upload file (issue 23, point 4). upload_xlsx_ms_200: `exportUpload` of a year of 200
 * project forms of 40 indicator rows each (8,000 rows in the national columns): reading the
 * forms from the store, resolving each cell through its template, writing the workbook. Median of 5.
 *   npx tsx -e "import('./bench/upload.ts').then(m => m.run()).then(console.log)"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportUpload } from '../electron/core/export/uploadFile';
import { openStore } from '../electron/core/store';
import { NATIONAL_PROFILE } from '../shared/upload/profile';
import { projectForm40 } from './projectForm';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-upload-'));
  const store = openStore({ file: join(dir, 'shenbao.db'), appVersion: 'bench', autoBackup: false });
  try {
    const base = projectForm40();
    for (let i = 0; i < 200; i++) store.create({ ...base, values: { ...base.values, projectName: `项目${i}` } });
    const year = String(base.values.year);
    await exportUpload(store, { year, profile: NATIONAL_PROFILE });
    const times: number[] = [];
    let rows = 0;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      rows = (await exportUpload(store, { year, profile: NATIONAL_PROFILE })).rows;
      times.push(performance.now() - t0);
    }
    if (rows !== 200 * 40) throw new Error(`上传表应有 8000 行，实际 ${rows} 行`);
    return { upload_xlsx_ms_200: Math.round(median(times)) };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
