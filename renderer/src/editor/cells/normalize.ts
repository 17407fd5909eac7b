/** How typed text becomes the stored value, per field kind; pure, so it is easy to test. */
import type { ColumnKind, FieldKind } from '../../../../shared/template/schema';
import { parseAmountInput } from '../../../../shared/money';

const FULL_DIGITS = /[\uFF10-\uFF19]/g;
const halfDigits = (s: string) => s.replace(FULL_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** One logical line: a line break pasted into a one-line cell becomes a space. */
export const oneLine = (t: string): string => t.replace(/\s*\r?\n\s*/g, ' ');

/** While typing: amounts that read cleanly are stored canonical; anything else is kept as typed. */
export function readTyped(kind: FieldKind | ColumnKind, text: string): string {
  if (kind === 'amount') {
    const r = parseAmountInput(text);
    return r.ok ? r.value : text.trim();
  }
  return text;
}

/** On leaving the cell: tidy forms of the same value (full-width digits, 2019年11月26日). */
export function tidyOnLeave(kind: FieldKind | ColumnKind, text: string): string {
  switch (kind) {
    case 'amount':
      return readTyped(kind, text);
    case 'year':
      return halfDigits(text)
        .trim()
        .replace(/年度?$/, '');
    case 'phone':
      return halfDigits(text).trim();
    case 'date': {
      const m = /^(\d{4})\s*[年\-/.．]\s*(\d{1,2})\s*[月\-/.．]\s*(\d{1,2})\s*日?$/.exec(halfDigits(text).trim());
      return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
    }
    default:
      return text;
  }
}
