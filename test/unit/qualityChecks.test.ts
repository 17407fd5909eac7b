/**
 * The indicator quality checks (issue 25, point 5): each rule trips on the mistake it names and
 * stays quiet on a realistic row of the same kind; and measured on the starter 指标库 and every
 * fixture's indicator grid, the only findings are the ones listed here by hand (the starter
 * library's own vague 定性 values), so a change in what the rules find shows up as a failure.
 */
import { describe, expect, it } from 'vitest';
import { builtinCheck } from '../../shared/checks';
import { QUALITY_CHECK_NAMES } from '../../shared/checks/quality';
import type { GroupRow } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { combinedValue } from '../../shared/indicatorSplit';
import { fillPlaceholders, STARTER_LIBRARY } from '../../shared/library/starter';
import type { Message } from '../../shared/messages';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { builtinForms } from '../helpers/builtinForms';

const BLOCK = { group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'value' };

type Row = [level1: string, level2: string, name: string, value: string];

function run(check: string, rows: readonly Row[]): Message[] {
  const form = blankForm(T, '2025');
  form.values.indicators = rows.map(([level1, level2, name, value]): GroupRow => ({ level1, level2, name, value }));
  const c = builtinCheck(check)!;
  return c.run({ template: T, form, year: '2025' }, c.params.parse(BLOCK));
}

/** A realistic complete grid, so qualityLevelsPresent is quiet while another rule is tried. */
const BASE: Row[] = [
  ['产出指标', '数量指标', '培训人次', '≥200人次'],
  ['效益指标', '社会效益指标', '参训人员就业率', '≥80%'],
  ['满意度指标', '服务对象满意度指标', '参训学员满意度', '≥90%'],
];

const CASES: { check: string; trips: Row; quiet: Row; says: RegExp }[] = [
  {
    check: 'qualityNoFigure',
    trips: ['产出指标', '数量指标', '举办培训班期数', '若干期'],
    quiet: ['产出指标', '数量指标', '举办培训班期数', '≥4期'],
    says: /没有数字.*建议：写出目标数值/,
  },
  {
    check: 'qualityVagueWords',
    trips: ['效益指标', '社会效益指标', '群众出行条件', '显著改善'],
    quiet: ['效益指标', '生态效益指标', '化肥农药使用量', '较上年减少'],
    says: /“显著、改善”.*建议：/,
  },
  {
    check: 'qualityUnitMissing',
    trips: ['产出指标', '数量指标', '新建道路长度', '≥5'],
    quiet: ['产出指标', '数量指标', '新建道路长度', '≥5公里'],
    says: /没有计量单位.*建议：在数字后写上单位/,
  },
  {
    check: 'qualityCostComparator',
    trips: ['产出指标', '成本指标', '人均培训成本', '≥800元/人'],
    quiet: ['产出指标', '成本指标', '单位自筹资金投入', '≥20万元'],
    says: /上限.*建议：改为 ≤800元\/人/,
  },
  {
    check: 'qualityRateOver100',
    trips: ['产出指标', '质量指标', '工程验收合格率', '120%'],
    quiet: ['效益指标', '经济效益指标', '村集体经济收入增长率', '≥150%'],
    says: /超过了 100%/,
  },
  {
    check: 'qualityDeadline',
    trips: ['产出指标', '时效指标', '项目完成时间', '按要求完成'],
    quiet: ['产出指标', '时效指标', '问题整改完成时限', '≤30天'],
    says: /不是日期或时限.*建议：写明完成时间/,
  },
  {
    check: 'qualityNameTooLong',
    trips: [
      '产出指标',
      '数量指标',
      '组织全县各乡镇农业技术推广人员、家庭农场主和种植大户开展高标准农田建设与管护技术培训的累计人次',
      '≥200人次',
    ],
    quiet: ['产出指标', '数量指标', '农作物病虫害统防统治覆盖率', '≥40%'],
    says: /有 \d+ 个字.*建议：把名称缩短到 40 个字以内/,
  },
  {
    check: 'qualitySatisfactionUnderBenefit',
    trips: ['效益指标', '社会效益指标', '群众满意度', '≥90%'],
    quiet: ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
    says: /满意度指标.*下/,
  },
  {
    check: 'qualityCompletionUnderBenefit',
    trips: ['效益指标', '社会效益指标', '赛事完成率', '100%'],
    quiet: ['效益指标', '生态效益指标', '地表水水质达标率', '≥90%'],
    says: /产出.*建议：把这一行移到产出指标下/,
  },
];

describe('each quality rule', () => {
  it('covers every registered quality check with a tripping and a quiet case', () => {
    const tested = new Set([...CASES.map((c) => c.check), 'qualityLevelsPresent', 'qualityDuplicateName']);
    expect([...QUALITY_CHECK_NAMES].sort()).toEqual([...tested].sort());
  });

  for (const c of CASES)
    it(`${c.check} trips on its mistake, on that cell, and not on a realistic row`, () => {
      const found = run(c.check, [...BASE, c.trips]);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ field: 'indicators', row: BASE.length, severity: 'warning' });
      expect(found[0].message).toMatch(c.says);
      expect(found[0].message).toContain('建议：');
      expect(run(c.check, [...BASE, c.quiet])).toEqual([]);
    });

  it('qualityLevelsPresent names a missing 一级 and is quiet when all three are there', () => {
    const found = run('qualityLevelsPresent', BASE.slice(0, 2));
    expect(found.map((m) => m.message)).toEqual([expect.stringMatching(/^还没有满意度指标.*建议：/)]);
    expect(run('qualityLevelsPresent', BASE)).toEqual([]);
    expect(run('qualityLevelsPresent', [])).toEqual([]); // a blank grid: the required checks speak first
  });

  it('qualityDuplicateName finds the second of two equal 三级 (spaces and widths aside), not 不适用 rows', () => {
    const found = run('qualityDuplicateName', [...BASE, ['产出指标', '质量指标', '培训 人次', '≥100人次']]);
    expect(found).toMatchObject([{ row: 3, column: 'name' }]);
    expect(found[0].message).toMatch(/第 1 行已经写过/);
    const na: Row[] = [
      ['效益指标', '经济效益指标', '本项目不适用此指标', '无'],
      ['效益指标', '生态效益指标', '本项目不适用此指标', '无'],
    ];
    expect(run('qualityDuplicateName', [...BASE, ...na])).toEqual([]);
  });
});

