/**
 * A template is data: a JSON object that says everything about one paper form — page, fonts,
 * the lines above and below the table, the grid with its widths and merges, the fields and
 * repeating row groups, which fields identify a form, the checks, and what a new year keeps.
 * The zod schema here is the one description of that shape; built-in templates are checked
 * by it in the tests, and a template file a finance bureau hands out is checked by it (plus
 * `checkTemplate` for what a schema cannot say) before anything is stored.
 */
import { z } from 'zod';
import { computeSchema } from '../compute';
import { isKnownKind, kindNames, kindOf } from '../kinds';
import { currentTargetsSchema, fieldSeedSchema, groupSeedSchema } from './seedSchema';

/** The template file format; a file with a higher number comes from a newer app. */
export const TEMPLATE_FORMAT = 'shenbao-template';
export const TEMPLATE_SCHEMA_VERSION = 1;

/** Field, group and column ids: short ASCII names, stable across versions of a template. */
const ident = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, '编号只能由字母、数字和下划线组成，并以字母开头');
const text = (max: number) => z.string().min(1).max(max);
const twips = z.number().int().min(0).max(40_000);

export const fontSpecSchema = z
  .object({
    eastAsia: text(60),
    ascii: text(60),
    sizePt: z.number().min(5).max(72),
    bold: z.boolean().optional(),
  })
  .strict();

export const alignSchema = z.enum(['left', 'center', 'right']);

/** What a new year does with a value: keep it, start blank, or keep it with the old budget year moved. */
export const newYearRuleSchema = z.enum(['carry', 'clear', 'moveYear']);

/**
 * A field's kind names a registered kind module (shared/kinds): text, multiline, amount, year,
 * date, phone, choice, the 2019 form's outputIndicators and benefitIndicators, and any kind a
 * caller registers. A name no module answers to is refused here, listing the names there are.
 */
const kindNameSchema = (column: boolean) =>
  z.string().superRefine((name, ctx) => {
    if (isKnownKind(name) && (!column || kindOf(name).column)) return;
    ctx.addIssue({ code: 'invalid_value', values: kindNames(column), input: name });
  });

export const fieldKindSchema = kindNameSchema(false);

/** Kind-specific parameters of a declaration (a score's maximum), checked by the kind's `declaration` schema. */
const kindParamsSchema = z.record(z.string(), z.unknown()).optional();

/**
 * A computed value: never typed, worked out by a registered formula (shared/compute) —
 * `{ sum: [...] }`, `{ columnSum: { group, column } }`, `{ quotient: { a, b } }`, `{ indicatorScore: … }` —
 * with the rounding the template states (`round`).
 */
export { computeSchema };

export const fieldDefSchema = z
  .object({
    id: ident,
    /** The field's name: key in label-keyed JSON, accessible name, and what messages call it. Unique in a template. */
    label: text(100),
    /** The text printed on paper when it differs from `label` (two 财政拨款 cells, one 中期 and one 年度). */
    printed: text(100).optional(),
    kind: fieldKindSchema,
    required: z.boolean().optional(),
    /** Other spellings other counties print, for import. */
    aliases: z.array(text(100)).max(20).optional(),
    options: z.array(text(100)).min(1).max(50).optional(),
    params: kindParamsSchema,
    compute: computeSchema.optional(),
    /** Default: clear. The year field is always set to the new year. */
    newYear: newYearRuleSchema.optional(),
    /** Longest text accepted; default by kind (see shared/limits.ts). */
    maxLength: z.number().int().min(1).max(200_000).optional(),
    /** A later-stage form: where the first value comes from in the declaration (seedSchema.ts). */
    seed: fieldSeedSchema.optional(),
    /** Shown and printed but not edited: a value the declaration gave (change it there). */
    locked: z.boolean().optional(),
  })
  .strict();

/** A group column's kind: a registered kind whose values are one string (text, multiline, amount, choice). */
export const columnKindSchema = kindNameSchema(true);

