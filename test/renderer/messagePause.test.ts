/**
 * Messages wait for a pause in typing (issue 26 item 9): with the editor's delay, a new sum
 * error or warning does not appear while the clerk is still typing, the sum itself updates at
 * once, a message that is no longer true goes at once, and leaving the cell shows all now.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FormStore, MESSAGE_PAUSE_MS } from '../../renderer/src/editor/formStore';
import { seedForm, T2019 as t } from '../helpers/seed';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

const codes = (s: FormStore, cell: string) => s.messagesFor(cell).map((m) => m.code);

describe('messages wait for a pause in typing', () => {
  it('a new message shows 600 ms after the last keystroke; the sum is there at once', () => {
    const s = new FormStore(t, seedForm(), { messageDelayMs: MESSAGE_PAUSE_MS });
    expect(MESSAGE_PAUSE_MS).toBe(600);
    let heard = 0;
    s.subscribeKey('incomeTotal', () => heard++);
    s.set('otherFunds', '7', { coalesceKey: 'otherFunds' });
    expect(s.get('incomeTotal')).toBe('389.21');
    expect(codes(s, 'incomeTotal')).toEqual([]);
    vi.advanceTimersByTime(400);
    s.set('otherFunds', '70', { coalesceKey: 'otherFunds' });
    expect(s.get('incomeTotal')).toBe('452.21');
    // 400 ms after the first key but only 200 after the second: still waiting.
    vi.advanceTimersByTime(400);
    expect(codes(s, 'incomeTotal')).toEqual([]);
    expect(s.messagesPending).toBe(true);
    const before = heard;
    vi.advanceTimersByTime(200);
    expect(codes(s, 'incomeTotal')).toEqual(['sum']);
    expect(s.messages().some((m) => m.field === 'incomeTotal')).toBe(true);
    // The cell was told, so it redraws with its message.
    expect(heard).toBeGreaterThan(before);
    expect(s.messagesPending).toBe(false);
  });

  it('a shown message keeps its place with its new wording, and goes at once when it is no longer true', () => {
    const s = new FormStore(t, seedForm(), { messageDelayMs: MESSAGE_PAUSE_MS });
    s.set('otherFunds', '70');
    vi.advanceTimersByTime(600);
    const first = s.messagesFor('incomeTotal')[0].message;
    s.set('otherFunds', '80');
    expect(s.messagesFor('incomeTotal')[0].message).not.toBe(first);
    expect(s.messagesPending).toBe(false);
    s.set('otherFunds', '60');
    expect(codes(s, 'incomeTotal')).toEqual([]);
  });

  it('leaving the cell (flushMessages) shows them without waiting; no delay shows them at once', () => {
    const s = new FormStore(t, seedForm(), { messageDelayMs: MESSAGE_PAUSE_MS });
    s.set('otherFunds', '70');
    expect(codes(s, 'incomeTotal')).toEqual([]);
    s.flushMessages();
    expect(codes(s, 'incomeTotal')).toEqual(['sum']);
    const now = new FormStore(t, seedForm());
    now.set('otherFunds', '70');
    expect(codes(now, 'incomeTotal')).toEqual(['sum']);
  });
});
