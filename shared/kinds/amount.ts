/** `amount`: 万元, an exact decimal string (bigint 元 under the hood, shared/money.ts). */
import { z } from 'zod';
import { parseAmountInput, printAmount } from '../money';
import { defineKind, str } from './types';

/** Dashes, slashes and 无 are how hand-filled forms say "nothing here". */
const NOTHING = /^[—–\-－/／\\无]+$/;

export const amountKind = defineKind({
  name: 'amount',
  title: '金额',
  description: '金额（万元），精确到元',
  column: true,
  labelHint: { pattern: /万元|元|金额|资金|预算|拨款|支出|经费|合计/, weight: 2 },
  value: z.string(),
  maxLength: 40,
  lines: 'one',
  money: true,
  readWhileTyping: true,
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read(text) {
    const trimmed = text.trim();
    if (NOTHING.test(trimmed)) return { value: '' };
    const r = parseAmountInput(trimmed);
    if (r.ok) return { value: r.value };
    const reason = r.message;
    return {
      value: trimmed,
      problem: { reason, sentence: (label, shown) => `「${label}」的金额「${shown}」无法识别（${reason}），已原样保留，请核对后改正` },
    };
  },
  print: (v, _d, options) => printAmount(str(v), options),
  check(s, _d, label) {
    const r = parseAmountInput(s);
    return r.ok ? null : { code: 'amount', message: `${label}：${r.message}` };
  },
});
