/**
 * Our own exports carry the exact form as embedded JSON. It is restored as is, except where
 * the printed table says otherwise: a user who edited the table in Word meant the edit, so
 * the table wins for that field (or that group's rows) and the user is told.
 */
import { formDataSchema } from '../../../shared/contract';
import { decodeEmbedded, type EmbeddedForm } from '../../../shared/embedded';
import { BUILT_IN_IDS } from './builtInIds';
import type { FormData, GroupRow } from '../../../shared/form';
import { completeRow, computedValue, emptyValue, rowsOf } from '../../../shared/formOps';
import { kindOf } from '../../../shared/kinds';
import { parseAmountInput } from '../../../shared/money';
import { printedColumnText, printedFieldText } from '../../../shared/printing';
import { checkTemplate } from '../../../shared/template/check';
import { templateDefSchema, type FieldDef, type GroupDef, type TemplateDef } from '../../../shared/template/schema';
import { rowsFromTable } from './formFromTable';
import { valueFromText, type ReadNotes } from './fieldValues';
import { squash } from './looseText';
import { quoteText } from '../../../shared/text/quote';

export type EmbeddedRead =
  | { status: 'absent' }
  | { status: 'unusable'; reason: string }
  /** `carried`: the template came with the file (an imported one this store does not have yet). */
  | { status: 'ok'; form: FormData; template: TemplateDef; carried: boolean; storedVersion?: number };

/** A template a file carries, if it is sound. */
function carriedTemplate(e: EmbeddedForm): TemplateDef | null {
  const parsed = templateDefSchema.safeParse(e.template);
  return parsed.success && checkTemplate(parsed.data).length === 0 ? parsed.data : null;
}

export function readEmbedded(props: ReadonlyMap<string, string>, templates: readonly TemplateDef[]): EmbeddedRead {
  const decoded = decodeEmbedded(props);
  if (decoded.status === 'absent') return decoded;
  if (decoded.status === 'invalid') return { status: 'unusable', reason: decoded.reason };
  const e: EmbeddedForm = decoded.embedded;
  const parsed = formDataSchema.safeParse(e.form);
  if (!parsed.success) return { status: 'unusable', reason: '内嵌数据的内容不完整' };
  const id = parsed.data.templateId;
  const known = templates.filter((t) => t.id === id);
  let template = known.find((t) => t.version === e.templateVersion) ?? known.sort((a, b) => b.version - a.version)[0];
  let carried = false;
  let storedVersion: number | undefined;
  if (!template || (typeof e.templateVersion === 'number' && e.templateVersion > template.version)) {
    const withFile = carriedTemplate(e);
    // A newer built-in comes with a newer program, never with a file: the store would refuse it.
    if (withFile && BUILT_IN_IDS.has(id)) return { status: 'unusable', reason: '内嵌数据来自更新版本的程序，请升级程序后再导入' };
    if (withFile && withFile.id === id) {
      storedVersion = template?.version;
      template = withFile;
      carried = true;
    } else if (template) return { status: 'unusable', reason: '内嵌数据来自更新版本的表样，请升级程序或导入新版表样后再导入' };
    else return { status: 'unusable', reason: `内嵌数据使用了不认识的表样「${id}」` };
  }
  const form = parsed.data as FormData;
  // Fields the template gained since the export start empty; nothing else is touched.
  for (const def of template.fields) if (!(def.id in form.values)) form.values[def.id] = emptyValue(def);
  for (const g of template.groups ?? []) form.values[g.id] = rowsOf(form.values, g.id).map((r) => completeRow(g, r));
  return { status: 'ok', form, template, carried, ...(storedVersion !== undefined ? { storedVersion } : {}) };
}

/** Whitespace (layout) and characters Word cannot hold do not count as an edit. */
function samePrint(kindName: FieldDef['kind'], printed: string, tableText: string): boolean {
  const kind = kindOf(kindName);
  if (kind.money) {
    const a = parseAmountInput(printed);
    const b = parseAmountInput(tableText);
    if (a.ok && b.ok) return a.value === b.value;
  }
  // A blank value printed for filling in by hand (a date's 年 月 日) is blank.
  const blank = kind.blankInLine === undefined ? null : squash(kind.blankInLine);
  const seen = (s: string) => (blank !== null && squash(s) === blank ? '' : squash(s));
  return seen(printed) === seen(tableText);
}

/** The rows as the table prints them; blank rows (padding) are not printed rows. */
function printedRows(g: GroupDef, rows: readonly GroupRow[], options: FormData['options']): GroupRow[] {
  return rows
    .map((r) => Object.fromEntries(g.columns.map((c) => [c.id, printedColumnText(c, r[c.id], options)])))
    .filter((r) => Object.values(r).some((v) => v.trim() !== ''));
}

function sameRows(g: GroupDef, a: readonly GroupRow[], b: readonly GroupRow[]): boolean {
  return a.length === b.length && a.every((r, i) => g.columns.every((c) => samePrint(c.kind, r[c.id] ?? '', b[i][c.id] ?? '')));
}

/**
 * The embedded form with every field whose printed text differs from the table replaced
 * by the table's value. Computed totals are only reported: they follow their parts.
 */
export function reconcile(
  form: FormData,
  t: TemplateDef,
  table: { raw: ReadonlyMap<string, string>; groups: ReadonlyMap<string, GroupRow[]> },
  acc: ReadNotes,
  /** The program the file was edited in, as the notes name it. */
  editor: 'Word' | 'Excel' = 'Word',
): FormData {
  const values = { ...form.values };
  for (const def of t.fields) {
    const text = table.raw.get(def.id);
    if (text === undefined || def.compute) continue;
    if (samePrint(def.kind, printedFieldText(def, form.values[def.id], form.options), text)) continue;
    values[def.id] = valueFromText(def, text, acc);
    acc.uncertain.add(def.id);
    acc.notes.push(`「${def.label}」在 ${editor} 中被改过，与文件内嵌的数据不同，已采用表格中的内容，请核对`);
  }
  for (const g of t.groups ?? []) {
    const printed = table.groups.get(g.id);
    if (!printed || sameRows(g, printedRows(g, rowsOf(form.values, g.id), form.options), printed)) continue;
    values[g.id] = rowsFromTable(g, printed, acc);
    acc.uncertain.add(g.id);
    acc.notes.push(`「${g.label}」在 ${editor} 中被改过，与文件内嵌的数据不同，已采用表格中的 ${printed.length} 行，请核对`);
  }
  for (const def of t.fields) {
    const text = table.raw.get(def.id);
    if (text === undefined || !def.compute) continue;
    const sum = computedValue(def, values);
    if (samePrint(def.kind, printedFieldText(def, sum, form.options), text)) continue;
    acc.uncertain.add(def.id);
    acc.notes.push(
      kindOf(def.kind).money
        ? `表中「${def.label}」为 ${quoteText(text) || '空白'}，与各项之和 ${sum || 0} 不一致；合计按各项自动相加，请核对各项金额`
        : `表中「${def.label}」为 ${quoteText(text) || '空白'}，按公式计算为 ${sum || '空白'}，已采用计算结果，请核对`,
    );
  }
  return { ...form, values };
}
