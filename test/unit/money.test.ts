import { describe, expect, it } from 'vitest';
import { amountsEqual, parseAmountInput, printAmount, sumAmounts } from '../../shared/money';

describe('exact money in 万元', () => {
  it('sums 0.1 + 0.2 exactly', () => {
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.3');
    expect(amountsEqual(sumAmounts(['0.1', '0.2']), '0.3')).toBe(true);
  });
  it('keeps four decimals (whole yuan) without loss', () => {
    expect(sumAmounts(['1856.3472', '0.0001'])).toBe('1856.3473');
    expect(sumAmounts(['99999999.9999', '0.0001'])).toBe('100000000');
    expect(parseAmountInput('1856.3472')).toMatchObject({ ok: true, value: '1856.3472' });
  });
  it('adds the seed budget', () => {
    expect(sumAmounts(['382.21', '0', '0', '60'])).toBe('442.21');
    expect(sumAmounts(['393.21', '49'])).toBe('442.21');
  });
  it('returns blank only when every part is blank', () => {
    expect(sumAmounts(['', ''])).toBe('');
    expect(sumAmounts(['', '0'])).toBe('0');
  });
  it.each([
    ['1,234.5', '1234.5'],
    ['４４２．２１', '442.21'],
    ['442.21万元', '442.21'],
    [' 49 ', '49'],
    ['49.50', '49.5'],
    ['007', '7'],
    ['.5', '0.5'],
    ['', ''],
  ])('normalises %s to %s', (raw, value) => {
    expect(parseAmountInput(raw)).toMatchObject({ ok: true, value });
  });
  it.each([
    ['abc', '金额只能填写数字'],
    ['12a', '金额只能填写数字'],
    ['-5', '金额不能为负数'],
    ['1.23456', '最多保留4位小数'],
    ['1,23', '千分位'],
    // Words with commas in them are no misplaced thousands separator (issue 21: the wrong reason was given).
    ['854万854万(建设400万元,示范295万元)', '金额只能填写数字'],
    ['1e5', '金额只能填写数字'],
  ])('refuses %s with a Chinese message', (raw, msg) => {
    const r = parseAmountInput(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(msg);
  });
  it('prints never fewer decimals than the value has', () => {
    const plain = { twoDecimals: false, blankZero: false };
    expect(printAmount('49', plain)).toBe('49');
    expect(printAmount('49', { ...plain, twoDecimals: true })).toBe('49.00');
    expect(printAmount('1856.3472', { ...plain, twoDecimals: true })).toBe('1856.3472');
    expect(printAmount('0', plain)).toBe('0');
    expect(printAmount('0', { ...plain, blankZero: true })).toBe('');
    expect(printAmount('', plain)).toBe('');
  });
});
