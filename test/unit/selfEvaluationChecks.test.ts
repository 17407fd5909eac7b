/**
 * The 自评 checks (shared/checks/selfEvaluation.ts) on the test 自评 template: a row below full
 * marks needs its reason, each 一级's 分值 adds up to its weight, 全年执行数 ≤ 全年预算数 unless
 * explained, and the consistency warning — expected values worked out by hand in each case.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormData, GroupRow } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { checkTemplate } from '../../shared/template/check';
import { templateFromFile } from '../../shared/template/file';
import type { TemplateDef } from '../../shared/template/schema';
import { validateForm } from '../../shared/validation';

const base = templateFromFile(readFileSync('test/fixtures/templates/zipin-test.json', 'utf8'));
const T: TemplateDef = structuredClone(base);
T.fields.push({ id: 'note', label: '预算执行说明', kind: 'multiline' });
T.table.rows.push({ minHeight: 500, canSplit: true });
T.table.cells.push(
  { row: 6, col: 0, colSpan: 2, content: { type: 'label', of: { field: 'note' } } },
  { row: 6, col: 2, colSpan: 6, content: { type: 'field', field: 'note' } },
);
T.rules = [
  { type: 'check', check: 'reasonBelowFull', params: { group: 'indicators', points: 'points', score: 'score', reason: 'reason' } },
  {
    type: 'check',
    check: 'pointsSum',
    params: { group: 'indicators', points: 'points', level1: 'level1', weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 } },
  },
  { type: 'check', check: 'spentWithinBudget', params: { budget: 'budgetYear', spent: 'exec', explanation: 'note' } },
  {
    type: 'check',
    check: 'selfScoreConsistency',
    params: { group: 'indicators', score: 'score', budgetScore: 'budgetScore', budget: 'budgetYear', spent: 'exec' },
  },
];

const row = (level1: string, name: string, target: string, actual: string, points: string, reason = '') => ({
  level1,
  level2: '',
  name,
  target,
  actual,
  points,
  score: '',
  reason,
});

function form(budget: string, exec: string, rows: GroupRow[]): FormData {
  const f = blankForm(T, '2026');
  Object.assign(f.values, { project: '全民健身赛事', unit: '某某县体育局', budgetYear: budget, exec, indicators: rows });
  return f;
}

const FULL = [
  row('产出指标', '培训人次', '≥200人次', '200人次', '50'),
  row('效益指标', '知晓率', '≥90%', '95%', '30'),
  row('满意度指标', '满意度', '≥90%', '92%', '10'),
];
const found = (f: FormData) => validateForm(f, T).map((m) => [m.code, m.row ?? null, m.message]);

describe('自评 checks', () => {
  it('are sound parameters of a template, and a weights list without its 一级 column is refused', () => {
    expect(checkTemplate(T)).toEqual([]);
    const bad = structuredClone(T);
    bad.rules[1] = { type: 'check', check: 'pointsSum', params: { group: 'indicators', points: 'nope', total: 90 } };
    expect(checkTemplate(bad).join()).toMatch(/nope/);
  });

  it('find nothing on a form at full marks spending 85 % of its budget', () => {
    // s = 90 (rate 100 %), b = 8.5 (rate 85 %): (1 − 0.85) ÷ 1 = 0.15 > 0.05 — results ahead of spending.
    expect(found(form('100', '85', structuredClone(FULL)))).toEqual([
      ['selfScoreAhead', null, '指标得分率 100% 明显高于预算执行得分率 85%，绩效完成情况与资金使用不相称，请核对自评得分'],
    ]);
    // Spending 96 %: (1 − 0.96) = 0.04 ≤ 0.05, 结余 4 % — nothing.
    expect(found(form('100', '96', structuredClone(FULL)))).toEqual([]);
  });

  it('ask for a reason below full marks, check 分值 sums, spending over budget and 结余 over 20 %', () => {
    const rows = structuredClone(FULL);
    rows[0] = row('产出指标', '培训人次', '≥200人次', '150人次', '45'); // 33.75 of 45, no reason; 产出 adds up to 45
    const f = form('100', '120', rows);
    expect(found(f)).toEqual([
      ['reasonBelowFull', 0, '第1行得分 33.75 低于分值 45，请填写偏差原因分析及改进措施'],
      ['pointsSum', null, '产出指标的分值合计为 45，应为 50 分'],
      ['spentAboveBudget', null, '全年执行数 120 超过了全年预算数 100，请在预算执行说明中说明原因'],
    ]);
    rows[0].reason = '部分培训因场地原因延期';
    f.values.note = '年中追加预算 20 万元';
    rows[0].points = '50';
    rows[0].name = '培训人次';
    // 150/200 × 50 = 37.5; s = 77.5 of 90 (86.1 %), b = 10 (100 %): behind, not ahead; no 结余.
    expect(found(f)).toEqual([]);
    // 结余: spending 75 of 100 — b = 7.5 (75 %), s rate 86.1 %: (0.861 − 0.75) ÷ 0.861 = 0.129 > 0.05, ahead first.
    expect(found(form('100', '75', rows)).map((m) => m[0])).toEqual(['selfScoreAhead']);
    // Rows scored low enough not to be ahead, and 结余 25 % > 20 %.
    const low = structuredClone(rows);
    low[1].actual = '60%'; // 60/90 × 30 = 20
    low[2].actual = '60%'; // 60/90 × 10 = 6.67
    // s = 37.5 + 20 + 6.67 = 64.17 (71.3 %), b = 7.5 (75 %) — not ahead; 结余 25 %.
    expect(found(form('100', '75', low)).filter((m) => m[0] === 'largeSurplus')).toEqual([
      ['largeSurplus', null, '资金结余率 25% 超过 20%，请说明原因'],
    ]);
  });
});
