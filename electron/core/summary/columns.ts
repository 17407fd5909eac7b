/**
 * What the 汇总 reads off a template's forms: its `summary` hint (shared/template/schema.ts), or,
 * for a template without one (an imported template file), what the template's data implies:
 * the typed amounts are the money (the computed ones when every amount is computed), and the
 * 主管部门 is any text field written as `[042]名称`.
 */
import { kindOf } from '../../../shared/kinds';
import type { FieldDef, SummaryHint, TemplateDef } from '../../../shared/template/schema';

export interface MoneyColumn {
  field: string;
  label: string;
}

export interface SummaryColumns {
  money: MoneyColumn[];
  /**
   * Text fields that may name the 主管部门, in the order they are tried. The hint's field names
   * it however it is written; without a hint only a value written with its code (`[042]…`) does.
   */
  parent: { fields: string[]; codeRequired: boolean };
  goal?: string;
  indicators?: NonNullable<SummaryHint['indicators']>;
}

const cache = new WeakMap<TemplateDef, SummaryColumns>();

function defaults(t: TemplateDef): SummaryHint {
  const amounts = t.fields.filter((f) => kindOf(f.kind).money);
  const typed = amounts.filter((f) => !f.compute);
  return { money: (typed.length ? typed : amounts).map((f) => f.id) };
}

export function summaryColumns(t: TemplateDef): SummaryColumns {
  let c = cache.get(t);
  if (!c) {
    const hint = t.summary ?? defaults(t);
    const field = (id: string): FieldDef | undefined => t.fields.find((f) => f.id === id);
    c = {
      money: hint.money.map((id) => ({ field: id, label: field(id)?.label ?? id })),
      parent: hint.parent
        ? { fields: [hint.parent], codeRequired: false }
        : { fields: t.fields.filter((f) => kindOf(f.kind).holdsName && f.id !== t.identity.unit).map((f) => f.id), codeRequired: true },
      goal: hint.goal,
      indicators: hint.indicators,
    };
    cache.set(t, c);
  }
  return c;
}
