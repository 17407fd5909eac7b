/**
 * A form from the printed page: the table and the lines around it, read by the template.
 */
import type { FormData, GroupRow } from '../../../shared/form';
import { blankForm, computeInputs, fieldDef, withComputed, computedValue } from '../../../shared/formOps';
import { looksTwoDecimals } from '../../../shared/labelJson';
import { amountsEqual, parseAmountInput } from '../../../shared/money';
import type { GroupDef, TemplateDef } from '../../../shared/template/schema';
import { kindOf } from '../../../shared/kinds';
import { halfDigits, valueFromText, cellFromText, type ReadNotes } from './fieldValues';
import { lineFieldIds, readLines } from './lineReader';
import { readFormTable, type Unplaced } from './tableReader';
import type { DocWalk } from './docModel';
import { quoteText } from '../../../shared/text/quote';
import { amountFromWords } from './amountWords';

/** How many non-empty paragraphs on either side of the table may hold the header and sign lines. */
const NEARBY = 12;

export interface TableForm {
  template: TemplateDef;
  /** Indices (in the document walk) of the tables the form was read from. */
  tables: number[];
  data: FormData;
  /** The printed text of each field found, before it was read into a value. */
  raw: Map<string, string>;
  /** The rows of each group found, as printed. */
  groups: Map<string, GroupRow[]>;
  /** Per group: the share of its columns the table printed. */
  columnShare: Map<string, number>;
  notes: string[];
  uncertain: Set<string>;
  /** What the file holds that this template has no place for (unknown columns, stray cells). */
  unplaced: Unplaced[];
  /** How many of those the grid itself holds (cells and columns with no place), not the leftovers of reading a value. */
  unplacedInGrid: number;
  /** The share of the template's fields and groups the table showed (0–1). */
  share: number;
  /** Fewer than half the template's fields were found (read only with `loose`). */
  weak: boolean;
}

/** A group's printed rows read into values: amounts to canonical strings, what cannot be read kept and flagged. */
export function rowsFromTable(g: GroupDef, printed: readonly GroupRow[], acc: ReadNotes): GroupRow[] {
  return printed.map((row, i) => {
    const out: GroupRow = {};
    for (const c of g.columns) out[c.id] = cellFromText(c, row[c.id] ?? '', `${g.label}第${i + 1}行的${c.label}`, g.id, acc);
    return out;
  });
}

/**
 * Where to look: which tables may hold the form, and which paragraphs around them may hold its
 * lines (a file with several forms one after another gives each form the text between its
 * neighbours).
 */
export interface ReadScope {
  allowed?: (tableIndex: number) => boolean;
  paragraphsFrom?: number;
  paragraphsTo?: number;
  /** Read even a table showing fewer than half the template's fields (the nearest template of an unknown layout). */
  loose?: boolean;
}

export function formFromTable(walk: DocWalk, t: TemplateDef, deadline: () => void, scope: ReadScope = {}): TableForm | null {
  const table = readFormTable(walk, t, deadline, scope.allowed, scope.loose);
  return table ? formFromRead(walk, t, table, scope) : null;
}

export type TableScan = NonNullable<ReturnType<typeof readFormTable>>;

