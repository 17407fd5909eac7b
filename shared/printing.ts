/**
 * The text a value shows on paper. One rule for the Word export, the print view and the
 * importer (which compares a file's table with its embedded copy), so they cannot disagree.
 */
import type { BenefitIndicators, FieldValue, FormOptions, OutputIndicators } from './form';
import { printDate, str } from './formOps';
import { renderBenefit, renderOutput } from './indicators';
import { printAmount } from './money';
import type { ColumnDef, FieldDef } from './template/schema';

export function printedFieldText(def: FieldDef, v: FieldValue | undefined, options: FormOptions): string {
  switch (def.kind) {
    case 'amount':
      return printAmount(str(v), options);
    case 'date':
      return printDate(str(v).trim());
    case 'outputIndicators':
      return v && typeof v === 'object' && !Array.isArray(v) ? renderOutput(v as OutputIndicators) : str(v);
    case 'benefitIndicators':
      return v && typeof v === 'object' && !Array.isArray(v) ? renderBenefit(v as BenefitIndicators) : str(v);
    default:
      return str(v);
  }
}

export function printedColumnText(def: ColumnDef, v: string | undefined, options: FormOptions): string {
  return def.kind === 'amount' ? printAmount(v ?? '', options) : (v ?? '');
}
