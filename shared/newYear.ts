/**
 * "New year from last year": the texts a unit keeps year after year are carried into a
 * blank form of the new budget year; amounts start empty because every budget is new.
 * Dates of the old budget year inside the texts (2019年1月1日至2019年12月31日) move to the
 * new year, and every such change is listed so the user can check it before saving.
 */
import type { TextChange } from './contract';
import { type BenefitIndicators, type FieldValue, type FormData, type OutputIndicators, OUTPUT_PARTS, OUTPUT_PART_LABELS } from './form';
import { blankForm, str } from './formOps';
import type { FieldDef } from './template/types';
import { getTemplate } from './templates';

/** The printed labels of the fields that carry over; everything else starts blank. */
export const CARRIED_LABELS = ['填报单位', '部门名称', '部门职能职责概述', '整体绩效目标', '产出指标', '效益指标'] as const;

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
    `(?<![0-9０-９.])${from}(?=\\s*年|([-./])(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12][0-9]|3[01])(?![0-9]))(\\s*年\\s*2\\s*月\\s*29\\s*日)?`,
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
  def: FieldDef;
  changes: TextChange[];
}

/** Moves the year line by line so the change list shows the lines that changed, not whole essays. */
function moveText(text: string, ctx: Ctx, label = ctx.def.label): string {
  const lines = text.split('\n');
  const moved = lines.map((line) => {
    const after = moveYearInText(line, ctx.from, ctx.to);
    if (after !== line) ctx.changes.push({ field: ctx.def.id, label, before: line, after });
    return after;
  });
  return moved.join('\n');
}

function moveOutput(v: OutputIndicators, ctx: Ctx): OutputIndicators {
  if (v.mode === 'text') return { mode: 'text', text: moveText(v.text, ctx) };
  const parts = { ...v.parts };
  for (const p of OUTPUT_PARTS) parts[p] = v.parts[p].map((item) => moveText(item, ctx, `${ctx.def.label}·${OUTPUT_PART_LABELS[p]}`));
  return { mode: 'parts', parts };
}

function moveBenefit(v: BenefitIndicators, ctx: Ctx): BenefitIndicators {
  if (v.mode === 'text') return { mode: 'text', text: moveText(v.text, ctx) };
  return {
    mode: 'items',
    items: v.items.map((item, i) => ({
      name: moveText(item.name, ctx, `${ctx.def.label}·指标${i + 1}`),
      description: moveText(item.description, ctx, `${ctx.def.label}·指标${i + 1}`),
    })),
  };
}

function moveValue(v: FieldValue | undefined, ctx: Ctx): FieldValue | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return moveText(v, ctx);
  if (ctx.def.kind === 'outputIndicators' && 'parts' in v) return moveOutput(v, ctx);
  if (ctx.def.kind === 'outputIndicators' && v.mode === 'text') return moveOutput(v as OutputIndicators, ctx);
  if (ctx.def.kind === 'benefitIndicators' && (v.mode === 'items' || v.mode === 'text')) return moveBenefit(v as BenefitIndicators, ctx);
  return JSON.parse(JSON.stringify(v)) as FieldValue;
}

/** A new 草稿 for `year` from last year's form, and the list of texts whose dates moved. */
export function carryToNewYear(form: FormData, year: string): { form: FormData; changes: TextChange[] } {
  const t = getTemplate(form.templateId);
  const next = blankForm(t.id, year);
  next.options = { ...form.options };
  const from = str(form.values[t.identity.year]).trim();
  const changes: TextChange[] = [];
  for (const label of CARRIED_LABELS) {
    const def = t.fields.find((f) => f.label === label);
    if (!def || def.sumOf) continue;
    const moved = moveValue(form.values[def.id], { from, to: year, def, changes });
    if (moved !== undefined) next.values[def.id] = moved;
  }
  return { form: next, changes };
}
