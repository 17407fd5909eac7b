import { describe, expect, it } from 'vitest';
import { revisionsToDrop } from '../../electron/core/store/thinning';

const at = (d: Date) => d.toISOString();

describe('revision thinning', () => {
  it('keeps everything from the last 24 hours', () => {
    const now = new Date(2020, 5, 10, 12, 0);
    const revs = Array.from({ length: 50 }, (_, i) => ({ revision: i + 1, savedAt: at(new Date(now.getTime() - (50 - i) * 60_000)) }));
    expect(revisionsToDrop(revs, now)).toEqual([]);
  });

  it('keeps the last revision of each older day and drops the rest', () => {
    const now = new Date(2020, 5, 10, 12, 0);
    const revs = [
      { revision: 1, savedAt: at(new Date(2020, 5, 1, 9, 0)) },
      { revision: 2, savedAt: at(new Date(2020, 5, 1, 10, 0)) },
      { revision: 3, savedAt: at(new Date(2020, 5, 1, 17, 0)) },
      { revision: 4, savedAt: at(new Date(2020, 5, 3, 9, 0)) },
      { revision: 5, savedAt: at(new Date(2020, 5, 3, 11, 0)) },
      { revision: 6, savedAt: at(new Date(2020, 5, 10, 11, 0)) },
    ];
    expect(revisionsToDrop(revs, now)).toEqual([1, 2, 4]);
  });

  it('never drops the newest revision even when it is old', () => {
    const now = new Date(2021, 0, 1);
    expect(revisionsToDrop([{ revision: 7, savedAt: at(new Date(2020, 0, 1)) }], now)).toEqual([]);
  });
});
