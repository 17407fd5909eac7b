/**
 * A form's indicator rows in a profile's columns (profile.ts): every cell's source resolved
 * through the template's data — its fields' labels and aliases, its identity, its indicator set's
 * columns by meaning, the grid's other columns by header — never by template id. A source the
 * template has no place for gives a blank cell.
 *
 * Which indicators: the indicator set the template's 汇总 hint names (the 年度 block of a form
 * with a 中期 block too), else the first set of the first indicator grid; a form without a grid
 * gives the items of its indicator-list fields (the 2019 form's 产出指标 / 效益指标).
 */
import type { FormData, GroupRow } from '../form';
import { rowsOf, str } from '../formOps';
import { combinedValue, isSplit, splitIndicatorValue, type IndicatorColumns } from '../indicatorSplit';
import { kindOf } from '../kinds';
import { labelsOf, normalizeLabel } from '../labelJson';
import type { GroupDef, TemplateDef } from '../template/schema';
import type { CodeBook, IndicatorNames } from './codes';
import type { UploadProfile, UploadSource } from './profile';

/** One indicator as the sources read it: its names, its value's cells, and the row it came from. */
interface Indicator extends IndicatorNames {
  value: string;
  /** 指标性质 / 值 / 计量单位: read only when a column asks (reading a combined 指标值 is most of a row's cost). */
  parts(): ValueParts;
  row: GroupRow | null;
}

interface ValueParts {
  comparator: string;
  number: string;
  unit: string;
}

/** The parts of a combined 指标值, by the app's one reader of 指标值, worked out once. */
function partsOf(value: string): () => ValueParts {
  let p: ValueParts | undefined;
  return () => {
    if (!p) {
      const s = splitIndicatorValue(value);
      p = { comparator: s.comparator, number: s.value, unit: s.unit };
    }
    return p;
  };
}

type Cell = (ind: Indicator) => string;

interface Resolved {
  cells: Cell[];
  /** Per column: whether it reads the form only (the same in every row of a form). */
  formLevel: boolean[];
}

export interface FormUploadRows {
  rows: string[][];
  /** Headers of required form-level columns left blank (具体项目代码 of a form that has none). */
  blankFormColumns: string[];
}

/** The template's indicator grid and set the upload reads, if it has one. */
function chosenSet(t: TemplateDef): { group: GroupDef; set: IndicatorColumns } | null {
  const grids = (t.groups ?? []).filter((g) => (g.indicators?.length ?? 0) > 0);
  const hint = t.summary?.indicators;
  if (hint) {
    const g = grids.find((x) => x.id === hint.group);
    const set = g?.indicators?.find((s) => s.name === hint.name);
    if (g && set) return { group: g, set };
  }
  const g = grids[0];
  return g ? { group: g, set: g.indicators![0] } : null;
}

const rowLevel = (s: UploadSource): boolean => 'indicator' in s || 'column' in s || 'code' in s || ('join' in s && s.join.some(rowLevel));

/** Every `column` source of the profile, in column order (joins walked into). */
function columnSources(p: UploadProfile): Extract<UploadSource, { column: string[] }>[] {
  const out: Extract<UploadSource, { column: string[] }>[] = [];
  const walk = (s: UploadSource) => {
    if ('column' in s) out.push(s);
    else if ('join' in s) s.join.forEach(walk);
  };
  p.columns.forEach((c) => walk(c.source));
  return out;
}

/**
 * Which grid column each `column` source reads: first by the column's own label or printed
 * header, then by its aliases, each grid column feeding one source at most — so 备注 does not
 * repeat a 指标解释 column that merely lists 备注 among its aliases when 绩效指标说明 took it.
 */
function matchColumns(p: UploadProfile, chosen: { group: GroupDef; set: IndicatorColumns } | null) {
  const matched = new Map<UploadSource, string>();
  if (!chosen) return matched;
  const roles = new Set(
    (chosen.group.indicators ?? []).flatMap((s) => [s.level1, s.level2, s.name, s.value, s.comparator, s.unit]).filter(Boolean),
  );
  const free = chosen.group.columns.filter((c) => !roles.has(c.id));
  const taken = new Set<string>();
  const pass = (names: (c: (typeof free)[number]) => string[]) => {
    for (const s of columnSources(p)) {
      if (matched.has(s)) continue;
      for (const wanted of s.column.map(normalizeLabel)) {
        const c = free.find((x) => !taken.has(x.id) && names(x).includes(wanted));
        if (c) {
          matched.set(s, c.id);
          taken.add(c.id);
          break;
        }
      }
    }
  };
  pass((c) => [c.label, ...(c.printed ? [c.printed] : [])].map(normalizeLabel));
  pass((c) => (c.aliases ?? []).map(normalizeLabel));
  return matched;
}

