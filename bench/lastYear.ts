/**
 * Last year beside this year's targets (issue 24 point 6). last_year_ms_p95: `store.lastYear` (the
 * contract's `forms.lastYear`) for a 40-row project declaration — finding last year's declaration
 * and 自评 by identity, reading both, joining them row by row — on a store of 5 years × 200
 * projects, each year's projects with a 自评 (2,000 forms). last_year_rows_ms_p95: matching the 40
 * rows to that answer, as the editor does when a row's names change. 120 calls each.
 *   npx tsx -e "import('./bench/lastYear.ts').then(m => m.run()).then(console.log)"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../electron/core/store';
import type { GroupRow } from '../shared/form';
import { blankForm, completeRow } from '../shared/formOps';
import { lastYearRows } from '../shared/lastYear';
import { BUILTIN_TEMPLATES } from '../shared/templates';
import { xiangmuZipin } from '../shared/templates/xiangmu-zipin';
import { PROJECT_TEMPLATE, projectForm40 } from './projectForm';

const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] * 100) / 100;
};

const YEARS = ['2021', '2022', '2023', '2024', '2025'];

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-bench-lastyear-'));
  const templates = BUILTIN_TEMPLATES.some((t) => t.id === xiangmuZipin.id) ? BUILTIN_TEMPLATES : [...BUILTIN_TEMPLATES, xiangmuZipin];
  const store = openStore({ file: join(dir, 'shenbao.db'), appVersion: 'bench', autoBackup: false, builtInTemplates: templates });
  try {
    const base = projectForm40();
    const newest: number[] = [];
    for (const year of YEARS)
      for (let i = 0; i < 200; i++) {
        const values = { ...base.values, year, projectName: `项目${i}` };
        const decl = store.create({ ...base, values });
        if (year === YEARS[YEARS.length - 1]) {
          newest.push(decl.id);
          continue;
        }
        const self = blankForm(xiangmuZipin, year);
        const indicators = (base.values.indicators as GroupRow[]).map((r, j) => ({
          ...completeRow(xiangmuZipin.groups![0]),
          level1: r.level1,
          level2: r.level2,
          name: r.name,
          target: r.value,
          actual: `${j}`,
        }));
        store.create({ ...self, values: { ...self.values, projectName: values.projectName, unit: base.values.unit, indicators } });
      }
    const calls: number[] = [];
    const matches: number[] = [];
    for (let round = 0; round < 3; round++)
      for (const id of newest.slice(0, 40)) {
        const t0 = performance.now();
        const ly = store.lastYear(id);
        calls.push(performance.now() - t0);
        if (ly.indicators.length !== 40 || !ly.selfEvaluation) throw new Error('上年的申报表或自评没有找到');
        const form = store.get(id);
        const t1 = performance.now();
        const rows = lastYearRows(PROJECT_TEMPLATE, form.data.values, ly.indicators);
        matches.push(performance.now() - t1);
        if (rows.length !== 40) throw new Error(`只对上了 ${rows.length} 行`);
      }
    return { last_year_ms_p95: p95(calls), last_year_rows_ms_p95: p95(matches) };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
