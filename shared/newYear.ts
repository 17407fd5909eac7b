/**
 * "New year from last year": what a template says each field and group column does in a new
 * budget year — carry it, clear it, or carry it with the old budget year moved — applied to last
 * year's form. Every text whose year moved is listed, so the user can check it before saving.
 */
import type { TextChange } from './contract';
import type { FieldValue, FormData, GroupRow } from './form';
import { kindOf } from './kinds';
import { withFixedRows } from './fixedRows';
import { blankForm, completeRow, rowsOf, str } from './formOps';
import type { FieldDef, NewYearRule, TemplateDef } from './template/schema';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Moves dates of `from` to `to` in one piece of text. Only the year of a date moves:
 * `2019年…`, `2019年度`, `2019-01-01`, `2019.1.1`, `2019/1/1`; a 2019 that is part of a
 * longer number or an amount stays. 2月29日 of a leap year becomes 2月28日 when needed.
 */
export function moveYearInText(text: string, from: string, to: string): string {
  if (!/^\d{4}$/.test(from) || !/^\d{4}$/.test(to) || from === to) return text;
  const toLeap = isLeap(Number(to));
  const pattern = new RegExp(
    `(?<![0-9０-９.])${from}(?=\\s{0,3}年|([-./])(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12][0-9]|3[01])(?![0-9]))(\\s{0,3}年\\s{0,3}2\\s{0,3}月\\s{0,3}29\\s{0,3}日)?`,
    'g',
  );
  return text.replace(pattern, (_m, _sep: string | undefined, feb29: string | undefined) => {
    if (feb29 && !toLeap) return `${to}年2月28日`;
    return to + (feb29 ?? '');
  });
}

interface Ctx {
  from: string;
  to: string;
  changes: TextChange[];
}

/** Moves the year line by line so the change list shows the lines that changed, not whole essays. */
function moveText(text: string, ctx: Ctx, field: string, label: string): string {
  const lines = text.split('\n');
  const moved = lines.map((line) => {
    const after = moveYearInText(line, ctx.from, ctx.to);
    if (after !== line) ctx.changes.push({ field, label, before: line, after });
    return after;
  });
  return moved.join('\n');
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function moveValue(v: FieldValue, ctx: Ctx, def: FieldDef): FieldValue {
  if (typeof v === 'string') return moveText(v, ctx, def.id, def.label);
  if (Array.isArray(v)) return copy(v);
  const kind = kindOf(def.kind);
  return kind.moveYear ? kind.moveYear(v, (text, where) => moveText(text, ctx, def.id, where), def.label) : copy(v);
}

const ruleOf = (r: NewYearRule | undefined): NewYearRule => r ?? 'clear';

/** A new 草稿 for `year` from last year's form, and the list of texts whose dates moved. */
export function carryToNewYear(form: FormData, t: TemplateDef, year: string): { form: FormData; changes: TextChange[] } {
  const next = blankForm(t, year);
  next.options = { ...form.options };
  const ctx: Ctx = { from: str(form.values[t.identity.year]).trim(), to: year, changes: [] };
  for (const def of t.fields) {
    const rule = ruleOf(def.newYear);
    const v = form.values[def.id];
    if (def.id === t.identity.year || def.compute || rule === 'clear' || v === undefined) continue;
    next.values[def.id] = rule === 'moveYear' ? moveValue(v, ctx, def) : copy(v);
  }
  for (const g of t.groups ?? []) {
    if (g.newYear !== 'carry') continue;
    const carried = rowsOf(form.values, g.id).map((row, i): GroupRow => {
      const out = completeRow(g);
      for (const c of g.columns) {
        const rule = ruleOf(c.newYear);
        const v = row[c.id] ?? '';
        if (rule === 'carry') out[c.id] = v;
        if (rule === 'moveYear') out[c.id] = moveText(v, ctx, g.id, `${g.label}第${i + 1}行·${c.label}`);
      }
      return out;
    });
    // A 固化 row the template added since, or one the old form lost, is put in.
    next.values[g.id] = withFixedRows(g, carried, () => completeRow(g));
  }
  return { form: next, changes: ctx.changes };
}

/** What a new year keeps and what the user fills in again, by name, for the 从上年复制 dialog. */
export function describeNewYear(t: TemplateDef): { carried: string[]; cleared: string[] } {
  const carried: string[] = [];
  const cleared: string[] = [];
  for (const def of t.fields) {
    if (def.id === t.identity.year || def.compute) continue;
    (ruleOf(def.newYear) === 'clear' ? cleared : carried).push(def.label);
  }
  for (const g of t.groups ?? []) {
    if (g.newYear !== 'carry') {
      cleared.push(g.label);
      continue;
    }
    const kept = g.columns.filter((c) => ruleOf(c.newYear) !== 'clear');
    const blank = g.columns.filter((c) => ruleOf(c.newYear) === 'clear');
    if (kept.length) carried.push(`${g.label}（${kept.map((c) => c.label).join('、')}）`);
    if (blank.length) cleared.push(`${g.label}（${blank.map((c) => c.label).join('、')}）`);
  }
  return { carried, cleared };
}
