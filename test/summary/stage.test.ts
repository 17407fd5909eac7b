/**
 * The 汇总 of the later stages on a real SQLite store (stageStore.ts): 自评 — the lists 已自评 /
 * 未自评 add up to the declared projects, scores, grades and 执行率 as computed in the test, the
 * money totals exact, the projects under 80 with their reasons; 监控 — each form's lights as
 * counted in the test. Then the same from kept facts, and through the contract's summary.run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSummary } from '../../electron/core/summary';
import type { StageTable, Summary } from '../../shared/contract';
import { round2, stageCounty, type StageCounty } from './stageStore';
import { wan, yuan, YEAR } from './countyStore';

let county: StageCounty;
let self: Summary;
let mon: Summary;

beforeAll(async () => {
  county = stageCounty();
  // The project 自评 (xiangmu-zipin): its declarations are the project forms. Without the template,
  // the 部门整体 自评 (bumen-zipin, following the department role) brings the department forms in too.
  self = await runSummary(county.store, { year: YEAR, stage: 'selfEvaluation', templateId: 'xiangmu-zipin' }, { appVersion: 'test' });
  mon = await runSummary(county.store, { year: YEAR, stage: 'monitoring' }, { appVersion: 'test' });
});
afterAll(() => county.cleanup());

const table = (s: Summary, key: string): StageTable => {
  const t = s.stage!.tables.find((x) => x.key === key);
  if (!t) throw new Error(`no table ${key}`);
  return t;
};
const figure = (s: Summary, key: string) => s.stage!.figures.find((f) => f.key === key)?.value;

describe('the 自评 汇总', () => {
  it('of every 自评 template lists the declarations of every role they follow: the 部门整体 forms too', async () => {
    const all = await runSummary(county.store, { year: YEAR, stage: 'selfEvaluation' }, { appVersion: 'test' });
    const missing = table(all, 'missing').rows.map((r) => `${r.cells.unit}|${r.cells.title}`);
    const projectsMissing = table(self, 'missing').rows.length;
    // No unit's 部门整体 form has a 自评 here: each is one row more than in the project 汇总.
    const departments = county.store.list({ year: YEAR }).filter((f) => county.store.templates.find(f.templateId)?.role === 'department');
    expect(departments.length).toBeGreaterThan(0);
    expect(missing.length).toBe(projectsMissing + departments.length);
    for (const d of departments) expect(missing).toContain(`${d.unit}|${d.title}`);
  });

  it('lists every declared project once, 已自评 or 未自评, linked by unit and title', () => {
    const { declared, evaluated } = county.expected;
    const done = table(self, 'evaluated');
    const missing = table(self, 'missing');
    const key = (r: { cells: Record<string, string> }) => `${r.cells.unit}|${r.cells.title}`;
    const all = [...done.rows, ...missing.rows].map(key).sort();
    expect(all).toEqual([...declared.values()].map(([u, t]) => `${u}|${t}`).sort());
    expect(done.rows.map((r) => r.formId).sort((a, b) => a! - b!)).toEqual(
      [...evaluated.values()].map((e) => e.selfId).sort((a, b) => a - b),
    );
    expect(missing.rows.map((r) => r.formId).sort((a, b) => a! - b!)).toEqual(
      [...declared.keys()].filter((id) => !evaluated.has(id)).sort((a, b) => a - b),
    );
    expect([figure(self, 'declared'), figure(self, 'evaluated'), figure(self, 'missing')]).toEqual([
      String(declared.size),
      String(evaluated.size),
      String(declared.size - evaluated.size),
    ]);
    // The 自评 of no live declaration, apart (one never declared, one whose declaration is in the trash).
    expect(
      table(self, 'unmatched')
        .rows.map((r) => [r.formId, r.cells.title])
        .sort(),
    ).toEqual(county.expected.orphans.map((o) => [o.id, o.title]).sort());
    expect(figure(self, 'unmatched')).toBe('2');
  });

  it('gives each 自评 the 总分, grade and 执行率 of an independent computation, and exact totals', () => {
    const done = table(self, 'evaluated');
    const byId = new Map(done.rows.map((r) => [r.formId, r.cells]));
    let initial = 0n;
    let budget = 0n;
    let spent = 0n;
    const grades = new Map<string, number>();
    for (const e of county.expected.evaluated.values()) {
      const c = byId.get(e.selfId)!;
      expect([c.score, c.grade, c.rate]).toEqual([e.score, e.grade, e.rate]);
      const m = e.made;
      initial += m.fiscal.initial + m.other.initial;
      budget += m.fiscal.budget + m.other.budget;
      spent += m.fiscal.spent + m.other.spent;
      expect([c['money:totalInitial'], c['money:totalBudget'], c['money:totalSpent']]).toEqual([
        wan(m.fiscal.initial + m.other.initial),
        wan(m.fiscal.budget + m.other.budget),
        wan(m.fiscal.spent + m.other.spent),
      ]);
      grades.set(e.grade, (grades.get(e.grade) ?? 0) + 1);
    }
    expect(done.total).toMatchObject({
      'money:totalInitial': wan(initial),
      'money:totalBudget': wan(budget),
      'money:totalSpent': wan(spent),
      rate: round2(spent * 100n, budget),
    });
    for (const [g, n] of grades) expect(figure(self, `grade:${g}`)).toBe(String(n));
    // Scores spread over the grades, and some 执行率 pass 100 %.
    expect(grades.size).toBeGreaterThanOrEqual(3);
    expect(done.rows.some((r) => Number(r.cells.rate) > 100)).toBe(true);
  });

  it('lists the projects under 80 with each row below full marks and its reason', () => {
    const low = table(self, 'belowLow');
    const expectedLow = [...county.expected.evaluated.values()].filter((e) => Number(e.score) < 80);
    expect(expectedLow.length).toBeGreaterThan(0);
    const lowOrphans = table(self, 'unmatched')
      .rows.filter((r) => Number(r.cells.score) < 80)
      .map((r) => r.formId);
    expect(low.rows.map((r) => r.formId).sort()).toEqual([...expectedLow.map((e) => e.selfId), ...lowOrphans].sort());
    for (const e of expectedLow) {
      const r = low.rows.find((x) => x.formId === e.selfId)!;
      const below = e.made.rows.filter((x) => x.actualNumber < x.targetNumber);
      expect(r.cells.reasons.split('；')).toHaveLength(below.length);
      for (const b of below) expect(r.cells.reasons).toContain(`${b.name}（`);
      for (const b of below) expect(r.cells.reasons).toContain(b.reason || '未填写偏差原因');
    }
  });

  it('gives the same from kept facts, and keeps the lists under a 主管部门 filter', async () => {
    const again = await runSummary(
      county.store,
      { year: YEAR, stage: 'selfEvaluation', templateId: 'xiangmu-zipin' },
      { appVersion: 'test' },
    );
    expect(again.stage).toEqual(self.stage);
    const part = await runSummary(
      county.store,
      { year: YEAR, stage: 'selfEvaluation', templateId: 'xiangmu-zipin', parent: '101' },
      { appVersion: 'test' },
    );
    const rows = [...table(part, 'evaluated').rows, ...table(part, 'missing').rows];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.cells.parent.startsWith('101-'))).toBe(true);
    expect(Number(figure(part, 'evaluated')) + Number(figure(part, 'missing'))).toBe(Number(figure(part, 'declared')));
    expect(Number(figure(part, 'declared'))).toBeLessThan(county.expected.declared.size);
  });

  it('sums the 自评 forms in its sections, not the declarations', () => {
    expect(self.sections.map((s) => s.templateId)).toEqual(['xiangmu-zipin']);
    expect(self.counts.forms).toBe(county.expected.evaluated.size + county.expected.orphans.length);
  });
});

describe('the 监控 汇总', () => {
  it('counts each form’s lights as the test does, and the time elapsed', () => {
    const rows = table(mon, 'monitored').rows;
    expect(rows.map((r) => r.formId).sort()).toEqual([...county.expected.monitoring.keys()].sort());
    const sum = { red: 0, yellow: 0, green: 0, blue: 0 };
    for (const [id, e] of county.expected.monitoring) {
      const c = rows.find((r) => r.formId === id)!.cells;
      expect([c['lights:red'], c['lights:yellow'], c['lights:green'], c['lights:blue']]).toEqual(
        [e.red, e.yellow, e.green, e.blue].map(String),
      );
      expect([c.month, c.elapsed]).toEqual(['1-6月', '50']);
      // What was spent of the declared 年初预算数 (nothing added or adjusted).
      const budget = county.store.get(id).data.values.totalBudget as string;
      expect(c.rate).toBe(round2(yuan(e.spent) * 100n, yuan(budget)));
      expect(c.spending).toBe(e.spending === 'red' ? '红灯' : '绿灯');
      const red = e.red > 0 || e.spending === 'red';
      const worst = red ? '红灯' : e.yellow ? '黄灯' : '绿灯';
      expect(c.worst).toBe(worst);
      for (const l of ['red', 'yellow', 'green', 'blue'] as const) sum[l] += e[l];
    }
    for (const l of ['red', 'yellow', 'green', 'blue'] as const) expect(figure(mon, `lights:${l}`)).toBe(String(sum[l]));
    expect(sum.red + sum.yellow + sum.green + sum.blue).toBeGreaterThan(4);
    expect(table(mon, 'flagged').rows.map((r) => r.formId)).toEqual(
      rows.filter((r) => ['红灯', '黄灯'].includes(r.cells.worst)).map((r) => r.formId),
    );
    expect(figure(mon, 'spendingLate')).toBe(String([...county.expected.monitoring.values()].filter((e) => e.spending === 'red').length));
  });
});
