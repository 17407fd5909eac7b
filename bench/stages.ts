/**
 * Later-stage forms (issue 24). new_stage_ms_p50: `store.newStage` making a 监控表 (1-6月) from a
 * 40-row project declaration — finding its declaration and latest 调整 by identity, pre-filling
 * and saving the new form — on a store of 200 projects, half of them with a 调整 (whose rows are
 * then the source). Medians of 40.
 *   npx tsx -e "import('./bench/stages.ts').then(m => m.run()).then(console.log)"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../electron/core/store';
import { projectForm40 } from './projectForm';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-stages-'));
  const store = openStore({ file: join(dir, 'shenbao.db'), appVersion: 'bench', autoBackup: false });
  try {
    const base = projectForm40();
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) {
      const rec = store.create({ ...base, values: { ...base.values, projectName: `项目${i}` } });
      if (i % 2 === 0) store.newStage(rec.id, 'xiangmu-tiaozheng');
      ids.push(rec.id);
    }
    const times: number[] = [];
    for (const id of ids.slice(0, 40)) {
      const t0 = performance.now();
      store.newStage(id, 'xiangmu-jiankong', { month: '6' });
      times.push(performance.now() - t0);
    }
    return { new_stage_ms_p50: Math.round(median(times) * 100) / 100 };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
