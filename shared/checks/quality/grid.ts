/**
 * Indicator quality checks on the grid as a whole and on the 三级指标 (issue 25, point 5): names
 * too long to be a measure, satisfaction and completion rates filed under 效益, the three 一级
 * each present, a 三级 written twice. Same shape as quality/values.ts.
 */
import type { Message } from '../../messages';
import { defineCheck } from '../types';
import { finding, indicatorRows, isBenefit, isOutput, isSatisfactionLevel, named, qualityParams, qualityRefs } from './rows';

/** Longer than this, a 三级指标 is a sentence (a goal or a description), not the name of a measure. */
export const MAX_INDICATOR_NAME = 40;

export const qualityNameTooLong = defineCheck({
  name: 'qualityNameTooLong',
  description: `三级指标名称不宜超过 ${MAX_INDICATOR_NAME} 个字`,
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    return indicatorRows(ctx, p).flatMap((r): Message[] => {
      const n = [...r.name].length;
      return n > MAX_INDICATOR_NAME
        ? [
            finding(
              p,
              r,
              'name',
              'qualityNameLong',
              `三级指标「${r.name.slice(0, 20)}…」有 ${n} 个字，像是一句目标或说明，而不是一个指标的名称`,
              `把名称缩短到 ${MAX_INDICATOR_NAME} 个字以内（如“培训人次”“工程验收合格率”），说明写进指标解释或备注`,
            ),
          ]
        : [];
    });
  },
});

const SATISFACTION = /满意/;

export const qualitySatisfactionUnderBenefit = defineCheck({
  name: 'qualitySatisfactionUnderBenefit',
  description: '满意度指标应放在“满意度指标”下，不应放在效益指标下',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    return indicatorRows(ctx, p).flatMap((r): Message[] =>
      isBenefit(r) && SATISFACTION.test(r.name)
        ? [
            finding(
              p,
              r,
              'name',
              'qualitySatisfactionInBenefit',
              `${named(r)}是满意度，放在了效益指标下：满意度是服务对象的评价，不是项目带来的效益`,
              '把这一行移到一级指标“满意度指标”、二级指标“服务对象满意度指标”下',
            ),
          ]
        : [],
    );
  },
});

/** Rates that say how the work was done (产出·质量 or 时效), not what it brought. */
const COMPLETION = /(完成率|合格率|验收率|达标率|及时率|到位率|执行率|支付率|完工率|开工率|到课率|出勤率|准确率|合规率)$/;
/** Outcomes that end like completion rates but are benefits (水质达标率, 空气质量达标率). */
const OUTCOME = /水质|空气|排放|环境|生态/;

export const qualityCompletionUnderBenefit = defineCheck({
  name: 'qualityCompletionUnderBenefit',
  description: '完成率、合格率、及时率等说明工作完成情况的指标属于产出指标，不应放在效益指标下',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    return indicatorRows(ctx, p).flatMap((r): Message[] =>
      isBenefit(r) && COMPLETION.test(r.name) && !OUTCOME.test(r.name)
        ? [
            finding(
              p,
              r,
              'name',
              'qualityCompletionInBenefit',
              `${named(r)}说的是工作完成得怎样（产出），不是完成后带来的效益`,
              '把这一行移到产出指标下（完成率、合格率放质量指标，及时率放时效指标），效益指标写项目对服务对象、社会或环境带来的变化',
            ),
          ]
        : [],
    );
  },
});

const LEVELS: readonly { name: string; has: (r: Parameters<typeof isOutput>[0]) => boolean }[] = [
  { name: '产出指标', has: isOutput },
  { name: '效益指标', has: isBenefit },
  { name: '满意度指标', has: isSatisfactionLevel },
];

export const qualityLevelsPresent = defineCheck({
  name: 'qualityLevelsPresent',
  description: '产出指标、效益指标、满意度指标三类都应至少有一条三级指标',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    const rows = indicatorRows(ctx, p);
    if (rows.length === 0) return []; // a blank form: the required checks say what to fill first
    return LEVELS.flatMap(({ name, has }): Message[] => {
      if (rows.some((r) => has(r) && r.name !== '')) return [];
      return [
        {
          field: p.group,
          severity: 'warning',
          code: 'qualityLevelMissing',
          message: `还没有${name}：绩效指标一般要包括产出、效益和满意度三个方面，缺少${name}会被认为目标不完整。建议：在一级指标“${name}”下至少写一条三级指标${name === '满意度指标' ? '（如 服务对象满意度 ≥90%）' : ''}`,
        },
      ];
    });
  },
});

/** Two names that differ only in spaces, widths or punctuation are the same indicator. */
const nameKey = (s: string) =>
  s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000“”"'‘’（）()、，,。.]/g, '')
    .toLowerCase();

export const qualityDuplicateName = defineCheck({
  name: 'qualityDuplicateName',
  description: '同一个三级指标不应写两次',
  params: qualityParams,
  refs: qualityRefs,
  run(ctx, p) {
    const first = new Map<string, number>();
    return indicatorRows(ctx, p).flatMap((r): Message[] => {
      if (r.name === '' || r.name.includes('不适用')) return [];
      const key = nameKey(r.name);
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, r.index);
        return [];
      }
      return [
        finding(
          p,
          r,
          'name',
          'qualityDuplicate',
          `三级指标「${r.name}」在第 ${seen + 1} 行已经写过，同一指标写两次会重复计分`,
          '删去重复的一行，或改成另一个方面的指标（如一行写数量、一行写质量）',
        ),
      ];
    });
  },
});
