/**
 * A form from the printed page: the table and the lines around it, read by the template.
 */
import { blankForm, fieldDef, str, withComputed } from '../../../shared/formOps';
import type { FormData } from '../../../shared/form';
import { parseAmountInput, sumAmounts, amountsEqual } from '../../../shared/money';
import type { TemplateDef } from '../../../shared/template/types';
import { valueFromText, halfDigits, type ReadNotes } from './fieldValues';
import { lineFieldIds, readLines } from './lineReader';
import { readFormTable } from './tableReader';
import type { DocWalk } from './wordText';

/** How many non-empty paragraphs on either side of the table may hold the header and sign lines. */
const NEARBY = 12;

export interface TableForm {
  data: FormData;
  /** The printed text of each field found, before it was read into a value. */
  raw: Map<string, string>;
  notes: string[];
  uncertain: Set<string>;
}

/** 统一保留两位小数 shows in the print as every amount having two decimals, some padded ("60.00"). */
function looksTwoDecimals(printed: string[]): boolean {
  const nums = printed.map((p) => halfDigits(p).replace(/[\s,，]|万元?$/g, '')).filter((p) => p !== '');
  return nums.length > 0 && nums.every((n) => /^\d+\.\d{2,}$/.test(n)) && nums.some((n) => /\.\d*0$/.test(n));
}

export function formFromTable(walk: DocWalk, t: TemplateDef, deadline: () => void): TableForm | null {
  const table = readFormTable(walk, t, deadline);
  if (!table) return null;
  const first = walk.tables.find((x) => x.el === table.first)!;
  const last = walk.tables.find((x) => x.el === table.last)!;
  const near = (ps: string[]) => ps.filter((p) => p.trim() !== '').slice(0, NEARBY);
  const lines = readLines(t, near(walk.paragraphs.slice(0, first.start).reverse()), near(walk.paragraphs.slice(last.end)));
  const raw = new Map([...lines, ...table.raw]);

  const acc: ReadNotes = { notes: [], uncertain: new Set() };
  const data = blankForm(t.id, '');
  const expected = new Set([...lineFieldIds(t), ...table.missing.map((d) => d.id), ...table.raw.keys()]);
  for (const def of t.fields) {
    if (def.sumOf) continue;
    const text = raw.get(def.id);
    if (text === undefined) {
      if (!expected.has(def.id)) continue;
      acc.notes.push(`文件中没有找到「${def.label}」，请在核对时补填`);
      if (def.required) acc.uncertain.add(def.id);
      continue;
    }
    data.values[def.id] = valueFromText(def, text, acc);
  }
  // Totals are always computed from their parts; a printed total that disagrees is worth a look.
  for (const def of t.fields) {
    if (!def.sumOf) continue;
    const printed = parseAmountInput(raw.get(def.id) ?? '');
    if (!printed.ok || printed.value === '') continue;
    const sum = sumAmounts(def.sumOf.map((id) => str(data.values[id])));
    if (!amountsEqual(printed.value, sum)) {
      const parts = def.sumOf.map((id) => fieldDef(t, id).label).join('、');
      acc.notes.push(`表中「${def.label}」为 ${printed.value}，与${parts}之和 ${sum || 0} 不一致；合计按各项自动相加，请核对各项金额`);
      acc.uncertain.add(def.id);
    }
  }
  const amounts = t.fields.filter((d) => d.kind === 'amount').map((d) => raw.get(d.id) ?? '');
  data.options = { twoDecimals: looksTwoDecimals(amounts), blankZero: false };
  return { data: withComputed(data, t), raw, notes: acc.notes, uncertain: acc.uncertain };
}
