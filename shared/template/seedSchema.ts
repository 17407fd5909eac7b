/**
 * What a later-stage form (调整, 监控, 自评) takes from the declaration it follows, as data: each
 * field and group of the later template says where its first value comes from, in terms of what
 * every declaration template already states — its identity (year, title, unit), its 汇总 hint
 * (主管部门, 年度目标, the money's first figure) and its printed labels — never a template id. The
 * pre-fill itself is shared/stage/seed.ts.
 */
import { z } from 'zod';

const ident = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, '编号只能由字母、数字和下划线组成，并以字母开头');

/**
 * A field's source in the declaration: `from` one of the facts every template states (year,
 * title, unit: its identity; parent, goal: summary.parent / summary.goal; total: summary.money's
 * first, the 年度资金总额), else (or when the declaration does not state that fact) the
 * declaration's field whose label, printed text or an alias is one of `labels`. `month` is not
 * the declaration's: it is the month the later form is made for (new-stage --month N, 监控 1-N月).
 */
export const fieldSeedSchema = z
  .object({
    from: z.enum(['year', 'title', 'unit', 'parent', 'goal', 'total', 'month']).optional(),
    labels: z.array(z.string().min(1).max(100)).min(1).max(20).optional(),
  })
  .strict()
  .refine((s) => s.from !== undefined || s.labels !== undefined, { message: '预填（seed）要写明取自申报表的哪一项（from 或 labels）' });

/**
 * A group whose rows are the declaration's indicator rows: which of its columns take the
 * 一级/二级/三级 and the 指标值. The rows come from the latest stage that revises the targets
 * (a group with `current`, the 调整表) when there is one, else from the declaration.
 */
export const groupSeedSchema = z
  .object({
    indicators: z.object({ level1: ident, level2: ident, name: ident, value: ident }).strict(),
  })
  .strict();

/**
 * On a stage that revises the targets (调整表): where later stages read the current 指标值 —
 * `value`, or `orElse` when that is blank (调整后指标值 left blank = unchanged); rows whose
 * `skip.column` holds one of `skip.values` (数据状态 删除) are no longer targets.
 */
export const currentTargetsSchema = z
  .object({
    level1: ident,
    level2: ident,
    name: ident,
    value: ident,
    orElse: ident.optional(),
    skip: z
      .object({ column: ident, values: z.array(z.string().min(1).max(20)).min(1).max(10) })
      .strict()
      .optional(),
  })
  .strict();

export type FieldSeed = z.infer<typeof fieldSeedSchema>;
export type GroupSeed = z.infer<typeof groupSeedSchema>;
export type CurrentTargets = z.infer<typeof currentTargetsSchema>;
