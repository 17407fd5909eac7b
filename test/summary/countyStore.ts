/**
 * A receiving office's store in small, for the 汇总 tests: the seed 2019 form, the shared project
 * fixture (体育局, [042]), five generated units of two departments with their 部门整体 and project
 * forms (bench/bigStore's generator), a unit known only by its code, a project naming its
 * department without the code, a half-filled project form and a form whose stored content is
 * damaged. All of budget year 2025. Also an independent reckoning of what the 汇总 must show,
 * from the raw values written, with its own bigint parsing (no app code).
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { departmentForm, projectForm, type Unit } from '../../bench/bigStore/content';
import { openStore, type Store } from '../../electron/core/store';
import type { FormData } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { seedForm } from '../helpers/seed';
import { tempDir } from '../store/tempStore';

export const YEAR = '2025';
export const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url));

/** The money the 汇总 adds up, per template, written out here rather than read from the templates. */
export const MONEY: Record<string, string[]> = {
  'bumen-zhengti-2019': ['total', 'generalBudget', 'govFund', 'specialNonTax', 'otherFunds', 'basicExpenditure', 'projectExpenditure'],
  'xiangmu-zhichu': ['total', 'fiscal', 'other'],
  'xiangmu-zhichu-2015': ['total', 'fiscal', 'other'],
};

/** 万元 with up to four decimals as a count of 元, parsed here without the app's money code. */
export function yuan(s: unknown): bigint {
  if (typeof s !== 'string' || s.trim() === '') return 0n;
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(s.trim());
  if (!m) throw new Error(`not an amount: ${s}`);
  return BigInt(m[1]) * 10000n + BigInt((m[2] ?? '').padEnd(4, '0'));
}

/** Back to 万元 text without trailing zeros, the way the 汇总 writes totals. */
export function wan(units: bigint): string {
  const int = units / 10000n;
  const frac = (units % 10000n).toString().padStart(4, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : `${int}`;
}

const EDU = { code: '101', name: '六安市金安区教育局' };
const HEALTH = { code: '102', name: '六安市金安区卫生健康委员会' };

/** Two departments and their units; the second writes its code into 实施单位 ([101002]…). */
export const UNITS: Unit[] = [
  { code: '101001', name: '六安市金安区教育局', department: EDU, projects: 4, writesCode: false },
  { code: '101002', name: '六安市金安区教育局第一中学', department: EDU, projects: 5, writesCode: true },
  { code: '101003', name: '六安市金安区教育局中心小学', department: EDU, projects: 3, writesCode: false },
  { code: '102001', name: '六安市金安区卫生健康委员会', department: HEALTH, projects: 6, writesCode: false },
  { code: '102002', name: '六安市金安区疾病预防控制中心', department: HEALTH, projects: 12, writesCode: false },
];

export interface Written {
  id: number;
  data: FormData;
  /** Its content is damaged in the store: the 汇总 must list it as unreadable and add nothing. */
  damaged?: boolean;
}

export interface County {
  store: Store;
  file: string;
  forms: Written[];
  ids: { seed: number; fixture: number; halfFilled: number; damaged: number };
  cleanup(): void;
}

export function fixtureForm(): FormData {
  return fromLabelJson(JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Record<string, unknown>, xiangmuZhichu).form;
}

export function countyStore(): County {
  const tmp = tempDir('shenbao-summary-');
  const file = join(tmp.dir, 'shenbao.db');
  const store = openStore({ file, appVersion: '0.0.0-test', autoBackup: false });
  const forms: Written[] = [];
  const add = (data: FormData): number => {
    const id = store.create(data).id;
    forms.push({ id, data: store.get(id).data });
    return id;
  };

  const seed = seedForm();
  const seedId = add({ ...seed, values: { ...seed.values, year: YEAR } });
  const fixtureId = add(fixtureForm());
  for (const unit of UNITS) {
    const projects = Array.from({ length: unit.projects }, (_, i) => projectForm(unit, YEAR, i));
    const money = projects.reduce((n, p) => n + yuan(p.values.total), 0n);
    // The first unit's 项目支出 covers half its projects: the cross-form warning a receiving office looks for.
    add(departmentForm(unit, YEAR, unit === UNITS[0] ? money / 2n : money));
    for (const p of projects) add(p);
  }
  // A unit with no projects, its 部门整体 form written with its code: it belongs to 101 by the code.
  const coded = departmentForm({ ...UNITS[0], code: '101009', name: '六安市金安区教育局培训中心', projects: 0 }, YEAR, 0n);
  add({ ...coded, values: { ...coded.values, department: '[101009]六安市金安区教育局培训中心' } });
  // A project naming its 主管部门 without the code: the same department as [102]….
  const plain = projectForm(UNITS[3], YEAR, 20);
  add({ ...plain, values: { ...plain.values, department: '六安市金安区卫生健康委员会' } });
  const half = blankForm(xiangmuZhichu, YEAR);
  half.values.projectName = '乡村学校少年宫建设（未填完）';
  half.values.unit = '六安市金安区教育局第一中学';
  half.values.department = '[101]六安市金安区教育局';
  half.values.total = '12.5';
  const halfId = add(half);
  const fixture = fixtureForm();
  const damagedId = add({ ...fixture, values: { ...fixture.values, projectName: '青少年体育培训经费' } });

  const raw = new Database(file);
  raw.prepare('UPDATE revisions SET data = ? WHERE form_id = ?').run(Buffer.from('这不是压缩过的表单内容'), damagedId);
  raw.close();
  forms.find((f) => f.id === damagedId)!.damaged = true;

  return {
    store,
    file,
    forms,
    ids: { seed: seedId, fixture: fixtureId, halfFilled: halfId, damaged: damagedId },
    cleanup: () => {
      store.close();
      tmp.cleanup();
    },
  };
}

/** The exact totals of every money column of a template over the given forms (damaged ones add nothing). */
export function expectedTotals(forms: readonly Written[], templateId: string): string[] {
  return MONEY[templateId].map((field) =>
    wan(forms.filter((f) => f.data.templateId === templateId && !f.damaged).reduce((n, f) => n + yuan(f.data.values[field]), 0n)),
  );
}