/** What every quality rule finds on these rows, by rule. */
function findings(rows: readonly Row[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const check of QUALITY_CHECK_NAMES) {
    const ms = run(check, rows);
    if (ms.length) out[check] = ms.map((m) => (m.row === undefined ? '（整表）' : `${rows[m.row][2]}=${rows[m.row][3]}`));
  }
  return out;
}

describe('measured on realistic indicators', () => {
  it('the starter 指标库: only its own vague 定性 values are found', () => {
    const values = { 年度: '2025', 年度资金总额: '120', 财政拨款: '100', 其他资金: '20' };
    const rows = STARTER_LIBRARY.map((e): Row => [e.level1, e.level2, e.name, fillPlaceholders(e.value, values)]);
    const found = findings(rows);
    // Counted for the report: 20 of the starter library's entries; every one is a 程度词 without a figure.
    expect(Object.keys(found)).toEqual(['qualityVagueWords']);
    expect(found.qualityVagueWords).toEqual([
      '带动体育消费=明显增长',
      '降低群众就医费用=有效降低',
      '项目资金使用效益=显著提高',
      '参训人员业务能力=明显提升',
      '群众出行条件=显著改善',
      '困难群众基本生活=有效保障',
      '学校办学条件=明显改善',
      '全民健身氛围=持续提升',
      '特困人员生活质量=有效提高',
      '养老服务水平=稳步提升',
      '政务服务办理效率=明显提高',
      '单位履职能力=有效提升',
      '重要农产品稳定供给=有效保障',
      '农民科技素质=明显提高',
      '群众生态环保意识=明显增强',
      '农村人居环境=持续改善',
      '施工扬尘污染=有效控制',
      '基层医疗服务能力=持续提升',
      '养老服务体系=逐步完善',
      '单位工作持续正常开展=有效保障',
    ]);
    expect(rows.length).toBe(STARTER_LIBRARY.length);
  });

  it('the fixtures of every built-in template with an indicator grid: no finding but the vague ones', () => {
    let counted = 0;
    const all: Record<string, string[]> = {};
    for (const { template, form } of builtinForms())
      for (const g of template.groups ?? [])
        for (const set of g.indicators ?? []) {
          // Hunan's grid keeps 指标值类型 | 指标值 | 计量单位: read as the printed 指标值 they make together.
          const typed = g.columns.some((c) => c.id === 'valueType');
          const block = typed ? { ...set, comparator: 'valueType', unit: 'unit' } : set;
          const rows = (form.values[g.id] as GroupRow[]).map((r): Row => [
            r[set.level1],
            r[set.level2],
            r[set.name],
            combinedValue(r, block),
          ]);
          counted += rows.length;
          for (const [check, list] of Object.entries(findings(rows))) (all[check] ??= []).push(...list);
        }
    expect(counted).toBeGreaterThan(30);
    // All true: the 2015 department example's 持续改善 and the 自评 example's 定性 row 显著提升 have
    // no figure, and the two-block project example's 中期 block has a 效益 heading with no indicator under it.
    expect(all).toEqual({
      qualityVagueWords: ['办学条件持续改善=持续改善', '带动群众经常参加锻炼=显著提升'],
      qualityLevelsPresent: ['（整表）'],
    });
  });
});

describe('on a split 指标值 (指标性质 | 值 | 计量单位)', () => {
  const SPLIT = { ...BLOCK, value: 'number', comparator: 'sign', unit: 'unit' };
  const runSplit = (check: string, rows: GroupRow[]) => {
    const form = blankForm(T, '2025');
    form.values.indicators = rows;
    const c = builtinCheck(check)!;
    return c.run({ template: T, form, year: '2025' }, c.params.parse(SPLIT));
  };
  const row = (level2: string, name: string, sign: string, number: string, unit: string): GroupRow => ({
    level1: '产出指标',
    level2,
    name,
    sign,
    number,
    unit,
  });

  it('reads the three cells as one 指标值 and marks the cell to mend', () => {
    expect(runSplit('qualityUnitMissing', [row('数量指标', '培训人次', '≥', '200', '')])).toMatchObject([{ column: 'unit' }]);
    expect(runSplit('qualityUnitMissing', [row('数量指标', '培训人次', '≥', '200', '人次')])).toEqual([]);
    expect(runSplit('qualityNoFigure', [row('质量指标', '工程验收合格率', '定性', '良好', '')])).toMatchObject([{ column: 'number' }]);
    expect(runSplit('qualityCostComparator', [row('成本指标', '人均培训成本', '≥', '800', '元/人')])[0].message).toMatch(/改为 ≤800元\/人/);
    expect(runSplit('qualityCostComparator', [row('成本指标', '项目或定额成本控制率', '=', '100', '%')])).toEqual([]);
  });
});