export const columnDefSchema = z
  .object({
    id: ident,
    /** The column's name: the key of this column in label-keyed JSON. Unique in its group. */
    label: text(100),
    /** The header printed on paper when it differs from `label` (二级指标 under both 中期 and 年度). */
    printed: text(100).optional(),
    aliases: z.array(text(100)).max(20).optional(),
    kind: columnKindSchema,
    options: z.array(text(100)).min(1).max(50).optional(),
    params: kindParamsSchema,
    /** A value worked out from the row's own cells and the form's fields (得分 per indicator row); never typed. */
    compute: computeSchema.optional(),
    /** A row in use (any unmerged column filled) must fill this column. */
    required: z.boolean().optional(),
    /**
     * The cell merges down over equal, non-blank neighbours (一级指标 over its rows); `within`
     * names columns that must be equal too (二级 merges only inside its 一级).
     */
    merge: z
      .object({ within: z.array(ident).max(10).optional() })
      .strict()
      .optional(),
    newYear: newYearRuleSchema.optional(),
    maxLength: z.number().int().min(1).max(20_000).optional(),
    /** Shown and printed but not edited: the declaration's value in a later-stage form. */
    locked: z.boolean().optional(),
    /**
     * A history column (近两年指标值 前年 | 上年, 历史指标值): the 指标值 this unit declared for the same
     * indicator `yearsBack` years before, filled from the store (shared/history.ts), never typed.
     */
    history: z
      .object({ yearsBack: z.number().int().min(1).max(5) })
      .strict()
      .optional(),
  })
  .strict();

