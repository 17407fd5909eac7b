/**
 * A 项目支出绩效自评表 made from a project declaration (new-stage) on a real SQLite store: identity,
 * 年初预算数 ← 年度资金总额 and its 其中 rows, 预期目标 ← 年度目标, the indicator rows with 年度指标值 ←
 * 指标值 (from the latest 调整 when there is one), those locked; then the clerk's actuals scored
 * as an independent computation here says, and the command line doing the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../electron/core/store';
import type { FormData, GroupRow } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { lastLine, runCliCapture } from '../helpers/cli';
import { storeIn, tempDir } from '../store/tempStore';

const T = (id: string): TemplateDef => BUILTIN_TEMPLATES.find((t) => t.id === id)!;
const tiyuJson = JSON.parse(readFileSync(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const tiyu = (): FormData => fromLabelJson(tiyuJson, T('xiangmu-zhichu')).form;
const declared = () =>
  (tiyuJson['绩效指标'] as Record<string, string>[]).map((r) => [r['一级指标'], r['二级指标'], r['三级指标'], r['指标值']]);
const rows = (f: FormData) => f.values.indicators as GroupRow[];

/** Half-up to 2 places on hundredths as integers: the rounding cycle.md §7 prescribes, done without the app's code. */
const halfUp2 = (num: bigint, den: bigint): string => {
  const h = (num * 1000n) / den; // thousandths, cut
  const r = (h + 5n) / 10n;
  const s = r.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`.replace(/\.?0+$/, '');
};

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = storeIn(tmp.dir, { autoBackup: false });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('new-stage: a 自评 from a project declaration', () => {
  it('takes identity, the declared money as 年初预算数, 预期目标 and the indicator rows, locked', () => {
    const decl = store.create(tiyu());
    const self = store.newStage(decl.id, 'xiangmu-zipin');
    expect(self.templateId).toBe('xiangmu-zipin');
    expect([self.year, self.title, self.unit]).toEqual([tiyuJson['年度'], tiyuJson['项目名称'], tiyuJson['实施单位']]);
    const v = self.data.values;
    expect([v.year, v.projectName, v.department, v.unit]).toEqual([
      tiyuJson['年度'],
      tiyuJson['项目名称'],
      tiyuJson['主管部门及代码'],
      tiyuJson['实施单位'],
    ]);
    // 年初预算数 ← 年度资金总额 (1000.00) and its 其中 rows; sources the declaration has not stay blank.
    expect([v.totalInitial, v.fiscalInitial, v.otherInitial, v.bondInitial, v.carryInitial]).toEqual(['1000', '1000', '0', '', '']);
    // What the year brought is the clerk's to fill in.
    expect([v.totalBudget, v.totalSpent, v.achieved, v.execRate, v.budgetScore]).toEqual(['', '', '', '', '']);
    expect(v.goal).toBe(tiyuJson['年度目标']);
    expect(rows(self.data).map((r) => [r.level1, r.level2, r.name, r.target])).toEqual(declared());
    for (const r of rows(self.data)) expect([r.actual, r.points, r.score, r.reason]).toEqual(['', '', '', '']);
    expect(store.revisions(self.id)[0].note).toBe(`由项目支出绩效目标表（编号 ${decl.id}）生成`);

    // What the declaration gave is shown, not edited, in the 自评: identity, 年初预算数, 预期目标, the declared columns.
    const t = T('xiangmu-zipin');
    const locked = t.fields.filter((f) => f.locked).map((f) => f.id);
    expect(locked).toEqual([
      'year',
      'projectName',
      'department',
      'unit',
      ...['total', 'fiscal', 'bond', 'carry', 'other'].map((s) => `${s}Initial`),
      'goal',
    ]);
    expect(t.groups![0].columns.filter((c) => c.locked).map((c) => c.id)).toEqual(['level1', 'level2', 'name', 'target']);
    expect(store.stagesOf(decl.id).stages.map((s) => s.id)).toEqual([self.id]);
  });

  it('takes the targets from the latest 调整 when there is one', () => {
    const decl = store.create(tiyu());
    const adj = store.newStage(decl.id, 'xiangmu-tiaozheng');
    const adjusted = structuredClone(rows(adj.data));
    adjusted[1] = { ...adjusted[1], status: '修改', adjusted: '2种' };
    adjusted[3] = { ...adjusted[3], status: '删除' };
    store.save(adj.id, { ...adj.data, values: { ...adj.data.values, indicators: adjusted } });
    const self = store.newStage(decl.id, 'xiangmu-zipin');
    const expected = declared();
    expected[1][3] = '2种';
    expected.splice(3, 1);
    expect(rows(self.data).map((r) => [r.level1, r.level2, r.name, r.target])).toEqual(expected);
  });

  it('scores the actuals the clerk types as an independent computation says, and the grade follows', () => {
    const decl = store.create(tiyu());
    const self = store.newStage(decl.id, 'xiangmu-zipin');
    // 分值: 产出 50, 效益 30, 满意度 10; the 不适用 row keeps its 5. Actuals; 定性 and the date row scored by hand.
    const typed: [actual: string, points: string, score?: string][] = [
      ['1种', '10'], // 1 ÷ 1 → 10
      ['0种', '10'], // a row at 0
      ['98.5%', '10'], // 98.5 ÷ 100 × 10 = 9.85
      ['100%', '10'], // 10
      ['2025年12月20日', '5', '5'], // a date: the clerk's 5
      ['1003万元', '5'], // ≤ 1000 missed: 1000 ÷ 1003 × 5 = 4.98504… → 4.99
      ['经济效益较好', '10', '9'], // 定性: 9
      ['效果良好', '10', '10'],
      ['不适用', '5'], // left out, the total rescaled
      ['影响可持续', '5', '5'],
      ['96%', '10'], // ≥ 95 % met: 10
    ];
    const filled = (row1Actual: string): FormData => ({
      ...self.data,
      values: {
        ...self.data.values,
        fiscalBudget: '1000',
        otherBudget: '0',
        fiscalSpent: '935.5',
        otherSpent: '0',
        indicators: rows(self.data).map((r, i) => ({
          ...r,
          actual: i === 1 ? row1Actual : typed[i][0],
          points: typed[i][1],
          score: typed[i][2] ?? '',
        })),
      },
    });
    store.save(self.id, filled('0种'));
    let v = store.get(self.id).data.values;
    // 执行率 935.5 ÷ 1000 = 93.55 %; budget part 0.9355 × 10 = 9.355 → 9.36 (half up).
    expect([v.totalBudget, v.totalSpent, v.execRate, v.budgetScore]).toEqual(['1000', '935.5', '93.55', halfUp2(93555n, 10000n)]);
    const scores = ['10', '0', '9.85', '10', '5', halfUp2(5000n, 1003n), '9', '10', '', '5', '10'];
    expect(rows(store.get(self.id).data).map((r) => r.score)).toEqual(scores);
    // 总分 = (9.36 + Σ rows) × 100 ÷ (100 − 5), in hundredths.
    const total = (rowsHundredths: bigint) => halfUp2((936n + rowsHundredths) * 100n, 9500n);
    const sum = 1000n + 0n + 985n + 1000n + 500n + 499n + 900n + 1000n + 500n + 1000n;
    expect([v.totalPoints, v.totalScore, v.grade]).toEqual(['100', total(sum), '良']);
    expect(total(sum)).toBe('87.58');

    // The second row met after all: +10, the grade goes up.
    store.save(self.id, filled('1种'));
    v = store.get(self.id).data.values;
    expect([v.totalScore, v.grade]).toEqual([total(sum + 1000n), '优']);
    expect(total(sum + 1000n)).toBe('98.11');
  });
});

describe('cli new-stage --template xiangmu-zipin', () => {
  it('makes the 自评 and shows it as label JSON', async () => {
    const db = join(tmp.dir, 'cli.db');
    const json = join(tmp.dir, 'tiyu.json');
    writeFileSync(json, JSON.stringify(tiyuJson));
    const imp = await runCliCapture(['--db', db, 'import-json', json]);
    expect(imp.code).toBe(0);
    const ok = await runCliCapture(['--db', db, 'new-stage', lastLine(imp.stdout), '--template', 'xiangmu-zipin']);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    const shown = await runCliCapture(['--db', db, 'show', lastLine(ok.stdout), '--json']);
    const got = JSON.parse(shown.stdout) as Record<string, unknown>;
    expect(got['表']).toBe('项目支出绩效自评表');
    expect([got['年度资金总额（年初预算数）'], got['本年财政拨款（年初预算数）'], got['预期目标']]).toEqual([
      // printed as the declaration prints its amounts (统一保留两位小数, carried with its options)
      '1000.00',
      '1000.00',
      tiyuJson['年度目标'],
    ]);
    expect((got['绩效指标'] as Record<string, string>[]).map((r) => r['年度指标值'])).toEqual(declared().map((r) => r[3]));
  });
});
