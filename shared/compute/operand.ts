/**
 * What a formula computes with: a field, a column of the row being computed, the sum of a group's
 * column, or a constant. A bare id means a column of the row when a group column is computed and
 * the group has that column, else a field — so `{ "sum": ["a", "b"] }` reads as it always did.
 */
import { z } from 'zod';
import { add, parseDecimal, ZERO, type Rational } from './decimal';
import type { ComputeEnv, ComputeScope, FormulaRefs } from './types';

const ident = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, '编号只能由字母、数字和下划线组成，并以字母开头');
const constant = z.union([z.number().finite(), z.string().regex(/^-?\d{1,15}(\.\d{1,10})?$/, '常数应写成十进制数字，如 10 或 0.8')]);

export const operandSchema = z.union([
  ident,
  z.object({ field: ident }).strict(),
  z.object({ column: ident }).strict(),
  z.object({ columnSum: z.object({ group: ident, column: ident }).strict() }).strict(),
  z.object({ value: constant }).strict(),
]);
export type Operand = z.infer<typeof operandSchema>;
export const constantSchema = constant;

/** A constant of a template as an exact fraction (a number is read from its shortest decimal text). */
export const constantOf = (c: number | string): Rational => parseDecimal(String(c)) ?? ZERO;

/** Whether a bare id names a column of the row (in a row scope where the group has it). */
const isColumn = (id: string, scope: ComputeScope) => scope.kind === 'row' && scope.columns.has(id);

/** The operand's text as stored ('' when blank); constants as written. */
export function operandText(o: Operand, env: ComputeEnv): string {
  if (typeof o === 'string') return env.columns?.has(o) ? (env.row?.[o] ?? '') : env.field(o);
  if ('field' in o) return env.field(o.field);
  if ('column' in o) return env.row?.[o.column] ?? '';
  if ('value' in o) return String(o.value);
  return '';
}

/** The operand's exact value; null when blank or not a number (a column sum of all blank rows is blank). */
export function operandValue(o: Operand, env: ComputeEnv): Rational | null {
  if (typeof o === 'object' && 'columnSum' in o) {
    let total = ZERO;
    let any = false;
    for (const r of env.rows(o.columnSum.group)) {
      const v = parseDecimal(r[o.columnSum.column] ?? '');
      if (v) {
        total = add(total, v);
        any = true;
      }
    }
    return any ? total : null;
  }
  return parseDecimal(operandText(o, env).trim());
}

/** What operands read, for the template checks. */
export function operandRefs(os: readonly Operand[], scope: ComputeScope): FormulaRefs {
  const fields: string[] = [];
  const columns: string[] = [];
  const groupColumns: { group: string; column: string }[] = [];
  for (const o of os) {
    if (typeof o === 'string') (isColumn(o, scope) ? columns : fields).push(o);
    else if ('field' in o) fields.push(o.field);
    else if ('column' in o) columns.push(o.column);
    else if ('columnSum' in o) groupColumns.push(o.columnSum);
  }
  return { fields, columns, groupColumns };
}
