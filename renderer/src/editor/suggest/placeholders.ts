/**
 * The open form's values by printed label, for a suggestion's 指标值 pattern (`≤{年度资金总额}万元`,
 * `{年度}年12月底前`): each field under its label and under its printed name (the 2015 form's
 * 年度财政拨款 prints 财政拨款). Blank fields are left out, so their placeholder stays for the
 * clerk to see and fill.
 */
import { DEFAULT_OPTIONS } from '../../../../shared/form';
import { fillPlaceholders } from '../../../../shared/library/starter';
import { kindOf } from '../../../../shared/kinds';
import { printedFieldText } from '../../../../shared/printing';
import type { FormStore } from '../formStore';

export function placeholderValues(store: FormStore): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of store.template.fields) {
    if (kindOf(f.kind).block) continue;
    const text = printedFieldText(f, store.get(f.id), store.formOptions ?? DEFAULT_OPTIONS).trim();
    if (text === '') continue;
    for (const name of [f.label, f.printed]) {
      const k = (name ?? '')
        .replace(/^\*/, '')
        .replace(/[：:]\s*$/, '')
        .trim();
      if (k && !Object.prototype.hasOwnProperty.call(out, k)) out[k] = text;
    }
  }
  return out;
}

export const filledValue = (store: FormStore, pattern: string): string => fillPlaceholders(pattern, placeholderValues(store));
