/**
 * A 项目支出绩效自评表 (xiangmu-zipin) for a generated declaration, made up deterministically for the
 * stage 汇总's tests and bench: the declaration's identity (年度, 项目名称, 主管部门, 实施单位), its
 * money by source with what was spent, and three scored indicator rows whose targets and actuals
 * vary with `k`, so scores fall in every grade and some rows below full marks lack a reason.
 * Returns the raw values it wrote, so a test can work out the scores on its own.
 */
import { DEFAULT_OPTIONS, type FormData } from '../../shared/form';
import { formatUnits } from '../../shared/money';

export interface SelfRow {
  level1: string;
  level2: string;
  name: string;
  /** ≥ target, its number, and the actual number with its unit. */
  target: string;
  targetNumber: bigint;
  actualNumber: bigint;
  unit: string;
  points: bigint;
  reason: string;
}

export interface MadeSelfEvaluation {
  data: FormData;
  /** Counts of 元 (万元 × 10⁴). */
  fiscal: { initial: bigint; budget: bigint; spent: bigint };
  other: { initial: bigint; budget: bigint; spent: bigint };
  rows: SelfRow[];
}

const text = (v: FormData['values'][string]): string => (typeof v === 'string' ? v : '');

export function selfEvaluationOf(decl: FormData, k: number): MadeSelfEvaluation {
  const v = decl.values;
  const initial = 100_000n + BigInt((k * 7919) % 900_000);
  const budget = initial + BigInt((k * 131) % 20_000);
  // 60 % … 109 % of the budget spent: 执行率 over 100 % now and then.
  const spent = (budget * BigInt(60 + ((k * 23) % 50))) / 100n;
  const other = { initial: BigInt((k % 4) * 5_000), budget: BigInt((k % 4) * 5_000), spent: BigInt((k % 4) * 2_500) };
  const rows: SelfRow[] = [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人次',
      target: '≥100人次',
      targetNumber: 100n,
      actualNumber: BigInt(40 + ((k * 13) % 70)),
      unit: '人次',
      points: 50n,
      reason: k % 2 === 0 ? '部分培训因场地原因推迟，次年提前安排' : '',
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '覆盖乡镇数',
      target: '≥12个',
      targetNumber: 12n,
      actualNumber: BigInt(5 + (k % 9)),
      unit: '个',
      points: 30n,
      reason: k % 3 === 0 ? '偏远乡镇未覆盖' : '',
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '群众满意度',
      target: '≥90%',
      targetNumber: 90n,
      actualNumber: BigInt(78 + (k % 16)),
      unit: '%',
      points: 10n,
      reason: '',
    },
  ];
  const data: FormData = {
    templateId: 'xiangmu-zipin',
    values: {
      year: text(v.year),
      projectName: text(v.projectName),
      department: text(v.department),
      unit: text(v.unit),
      // 年初预算数's total is the declared figure (seeded, not summed): written as its rows add up.
      totalInitial: formatUnits(initial + other.initial),
      fiscalInitial: formatUnits(initial),
      fiscalBudget: formatUnits(budget),
      fiscalSpent: formatUnits(spent),
      otherInitial: formatUnits(other.initial),
      otherBudget: formatUnits(other.budget),
      otherSpent: formatUnits(other.spent),
      goal: text(v.goal),
      achieved: '基本完成年度目标。',
      indicators: rows.map((r) => ({
        level1: r.level1,
        level2: r.level2,
        name: r.name,
        target: r.target,
        actual: `${r.actualNumber}${r.unit}`,
        points: String(r.points),
        reason: r.reason,
      })),
    },
    options: { ...DEFAULT_OPTIONS },
  };
  return { data, fiscal: { initial, budget, spent }, other, rows };
}
