/**
 * A form's computed cells worked out from its values: the one evaluation the editor (on every
 * keystroke), validation, the Word/Excel export, the print view, label JSON, the importers and
 * new year use. Group columns are computed first, row by row (得分 from its own row's cells), then
 * the fields in template order (a field may use the column sums and the computed fields before it).
 * A row or group whose computed cells are unchanged keeps its object, so the editor re-renders
 * only what changed.
 */
import { evaluateSpec, isTyped, type CellOutcome, type ComputeEnv, type ComputeSpec, type TypedRange } from './compute';
import type { FieldValue, FormData, GroupRow } from './form';
import { kindOf } from './kinds';
import type { ColumnDef, FieldDef, GroupDef, TemplateDef } from './template/schema';

type Values = FormData['values'];

interface Plan {
  fields: FieldDef[];
  groups: { group: GroupDef; columns: ColumnDef[]; ids: ReadonlySet<string> }[];
}

const plans = new WeakMap<TemplateDef, Plan>();

function planOf(t: TemplateDef): Plan {
  let p = plans.get(t);
  if (!p) {
    p = {
      fields: t.fields.filter((f) => f.compute),
      groups: (t.groups ?? [])
        .map((group) => ({ group, columns: group.columns.filter((c) => c.compute), ids: new Set(group.columns.map((c) => c.id)) }))
        .filter((g) => g.columns.length > 0),
    };
    plans.set(t, p);
  }
  return p;
}

const text = (v: FieldValue | undefined): string => (typeof v === 'string' ? v : '');
const rowsIn = (values: Values, id: string): GroupRow[] => {
  const v = values[id];
  return Array.isArray(v) ? v : [];
};

/** Whether the template computes anything (most forms: a few sums). */
export const hasComputed = (t: TemplateDef): boolean => planOf(t).fields.length > 0 || planOf(t).groups.length > 0;

function env(values: Values, row?: GroupRow, columns?: ReadonlySet<string>): ComputeEnv {
  return { field: (id) => text(values[id]), rows: (id) => rowsIn(values, id), row, columns };
}

/** The outcome of one computed column in one row (a row typed within a range keeps what the clerk typed). */
export function rowOutcome(t: TemplateDef, groupId: string, columnId: string, row: GroupRow, values: Values): CellOutcome | null {
  const g = planOf(t).groups.find((x) => x.group.id === groupId);
  const c = g?.columns.find((x) => x.id === columnId);
  if (!g || !c) return null;
  return evaluateSpec(c.compute as ComputeSpec, env(values, row, g.ids), kindOf(c.kind).money === true);
}

/** The outcome of a computed field. */
export function fieldOutcome(def: FieldDef, values: Values): CellOutcome {
  return evaluateSpec(def.compute as ComputeSpec, env(values), kindOf(def.kind).money === true);
}

/** `values` with every computed cell filled; unchanged rows and groups keep their objects. */
export function computeValues(t: TemplateDef, values: Values): Values {
  const plan = planOf(t);
  if (plan.fields.length === 0 && plan.groups.length === 0) return values;
  const out: Values = { ...values };
  for (const { group, columns, ids } of plan.groups) {
    const rows = rowsIn(out, group.id);
    let changed = false;
    const next = rows.map((row) => {
      let r = row;
      for (const c of columns) {
        const o = evaluateSpec(c.compute as ComputeSpec, env(out, r, ids), kindOf(c.kind).money === true);
        if (isTyped(o)) continue;
        if ((r[c.id] ?? '') !== o.value) {
          if (r === row) r = { ...row };
          r[c.id] = o.value;
        }
      }
      if (r !== row) changed = true;
      return r;
    });
    if (changed) out[group.id] = next;
  }
  for (const f of plan.fields) {
    const o = fieldOutcome(f, out);
    if (!isTyped(o)) out[f.id] = o.value;
  }
  return out;
}

/** Cells the clerk types within a range a formula sets (a 定性 row's 得分), for validation and the editor. */
export function typedRanges(t: TemplateDef, values: Values): { group: string; row: number; column: ColumnDef; range: TypedRange }[] {
  const out: { group: string; row: number; column: ColumnDef; range: TypedRange }[] = [];
  for (const { group, columns, ids } of planOf(t).groups)
    rowsIn(values, group.id).forEach((row, i) => {
      for (const c of columns) {
        const o = evaluateSpec(c.compute as ComputeSpec, env(values, row, ids), kindOf(c.kind).money === true);
        if (isTyped(o)) out.push({ group: group.id, row: i, column: c, range: o });
      }
    });
  return out;
}
