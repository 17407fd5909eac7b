import { describe, expect, it } from 'vitest';
import { matchExpression, searchTokens } from '../../electron/core/store/searchTokens';

describe('search index tokens', () => {
  it('cuts runs of letters and digits into overlapping pairs and the run’s last character', () => {
    expect(searchTokens('全民健身')).toBe('全民 民健 健身 身');
    expect(searchTokens('体育局：2025年')).toBe('体育 育局 局 20 02 25 5年 年');
    expect(searchTokens('≥95%\n满意度')).toBe('95 5 满意 意度 度');
    expect(searchTokens('A')).toBe('A');
    expect(searchTokens('…，。')).toBe('');
  });

  it('turns terms into a query every text holding them matches: pairs, or a prefix for one character', () => {
    expect(matchExpression(['健身赛事'])).toBe('"健身" AND "身赛" AND "赛事"');
    expect(matchExpression(['体'])).toBe('"体"*');
    expect(matchExpression(['教育局', '教育'])).toBe('"教育" AND "育局"');
    expect(matchExpression(['≥95%'])).toBe('"95"');
    expect(matchExpression(['%', '_'])).toBeNull();
    // Every pair of a term is among the text's tokens whenever the text holds the term.
    const text = '六安市金安区体育局全民健身赛事活动经费';
    const tokens = new Set(searchTokens(text).split(' '));
    for (let i = 0; i < text.length; i++)
      for (let j = i + 2; j <= text.length; j++)
        for (const part of matchExpression([text.slice(i, j)])!.split(' AND ')) expect(tokens.has(part.replace(/"/g, ''))).toBe(true);
  });
});
