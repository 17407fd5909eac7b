import { describe, expect, it } from 'vitest';
import { amountInWanYuan, readIndicatorValue, yearsNamed } from '../../shared/indicatorValue';
import { fillPlaceholders, INDICATOR_LEVELS, placeholdersIn, STARTER_LIBRARY } from '../../shared/library/starter';

// The categories and labels as the brief and xiangmu-zhichu.md give them, written out here
// rather than taken from the module, so that the module cannot drift from them unnoticed.
const LEVELS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};
const LABELS = ['年度', '年度资金总额', '财政拨款', '其他资金', '项目名称', '实施单位'];
const SAMPLE_FORM = {
  年度: '2025',
  年度资金总额: '1000.00',
  财政拨款: '1000.00',
  其他资金: '0.00',
  项目名称: '全民健身赛事活动经费',
  实施单位: '某县体育局',
};

const filled = (value: string) => fillPlaceholders(value, SAMPLE_FORM);

describe('STARTER_LIBRARY', () => {
  it('has at least 140 entries', () => {
    expect(STARTER_LIBRARY.length).toBeGreaterThanOrEqual(140);
  });

  it('has no two entries with the same 一级, 二级 and 三级', () => {
    const keys = STARTER_LIBRARY.map((e) => `${e.level1}/${e.level2}/${e.name}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('puts every 二级 under its own 一级', () => {
    for (const e of STARTER_LIBRARY) expect(LEVELS[e.level1], `${e.level1}/${e.level2}`).toContain(e.level2);
    expect(INDICATOR_LEVELS).toEqual(LEVELS);
  });

  it('has at least 8 entries in every category', () => {
    for (const [level1, level2s] of Object.entries(LEVELS)) {
      for (const level2 of level2s) {
        const n = STARTER_LIBRARY.filter((e) => e.level1 === level1 && e.level2 === level2).length;
        expect(n, `${level1}/${level2}`).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('keeps names and values tidy: trimmed, non-empty, ≥ and ≤ rather than ≧ and ≦', () => {
    for (const e of STARTER_LIBRARY) {
      for (const text of [e.name, e.value]) {
        expect(text).toBe(text.trim());
        expect(text).not.toBe('');
        expect(text).not.toMatch(/[≧≦]/);
      }
      expect(e.name).not.toMatch(/[{}]/);
    }
  });

  it('reads every value as a non-empty 指标值, as written and once filled in', () => {
    for (const e of STARTER_LIBRARY) {
      expect(readIndicatorValue(e.value).kind, e.value).not.toBe('empty');
      expect(readIndicatorValue(filled(e.value)).kind, e.value).not.toBe('empty');
    }
  });

  it('names only known form labels in placeholders, and fills them all', () => {
    for (const e of STARTER_LIBRARY) {
      for (const label of placeholdersIn(e.value)) expect(LABELS, e.value).toContain(label);
      expect(filled(e.value)).not.toMatch(/[{}]/);
    }
    expect(STARTER_LIBRARY.some((e) => placeholdersIn(e.value).length > 0)).toBe(true);
  });

  it('reads as a quantity wherever a comparator or a percentage is given', () => {
    for (const e of STARTER_LIBRARY) {
      const v = filled(e.value);
      if (/^[≥≤=]/.test(v) || v.endsWith('%')) expect(readIndicatorValue(v).kind, v).toBe('quantity');
    }
  });

  it('gives 时效指标 a date or a quantity, naming only the form year', () => {
    for (const e of STARTER_LIBRARY.filter((x) => x.level2 === '时效指标')) {
      const v = filled(e.value);
      expect(['date', 'quantity'], v).toContain(readIndicatorValue(v).kind);
      expect(yearsNamed(v).every((y) => y === SAMPLE_FORM.年度)).toBe(true);
    }
  });

  it('ties cost ceilings in 万元 to the form amounts', () => {
    expect(amountInWanYuan(readIndicatorValue(filled('≤{年度资金总额}万元')))).toBe('1000');
    const costs = STARTER_LIBRARY.filter((e) => e.level2 === '成本指标' && e.value.includes('{'));
    expect(costs.length).toBeGreaterThan(0);
    for (const e of costs) expect(amountInWanYuan(readIndicatorValue(filled(e.value))), e.value).not.toBeNull();
  });

  it('uses no percentage above 100 with ≥', () => {
    for (const e of STARTER_LIBRARY) {
      const v = readIndicatorValue(e.value);
      if (v.kind === 'quantity' && v.percent) expect(Number(v.number), e.value).toBeLessThanOrEqual(100);
    }
  });

  it.each([
    ['培训', /培训|参训/],
    ['工程', /工程|道路|校舍|房屋|水利|施工/],
    ['补助补贴', /补助|补贴/],
    ['卫生', /医|健康|疫苗|卫生|患者/],
    ['教育', /学生|教育|教学|学校|校舍/],
    ['农业', /农/],
    ['体育', /体育|赛事|健身/],
    ['民政', /救助|低保|特困|养老|应保尽保/],
    ['环保', /垃圾|污水|水质|空气|生态|造林|森林|粪污|秸秆/],
    ['信息化', /信息系统|数据|终端|网络/],
    ['单位运转', /运转|公用经费|在职人员|工资|三公/],
  ])('covers %s projects', (_theme, words) => {
    expect(STARTER_LIBRARY.filter((e) => words.test(e.name)).length).toBeGreaterThanOrEqual(3);
  });

  it('is frozen, so no caller can change the shipped data', () => {
    expect(Object.isFrozen(STARTER_LIBRARY)).toBe(true);
    expect(STARTER_LIBRARY.every((e) => Object.isFrozen(e))).toBe(true);
  });
});

describe('fillPlaceholders', () => {
  it.each([
    ['≤{年度资金总额}万元', '≤1000.00万元'],
    ['{年度}年12月底前', '2025年12月底前'],
    ['{实施单位}：{项目名称}', '某县体育局：全民健身赛事活动经费'],
    ['{年度}—{年度}', '2025—2025'],
    ['无占位符', '无占位符'],
    ['', ''],
  ])('%s → %s', (value, out) => {
    expect(fillPlaceholders(value, SAMPLE_FORM)).toBe(out);
  });

  it.each([
    ['{未知字段}年', '{未知字段}年'],
    ['{}', '{}'],
    ['{constructor}{toString}{__proto__}', '{constructor}{toString}{__proto__}'],
    ['{年度', '{年度'],
    ['年度}', '年度}'],
    ['}{年度}{', '}2025{'],
    ['{{年度}}', '{2025}'],
    ['{a{年度}', '{a2025'],
  ])('leaves what it cannot fill as is: %s → %s', (value, out) => {
    expect(fillPlaceholders(value, SAMPLE_FORM)).toBe(out);
  });

  it('fills a placeholder with a blank value given', () => {
    expect(fillPlaceholders('≥{其他资金}万元', { 其他资金: '' })).toBe('≥万元');
  });

  it('does not expand braces inside an inserted value', () => {
    expect(fillPlaceholders('{项目名称}', { 项目名称: '{年度}项目', 年度: '2025' })).toBe('{年度}项目');
  });

  it('returns on hostile input', () => {
    const n = 200_000;
    expect(fillPlaceholders('{'.repeat(n), SAMPLE_FORM)).toBe('{'.repeat(n));
    expect(fillPlaceholders('}'.repeat(n), SAMPLE_FORM)).toBe('}'.repeat(n));
    expect(fillPlaceholders('{'.repeat(n) + '年度}', SAMPLE_FORM)).toBe('{'.repeat(n - 1) + '2025');
    expect(fillPlaceholders('{年度}'.repeat(n / 4), SAMPLE_FORM)).toBe('2025'.repeat(n / 4));
    expect(fillPlaceholders('{x'.repeat(n / 2) + '}', SAMPLE_FORM)).toBe('{x'.repeat(n / 2) + '}');
  });
});

describe('placeholdersIn', () => {
  it('lists labels in order, with repeats', () => {
    expect(placeholdersIn('{年度}年，{年度资金总额}，{年度}')).toEqual(['年度', '年度资金总额', '年度']);
    expect(placeholdersIn('≥95%')).toEqual([]);
  });
});
