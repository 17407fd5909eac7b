/**
 * `amount`: money, an exact decimal string (bigint counts under the hood, shared/money.ts). In
 * 万元 unless the template declares `params.unit: "元"` (the 自评 forms of some provinces): then the
 * value is in 元, with at most two decimals (分), and text in 万元 is refused rather than read 10,000
 * times too small. Printed as the template says: plain numbers, the unit in the header.
 */
import { z } from 'zod';
import { parseAmountInput, printAmount, type AmountParse } from '../money';
import { defineKind, str, type KindDecl } from './types';

/** Dashes, slashes and 无 are how hand-filled forms say "nothing here". */
const NOTHING = /^[—–\-－/／\\无]+$/;

export const AMOUNT_UNITS = ['万元', '元'] as const;
const inYuan = (d: KindDecl | undefined): boolean => d?.params?.unit === '元';

/** An amount read in the field's unit: 元 fields take `1,234.50元`, at most two decimals, and no 万. */
export function readAmountIn(raw: string, d: KindDecl | undefined): AmountParse {
  if (!inYuan(d)) return parseAmountInput(raw);
  const s = (raw ?? '').trim().replace(/\s+/g, '');
  if (/万元?$/.test(s)) return { ok: false, message: '本栏的单位是元，请换算成元后填写' };
  const r = parseAmountInput(s.replace(/元$/, ''));
  if (!r.ok)
    return {
      ok: false,
      message: r.message.replace('单位：万元', '单位：元').replace('请确认单位是万元', '请确认单位是元').replace('（精确到元）', ''),
    };
  if (/\.\d{3,}$/.test(r.value)) return { ok: false, message: '以元为单位的金额最多保留2位小数（精确到分）' };
  return r;
}

export const amountKind = defineKind({
  name: 'amount',
  title: '金额',
  description: '金额（万元，精确到元；params.unit 为 "元" 时以元为单位，精确到分）',
  column: true,
  declaration: z.object({
    params: z
      .object({ unit: z.enum(AMOUNT_UNITS, { error: '的单位（params.unit）应为“万元”或“元”' }) })
      .partial()
      .strict()
      .optional(),
  }),
  labelHint: { pattern: /万元|元|金额|资金|预算|拨款|支出|经费|合计/, weight: 2 },
  value: z.string(),
  maxLength: 40,
  lines: 'one',
  money: true,
  readWhileTyping: true,
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read(text, decl) {
    const trimmed = text.trim();
    if (NOTHING.test(trimmed)) return { value: '' };
    const r = readAmountIn(trimmed, decl);
    if (r.ok) return { value: r.value };
    const reason = r.message;
    return {
      value: trimmed,
      problem: { reason, sentence: (label, shown) => `「${label}」的金额「${shown}」无法识别（${reason}），已原样保留，请核对后改正` },
    };
  },
  // 元 amounts print with their 分 (two places), as money in 元 always is.
  print: (v, d, options) => printAmount(str(v), inYuan(d) ? { ...options, twoDecimals: true } : options),
  check(s, d, label) {
    const r = readAmountIn(s, d);
    return r.ok ? null : { code: 'amount', message: `${label}：${r.message}` };
  },
});
