/**
 * Our own exports carry the exact form as embedded JSON. It is restored as is, except where
 * the printed table says otherwise: a user who edited the table in Word meant the edit, so
 * the table wins for that field and the user is told.
 */
import { formDataSchema } from '../../../shared/contract';
import { decodeEmbedded, type EmbeddedForm } from '../../../shared/embedded';
import type { FieldValue, FormData, FormOptions } from '../../../shared/form';
import { emptyValue, str } from '../../../shared/formOps';
import { parseAmountInput, printAmount, sumAmounts } from '../../../shared/money';
import { printedFieldText } from '../../../shared/printing';
import type { FieldDef, TemplateDef } from '../../../shared/template/types';
import { TEMPLATES } from '../../../shared/templates';
import { valueFromText, type ReadNotes } from './fieldValues';
import { squash } from './looseText';

export type EmbeddedRead =
  { status: 'absent' } | { status: 'unusable'; reason: string } | { status: 'ok'; form: FormData; template: TemplateDef };

export function readEmbedded(props: ReadonlyMap<string, string>): EmbeddedRead {
  const decoded = decodeEmbedded(props);
  if (decoded.status === 'absent') return decoded;
  if (decoded.status === 'invalid') return { status: 'unusable', reason: decoded.reason };
  const e: EmbeddedForm = decoded.embedded;
  const parsed = formDataSchema.safeParse(e.form);
  if (!parsed.success) return { status: 'unusable', reason: '内嵌数据的内容不完整' };
  const template = TEMPLATES.find((t) => t.id === parsed.data.templateId);
  if (!template) return { status: 'unusable', reason: `内嵌数据使用了不认识的表格模板「${parsed.data.templateId}」` };
  if (typeof e.templateVersion === 'number' && e.templateVersion > template.version) {
    return { status: 'unusable', reason: '内嵌数据来自更新版本的表格模板，请升级程序后再导入' };
  }
  const form = parsed.data as FormData;
  // Fields the template gained since the export start empty; nothing else is touched.
  for (const def of template.fields) if (!(def.id in form.values)) form.values[def.id] = emptyValue(def);
  return { status: 'ok', form, template };
}

/** The field as the exporter prints it. */
export const printedValue = (def: FieldDef, v: FieldValue | undefined, options: FormOptions): string => printedFieldText(def, v, options);

/** Whitespace (layout) and characters Word cannot hold do not count as an edit. */
function samePrint(def: FieldDef, printed: string, tableText: string): boolean {
  if (def.kind === 'amount') {
    const a = parseAmountInput(printed);
    const b = parseAmountInput(tableText);
    if (a.ok && b.ok) return a.value === b.value;
  }
  if (def.kind === 'date') return blankDate(printed) === blankDate(tableText);
  return squash(printed) === squash(tableText);
}

/** A blank date prints as its 年 月 日 for filling in by hand. */
const blankDate = (s: string): string => (squash(s) === '年月日' ? '' : squash(s));

/**
 * The embedded form with every field whose printed text differs from the table replaced
 * by the table's value. Computed totals are only reported: they follow their parts.
 */
export function reconcile(form: FormData, t: TemplateDef, tableRaw: ReadonlyMap<string, string>, acc: ReadNotes): FormData {
  const values = { ...form.values };
  for (const def of t.fields) {
    const text = tableRaw.get(def.id);
    if (text === undefined || def.sumOf) continue;
    if (samePrint(def, printedValue(def, form.values[def.id], form.options), text)) continue;
    values[def.id] = valueFromText(def, text, acc);
    acc.uncertain.add(def.id);
    acc.notes.push(`「${def.label}」在 Word 中被改过，与文件内嵌的数据不同，已采用表格中的内容，请核对`);
  }
  for (const def of t.fields) {
    const text = tableRaw.get(def.id);
    if (text === undefined || !def.sumOf) continue;
    const sum = sumAmounts(def.sumOf.map((id) => str(values[id])));
    if (samePrint(def, printAmount(sum, form.options), text)) continue;
    acc.uncertain.add(def.id);
    acc.notes.push(`表中「${def.label}」为 ${text.trim() || '空白'}，与各项之和 ${sum || 0} 不一致；合计按各项自动相加，请核对各项金额`);
  }
  return { ...form, values };
}
