import { describe, expect, it } from 'vitest';
import {
  amountInWanYuan,
  isPercentAbove100,
  MAX_READ_LENGTH,
  readIndicatorValue,
  yearsNamed,
  type Comparator,
  type IndicatorValue,
} from '../../shared/indicatorValue';

type Quantity = [raw: string, comparator: Comparator | null, number: string, unit: string];

const quantity = ([raw, comparator, number, unit]: Quantity): IndicatorValue => ({
  kind: 'quantity',
  comparator,
  number,
  unit,
  percent: unit === '%',
  raw,
});

describe('readIndicatorValue: quantities', () => {
  // xiangmu-zhichu.md section D, as listed there.
  it.each<Quantity>([
    ['≥95%', '≥', '95', '%'],
    ['≧300人', '≥', '300', '人'],
    ['≤1000万元', '≤', '1000', '万元'],
    ['≦1000元/人', '≤', '1000', '元/人'],
    ['= 11 个', '=', '11', '个'],
    ['280人次', null, '280', '人次'],
    ['100%', null, '100', '%'],
    ['2', null, '2', ''],
    ['≥100%', '≥', '100', '%'],
  ])('section D: %s', (...q) => {
    expect(readIndicatorValue(q[0])).toEqual(quantity(q));
  });

  // xiangmu-zhichu.md section E, every quantity there.
  it.each<Quantity>([
    ['1种', null, '1', '种'],
    ['100%', null, '100', '%'],
    ['≤1000万元', '≤', '1000', '万元'],
    ['≥95%', '≥', '95', '%'],
    ['8个', null, '8', '个'],
    ['≥90%', '≥', '90', '%'],
    ['≧90%', '≥', '90', '%'],
    ['≧85%', '≥', '85', '%'],
    ['280人次', null, '280', '人次'],
    ['= 11 个', '=', '11', '个'],
  ])('section E: %s', (...q) => {
    expect(readIndicatorValue(q[0])).toEqual(quantity(q));
  });

  // bumen-zhengti-grid.md section B: the Hunan grid keeps the unit in its own column.
  it.each<Quantity>([
    ['28.8', null, '28.8', ''],
    ['100', null, '100', ''],
  ])('Hunan 2023 指标值 column: %s', (...q) => {
    expect(readIndicatorValue(q[0])).toEqual(quantity(q));
  });

  it.each<Quantity>([
    ['＞90%', '>', '90', '%'],
    ['＜5%', '<', '5', '%'],
    ['＝1个', '=', '1', '个'],
    ['>=95%', '≥', '95', '%'],
    ['<=3天', '≤', '3', '天'],
    ['⩾90%', '≥', '90', '%'],
    ['≥ 98.5 %', '≥', '98.5', '%'],
    ['９５％', null, '95', '%'],
    ['≥９８．５％', '≥', '98.5', '%'],
    ['1,000万元', null, '1000', '万元'],
    ['１，２３４，５６７元', null, '1234567', '元'],
    ['≥98.50%', '≥', '98.5', '%'],
    ['007个', null, '7', '个'],
    ['0.5万元', null, '0.5', '万元'],
    ['100.0%', null, '100', '%'],
    ['\u3000≥95%\u3000', '≥', '95', '%'],
    ['≥3次/年', '≥', '3', '次/年'],
    ['≥2次/季度', '≥', '2', '次/季度'],
    ['≤5个工作日', '≤', '5', '个工作日'],
    ['≥1.5万人次', '≥', '1.5', '万人次'],
    ['≥2个百分点', '≥', '2', '个百分点'],
    ['≥5年', '≥', '5', '年'],
    ['2025', null, '2025', ''],
    ['≤50元 / 人', '≤', '50', '元/人'],
  ])('symbols, widths and separators: %s', (...q) => {
    expect(readIndicatorValue(q[0])).toEqual(quantity(q));
  });

  it.each<Quantity>([
    ['不低于95%', '≥', '95', '%'],
    ['不少于200人次', '≥', '200', '人次'],
    ['大于等于90%', '≥', '90', '%'],
    ['大于或等于90%', '≥', '90', '%'],
    ['达到100%', '≥', '100', '%'],
    ['不小于3个', '≥', '3', '个'],
    ['至少2次', '≥', '2', '次'],
    ['高于80%', '>', '80', '%'],
    ['超过50人', '>', '50', '人'],
    ['大于0', '>', '0', ''],
    ['不高于5%', '≤', '5', '%'],
    ['不超过1000万元', '≤', '1000', '万元'],
    ['不多于3次', '≤', '3', '次'],
    ['小于等于2%', '≤', '2', '%'],
    ['控制在1000万元以内', '≤', '1000', '万元'],
    ['控制在300万元', '≤', '300', '万元'],
    ['1000万元以内', '≤', '1000', '万元'],
    ['3个工作日内', '≤', '3', '个工作日'],
    ['低于1%', '<', '1', '%'],
    ['小于3起', '<', '3', '起'],
    ['等于12个', '=', '12', '个'],
    ['95%以上', '≥', '95', '%'],
    ['90%及以上', '≥', '90', '%'],
    ['5%以下', '≤', '5', '%'],
    ['达到95%以上', '≥', '95', '%'],
    ['≥95%以上', '≥', '95', '%'],
    ['不低于 95 %', '≥', '95', '%'],
  ])('Chinese comparator words: %s', (...q) => {
    expect(readIndicatorValue(q[0])).toEqual(quantity(q));
  });

  it('keeps exactly what was typed in raw', () => {
    for (const raw of ['  ≧300人 ', '９５％', '1,000万元', '不超过1000万元']) expect(readIndicatorValue(raw).raw).toBe(raw);
  });

  it('reads 不超过 as ≤, never as the 超过 inside it', () => {
    expect(readIndicatorValue('不超过10%')).toMatchObject({ comparator: '≤' });
    expect(readIndicatorValue('超过10%')).toMatchObject({ comparator: '>' });
  });

  it('does not call a per-cent point a percentage', () => {
    expect(readIndicatorValue('≥2个百分点')).toMatchObject({ kind: 'quantity', unit: '个百分点', percent: false });
    expect(readIndicatorValue('≥5‰')).toMatchObject({ kind: 'quantity', unit: '‰', percent: false });
  });

  it.each([
    '≥100以下', // two comparators that disagree
    '1,00万元', // misplaced thousands separator
    '1,0000元',
    '1.2.3',
    '95%，无差错', // a sentence, not a unit
    '≥95%（含）',
    '较上年增长10%',
    '提高5%',
    '约95%',
    '≥ ≥95%',
    '≥',
    '%',
    '-5%',
    '1个2个',
    '≥95个很长很长的计量单位名称',
  ])('does not force %s into a quantity', (raw) => {
    expect(readIndicatorValue(raw).kind).toBe('qualitative');
  });
});

