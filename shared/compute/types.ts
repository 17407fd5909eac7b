/**
 * A computed cell's formula is a module, registered like the built-in checks (shared/checks): a
 * name, a zod schema of its parameters (checked when a template loads), what it reads (so a
 * template naming a missing field or column is refused), and its exact evaluation. A template
 * states `compute: { <name>: params, round? }` on a field, or on a group column for a value
 * worked out from its own row's cells (得分 per indicator row). Formulas know the ids they are
 * given, never a particular form.
 */
import type { z } from 'zod';
import type { GroupRow } from '../form';
import type { Rational } from './decimal';

/** What a formula can read while it is evaluated. */
export interface ComputeEnv {
  /** A field's stored text ('' when blank or not text). */
  field(id: string): string;
  /** A group's rows (computed columns already filled). */
  rows(group: string): readonly GroupRow[];
  /** The row a group column is computed for; undefined for a field. */
  row?: GroupRow;
  /** The columns of that row's group: a bare id in an operand names one of them before a field. */
  columns?: ReadonlySet<string>;
}

/**
 * The cell is typed by the clerk after all, within a range the formula sets: a 定性 row's 得分
 * (0 to its 分值), or the band its completion ratio falls in (区间法).
 */
export interface TypedRange {
  typed: true;
  min: Rational;
  max: Rational;
  /** Why it is typed and where its range comes from, for the message when it is out of range. */
  why: string;
}

/** A number (rounded as the template states), a text (a grade), blank (null), or typed within a range. */
export type FormulaResult = Rational | { text: string } | TypedRange | null;

export const isTyped = (r: object | null): r is TypedRange => r !== null && 'typed' in r;

/** What a formula's parameters name, for the template checks: fields, columns of its own row, columns of a group. */
export interface FormulaRefs {
  fields?: readonly string[];
  columns?: readonly string[];
  groupColumns?: readonly { group: string; column: string }[];
}

/** Where a formula is evaluated: for one field, or for each row of a group (a column). */
export type ComputeScope = { kind: 'field' } | { kind: 'row'; group: string; columns: ReadonlySet<string> };

export interface Formula<P = unknown> {
  name: string;
  /** One line for people who write template files. */
  description: string;
  params: z.ZodType<P>;
  /** May be a group column's formula (reads its own row), a field's, or both. */
  scopes: readonly ('field' | 'row')[];
  /** Its result is text (a grade), not a number: the cell is not rounded. */
  text?: boolean;
  refs(p: P, scope: ComputeScope): FormulaRefs;
  evaluate(p: P, env: ComputeEnv): FormulaResult;
}

export const defineFormula = <P>(f: Formula<P>): Formula<P> => f;
