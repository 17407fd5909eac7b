/**
 * The linear text helpers (shared/text/trim.ts) give exactly what the regular expressions they
 * replace gave, on thousands of random strings over the characters that matter; and they
 * finish on the inputs that made those expressions take minutes (a million zeros or spaces).
 * Those runs have no time assertion: on the old code they do not finish within the test's
 * time limit, so the test fails there.
 */
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_CHARS, parseAmountInput } from '../../shared/money';
import { dropUnitSuffix, joinWrapped, tidyBlock, trimDotsAndSpaces, trimTrailingZeros, wrapsToSpaces } from '../../shared/text/trim';
import { renderOutput } from '../../shared/indicators';
import { sanitizeFileName } from '../../electron/core/export/fileName';
import { tidyBlock as importTidyBlock } from '../../electron/core/import/fieldValues';

/** The expressions as they were, for comparison. */
const OLD = {
  tidyBlock: (s: string) =>
    s
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t\u3000]+$/gm, '')
      .replace(/^\n+|\n+$/g, ''),
  joinWrapped: (s: string) =>
    s.replace(/\s*\n\s*/g, (m, off: number) => {
      const before = s[off - 1] ?? '';
      const after = s[off + m.length] ?? '';
      return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
    }),
  dropUnitSuffix: (s: string) => s.replace(/[\s\u3000]*(?:金额)?单位[：:][\s\u3000]*万元[\s\u3000]*$/, ''),
  trimTrailingZeros: (s: string) => s.replace(/0+$/, ''),
  trimDotsAndSpaces: (s: string) => s.replace(/[. ]+$/, ''),
  wrapsToSpaces: (s: string) => s.replace(/\s*\n\s*/g, ' '),
};

/** A small deterministic generator (no flaky failures): xorshift32. */
function randomStrings(alphabet: string[], count: number, maxLen: number, seed = 0x9e3779b9): string[] {
  let x = seed;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const len = Math.floor(next() * maxLen);
    let s = '';
    for (let j = 0; j < len; j++) s += alphabet[Math.floor(next() * alphabet.length)];
    out.push(s);
  }
  return out;
}

const TEXT = ['a', 'Z', '7', '中', ' ', '\t', '\u3000', '\n', '\r', '\r\n', '\u00a0', '.', '0'];

describe('linear helpers agree with the expressions they replace', () => {
  it('tidyBlock', () => {
    for (const s of randomStrings(TEXT, 4000, 14)) expect(tidyBlock(s), JSON.stringify(s)).toBe(OLD.tidyBlock(s));
  });
  it('joinWrapped', () => {
    for (const s of randomStrings(TEXT, 4000, 14, 7)) expect(joinWrapped(s), JSON.stringify(s)).toBe(OLD.joinWrapped(s));
  });
  it('wrapsToSpaces', () => {
    for (const s of randomStrings(TEXT, 4000, 14, 3)) expect(wrapsToSpaces(s), JSON.stringify(s)).toBe(OLD.wrapsToSpaces(s));
  });
  it('dropUnitSuffix', () => {
    const parts = ['单位', '：', ':', '万元', '金额', ' ', '\u3000', 'x', '万', '元', '单'];
    for (const s of randomStrings(parts, 6000, 8, 11)) expect(dropUnitSuffix(s), JSON.stringify(s)).toBe(OLD.dropUnitSuffix(s));
    expect(dropUnitSuffix('某某看守所\u3000\u3000单位：万元')).toBe('某某看守所');
    expect(dropUnitSuffix('某某看守所 金额单位: 万元 ')).toBe('某某看守所');
  });
  it('trimTrailingZeros and trimDotsAndSpaces', () => {
    for (const s of randomStrings(['0', '1', '.', ' ', 'a'], 3000, 10, 5)) {
      expect(trimTrailingZeros(s)).toBe(OLD.trimTrailingZeros(s));
      expect(trimDotsAndSpaces(s)).toBe(OLD.trimDotsAndSpaces(s));
    }
  });
});

describe('pathological runs finish (they took minutes with the expressions)', () => {
  const N = 1_000_000;
  it('a cell of a million spaces, newlines and ideographic spaces before its text', () => {
    expect(importTidyBlock('60' + ' '.repeat(N) + 'x')).toBe('60' + ' '.repeat(N) + 'x');
    expect(importTidyBlock('\n'.repeat(N) + 'x' + '\n'.repeat(N) + 'y')).toBe('x' + '\n'.repeat(N) + 'y');
    expect(joinWrapped('a' + ' '.repeat(N) + 'b\nc')).toBe('a' + ' '.repeat(N) + 'b c');
    expect(dropUnitSuffix('某局' + '\u3000'.repeat(N) + 'x')).toBe('某局' + '\u3000'.repeat(N) + 'x');
  });
  it('an indicator item of a million spaces printed as one line', () => {
    const item = 'a' + ' '.repeat(N) + 'b';
    const printed = renderOutput({ mode: 'parts', parts: { quantity: [item], quality: [], timeliness: [], cost: [] } });
    expect(printed.split('\n')[1]).toBe('1、' + item);
  });
  it('a file name of a million dots and spaces', () => {
    const name = sanitizeFileName('表' + '. '.repeat(N) + '表');
    expect(name.endsWith('.docx')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(200);
  });
});

describe('amounts', () => {
  it('refuses an amount longer than the limit before parsing it, with a Chinese message', () => {
    const r = parseAmountInput('0.' + '0'.repeat(1_000_000) + '1');
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/金额太长.*请检查/) });
    expect(parseAmountInput('60' + ' '.repeat(200_000)).ok).toBe(false);
    expect(parseAmountInput('x'.repeat(MAX_AMOUNT_CHARS + 1)).ok).toBe(false);
  });
  it('still reads every real amount, including the longest one allowed', () => {
    expect(parseAmountInput('100,000,000,000.0000万元')).toMatchObject({ ok: true, value: '100000000000' });
    expect(parseAmountInput(' ４４２．２１００ ')).toMatchObject({ ok: true, value: '442.21' });
    expect(parseAmountInput('0.' + '0'.repeat(30) + '1')).toMatchObject({ ok: false, message: expect.stringMatching(/最多保留4位小数/) });
  });
});
