import { describe, expect, it } from 'vitest';
import { matchKey, rankSuggestions, type IndicatorCandidate } from '../../shared/library/suggest';

const c = (name: string, p: Partial<IndicatorCandidate> = {}): IndicatorCandidate => ({
  level1: '产出指标',
  level2: '数量指标',
  name,
  value: '≥1次',
  source: 'store',
  uses: 1,
  lastYear: '2024',
  ...p,
});

describe('indicator suggestions', () => {
  it('finds names containing what was typed, the unit’s own first, then the same 二级, then use and recency', () => {
    const list = [
      c('组织培训次数', { source: 'starter', uses: 0, lastYear: '' }),
      c('培训人次', { uses: 40, lastYear: '2023' }),
      c('培训合格率', { level2: '质量指标', uses: 90 }),
      c('业务培训覆盖率', { source: 'unit', uses: 2 }),
      c('培训人次', { uses: 3, lastYear: '2025', value: '≥200人次' }),
      c('会议次数', { uses: 500 }),
    ];
    const got = rankSuggestions(list, { text: '培训', level1: '产出指标', level2: '数量指标' }).map((x) => `${x.name}|${x.value}`);
    expect(got).toEqual(['业务培训覆盖率|≥1次', '培训人次|≥1次', '培训人次|≥200人次', '培训合格率|≥1次', '组织培训次数|≥1次']);
  });

  it('keeps one entry per name and value, ignores spaces and full-width letters, and limits the list', () => {
    const list = Array.from({ length: 30 }, (_, i) => c(`ＡＢ 培训${i}`, { uses: i }));
    list.push(c('ＡＢ 培训29', { uses: 1 }));
    const got = rankSuggestions(list, { text: 'ab培训', limit: 5 });
    expect(got.map((x) => x.name)).toEqual(['ＡＢ 培训29', 'ＡＢ 培训28', 'ＡＢ 培训27', 'ＡＢ 培训26', 'ＡＢ 培训25']);
    expect(matchKey('ＡＢ　１２ x')).toBe('ab12x');
    expect(rankSuggestions(list, { text: '  ' })).toEqual([]);
  });
});
