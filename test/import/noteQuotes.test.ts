/**
 * A note quotes at most 50 characters of what the file held (issue #27, item 12): one import note
 * quoted a 200,000-character cell whole, so the review screen showed a wall of text.
 */
import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_CHARS, quoteText } from '../../shared/text/quote';
import { handmadeFormBody, makeDocx } from '../helpers/makeDocx';
import { readDocx } from '../helpers/read';
import { seedJson } from '../helpers/seed';

describe('quotes in import notes', () => {
  it('cut a 200,000-character cell to 50 characters and an ellipsis', async () => {
    const r = await readDocx(
      await makeDocx(handmadeFormBody({ ...seedJson(), 资金总额: '九'.repeat(200_000), 填报日期: '日'.repeat(90_000) })),
    );
    expect(r.notes.length).toBeGreaterThan(0);
    for (const n of r.notes) expect(n.length, n.slice(0, 80)).toBeLessThan(200);
    expect(r.notes.join()).toContain(`「${'九'.repeat(MAX_QUOTE_CHARS)}…」无法识别`);
  });

  it('counts characters, not UTF-16 units, and leaves short text whole', () => {
    expect(quoteText('  短文字  ')).toBe('短文字');
    expect(quoteText('𠀀'.repeat(60))).toBe(`${'𠀀'.repeat(50)}…`);
  });
});