/** The form from a table already scanned for template `t`: its lines read, its texts turned into values. */
export function formFromRead(walk: DocWalk, t: TemplateDef, table: TableScan, scope: ReadScope = {}): TableForm {
  const first = walk.tables.find((x) => x.table === table.first)!;
  const last = walk.tables.find((x) => x.table === table.last)!;
  const near = (ps: string[]) => ps.filter((p) => p.trim() !== '').slice(0, NEARBY);
  const from = Math.min(scope.paragraphsFrom ?? 0, first.start);
  const to = Math.max(scope.paragraphsTo ?? walk.paragraphs.length, last.end);
  // Title and year rows printed inside the table are the nearest lines above it.
  const above = [...table.lines].reverse().concat(walk.paragraphs.slice(from, first.start).reverse());
  const lines = readLines(t, near(above), near(walk.paragraphs.slice(last.end, to)));
  const raw = new Map([...lines, ...table.raw]);

  const acc: ReadNotes = { notes: [], uncertain: new Set() };
  const unplaced: Unplaced[] = [];
  const data = blankForm(t, '');
  const expected = new Set([...lineFieldIds(t), ...table.missing.map((d) => d.id), ...table.raw.keys()]);
  for (const def of t.fields) {
    if (def.compute) continue;
    const text = raw.get(def.id);
    if (text === undefined) {
      if (!expected.has(def.id)) continue;
      acc.notes.push(`文件中没有找到「${def.label}」，请在核对时补填`);
      if (def.required) acc.uncertain.add(def.id);
      continue;
    }
    const words = kindOf(def.kind).money ? amountFromWords(text) : null;
    if (words?.ok) {
      acc.notes.push(`「${def.label}」写作「${quoteText(text.trim())}」，已读作 ${words.amount}，括号中的说明列在未归位内容中`);
      unplaced.push({ where: `「${def.label}」括号中的说明`, text: words.remark });
      data.values[def.id] = valueFromText(def, words.amount, acc);
    } else if (words) {
      // Kept whole as typed (also in the unplaced list: an amount cell keeps only 40 characters).
      acc.notes.push(`「${def.label}」的金额「${quoteText(text.trim())}」无法识别（${words.reason}），已原样保留，请核对后改正`);
      acc.uncertain.add(def.id);
      unplaced.push({ where: `「${def.label}」原文`, text: text.trim() });
      data.values[def.id] = text.trim();
    } else data.values[def.id] = valueFromText(def, text, acc);
  }
  for (const g of t.groups ?? []) {
    const printed = table.groups.get(g.id);
    if (printed) data.values[g.id] = rowsFromTable(g, printed, acc);
    else acc.notes.push(`文件中没有找到「${g.label}」的表头，${g.label}没有读入，请在核对时补填`);
  }
  // Totals are always computed from their parts; a printed total that disagrees is worth a look.
  for (const def of t.fields) {
    if (!def.compute) continue;
    if (!kindOf(def.kind).money) {
      // A score, a percentage or a grade: read by its kind and compared with the formula's value.
      const text = (raw.get(def.id) ?? '').trim();
      // Worked out over the whole form: a formula may read computed totals (执行率 reads 全年预算数).
      const whole = withComputed(data, t).values[def.id];
      const mine = typeof whole === 'string' ? whole : '';
      if (
        text === '' ||
        kindOf(def.kind).print(kindOf(def.kind).read(text, def).value, def, data.options) ===
          kindOf(def.kind).print(mine, def, data.options)
      )
        continue;
      acc.notes.push(`表中「${def.label}」为 ${quoteText(text)}，按公式计算为 ${mine || '空白'}，已采用计算结果，请核对`);
      acc.uncertain.add(def.id);
      continue;
    }
    const printed = parseAmountInput(raw.get(def.id) ?? '');
    if (!printed.ok || printed.value === '') continue;
    const sum = computedValue(def, data.values);
    if (!amountsEqual(printed.value, sum)) {
      const parts = computeInputs(def)
        .map((id) => t.fields.find((f) => f.id === id)?.label ?? t.groups?.find((g) => g.id === id)?.label ?? fieldDef(t, id).label)
        .join('、');
      acc.notes.push(
        `表中「${def.label}」为 ${quoteText(printed.value)}，与${parts}之和 ${sum || 0} 不一致；合计按各项自动相加，请核对各项金额`,
      );
      acc.uncertain.add(def.id);
    }
  }
  const amounts = [
    ...t.fields.filter((d) => kindOf(d.kind).money).map((d) => halfDigits(raw.get(d.id) ?? '')),
    ...(t.groups ?? []).flatMap((g) =>
      g.columns.filter((c) => kindOf(c.kind).money).flatMap((c) => (table.groups.get(g.id) ?? []).map((r) => halfDigits(r[c.id] ?? ''))),
    ),
  ].map((p) => p.replace(/[\s,，]/g, '').replace(/万元?$/, ''));
  data.options = { twoDecimals: looksTwoDecimals(amounts), blankZero: false };
  return {
    template: t,
    tables: table.tables,
    data: withComputed(data, t),
    raw,
    groups: table.groups,
    columnShare: table.columnShare,
    notes: acc.notes,
    uncertain: acc.uncertain,
    unplaced: [...table.unplaced, ...unplaced],
    unplacedInGrid: table.unplaced.length,
    share: table.share,
    weak: table.weak,
  };
}
