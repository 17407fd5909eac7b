/**
 * The text a field shows on paper. One rule for the Word export, the print view and the
 * importer (which compares a file's table with its embedded copy), so they cannot disagree.
 */
import type { BenefitIndicators, FieldValue, FormOptions, OutputIndicators } from './form';
import { printDate, str } from './formOps';
import { renderBenefit, renderOutput } from './indicators';
import { printAmount } from './money';
import type { FieldDef } from './template/types';

export function printedFieldText(def: FieldDef, v: FieldValue | undefined, options: FormOptions): string {
  switch (def.kind) {
    case 'amount':
      return printAmount(str(v), options);
    case 'date':
      return printDate(str(v).trim());
    case 'outputIndicators':
      return v && typeof v === 'object' ? renderOutput(v as OutputIndicators) : str(v);
    case 'benefitIndicators':
      return v && typeof v === 'object' ? renderBenefit(v as BenefitIndicators) : str(v);
    default:
      return str(v);
  }
}