describe('readIndicatorValue: dates', () => {
  it.each([
    ['2025年年底前', '2025', ['2025']],
    ['2025年10月底前', '2025', ['2025']],
    ['2021年全年', '2021', ['2021']],
    ['2025年12月31日前', '2025', ['2025']],
    ['２０２５年６月', '2025', ['2025']],
    ['2025-12-31', '2025', ['2025']],
    ['2025/6', '2025', ['2025']],
    ['2025.12.31前', '2025', ['2025']],
    ['2024-2026年', '2024', ['2024', '2026']],
    ['2024年至2026年', '2024', ['2024', '2026']],
    ['2024至2026年', '2024', ['2024', '2026']],
    ['按月安排', null, []],
    ['每季度', null, []],
    ['每月1次', null, []],
    ['及时', null, []],
    ['年底前', null, []],
    ['当年', null, []],
    ['上半年完成', null, []],
    ['10月底前', null, []],
    ['6月前', null, []],
    ['12月31日前', null, []],
    ['15日前', null, []],
    ['按时足额发放', null, []],
  ])('%s', (raw, year, years) => {
    expect(readIndicatorValue(raw)).toEqual({ kind: 'date', year, years, raw });
  });

  it('keeps a bare month count a quantity (it may be a duration)', () => {
    expect(readIndicatorValue('≤3月')).toMatchObject({ kind: 'quantity', unit: '月' });
    expect(readIndicatorValue('≤3个月')).toMatchObject({ kind: 'quantity', unit: '个月' });
  });
});

describe('readIndicatorValue: qualitative and empty', () => {
  it.each(['显著改善', '持续改善', '效果良好', '提高', '应保尽保', '有效保障', '无', '经济效益良好', '影响可持续', '—', '/'])(
    '%s',
    (raw) => {
      expect(readIndicatorValue(raw)).toEqual({ kind: 'qualitative', raw });
    },
  );

  it.each(['', ' ', '\u3000', '\t\n '])('blank %j is empty', (raw) => {
    expect(readIndicatorValue(raw)).toEqual({ kind: 'empty', raw });
  });

  it('does not read text longer than the cap, and keeps it', () => {
    const long = '≥' + '9'.repeat(MAX_READ_LENGTH);
    expect(readIndicatorValue(long)).toEqual({ kind: 'qualitative', raw: long });
    const atCap = '≥' + '9'.repeat(MAX_READ_LENGTH - 2) + '%';
    expect(readIndicatorValue(atCap)).toMatchObject({ kind: 'quantity', percent: true });
  });
});

