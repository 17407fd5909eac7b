/**
 * A later-stage form pre-filled from the declaration it follows (issue 24): every field and group
 * of the stage template that states a `seed` takes its first value from the declaration — by what
 * the declaration template states (identity, summary hint, labels, its indicator columns or
 * indicator kinds), never by its id — and the indicator rows from the latest stage that revised
 * the targets (调整表) when there is one. Pure: the store finds the forms, this makes the data.
 */
import type { FieldValue, FormData, GroupRow } from '../form';
import { blankForm, completeRow, rowsOf, str } from '../formOps';
import { kindOf } from '../kinds';
import type { FieldDef, TemplateDef } from '../template/schema';
import type { FieldSeed } from '../template/seedSchema';

export interface StageSource {
  form: FormData;
  template: TemplateDef;
}

export interface SeedOptions {
  /** The latest stage that revised the targets (a template with a group stating `current`). */
  revised?: StageSource;
  /** The month the stage is for (1–12), for a field seeded `from: 'month'`. */
  month?: string;
}

/** One indicator row as a stage takes it. */
export interface TargetRow {
  level1: string;
  level2: string;
  name: string;
  value: string;
}

const norm = (s: string): string => s.replace(/\s+/g, '').replace(/[：:]+$/, '');

/** The declaration's field a seed names, or undefined when the declaration has none. */
export function seedSourceField(seed: FieldSeed, t: TemplateDef): FieldDef | undefined {
  const byId = (id: string | undefined) => (id === undefined ? undefined : t.fields.find((f) => f.id === id));
  let id: string | undefined;
  switch (seed.from) {
    case 'year':
      id = t.identity.year;
      break;
    case 'title':
      id = t.identity.title[0];
      break;
    case 'unit':
      id = t.identity.unit;
      break;
    case 'parent':
      id = t.summary?.parent;
      break;
    case 'goal':
      id = t.summary?.goal;
      break;
    case 'total':
      id = t.summary?.money[0];
      break;
  }
  const stated = byId(id);
  if (stated || !seed.labels) return stated;
  // A field's own label first (年度财政拨款), before what it prints (中期 and 年度 both print 财政拨款) or its aliases.
  const wanted = seed.labels.map(norm);
  for (const names of [(f: FieldDef) => [f.label], (f: FieldDef) => [f.printed, ...(f.aliases ?? [])]]) {
    for (const w of wanted) {
      const hit = t.fields.find((f) => names(f).some((l) => l !== undefined && norm(l) === w));
      if (hit) return hit;
    }
  }
  return undefined;
}

/** A declaration value as the stage field's kind holds it: copied when the kinds agree, else read from its printed text. */
function carried(v: FieldValue | undefined, from: FieldDef, to: FieldDef, d: FormData): FieldValue | undefined {
  if (v === undefined) return undefined;
  if (from.kind === to.kind) return JSON.parse(JSON.stringify(v)) as FieldValue;
  const text = kindOf(from.kind).print(v, from, d.options);
  return kindOf(to.kind).read(text, to).value;
}

/**
 * The indicator rows a form states: a group's `current` targets (a 调整表), else the declaration's
 * 汇总 hint, else its group's indicator columns (the 年度 set, the last), else its indicator kinds
 * (the 2019 form's 产出指标 parts and 效益指标 items, under the kind's 一级指标).
 */
export function targetRows(src: StageSource): TargetRow[] {
  const { form, template: t } = src;
  const keep = (r: TargetRow) => r.name.trim() !== '' || r.value.trim() !== '';
  const revising = (t.groups ?? []).find((g) => g.current);
  if (revising?.current) {
    const c = revising.current;
    return rowsOf(form.values, revising.id)
      .filter((row) => !(c.skip && c.skip.values.includes((row[c.skip.column] ?? '').trim())))
      .map((row) => ({
        level1: row[c.level1] ?? '',
        level2: row[c.level2] ?? '',
        name: row[c.name] ?? '',
        value: (row[c.value] ?? '').trim() !== '' || !c.orElse ? (row[c.value] ?? '') : (row[c.orElse] ?? ''),
      }))
      .filter(keep);
  }
  const set =
    t.summary?.indicators ??
    (() => {
      const g = (t.groups ?? []).find((x) => x.indicators?.length);
      return g ? { group: g.id, ...g.indicators![g.indicators!.length - 1] } : undefined;
    })();
  if (set) {
    return rowsOf(form.values, set.group)
      .map((row) => ({
        level1: row[set.level1] ?? '',
        level2: row[set.level2] ?? '',
        name: row[set.name] ?? '',
        value: row[set.value] ?? '',
      }))
      .filter(keep);
  }
  return t.fields.flatMap((f) => {
    const kind = kindOf(f.kind);
    if (!kind.indicators) return [];
    const level1 = kind.libraryHeading ?? f.label;
    return kind.indicators(form.values[f.id]).map((i) => ({ level1, level2: i.level2, name: i.name, value: i.value }));
  });
}

/** The stage form for `stage`, pre-filled from `declaration` (and the latest revision of its targets). */
export function seedStage(stage: TemplateDef, declaration: StageSource, opts: SeedOptions = {}): FormData {
  const d = declaration.form;
  const dt = declaration.template;
  const year = str(d.values[dt.identity.year]).trim();
  const out = blankForm(stage, year);
  out.options = { ...d.options };
  for (const f of stage.fields) {
    if (!f.seed || f.compute) continue;
    if (f.seed.from === 'month') {
      if (opts.month !== undefined) out.values[f.id] = kindOf(f.kind).read(opts.month, f).value;
      continue;
    }
    const from = seedSourceField(f.seed, dt);
    const v = from ? carried(d.values[from.id], from, f, d) : undefined;
    if (v !== undefined) out.values[f.id] = v;
  }
  const targets = (stage.groups ?? []).some((g) => g.seed) ? targetRows(opts.revised ?? declaration) : [];
  for (const g of stage.groups ?? []) {
    if (!g.seed) continue;
    const s = g.seed.indicators;
    out.values[g.id] = targets.map((r): GroupRow =>
      completeRow(g, { [s.level1]: r.level1, [s.level2]: r.level2, [s.name]: r.name, [s.value]: r.value }),
    );
  }
  return out;
}
