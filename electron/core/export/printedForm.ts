/**
 * What the paper shows, before any Word XML: the one layout pass (shared/template/layout.ts)
 * run for print. Kept as its own step so the exporter's docx code only turns a finished layout
 * into XML and knows nothing about templates' fields.
 */
import type { FormData } from '../../../shared/form';
import { layoutForm, type FormLayout } from '../../../shared/template/layout';
import type { TemplateDef } from '../../../shared/template/schema';

export type PrintedForm = FormLayout;
export { CELL_PADDING_TWIPS, charWidth } from '../../../shared/template/layout';
export type { PrintedLine, PrintedParagraph } from '../../../shared/template/layout';

export function printForm(t: TemplateDef, form: FormData): PrintedForm {
  return layoutForm(t, form, { print: true });
}
