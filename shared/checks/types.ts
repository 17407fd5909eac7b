import type { z } from 'zod';
import type { FormData } from '../form';
import type { LastYearIndicator } from '../lastYear';
import type { Message } from '../messages';
import type { TemplateDef } from '../template/schema';

export interface CheckContext {
  template: TemplateDef;
  /** The form with its computed fields filled. */
  form: FormData;
  /** The budget year as typed ('' when blank). */
  year: string;
  /** Last year's form of the same template and identity, when the caller knows it (values computed). */
  previous?: { id: number; values: FormData['values'] };
  /** Last year's targets and results of this form's indicators (shared/lastYear.ts), when the caller knows them. */
  lastYear?: readonly LastYearIndicator[];
}

/** What a check's parameters name, so a template naming a missing field is refused when it is loaded. */
export interface CheckRefs {
  fields?: readonly { id: string; kinds?: readonly string[] }[];
  columns?: readonly { group: string; column: string }[];
}

/**
 * A named check a template can ask for with parameters. Checks are generic: they know field
 * kinds and the parameters they are given, never a particular form.
 */
export interface BuiltinCheck<P = unknown> {
  name: string;
  /** One line for people who write template files. */
  description: string;
  params: z.ZodType<P>;
  refs(p: P): CheckRefs;
  run(ctx: CheckContext, p: P): Message[];
}

export const defineCheck = <P>(c: BuiltinCheck<P>): BuiltinCheck<P> => c;
