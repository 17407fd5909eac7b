/**
 * Amounts that hand-made forms write with words around them: `854万(高标准农田建设400万元,…)`
 * — one amount and its breakdown in brackets — is 854 with the breakdown kept aside; text that
 * holds more than one amount, or words the amount reader cannot place, is not guessed at: it is
 * kept as typed with the true reason (never 「千分位逗号位置不对」 for a sentence). Amounts the
 * kind's reader takes as they are (`10000万元`, `854万`) never come here.
 */
import { parseAmountInput } from '../../../shared/money';

export type AmountWords = { ok: true; amount: string; remark: string } | { ok: false; reason: string };

const WITH_REMARK = /^([0-9０-９][0-9０-９.,，．\s]*(?:万元|万|元)?)\s*[（(]([^]*)[）)]\s*[。.；;]?$/;
const AMOUNT_IN_TEXT = /[0-9０-９][0-9０-９.,，．]*\s*(?:万元|万|元)/g;
const WORDS = /[\u3400-\u9fff]/;

/** Reads an amount written with words; null when the text has no words (the kind's own reader answers). */
export function amountFromWords(text: string): AmountWords | null {
  const s = text.trim();
  const words = s.replace(/万元|万|元/g, '');
  if (!WORDS.test(words) && !/[（(]/.test(s)) return null;
  const m = WITH_REMARK.exec(s);
  if (m) {
    const r = parseAmountInput(m[1].trim());
    if (r.ok && r.value !== '') return { ok: true, amount: r.value, remark: m[2].trim() };
  }
  const amounts = [...s.matchAll(AMOUNT_IN_TEXT)].map((x) => x[0].replace(/\s+/g, ''));
  if (amounts.length > 1 && amounts[0] === amounts[1] && s.startsWith(amounts[0] + amounts[1]))
    return { ok: false, reason: `开头连写了两个金额「${amounts[0]}」「${amounts[1]}」，无法确定是哪一个` };
  if (amounts.length > 1 && !m) return { ok: false, reason: `写了不止一个金额（${amounts.slice(0, 4).join('、')}），无法确定是哪一个` };
  return { ok: false, reason: '金额中夹有文字说明，无法确定是多少' };
}
