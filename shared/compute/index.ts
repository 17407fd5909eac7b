/**
 * The formulas a template may name in `compute`, and the one evaluation of a computed cell.
 * `{ "sum": ["a", "b"] }` and `{ "columnSum": { "group": …, "column": … } }` read as they always
 * did; any other formula is `{ "<name>": params }`, with an optional `round`
 * (`{ "places": 2, "mode": "halfUp" }`; default half-up to 4 places for amounts — whole 元 — and 2
 * for everything else).
 */
import { z } from 'zod';
import { cappedRatioFormula, columnSumFormula, minFormula, productFormula, quotientFormula, sumFormula } from './arithmetic';
import { formatRounded, type RoundingMode } from './decimal';
import { gradeFormula, indicatorScoreFormula, scoreTotalFormula } from './scoring';
import { isTyped, type ComputeEnv, type ComputeScope, type Formula, type FormulaRefs, type TypedRange } from './types';

export type { ComputeEnv, ComputeScope, Formula, FormulaRefs, FormulaResult, TypedRange } from './types';
export { defineFormula, isTyped } from './types';

const formulas = new Map<string, Formula<unknown>>();

/** Adds a formula; a second one of the same name is a programming error. */
export function registerFormula<P>(f: Formula<P>): Formula<P> {
  const had = formulas.get(f.name);
  if (had && had !== (f as Formula<unknown>)) throw new Error(`formula ${f.name} is registered twice`);
  formulas.set(f.name, f as Formula<unknown>);
  return f;
}

export const BUILTIN_FORMULAS = [
  sumFormula,
  columnSumFormula,
  quotientFormula,
  cappedRatioFormula,
  minFormula,
  productFormula,
  indicatorScoreFormula,
  scoreTotalFormula,
  gradeFormula,
] as const;
for (const f of BUILTIN_FORMULAS) registerFormula(f as Formula<unknown>);

export const formulaNames = (): string[] => [...formulas.keys()];

export const roundSchema = z.object({ places: z.number().int().min(0).max(6), mode: z.enum(['halfUp', 'down']).optional() }).strict();

/** A computed cell's declaration: one formula by name with its parameters, and how it rounds. */
export const computeSchema = z.record(z.string(), z.unknown()).superRefine((spec, ctx) => {
  const names = Object.keys(spec).filter((k) => k !== 'round');
  if (names.length !== 1) {
    ctx.addIssue({ code: 'custom', message: `计算公式应写明且只写一个公式（可用：${formulaNames().join('、')}）` });
    return;
  }
  const f = formulas.get(names[0]);
  if (!f) {
    ctx.addIssue({
      code: 'custom',
      message: `不认识的计算公式「${names[0].slice(0, 50)}」（可用：${formulaNames().join('、')}）`,
      path: [names[0]],
    });
    return;
  }
  const p = f.params.safeParse(spec[names[0]]);
  if (!p.success)
    for (const issue of p.error.issues)
      ctx.addIssue({
        code: 'custom',
        message: `公式 ${f.name} 的参数：${issue.message}`,
        path: [names[0], ...issue.path] as (string | number)[],
      });
  if (spec.round !== undefined && !roundSchema.safeParse(spec.round).success)
    ctx.addIssue({ code: 'custom', message: '取舍方式（round）应为 { "places": 0 到 6, "mode": "halfUp" 或 "down" }', path: ['round'] });
});
export type ComputeSpec = z.infer<typeof computeSchema>;

export interface Compiled {
  formula: Formula<unknown>;
  params: unknown;
  round?: { places: number; mode: RoundingMode };
}

const compiled = new WeakMap<object, Compiled>();

/** The formula and parsed parameters of a declaration (parsed once per declaration object). */
export function compile(spec: ComputeSpec): Compiled {
  let c = compiled.get(spec);
  if (!c) {
    const name = Object.keys(spec).find((k) => k !== 'round')!;
    const formula = formulas.get(name)!;
    const round = spec.round as { places: number; mode?: RoundingMode } | undefined;
    c = { formula, params: formula.params.parse(spec[name]), round: round && { places: round.places, mode: round.mode ?? 'halfUp' } };
    compiled.set(spec, c);
  }
  return c;
}

export const refsOf = (spec: ComputeSpec, scope: ComputeScope): FormulaRefs => {
  const c = compile(spec);
  return c.formula.refs(c.params, scope);
};

/** What a computed cell holds: its value as text, or that the clerk types it within a range. */
export type CellOutcome = { value: string } | TypedRange;

/**
 * The one evaluation of a computed cell. `money` cells round to 4 places (whole 元) unless the
 * template says otherwise, others to 2, half-up.
 */
export function evaluateSpec(spec: ComputeSpec, env: ComputeEnv, money: boolean): CellOutcome {
  const c = compile(spec);
  const r = c.formula.evaluate(c.params, env);
  if (r === null) return { value: '' };
  if (isTyped(r)) return r;
  if ('text' in r) return { value: r.text };
  const round = c.round ?? { places: money ? 4 : 2, mode: 'halfUp' as const };
  return { value: formatRounded(r, round.places, round.mode) };
}
