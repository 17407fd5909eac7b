import { describe, expect, it } from 'vitest';
import { formatUnits, parseAmountInput } from '../../shared/money';

describe('reading stored amounts', () => {
  it('reads a canonical amount as the full reading does (a leading space forces the full reading)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const samples = ['0', '0.0001', '49', '442.21', '100000000000', '100000000000.0001', '99999999999.9999', '1.5', '10'];
    for (let i = 0; i < 2000; i++) samples.push(formatUnits(BigInt(next()) * BigInt(next() % 100_000)));
    for (const s of samples) expect({ s, r: parseAmountInput(s) }).toEqual({ s, r: parseAmountInput(` ${s}`) });
    // Not canonical: still read, by the full reading.
    expect(parseAmountInput('1.50')).toEqual({ ok: true, value: '1.5', units: 15000n });
    expect(parseAmountInput('007')).toEqual({ ok: true, value: '7', units: 70000n });
    expect(parseAmountInput('100000000000.0001').ok).toBe(false);
  });
});
