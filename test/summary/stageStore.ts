/**
 * A receiving office's store for the stage 汇总 tests: the county's declarations (five units of two
 * departments, bench/bigStore's generator), a 自评 for two in three of the project declarations
 * (one made through new-stage, the rest written as a unit would import them), a 自评 whose project
 * was never declared, a declaration in the trash with its 自评, and 监控表 made through new-stage
 * with progress typed. xiangmu-zipin is passed as a template (not yet built in). Also what the
 * 汇总 must show, worked out here from the raw values written, with its own exact arithmetic.
 */
import { join } from 'node:path';
import { departmentForm, projectForm } from '../../bench/bigStore/content';
import { selfEvaluationOf, type MadeSelfEvaluation } from '../../bench/bigStore/selfEvaluation';
import { openStore, type Store } from '../../electron/core/store';
import type { FormData, GroupRow } from '../../shared/form';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { xiangmuZipin } from '../../shared/templates/xiangmu-zipin';
import { tempDir } from '../store/tempStore';
import { UNITS, YEAR } from './countyStore';

export const TEMPLATES = [...BUILTIN_TEMPLATES.filter((t) => t.id !== xiangmuZipin.id), xiangmuZipin];

export interface Expected {
  /** Declared projects (live, role project), by form id → [unit, title]. */
  declared: Map<number, [string, string]>;
  /** Declaration id → its 自评's expected figures. */
  evaluated: Map<number, { selfId: number; score: string; rate: string; grade: string; made: MadeSelfEvaluation }>;
  /** 自评 whose declaration is not live: one never declared, one whose declaration is in the trash. */
  orphans: { id: number; title: string }[];
  /** Monitoring forms: id → month and the lights counted here. */
  monitoring: Map<
    number,
    { month: number; spent: string; spending: 'red' | 'green'; red: number; yellow: number; green: number; blue: number }
  >;
}

export interface StageCounty {
  store: Store;
  expected: Expected;
  cleanup(): void;
}

/** n/d rounded half up to 2 places, written without trailing zeros (as computed cells are). */
export function round2(n: bigint, d: bigint): string {
  const hundredths = (n * 200n + d) / (2n * d);
  const int = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : `${int}`;
}

const hundredthsOf = (s: string): bigint => {
  const [i, f = ''] = s.split('.');
  return BigInt(i) * 100n + BigInt(f.padEnd(2, '0'));
};

/** The scores of a made 自评, computed here: ratio method, each part rounded, the total their sum (all rows assessed, 100 points). */
export function expectedScores(m: MadeSelfEvaluation): { score: string; rate: string; grade: string } {
  const budget = m.fiscal.budget + m.other.budget;
  const spent = m.fiscal.spent + m.other.spent;
  const capped = (a: bigint, b: bigint, points: bigint) => (a >= b ? round2(points, 1n) : round2(a * points, b));
  let total = hundredthsOf(capped(spent, budget, 10n));
  for (const r of m.rows) total += hundredthsOf(capped(r.actualNumber, r.targetNumber, r.points));
  const score = round2(total, 100n);
  const grade = total >= 9000n ? '优' : total >= 8000n ? '良' : total >= 6000n ? '中' : '差';
  return { score, rate: round2(spent * 100n, budget), grade };
}

export function stageCounty(): StageCounty {
  const tmp = tempDir('shenbao-stagesum-');
  const store = openStore({ file: join(tmp.dir, 'shenbao.db'), appVersion: '0.0.0-test', autoBackup: false, builtInTemplates: TEMPLATES });
  const expected: Expected = { declared: new Map(), evaluated: new Map(), orphans: [], monitoring: new Map() };
  let k = 0;
  const projectIds: number[] = [];
  for (const unit of UNITS) {
    store.create(departmentForm(unit, YEAR, 0n));
    for (let i = 0; i < unit.projects; i++) {
      const decl = store.create(projectForm(unit, YEAR, i));
      projectIds.push(decl.id);
      expected.declared.set(decl.id, [decl.unit, decl.title]);
      k++;
      if (k % 3 === 0) continue;
      const made = selfEvaluationOf(decl.data, k);
      let selfId: number;
      if (k === 1) {
        // Through new-stage, as the app makes it, then filled in.
        const stage = store.newStage(decl.id, 'xiangmu-zipin');
        selfId = store.save(stage.id, { ...made.data, values: { ...stage.data.values, ...made.data.values } }).id;
      } else selfId = store.create(made.data).id;
      expected.evaluated.set(decl.id, { selfId, ...expectedScores(made), made });
    }
  }
  // A 自评 whose project was never declared: listed apart, in no list of declared projects.
  const stray = selfEvaluationOf(projectForm(UNITS[1], YEAR, 40), 7);
  stray.data.values.projectName = '未申报的临时项目';
  expected.orphans.push({ id: store.create(stray.data).id, title: '未申报的临时项目' });
  // A declaration in the trash is not declared; its 自评 is listed apart too.
  const gone = store.create(projectForm(UNITS[2], YEAR, 30));
  const goneSelf = store.create(selfEvaluationOf(gone.data, 5).data);
  expected.orphans.push({ id: goneSelf.id, title: goneSelf.title });
  store.delete(gone.id);

  // 监控 at month 6 for the first four declarations: progress typed so each row gets a known light.
  for (const [n, id] of projectIds.slice(0, 4).entries()) {
    const mon = store.newStage(id, 'xiangmu-jiankong', { month: '6' });
    const rows = (mon.data.values.indicators as GroupRow[]).map((r) => ({ ...r }));
    const lights = { red: 0, yellow: 0, green: 0, blue: 0 };
    // v = actual ÷ (target × 6/12) × 100: actual = target × p/200 gives v = p. Only ≥ rows with a plain number.
    const shares = [30n, 70n, 100n, 150n];
    rows.forEach((r, i) => {
      const m = /^≥(\d+)(\D*)$/.exec((r.target ?? '').trim());
      if (!m) return;
      const p = shares[(i + n) % shares.length];
      const t = BigInt(m[1]);
      if (t === 0n) return;
      // t × p ÷ 200 exactly, in thousandths (t × p × 5).
      const th = t * p * 5n;
      const frac = (th % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
      r.progress = `${th / 1000n}${frac ? `.${frac}` : ''}${m[2]}`;
      if (p < 60n) lights.red++;
      else if (p < 80n) lights.yellow++;
      else if (p < 120n) lights.green++;
      else lights.blue++;
    });
    // Half the forms spent 1 万元 (a red spending light), the others their whole 年初预算数 (green: 200 % of the time).
    const spent = n % 2 === 0 ? '1' : (mon.data.values.totalBudget as string);
    const data: FormData = { ...mon.data, values: { ...mon.data.values, indicators: rows, fiscalSpent: spent } };
    store.save(mon.id, data);
    expected.monitoring.set(mon.id, { month: 6, spent, spending: n % 2 === 0 ? 'red' : 'green', ...lights });
  }
  return {
    store,
    expected,
    cleanup: () => {
      store.close();
      tmp.cleanup();
    },
  };
}
