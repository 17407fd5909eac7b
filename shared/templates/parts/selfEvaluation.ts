/**
 * What the two 自评 templates share, as data: the indicator grid's columns with the row's 得分
 * computed by the ratio method (cycle.md §7), 总分 and 自评结论 formulas, and the 自评 checks with
 * the national weights (预算执行 10, 产出 50, 效益 30, 满意度 10). A province with other weights or
 * the band method writes other numbers here or in its template file; no code changes.
 */
import type { ColumnDef, FieldDef, RuleDef } from '../../template/schema';

export const SELF_GROUP = 'indicators';

export const selfIndicatorColumns = (): ColumnDef[] => [
  // The declared columns: seeded by new-stage and locked (changed in the declaration or its 调整).
  { id: 'level1', label: '一级指标', kind: 'text', merge: {}, newYear: 'carry', locked: true },
  { id: 'level2', label: '二级指标', kind: 'text', merge: { within: ['level1'] }, newYear: 'carry', locked: true },
  { id: 'name', label: '三级指标', kind: 'text', newYear: 'carry', locked: true },
  {
    id: 'target',
    label: '年度指标值',
    kind: 'text',
    aliases: ['指标值', '年度指标值(A)', '年初目标值（A）'],
    newYear: 'carry',
    locked: true,
  },
  { id: 'actual', label: '实际完成值', kind: 'text', aliases: ['全年实际值', '实际完成值(B)', '完成值'] },
  { id: 'points', label: '分值', kind: 'score', aliases: ['权重'], params: { max: 100 }, newYear: 'carry' },
  {
    id: 'score',
    label: '得分',
    kind: 'score',
    params: { max: 100 },
    compute: {
      indicatorScore: { target: 'target', actual: 'actual', points: 'points', method: 'ratio' },
      round: { places: 2, mode: 'halfUp' },
    },
  },
  {
    id: 'reason',
    label: '偏差原因分析及改进措施',
    kind: 'multiline',
    aliases: ['未完成原因分析', '未完成原因及拟采取的改进措施', '评价得分说明'],
  },
];

/** 总分 = the budget part + Σ rows' 得分, rescaled to 100 over the rows assessed (不适用 rows left out). */
export const selfTotalFields = (budgetScore: string): FieldDef[] => [
  {
    id: 'totalScore',
    label: '总分',
    kind: 'score',
    compute: {
      scoreTotal: { parts: [budgetScore], group: SELF_GROUP, score: 'score', points: 'points', actual: 'actual', rescaleTo: 100 },
      round: { places: 2, mode: 'halfUp' },
    },
  },
  {
    id: 'grade',
    label: '自评结论',
    kind: 'text',
    aliases: ['评价等级', '评价结论'],
    compute: {
      grade: {
        score: 'totalScore',
        grades: [
          [90, '优'],
          [80, '良'],
          [60, '中'],
          [0, '差'],
        ],
      },
    },
  },
];

export function selfChecks(p: { budget: string; spent: string; budgetScore: string }): RuleDef[] {
  return [
    {
      type: 'check',
      check: 'levelsFilled',
      params: { group: SELF_GROUP, level: 'level1', name: 'name', levels: ['产出指标', '效益指标', '满意度指标'] },
    },
    { type: 'rowRequires', group: SELF_GROUP, column: 'actual', when: ['name'], message: '写了三级指标的行要填写实际完成值' },
    { type: 'rowRequires', group: SELF_GROUP, column: 'points', when: ['name'], message: '写了三级指标的行要填写分值' },
    { type: 'check', check: 'reasonBelowFull', params: { group: SELF_GROUP, points: 'points', score: 'score', reason: 'reason' } },
    {
      type: 'check',
      check: 'pointsSum',
      params: { group: SELF_GROUP, points: 'points', level1: 'level1', weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 } },
    },
    { type: 'check', check: 'spentWithinBudget', params: { budget: p.budget, spent: p.spent } },
    {
      type: 'check',
      check: 'selfScoreConsistency',
      params: { group: SELF_GROUP, score: 'score', budgetScore: p.budgetScore, budget: p.budget, spent: p.spent },
    },
  ];
}
