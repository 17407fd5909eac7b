/**
 * Turns the text printed for a field into the field's value, by kind. What cannot be read
 * exactly is kept as typed (nothing is lost), marked uncertain and explained in a note.
 */
import { emptyValue } from '../../../shared/formOps';
import type { FieldValue } from '../../../shared/form';
import { parseBenefit, parseOutput } from '../../../shared/indicators';
import { parseAmountInput } from '../../../shared/money';
import { joinWrapped as joinWrappedLinear, tidyBlock as tidyBlockLinear } from '../../../shared/text/trim';
import type { ColumnDef, FieldDef } from '../../../shared/template/schema';
import { isValidIsoDate } from '../../../shared/validation';
import { quoteText } from '../../../shared/text/quote';

export interface ReadNotes {
  notes: string[];
  uncertain: Set<string>;
}

const FULL_DIGITS = /[\uFF10-\uFF19]/g;
export const halfDigits = (s: string): string => s.replace(FULL_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Dashes, slashes and 无 are how hand-filled forms say "nothing here". */
const NOTHING = /^[—–\-－/／\\无]+$/;

/** Date printed as 2019年11月26日, 2019-11-26, 2019.11.26 or 2019/11/26 → 2019-11-26; null otherwise. */
export function parsePrintedDate(raw: string): string | null {
  const s = halfDigits(raw).replace(/\s+/g, '');
  const m = /^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** One-line fields: a line break only wrapped the text, so it goes (a space between Latin words). */
function joinWrapped(s: string): string {
  return joinWrappedLinear(s);
}

/** Trailing spaces and blank lines at either end are layout, not content. */
export function tidyBlock(s: string): string {
  return tidyBlockLinear(s);
}

export function valueFromText(def: FieldDef, raw: string, acc: ReadNotes): FieldValue {
  const text = tidyBlock(raw);
  const flag = (note: string) => {
    acc.uncertain.add(def.id);
    acc.notes.push(note);
  };
  switch (def.kind) {
    case 'amount': {
      const trimmed = text.trim();
      if (NOTHING.test(trimmed)) return '';
      const r = parseAmountInput(trimmed);
      if (r.ok) return r.value;
      flag(`「${def.label}」的金额「${quoteText(trimmed)}」无法识别（${r.message}），已原样保留，请核对后改正`);
      return trimmed;
    }
    case 'year': {
      const s = halfDigits(text).replace(/\s+/g, '');
      const m = /^(\d{4})(?:年度?)?$/.exec(s);
      if (m) return m[1];
      if (s) flag(`「${def.label}」「${quoteText(text)}」不是四位年份，已原样保留，请核对`);
      return text.trim();
    }
    case 'date': {
      const s = text.trim();
      if (s.replace(/\s+/g, '') === '' || s.replace(/\s+/g, '') === '年月日') return '';
      const iso = parsePrintedDate(s);
      if (iso) return iso;
      flag(`「${def.label}」「${quoteText(s)}」不是有效日期，已原样保留，请核对`);
      return s;
    }
    case 'text':
    case 'phone':
    case 'choice':
      return joinWrapped(text.trim());
    case 'outputIndicators': {
      if (text.trim() === '') return emptyValue(def);
      const v = parseOutput(text);
      if (v.mode === 'text') acc.notes.push(`「${def.label}」没有按“一、数量指标”等分项编号书写，已整段保留为文字`);
      return v;
    }
    case 'benefitIndicators': {
      if (text.trim() === '') return emptyValue(def);
      const v = parseBenefit(text);
      if (v.mode === 'text') acc.notes.push(`「${def.label}」没有按“指标1：”编号书写，已整段保留为文字`);
      return v;
    }
    default:
      return text;
  }
}

/** A group cell's printed text as its value; an amount that cannot be read is kept as printed and flagged. */
export function cellFromText(def: ColumnDef, raw: string, label: string, groupId: string, acc: ReadNotes): string {
  const text = tidyBlock(raw);
  if (def.kind !== 'amount') return def.kind === 'multiline' ? text : joinWrapped(text.trim());
  const trimmed = text.trim();
  if (NOTHING.test(trimmed)) return '';
  const r = parseAmountInput(trimmed);
  if (r.ok) return r.value;
  acc.uncertain.add(groupId);
  acc.notes.push(`「${label}」的金额「${quoteText(trimmed)}」无法识别（${r.message}），已原样保留，请核对后改正`);
  return trimmed;
}
