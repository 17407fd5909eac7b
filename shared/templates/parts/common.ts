/**
 * Pieces several built-in templates share, as data: fonts, A4 page, the usual default rows of an
 * indicator grid, and the indicator checks. Templates stay plain objects; these only save
 * writing the same data twice.
 */
import { mm, type FontSpec, type RuleDef } from '../../template/schema';

export const fangsong = (sizePt: number): FontSpec => ({ eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', sizePt });
export const titleFont = (sizePt: number): FontSpec => ({ eastAsia: '方正小标宋简体', ascii: 'Times New Roman', sizePt });

export const A4_PORTRAIT = {
  widthTwips: 11906,
  heightTwips: 16838,
  marginsTwips: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
};

/** Landscape A4 with narrower side margins, for grids with many columns. */
export const A4_LANDSCAPE = {
  widthTwips: 16838,
  heightTwips: 11906,
  marginsTwips: { top: mm(25), bottom: mm(22), left: mm(22), right: mm(22) },
};

/** The default 二级 rows under each 一级 of the national indicator system (2015 on). */
export const DEFAULT_LEVELS: readonly [string, readonly string[]][] = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']],
  ['满意度指标', ['服务对象满意度指标']],
];

/** One default row per 一级/二级 pair, the 二级 written into each named column. */
export function defaultIndicatorRows(level1: string, level2Columns: readonly string[]): Record<string, string>[] {
  return DEFAULT_LEVELS.flatMap(([l1, l2s]) => l2s.map((l2) => Object.fromEntries([[level1, l1], ...level2Columns.map((c) => [c, l2])])));
}

/** The checks every indicator grid gets: each 一级 filled, 成本 within the money, 时效 in the year, no ≥120%. */
export function indicatorChecks(p: {
  group: string;
  level1: string;
  level2: string;
  name: string;
  value: string;
  total: string;
}): RuleDef[] {
  return [
    {
      type: 'check',
      check: 'levelsFilled',
      params: { group: p.group, level: p.level1, name: p.name, levels: ['产出指标', '效益指标', '满意度指标'] },
    },
    { type: 'rowRequires', group: p.group, column: p.value, when: [p.name], message: '写了三级指标的行要填写指标值' },
    { type: 'rowRequires', group: p.group, column: p.name, when: [p.value], message: '填了指标值的行要写明三级指标' },
    {
      type: 'check',
      check: 'costWithinTotal',
      params: { group: p.group, level2: p.level2, names: ['成本指标'], name: p.name, value: p.value, total: p.total },
    },
    { type: 'check', check: 'yearInDeadline', params: { group: p.group, level2: p.level2, names: ['时效指标'], value: p.value } },
    { type: 'check', check: 'percentAtMost100', params: { group: p.group, value: p.value } },
    {
      type: 'check',
      check: 'unchangedWhileMoneyChanged',
      params: { group: p.group, level2: p.level2, names: ['数量指标', '成本指标'], name: p.name, value: p.value, total: p.total },
    },
  ];
}
