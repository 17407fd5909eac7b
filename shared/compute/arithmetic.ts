/**
 * The arithmetic formulas: sums (合计, 金额合计), a quotient (执行率), a ratio capped at 1 (the
 * budget part's 得分 = min(全年执行数 ÷ 全年预算数, 1) × 10), the least of several values, and a
 * product by a constant. All exact; a quotient by zero or a blank input is blank.
 */
import { z } from 'zod';
import { add, div, min as least, mul, ONE, ZERO, type Rational } from './decimal';
import { constantOf, constantSchema, operandRefs, operandSchema, operandValue, type Operand } from './operand';
import { defineFormula, type ComputeEnv } from './types';

const operands = z.array(operandSchema).min(1).max(50);
const ident = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);

/**
 * `times`: a factor, a constant (×10) or an operand (the budget part's 分值 field, so the weight is
 * stated once); `percent` (×100: a ratio written as a percentage).
 */
const scaleParams = { times: z.union([constantSchema, operandSchema]).optional(), percent: z.boolean().optional() };
type Scale = { times?: number | string | Operand; percent?: boolean };
const isConstant = (t: number | string | Operand): t is number | string =>
  typeof t === 'number' || (typeof t === 'string' && /^-?\d/.test(t));
function scaled(r: Rational | null, p: Scale, env: ComputeEnv): Rational | null {
  if (r === null) return null;
  let out = r;
  if (p.times !== undefined) {
    const f = isConstant(p.times) ? constantOf(p.times) : operandValue(p.times, env);
    if (f === null) return null;
    out = mul(out, f);
  }
  if (p.percent) out = mul(out, { n: 100n, d: 1n });
  return out;
}
const scaleRefs = (p: Scale): Operand[] => (p.times !== undefined && !isConstant(p.times) ? [p.times] : []);

/** Every value, or null when one is blank. */
function all(os: readonly Operand[], env: ComputeEnv): Rational[] | null {
  const vs: Rational[] = [];
  for (const o of os) {
    const v = operandValue(o, env);
    if (v === null) return null;
    vs.push(v);
  }
  return vs;
}

/** Σ of the parts; blanks count as zero, blank only when every part is. */
export const sumFormula = defineFormula({
  name: 'sum',
  description: '各项之和（空白按 0 计，全部空白时为空白）',
  params: operands,
  scopes: ['field', 'row'],
  refs: (p, scope) => operandRefs(p, scope),
  evaluate(p, env) {
    let total = ZERO;
    let any = false;
    for (const o of p) {
      const v = operandValue(o, env);
      if (v) {
        total = add(total, v);
        any = true;
      }
    }
    return any ? total : null;
  },
});

/** Σ of one column over a group's rows (金额合计). */
export const columnSumFormula = defineFormula({
  name: 'columnSum',
  description: '表格分组中某一列各行之和',
  params: z.object({ group: ident, column: ident }).strict(),
  scopes: ['field'],
  refs: (p) => ({ groupColumns: [p] }),
  evaluate: (p, env) => operandValue({ columnSum: p }, env),
});

const pair = z.object({ a: operandSchema, b: operandSchema, ...scaleParams }).strict();

/** a ÷ b (× times, × 100 as a percentage): 执行率 = 全年执行数 ÷ 全年预算数. */
export const quotientFormula = defineFormula({
  name: 'quotient',
  description: 'a ÷ b（可乘常数 times；percent 为 true 时以百分数表示）；b 为 0 或空白时为空白',
  params: pair,
  scopes: ['field', 'row'],
  refs: (p, scope) => operandRefs([p.a, p.b, ...scaleRefs(p)], scope),
  evaluate(p, env) {
    const v = all([p.a, p.b], env);
    return v ? scaled(div(v[0], v[1]), p, env) : null;
  },
});

/** min(a ÷ b, 1) (× times): a ratio that never passes 100 %, as a budget part's score. */
export const cappedRatioFormula = defineFormula({
  name: 'cappedRatio',
  description: 'min(a ÷ b, 1)（可乘常数 times，如预算执行得分 × 10）；b 为 0 或空白时为空白',
  params: pair,
  scopes: ['field', 'row'],
  refs: (p, scope) => operandRefs([p.a, p.b, ...scaleRefs(p)], scope),
  evaluate(p, env) {
    const v = all([p.a, p.b], env);
    if (!v) return null;
    const q = div(v[0], v[1]);
    return scaled(q === null ? null : least(q, ONE), p, env);
  },
});

/** The least of the values; blank when one is blank. */
export const minFormula = defineFormula({
  name: 'min',
  description: '各项中最小的一个（有空白时为空白）',
  params: operands,
  scopes: ['field', 'row'],
  refs: (p, scope) => operandRefs(p, scope),
  evaluate(p, env) {
    const v = all(p, env);
    return v ? v.reduce((a, b) => least(a, b)) : null;
  },
});

/** The product of the values (× times): 得分 = 执行率 × 分值, or a value × 10. */
export const productFormula = defineFormula({
  name: 'product',
  description: '各项之积（可乘常数 times）；有空白时为空白',
  params: z.object({ of: operands, ...scaleParams }).strict(),
  scopes: ['field', 'row'],
  refs: (p, scope) => operandRefs([...p.of, ...scaleRefs(p)], scope),
  evaluate(p, env) {
    const v = all(p.of, env);
    return v
      ? scaled(
          v.reduce((a, b) => mul(a, b)),
          p,
          env,
        )
      : null;
  },
});