export const groupDefSchema = z
  .object({
    id: ident,
    /** The group's name: key of its row list in label-keyed JSON (绩效指标, 年度主要任务). */
    label: text(100),
    columns: z.array(columnDefSchema).min(1).max(20),
    /** Where each column sits in a row of the grid. */
    cells: z
      .array(
        z
          .object({
            column: ident,
            col: z.number().int().min(0),
            colSpan: z.number().int().min(1).optional(),
            align: alignSchema.optional(),
            /**
             * One box of a column whose kind prints per option (ticks, choice): the cell prints ✓
             * when the value holds this option. Such a column is placed once per option.
             */
            option: z.string().min(1).max(50).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
    /** What a blank form starts with, e.g. one row per default 一级/二级 pair. */
    defaultRows: z
      .array(z.record(ident, z.string().max(200)))
      .max(200)
      .optional(),
    /**
     * 固化 rows (shared/fixedRows.ts): put into every form, never deleted, their `locked` columns
     * (一级/二级/三级/指标性质) not changed; `values` also pre-fills the others (a 指标值 the clerk may change).
     */
    fixedRows: z
      .array(
        z
          .object({
            values: z.record(ident, z.string().max(200)),
            locked: z.array(ident).min(1).max(20),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    /** Rows printed even when the list is shorter (blank rows for writing by hand); default 1. */
    minRows: z.number().int().min(1).max(200).optional(),
    maxRows: z.number().int().min(1).max(2000).optional(),
    row: z.object({ minHeight: twips, canSplit: z.boolean() }).strict(),
    /** carry: keep the rows (each column by its own rule); reset: start from the default rows. */
    newYear: z.enum(['carry', 'reset']).optional(),
    /**
     * The columns that make an indicator (一级, 二级, 三级, 指标值), one set per indicator block
     * (the two-block form has a 中期 and a 年度 set): what the 指标库 learns from and suggests into.
     * With `comparator` and `unit` the 指标值 is split (指标性质 | 值 | 计量单位, shared/indicatorSplit.ts)
     * and `value` is the 值 alone. `actual` names the 实际完成值 column of a 自评 (what was achieved
     * against `value`): last year's results are shown beside this year's targets (shared/lastYear.ts).
     */
    indicators: z
      .array(
        z
          .object({
            level1: ident,
            level2: ident,
            name: ident,
            value: ident,
            comparator: ident.optional(),
            unit: ident.optional(),
            actual: ident.optional(),
          })
          .strict()
          .refine((s) => (s.comparator === undefined) === (s.unit === undefined), {
            message: '拆分的指标值要同时给出指标性质和计量单位两列',
          }),
      )
      .max(4)
      .optional(),
    /** A later-stage form: the rows are the declaration's indicator rows (seedSchema.ts). */
    seed: groupSeedSchema.optional(),
    /** A stage that revises the targets (调整表): where later stages read them (seedSchema.ts). */
    current: currentTargetsSchema.optional(),
  })
  .strict();

export const segmentSchema = z.union([
  z.object({ text: z.string().max(500) }).strict(),
  z
    .object({
      field: ident,
      minChars: z.number().int().min(0).max(100).optional(),
      /** Only repeats a value filled in elsewhere (the unit's name in a title); not a place to type it. */
      echo: z.boolean().optional(),
    })
    .strict(),
]);

export const lineDefSchema = z
  .object({
    id: ident,
    /** The form's title line is drawn in the title font on screen too. */
    role: z.enum(['title']).optional(),
    segments: z.array(segmentSchema).max(30),
    align: alignSchema,
    font: fontSpecSchema,
    /** Space after the paragraph, in points. */
    spaceAfterPt: z.number().min(0).max(100).optional(),
  })
  .strict();

/** Whose label a label cell prints: a field's, a group column's header, or a group's own name (绩效指标 down its side). */
export const labelRefSchema = z.union([
  z.object({ field: ident }).strict(),
  z.object({ group: ident, column: ident }).strict(),
  z.object({ group: ident }).strict(),
]);

export const cellContentSchema = z.union([
  /** Printed text: fixed `lines`, or the label of a field or group column (`of`), optionally after a `lead`. */
  z
    .object({
      type: z.literal('label'),
      lines: z.array(z.string().max(200)).min(1).max(10).optional(),
      of: labelRefSchema.optional(),
      lead: z.string().max(20).optional(),
    })
    .strict(),
  /**
   * A value cell. With `showLabel`, label and value share the cell ("政府性基金拨款：0"); `lead`
   * is printed before the label ("其中："), `indentLead` indents the label to line up under a
   * previous cell's lead. `footer` lines follow the value (审核意见's stamp lines).
   */
  z
    .object({
      type: z.literal('field'),
      field: ident,
      showLabel: z.boolean().optional(),
      lead: z.string().max(20).optional(),
      indentLead: z.string().max(20).optional(),
      footer: z
        .array(z.object({ text: z.string().max(100), align: alignSchema }).strict())
        .max(5)
        .optional(),
    })
    .strict(),
  z.object({ type: z.literal('empty') }).strict(),
]);

export const cellDefSchema = z
  .object({
    row: z.number().int().min(0),
    col: z.number().int().min(0),
    rowSpan: z.number().int().min(1).optional(),
    colSpan: z.number().int().min(1).optional(),
    content: cellContentSchema,
    align: alignSchema.optional(),
    valign: z.enum(['top', 'center']).optional(),
  })
  .strict();

/** A grid row of the template: fixed, or the place where a group's rows go. */
export const rowDefSchema = z.union([
  z
    .object({
      /** Minimum height in twips; rows always grow with content. */
      minHeight: twips,
      /** Long text rows may break across pages; short rows keep together. */
      canSplit: z.boolean(),
      /** Printed again at the top of each page the rows after it continue on (the grid's header). */
      repeatHeader: z.boolean().optional(),
    })
    .strict(),
  z.object({ group: ident }).strict(),
]);

const severity = z.enum(['error', 'warning']).optional();

/** Checks as data. Messages are Chinese and shown on the cell they name. */
/**
 * What a form is to the other forms of its unit and year, so that rules between forms name roles
 * and never template ids: `department` (the unit's 部门整体 form, one a year), `project` (a
 * 项目支出 form, one per project), and for the later-stage forms (调整, 监控, 自评) a role of their
 * own that `follows` the role of the declaration they belong to. Lower camelCase, open: a finance
 * bureau's template may state a role no built-in has.
 */
export const templateRoleSchema = z.string().regex(/^[a-z][A-Za-z0-9]{0,31}$/, '角色只能由字母和数字组成，并以小写字母开头');

/**
 * Which other forms a cross-form rule compares with: those whose template has one of `roles`.
 * `templates` (ids) is what template files written before roles say; it still counts, beside roles.
 */
const crossTargets = {
  roles: z.array(templateRoleSchema).min(1).max(10).optional(),
  templates: z.array(z.string().max(64)).min(1).max(20).optional(),
};
const namesTargets = (r: { roles?: unknown; templates?: unknown }) => r.roles !== undefined || r.templates !== undefined;
const NO_TARGETS = { message: '跨表检查要写明与哪些角色的表比较（roles）' };

export const ruleDefSchema = z.union([
  /** a = b (amounts), reported on `a`. */
  z.object({ type: z.literal('equal'), a: ident, b: ident, message: text(200), severity }).strict(),
  /** total = sum of parts (amounts), reported on `total`. */
  z.object({ type: z.literal('sum'), total: ident, parts: z.array(ident).min(1).max(50), message: text(200), severity }).strict(),
  /** a ≤ b when both are given (年度资金总额 ≤ 中期资金总额). */
  z.object({ type: z.literal('atMost'), a: ident, b: ident, message: text(200), severity }).strict(),
  /** In each row of a group: total = sum of parts. */
  z
    .object({
      type: z.literal('rowSum'),
      group: ident,
      total: ident,
      parts: z.array(ident).min(1).max(20),
      message: text(200),
      severity,
    })
    .strict(),
  /** In each row of a group: `column` must be filled when any of `when` is. */
  z
    .object({
      type: z.literal('rowRequires'),
      group: ident,
      column: ident,
      when: z.array(ident).min(1).max(20),
      message: text(200),
      severity,
    })
    .strict(),
  /**
   * Across forms of the same unit and year in the store: `field` equals `otherField` of each other
   * form in the named roles that has that field (金额合计 总额 = the 2019 form's 资金总额), reported on `field`.
   */
  z
    .object({
      type: z.literal('crossEqual'),
      field: ident,
      ...crossTargets,
      otherField: ident,
      message: text(200),
      severity,
    })
    .strict()
    .refine(namesTargets, NO_TARGETS),
  /** Across forms of the same unit and year: the sum of `otherField` over the forms in the named roles is at most `field`. */
  z
    .object({
      type: z.literal('crossSumAtMost'),
      field: ident,
      ...crossTargets,
      otherField: ident,
      message: text(200),
      severity,
    })
    .strict()
    .refine(namesTargets, NO_TARGETS),
  /** A named built-in check with parameters (shared/checks). */
  z.object({ type: z.literal('check'), check: ident, params: z.record(z.string(), z.unknown()).optional() }).strict(),
]);

export const identitySchema = z
  .object({
    /** The budget year field. */
    year: ident,
    /** Besides the year, the fields that make a form unique in the store (部门名称; 实施单位 + 项目名称). */
    key: z.array(ident).min(1).max(5),
    /** The fields that name a form in lists, messages and file names. */
    title: z.array(ident).min(1).max(5),
    /** The unit the form belongs to, for grouping lists (部门名称; 实施单位). */
    unit: ident,
    /** The date the form was filled in, if the form has one. */
    date: ident.optional(),
  })
  .strict();

/**
 * What the 汇总 (a receiving office's summary of many forms) reads off a form, as data, so that no
 * code names a template. Without it the 汇总 adds up the amount fields that are typed (or, when
 * every amount is computed, the computed ones) and lists one row per form.
 */
export const summaryHintSchema = z
  .object({
    /** The money added up, in column order; the first is the form's 预算数 in the list. Amount fields. */
    money: z.array(ident).max(20),
    /** The text field naming the 主管部门, written `[042]名称` (its code) or as a plain name. */
    parent: ident.optional(),
    /** The form's 年度目标, shown in the list. */
    goal: ident.optional(),
    /** The indicator grid, listed one row per indicator: its group and which columns are 一级/二级/三级/指标值. */
    indicators: z.object({ group: ident, level1: ident, level2: ident, name: ident, value: ident }).strict().optional(),
  })
  .strict();

export const templateDefSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, '表样编号只能由小写字母、数字和连字符组成'),
    version: z.number().int().min(1).max(1_000_000),
    /** The printed title; label-keyed JSON names its form by it (key "表"). */
    title: text(100),
    /**
     * The form's role among its unit's forms of a year (templateRoleSchema): what cross-form rules
     * of other templates name. Without it (template files written before roles): `project` when
     * the template names a 主管部门 field (`summary.parent`, as project forms do), else `department`
     * — see shared/template/roles.ts.
     */
    role: templateRoleSchema.optional(),
    /** For a later-stage form (调整, 监控, 自评): the role of the declaration it belongs to, e.g. `project`. */
    follows: templateRoleSchema.optional(),
    /** One line for the 新建 list: which form, for whom. */
    description: z.string().max(300),
    /** Export file name; {fieldId} is replaced by the field's value. */
    fileName: text(200),
    page: z
      .object({
        widthTwips: z.number().int().min(2000).max(40_000),
        heightTwips: z.number().int().min(2000).max(40_000),
        marginsTwips: z.object({ top: twips, bottom: twips, left: twips, right: twips }).strict(),
      })
      .strict(),
    fonts: z.object({ table: fontSpecSchema }).strict(),
    fields: z.array(fieldDefSchema).min(1).max(300),
    groups: z.array(groupDefSchema).max(10).optional(),
    identity: identitySchema,
    above: z.array(lineDefSchema).max(20),
    table: z
      .object({
        columnsTwips: z.array(z.number().int().min(100).max(30_000)).min(1).max(30),
        rows: z.array(rowDefSchema).min(1).max(200),
        cells: z.array(cellDefSchema).min(1).max(2000),
        borderPt: z.number().min(0).max(6),
      })
      .strict(),
    below: z.array(lineDefSchema).max(20),
    rules: z.array(ruleDefSchema).max(200),
    summary: summaryHintSchema.optional(),
  })
  .strict();

export type FontSpec = z.infer<typeof fontSpecSchema>;
export type Align = z.infer<typeof alignSchema>;
export type NewYearRule = z.infer<typeof newYearRuleSchema>;
export type FieldKind = z.infer<typeof fieldKindSchema>;
export type FieldDef = z.infer<typeof fieldDefSchema>;
export type ColumnKind = z.infer<typeof columnKindSchema>;
export type ColumnDef = z.infer<typeof columnDefSchema>;
export type GroupDef = z.infer<typeof groupDefSchema>;
export type Segment = z.infer<typeof segmentSchema>;
export type LineDef = z.infer<typeof lineDefSchema>;
export type LabelRef = z.infer<typeof labelRefSchema>;
export type CellContent = z.infer<typeof cellContentSchema>;
export type CellDef = z.infer<typeof cellDefSchema>;
export type RowDef = z.infer<typeof rowDefSchema>;
export type FixedRowDef = Extract<RowDef, { minHeight: number }>;
export type RuleDef = z.infer<typeof ruleDefSchema>;
export type Identity = z.infer<typeof identitySchema>;
export type SummaryHint = z.infer<typeof summaryHintSchema>;
export type TemplateDef = z.infer<typeof templateDefSchema>;

/** A template file: the template with the format it was written in. */
export const templateFileSchema = z
  .object({
    format: z.literal(TEMPLATE_FORMAT),
    schemaVersion: z.number().int().min(1),
    template: z.unknown(),
  })
  .strict();

export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);