/** Cheap (a few label comparisons), so done per form rather than cached: nothing can go stale. */
function resolve(p: UploadProfile, t: TemplateDef, codes: CodeBook, form: FormData): Resolved {
  const chosen = chosenSet(t);
  const columns = matchColumns(p, chosen);
  const fieldOf = (wanted: string[]) => {
    for (const w of wanted.map(normalizeLabel)) {
      const f = t.fields.find((x) => labelsOf(x).includes(w));
      if (f) return f.id;
    }
    return null;
  };
  const fieldText = (id: string | null): string => (id === null ? '' : str(form.values[id]).trim());
  const identity = t.identity;
  const build = (s: UploadSource): Cell => {
    if ('constant' in s) return () => s.constant;
    if ('field' in s) {
      const id = fieldOf(s.field);
      return () => fieldText(id);
    }
    if ('identity' in s) {
      const ids = s.identity === 'year' ? [identity.year] : s.identity === 'unit' ? [identity.unit] : identity.title;
      return () =>
        ids
          .map(fieldText)
          .filter((v) => v !== '')
          .join(' ');
    }
    if ('indicator' in s) {
      const part = s.indicator;
      if (part === 'comparator' || part === 'number' || part === 'unit') return (ind) => ind.parts()[part];
      return (ind) => ind[part];
    }
    if ('column' in s) {
      const id = columns.get(s) ?? null;
      return (ind) => (id === null || !ind.row ? '' : (ind.row[id] ?? '').trim());
    }
    if ('code' in s) return (ind) => codes[s.code](ind);
    const parts = s.join.map(build);
    return (ind) =>
      parts
        .map((c) => c(ind))
        .filter((v) => v !== '')
        .join(s.separator);
  };
  return { cells: p.columns.map((c) => build(c.source)), formLevel: p.columns.map((c) => !rowLevel(c.source)) };
}

function indicatorsOf(form: FormData, t: TemplateDef): Indicator[] {
  const chosen = chosenSet(t);
  if (chosen) {
    const { group, set } = chosen;
    const out: Indicator[] = [];
    for (const row of rowsOf(form.values, group.id)) {
      const cell = (id: string | undefined) => (id === undefined ? '' : (row[id] ?? '').trim());
      // A row counts when it says something in this block beyond the 一级/二级 a blank form pre-prints.
      if ([set.name, set.value, set.comparator, set.unit].every((id) => cell(id) === '')) continue;
      const value = combinedValue(row, set).trim();
      const split = { comparator: cell(set.comparator), number: cell(set.value), unit: cell(set.unit) };
      const parts = isSplit(set) ? () => split : partsOf(value);
      out.push({ level1: cell(set.level1), level2: cell(set.level2), name: cell(set.name), value, parts, row });
    }
    return out;
  }
  return t.fields.flatMap((f) =>
    (kindOf(f.kind).indicators?.(form.values[f.id]) ?? []).map((i) => ({
      level1: f.label,
      level2: i.level2,
      name: i.name,
      value: i.value,
      parts: partsOf(i.value),
      row: null,
    })),
  );
}

/** The form's rows in the profile's columns, one per indicator, and the required form-level cells it leaves blank. */
export function uploadRows(p: UploadProfile, t: TemplateDef, form: FormData, codes: CodeBook): FormUploadRows {
  const resolved = resolve(p, t, codes, form);
  const none: Indicator = {
    level1: '',
    level2: '',
    name: '',
    value: '',
    parts: () => ({ comparator: '', number: '', unit: '' }),
    row: null,
  };
  const blankFormColumns = p.columns
    .filter((c, i) => c.required && resolved.formLevel[i] && resolved.cells[i](none) === '')
    .map((c) => c.header);
  const rows = indicatorsOf(form, t).map((ind) => resolved.cells.map((cell) => cell(ind)));
  return { rows, blankFormColumns };
}