describe('readIndicatorValue: hostile input returns', () => {
  it('200,000 zeros: qualitative, kept', () => {
    const raw = '0'.repeat(200_000);
    expect(readIndicatorValue(raw)).toEqual({ kind: 'qualitative', raw });
  });
  it('200,000 spaces: empty', () => {
    const raw = ' '.repeat(200_000);
    expect(readIndicatorValue(raw)).toEqual({ kind: 'empty', raw });
  });
  it('200,000 spaces around a value: read after trimming', () => {
    const pad = ' '.repeat(100_000);
    expect(readIndicatorValue(pad + '≥95%' + pad)).toMatchObject({ kind: 'quantity', number: '95' });
  });
  it('200,000 of a comparator, of a digit-comma pair, of a year', () => {
    expect(readIndicatorValue('≥'.repeat(200_000)).kind).toBe('qualitative');
    expect(readIndicatorValue('1,'.repeat(100_000)).kind).toBe('qualitative');
    expect(yearsNamed('2025年'.repeat(40_000))).toEqual(['2025']);
    expect(yearsNamed('0'.repeat(200_000))).toEqual([]);
    expect(yearsNamed('2025-'.repeat(40_000))).toEqual([]);
  });
  it('worst cases just under the cap', () => {
    expect(readIndicatorValue('1' + '0'.repeat(MAX_READ_LENGTH - 2) + 'x')).toMatchObject({ kind: 'quantity', unit: 'x' });
    expect(readIndicatorValue('0.' + '0'.repeat(MAX_READ_LENGTH - 2))).toMatchObject({ kind: 'quantity', number: '0' });
    expect(readIndicatorValue('1,000'.repeat(40)).kind).toBe('qualitative');
  });
});

describe('yearsNamed', () => {
  it.each([
    ['2025年年底前', ['2025']],
    ['2025年至2027年', ['2025', '2027']],
    ['较2024年提高，2025年完成', ['2024', '2025']],
    ['2025年、2025年', ['2025']],
    ['≥2000人次', []],
    ['2025.5万元', []],
    ['2000-3000人', []],
    ['12025年', []],
    ['1899年', []],
    ['２０２６年', ['2026']],
    ['2025 年', ['2025']],
    ['２０２５／１２', ['2025']],
    ['２０２４－２０２６年', ['2024', '2026']],
    ['2024～2026年', ['2024', '2026']],
    ['2024 至 2026 年', ['2024', '2026']],
  ])('%s → %j', (raw, years) => {
    expect(yearsNamed(raw)).toEqual(years);
  });
});

describe('isPercentAbove100', () => {
  it.each([
    ['≥100%', false],
    ['≥100.0%', false],
    ['≥100.01%', true],
    ['≥120%', true],
    ['≧101%', true],
    ['>100%', true],
    ['＞99.9%', false],
    ['110%', false], // no comparator: not judged
    ['≤120%', false],
    ['≥120个', false],
    ['≥1000%', true],
    ['不低于105%', true],
    ['显著改善', false],
  ])('%s → %s', (raw, above) => {
    expect(isPercentAbove100(readIndicatorValue(raw))).toBe(above);
  });
});

describe('amountInWanYuan', () => {
  it.each([
    ['≤1000万元', '1000'],
    ['不超过1,000.50万元', '1000.5'],
    ['50000元', '5'],
    ['≤12345元', '1.2345'],
    ['1元', '0.0001'],
    ['0万元', '0'],
    ['≤2279.048万元', '2279.048'],
  ])('%s → %s', (raw, wan) => {
    expect(amountInWanYuan(readIndicatorValue(raw))).toBe(wan);
  });
  it.each(['≦1000元/人', '≥95%', '1.5元', '1.00001万元', '100', '显著改善', '', '2025年年底前', '1亿元'])('%s → null', (raw) => {
    expect(amountInWanYuan(readIndicatorValue(raw))).toBeNull();
  });
});

describe('the 2025 sports-bureau fixture (xiangmu-2025-tiyu.json) reads row by row', () => {
  it.each([
    ['数量指标', '1种', 'quantity'],
    ['质量指标', '100%', 'quantity'],
    ['时效指标', '2025年年底前', 'date'],
    ['成本指标', '≤1000万元', 'quantity'],
    ['经济效益指标', '经济效益良好', 'qualitative'],
    ['社会效益指标', '效果良好', 'qualitative'],
    ['生态效益指标', '无', 'qualitative'],
    ['可持续影响指标', '影响可持续', 'qualitative'],
    ['服务对象满意度指标', '≥95%', 'quantity'],
  ])('%s %s → %s', (_level2, raw, kind) => {
    expect(readIndicatorValue(raw).kind).toBe(kind);
  });
});
