/**
 * Indicator quality checks on the 指标值 (issue 25, point 5): the reviewers' most common
 * complaints, as deterministic rules that say why and what to do, so a clerk offline gets what
 * the online systems send to an AI for. Each is a check a template names (and so switches on or
 * off); each reads the rows through quality/rows.ts. Measured on the starter 指标库 and the
 * fixtures in test/unit/qualityChecks.test.ts.
 */
import type { Message } from '../../messages';
import { defineCheck } from '../types';
import { finding, indicatorRows, isOutput, level2Is, named, qualityParams, qualityRefs, type IndicatorRow } from './rows';

/** Endings of a 三级指标 that name a count, a share or an amount: its 指标值 is a figure. */
const QUANTITATIVE_NAME = /(?<!效)(率|比例|占比|人数|人次|户数|次数|个数|场次|期数|天数|面积|长度|里程|金额|数量|件数|台数|套数)$/;

/** The row kept for a 二级 that does not apply (本项目不适用此指标 | 无). */
const NOT_APPLICABLE = /不适用/;

const isQualitative = (r: IndicatorRow) => r.read.kind === 'qualitative' || (r.read.kind !== 'empty' && r.comparator === '定性');

/** A 数量/成本 indicator, or one whose name is a rate or a count, written without a figure. */
export const qualityNoFigure = defineCheck({
  name: 'qualityNoFigure',
  description: '定量的指标（数量、成本、各种率和数）指标值应有数字和比较符号',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    return indicatorRows(ctx, p).flatMap((r): Message[] => {
      if (r.value === '' || r.read.kind === 'date' || !isQualitative(r) || NOT_APPLICABLE.test(r.name)) return [];
      const counted = isOutput(r) && (level2Is(r, '数量') || level2Is(r, '成本'));
      if (!counted && !QUANTITATIVE_NAME.test(r.name)) return [];
      if (r.read.kind === 'quantity') return []; // a figure written with 定性 chosen: the sign is the slip, not the figure
      return [
        finding(
          p,
          r,
          'value',
          'qualityNoFigure',
          `${named(r)}是可以用数字衡量的指标，指标值「${r.value}」却没有数字，评审时无法判断是否完成`,
          '写出目标数值、比较符号和计量单位，如 ≥95%、≥200人次、≤50万元',
        ),
      ];
    });
  },
});

/** Words that promise a change without saying how much (有效、明显、显著、进一步 …). */
const VAGUE = ['有效', '明显', '显著', '进一步', '较好', '较大', '较高', '逐步', '稳步', '提升', '提高', '改善', '增强', '加强'];
/** A baseline makes a direction a measure (较上年减少). */
const BASELINE = /较上年|比上年|同比|较去年|较\d{4}年/;

export const qualityVagueWords = defineCheck({
  name: 'qualityVagueWords',
  description: '指标值不宜只写“有效、明显、显著、进一步、提升”等程度词，而没有数字或比较基准',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    return indicatorRows(ctx, p).flatMap((r): Message[] => {
      if (r.read.kind !== 'qualitative' || /\d/.test(r.value) || BASELINE.test(r.value)) return [];
      const words = VAGUE.filter((w) => r.value.includes(w));
      if (words.length === 0) return [];
      return [
        finding(
          p,
          r,
          'value',
          'qualityVague',
          `${named(r)}的指标值「${r.value}」只有“${words.join('、')}”这样的程度词，没有可以核对的标准，评审时常被认为不够明确`,
          '改成可衡量的目标（如 ≥10%、较上年提高5个百分点），确实无法量化的，写明达到什么状态、由谁如何认定',
        ),
      ];
    });
  },
});

export const qualityUnitMissing = defineCheck({
  name: 'qualityUnitMissing',
  description: '数字指标值应写明计量单位（%、人次、万元 …）',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    return indicatorRows(ctx, p).flatMap((r): Message[] =>
      r.read.kind === 'quantity' && r.read.unit === ''
        ? [
            finding(
              p,
              r,
              'unit',
              'qualityUnit',
              `${named(r)}的指标值「${r.value}」只有数字，没有计量单位，看不出是个数、人次还是百分比`,
              p.unit ? '在计量单位一栏填写单位，如 %、人次、个、万元' : '在数字后写上单位，如 ≥95%、≥200人次',
            ),
          ]
        : [],
    );
  },
});

/** 自筹 or 配套 money is a commitment to put in at least so much: ≥ is right there. */
const COST_AT_LEAST = /自筹|配套|节约|节省|降低/;

export const qualityCostComparator = defineCheck({
  name: 'qualityCostComparator',
  description: '成本指标是成本的上限，应写 ≤ 或 ＜，不应写 ≥',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    return indicatorRows(ctx, p).flatMap((r): Message[] => {
      if (!level2Is(r, '成本') || r.read.kind !== 'quantity' || COST_AT_LEAST.test(r.name)) return [];
      if (r.read.comparator !== '≥' && r.read.comparator !== '>') return [];
      return [
        finding(
          p,
          r,
          'value',
          'qualityCostAtLeast',
          `成本指标${named(r)}写成了「${r.value}」：成本指标是控制花费的上限，“不低于”意味着花得越多越好`,
          `改为 ≤${r.read.number}${r.read.unit}，表示成本不超过这个数`,
        ),
      ];
    });
  },
});

/** Rates that may pass 100 %: growth, increase. */
const MAY_EXCEED = /增长|增幅|增加|提高|倍/;

export const qualityRateOver100 = defineCheck({
  name: 'qualityRateOver100',
  description: '“率”“比例”类指标的百分比不应超过 100%',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    return indicatorRows(ctx, p).flatMap((r): Message[] => {
      const v = r.read;
      if (v.kind !== 'quantity' || !v.percent || !/(?<!效)(率|比例|占比)$/.test(r.name) || MAY_EXCEED.test(r.name)) return [];
      const [whole, frac = ''] = v.number.split('.');
      const over = whole.length > 3 || (whole.length === 3 && (whole > '100' || (whole === '100' && /[1-9]/.test(frac))));
      if (!over) return [];
      return [
        finding(
          p,
          r,
          'value',
          'qualityRateOver100',
          `${named(r)}是一个比率，指标值「${r.value}」超过了 100%，不可能达到`,
          '比率最高 100%：全部完成写 100% 或 =100%，部分完成写 ≥ 某个不超过 100 的百分比',
        ),
      ];
    });
  },
});

/** Time units a 时效 may be measured in (≤30天, ≤2小时). */
const TIME_UNIT = /^(天|日|个工作日|工作日|小时|分钟|周|个月|月|年|季度|个季度)$/;

export const qualityDeadline = defineCheck({
  name: 'qualityDeadline',
  description: '时效指标的指标值应是日期、时限或期限（2025年12月底前、≤30天、按月）',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    return indicatorRows(ctx, p).flatMap((r): Message[] => {
      if (!level2Is(r, '时效') || r.value === '') return [];
      const v = r.read;
      if (v.kind === 'date') return [];
      if (v.kind === 'quantity' && (TIME_UNIT.test(v.unit) || (v.percent && /率$/.test(r.name)))) return [];
      return [
        finding(
          p,
          r,
          'value',
          'qualityDeadline',
          `时效指标${named(r)}的指标值「${r.value}」不是日期或时限，看不出何时完成`,
          '写明完成时间或时限，如 2025年12月底前、≤30天、按月发放；及时率类写 100%',
        ),
      ];
    });
  },
});
