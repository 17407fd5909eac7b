/**
 * The one IPC contract between the renderer and the core, for Electron (ipcMain/preload)
 * and browser mode (HTTP) alike. Each channel has a zod schema for its input and output;
 * both ends validate. Binary payloads travel as base64 strings.
 */
import { z } from 'zod';
import { templateDefSchema } from './template/schema';

/**
 * A cap on what one request may carry at all, far above the per-value limit (shared/limits.ts),
 * which dispatch checks next with a message naming the field.
 */
const MAX_VALUE_CHARS = 2_000_000;
const text = z.string().max(MAX_VALUE_CHARS);

const items = z.array(text).max(2000);
const outputParts = z.object({ quantity: items, quality: items, timeliness: items, cost: items });
export const outputIndicatorsSchema = z.union([
  z.object({ mode: z.literal('parts'), parts: outputParts }),
  z.object({ mode: z.literal('text'), text }),
]);
export const benefitIndicatorsSchema = z.union([
  z.object({ mode: z.literal('items'), items: z.array(z.object({ name: text, description: text })).max(2000) }),
  z.object({ mode: z.literal('text'), text }),
]);
export const groupRowsSchema = z.array(z.record(z.string().max(64), z.string().max(20_000))).max(2000);
export const fieldValueSchema = z.union([text, outputIndicatorsSchema, benefitIndicatorsSchema, groupRowsSchema]);
export const formDataSchema = z.object({
  templateId: z.string().min(1).max(100),
  values: z.record(z.string().max(64), fieldValueSchema),
  options: z.object({ twoDecimals: z.boolean(), blankZero: z.boolean() }),
});

export const formStatusSchema = z.enum(['draft', 'final']);
export const formSummarySchema = z.object({
  id: z.number().int(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  year: z.string(),
  /** What names the form (部门名称; 项目名称), from the template's identity. */
  title: z.string(),
  /** The unit it belongs to (部门名称; 实施单位). */
  unit: z.string(),
  status: formStatusSchema,
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
/** Where a page of the form list continues: the sort key (year, unit, title, id) of the last row shown. */
export const pageKeySchema = z.object({
  year: z.string().max(100),
  unit: z.string().max(5000),
  title: z.string().max(5000),
  id: z.number().int(),
});
/** A page of the form list; `total` (all rows of the query) comes with a page asked for without `after`. */
export const formPageSchema = z.object({
  items: z.array(formSummarySchema),
  total: z.number().int().nullable(),
  next: pageKeySchema.nullable(),
});
export const formRecordSchema = formSummarySchema.extend({
  createdAt: z.string(),
  revision: z.number().int(),
  data: formDataSchema,
});
/** Another form of the same unit and year, for the cross-form checks of the open form. */
export const relatedFormSchema = z.object({
  id: z.number().int(),
  templateId: z.string(),
  templateTitle: z.string(),
  templateRole: z.string(),
  title: z.string(),
  values: z.record(z.string(), fieldValueSchema),
  relation: z.enum(['sameUnit', 'previousYear']),
});
/** A form last year's values come from (shared/lastYear.ts). */
const lastYearFormSchema = z.object({ id: z.number().int(), title: z.string(), templateTitle: z.string() }).nullable();
const earlierIndicatorShape = { level1: z.string(), level2: z.string(), name: z.string(), value: z.string() };
/** Last year's targets and results for a form's indicators, and the earlier years its history columns read. */
export const lastYearSchema = z.object({
  year: z.string(),
  declaration: lastYearFormSchema,
  selfEvaluation: lastYearFormSchema,
  indicators: z.array(z.object({ ...earlierIndicatorShape, actual: z.string() })),
  history: z.array(z.object({ year: z.string(), title: z.string(), indicators: z.array(z.object(earlierIndicatorShape)) })),
});
export const revisionSchema = z.object({
  revision: z.number().int(),
  savedAt: z.string(),
  note: z.string(),
  /** What this version changed against the one before it (shared/compare/revisionChanges.ts); absent for the first. */
  changes: z.string().optional(),
});
export const textChangeSchema = z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() });
export const validationMessageSchema = z.object({
  field: z.string(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
});
export const fileSchema = z.object({ fileName: z.string().min(1).max(255), data: z.string() });
export const backupManifestSchema = z.object({
  app: z.literal('shenbao'),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  formCount: z.number().int(),
  createdAt: z.string(),
});
export const onConflictSchema = z.enum(['replace', 'copy', 'skip']);

/** What each cell of a blank became in its proposed template (electron/core/import/fromBlankPropose.ts). */
export const proposedCellSchema = z.object({
  row: z.number().int(),
  col: z.number().int(),
  rowSpan: z.number().int(),
  colSpan: z.number().int(),
  text: z.string(),
  role: z.enum(['label', 'value', 'labelValue', 'column', 'empty']),
  templateRow: z.number().int(),
  field: z.string().optional(),
  label: z.string().optional(),
  kind: z.string().optional(),
});
export const blankProposalSchema = z.object({
  template: templateDefSchema,
  cells: z.array(proposedCellSchema).max(10_000),
  notes: z.array(z.string()).max(1000),
});
export const templateEntrySchema = z.object({
  template: templateDefSchema,
  builtIn: z.boolean(),
  /** Forms (also in the trash) made with it: an imported template can be removed only at 0. */
  formCount: z.number().int(),
});
const indicatorKey = { level1: z.string().max(100), level2: z.string().max(100), name: z.string().min(1).max(200) };
export const indicatorCandidateSchema = z.object({
  ...indicatorKey,
  value: z.string(),
  source: z.enum(['unit', 'library', 'store', 'starter']),
  uses: z.number().int(),
  lastYear: z.string(),
});
export const libraryEntrySchema = z.object({
  ...indicatorKey,
  value: z.string(),
  note: z.string(),
  source: z.enum(['user', 'imported', 'learned', 'starter']),
  uses: z.number().int(),
  lastYear: z.string(),
});
const diffOps = z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }));
const formRef = z.object({ id: z.number().int(), year: z.string(), title: z.string() });
/** 年度对比: what changed from `before` to `after` (shared/compare/formDiff.ts). */
export const comparisonSchema = z.object({
  before: formRef,
  after: formRef,
  diff: z.object({
    templateId: z.string(),
    money: z.array(
      z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string(), change: z.string(), percent: z.string() }),
    ),
    texts: z.array(
      z.object({ field: z.string(), label: z.string(), same: z.boolean(), ops: diffOps, granularity: z.enum(['char', 'line', 'whole']) }),
    ),
    groups: z.array(
      z.object({
        group: z.string(),
        label: z.string(),
        keyLabels: z.array(z.string()),
        counts: z.object({ added: z.number(), removed: z.number(), changed: z.number(), unchanged: z.number() }),
        rows: z.array(
          z.object({
            status: z.enum(['added', 'removed', 'changed', 'unchanged']),
            key: z.array(z.string()),
            changes: z.array(z.object({ column: z.string(), label: z.string(), before: z.string(), after: z.string() })),
            before: z.record(z.string(), z.string()).nullable(),
            after: z.record(z.string(), z.string()).nullable(),
          }),
        ),
      }),
    ),
  }),
});
export const importPreviewSchema = z.object({
  fileName: z.string(),
  source: z.enum(['embedded', 'table']),
  data: formDataSchema,
  /** What the review list shows of each file at a glance: which form, which year, whose. */
  templateTitle: z.string(),
  year: z.string(),
  title: z.string(),
  unit: z.string(),
  /** A template the file brought with it that this store lacks; sent back with import.commit. */
  newTemplate: templateDefSchema.optional(),
  /** Things the reader was unsure of or changed, in Chinese, for the review screen. */
  notes: z.array(z.string()),
  /** Field ids whose value is uncertain. */
  uncertain: z.array(z.string()),
  /**
   * What the file holds that the chosen template has no place for (an unknown column, a cell no
   * label of the template names, the 中期 block of a two-block form read as a single-year one),
   * by where it was printed, so the clerk sees it before saving; never dropped unseen.
   */
  unplaced: z.array(z.object({ where: z.string(), text: z.string() })).default([]),
  /** The tables the form was read from, each cell marked read / unplaced / neither (electron/core/import/sourceGrid.ts); table reads only. */
  sourceTables: z
    .array(
      z.object({
        rows: z.number().int(),
        cols: z.number().int(),
        cut: z.boolean(),
        cells: z.array(
          z.object({
            row: z.number().int(),
            col: z.number().int(),
            rowSpan: z.number().int(),
            colSpan: z.number().int(),
            text: z.string(),
            mark: z.enum(['read', 'unplaced', 'none']),
          }),
        ),
      }),
    )
    .default([]),
  messages: z.array(validationMessageSchema),
  conflict: formSummarySchema.nullable(),
});

/**
 * The 汇总 of a year (electron/core/summary): per template, forms grouped by 主管部门 → unit, with
 * money totals as exact decimal strings in 万元 (computed with bigint, never floats) and counts.
 * `money` and `totals` follow the section's `moneyColumns`; a form's amount is '' when blank or
 * unreadable, a total is never blank ('0').
 */
export const checkStatusSchema = z.enum(['error', 'warning', 'complete', 'unreadable']);
export const summaryCountsSchema = z.object({
  forms: z.number().int(),
  indicators: z.number().int(),
  error: z.number().int(),
  warning: z.number().int(),
  complete: z.number().int(),
  unreadable: z.number().int(),
});
export const summaryFormSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  status: formStatusSchema,
  updatedAt: z.string(),
  /** error: has errors; warning: only warnings; complete: 完整; unreadable: 无法读取 (damaged, or its template is missing). */
  check: checkStatusSchema,
  errors: z.number().int(),
  warnings: z.number().int(),
  /** The first few messages, errors first (for an unreadable form: why). */
  problems: z.array(z.string()),
  money: z.array(z.string()),
  indicators: z.number().int(),
});
export const summaryUnitSchema = z.object({
  /** The unit's name without its code. */
  name: z.string(),
  /** The code written with the unit (`[042001]…`), else ''. */
  code: z.string(),
  forms: z.array(summaryFormSchema),
  totals: z.array(z.string()),
  counts: summaryCountsSchema,
});
export const summaryParentSchema = z.object({
  /** What summary.run's `parent` filter takes. */
  key: z.string(),
  code: z.string(),
  name: z.string(),
  units: z.array(summaryUnitSchema),
  totals: z.array(z.string()),
  counts: summaryCountsSchema,
});
export const summarySectionSchema = z.object({
  templateId: z.string(),
  templateTitle: z.string(),
  moneyColumns: z.array(z.object({ field: z.string(), label: z.string() })),
  parents: z.array(summaryParentSchema),
  totals: z.array(z.string()),
  counts: summaryCountsSchema,
});
/**
 * The 汇总 of a later stage (electron/core/summary/stage*.ts): 自评 (scores, grades, the projects under
 * 80, 已自评 / 未自评 against the year's declarations) or 监控 (lights, 执行率 against the time
 * elapsed). Every table carries its columns, read alike by the screen, the Excel and the Word file;
 * a row's cells are keyed by column key (amounts, scores and percentages as exact decimal text).
 */
export const summaryStageSchema = z.enum(['selfEvaluation', 'monitoring']);
export const stageColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'amount', 'percent', 'score', 'count']),
});
export const stageTableSchema = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(stageColumnSchema),
  rows: z.array(z.object({ formId: z.number().int().nullable(), cells: z.record(z.string(), z.string()) })),
  /** The 合计 row, when the table has one. */
  total: z.record(z.string(), z.string()).nullable(),
});
export const stageSummarySchema = z.object({
  stage: summaryStageSchema,
  /** What the tables add up to (已自评, 未自评, 优 …; 红灯 …), in print order. */
  figures: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  tables: z.array(stageTableSchema),
});
export const summarySchema = z.object({
  year: z.string(),
  /** The filters it was made with (summary.run's input besides the year). */
  filter: z.object({
    templateId: z.string().optional(),
    parent: z.string().optional(),
    status: checkStatusSchema.optional(),
    stage: summaryStageSchema.optional(),
  }),
  sections: z.array(summarySectionSchema),
  counts: summaryCountsSchema,
  /** With `stage` in the query: that stage's tables. */
  stage: stageSummarySchema.optional(),
});

const id = z.object({ id: z.number().int().positive() });
const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });
const yearStr = z.string().regex(/^\d{4}$/, '年度应为四位数字');

export const summaryQuerySchema = z.object({
  year: yearStr,
  templateId: z.string().max(100).optional(),
  /** A 主管部门: its `key` from an earlier summary.run, its code (042) or its name. */
  parent: z.string().max(1000).optional(),
  /** Only forms with this check status. */
  status: checkStatusSchema.optional(),
  /** A later stage's 汇总 (its forms and tables) instead of the declarations'. */
  stage: summaryStageSchema.optional(),
});

/** channel name → input and output schemas */
export const contract = {
  'app.info': {
    input: none,
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      mode: z.enum(['desktop', 'web']),
      /** What the store could not load and left out (a stored template that does not read, one with a built-in's id), in Chinese: shown at start. */
      notices: z.array(z.string()),
    }),
  },
  /** 指标库: candidates for a 三级指标 being typed in a form (its unit's own first). */
  'library.suggest': {
    input: z.object({
      text: z.string().max(100),
      level1: z.string().max(100).optional(),
      level2: z.string().max(100).optional(),
      formId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(20).optional(),
    }),
    output: z.array(indicatorCandidateSchema),
  },
  /** 年度对比 with last year's form of the same identity, or with `against`. */
  'compare.get': {
    input: z.object({ id: z.number().int().positive(), against: z.number().int().positive().optional() }),
    output: comparisonSchema,
  },
  'compare.docx': {
    input: z.object({ id: z.number().int().positive(), against: z.number().int().positive().optional() }),
    output: fileSchema,
  },
  'library.list': { input: z.object({ search: z.string().max(100).optional() }), output: z.array(libraryEntrySchema) },
  'library.save': {
    input: z.object({
      entry: z.object({ ...indicatorKey, value: z.string().max(500), note: z.string().max(500) }),
      previous: z.object(indicatorKey).optional(),
    }),
    output: ok,
  },
  'library.remove': { input: z.object({ entry: z.object(indicatorKey) }), output: ok },
  'library.export': { input: z.object({ format: z.enum(['json', 'xlsx']) }), output: fileSchema },
  'library.import': { input: fileSchema, output: z.object({ count: z.number().int() }) },
  'templates.list': { input: none, output: z.array(templateEntrySchema) },
  'templates.import': { input: fileSchema, output: templateEntrySchema },
  'templates.export': { input: z.object({ id: z.string().max(100) }), output: fileSchema },
  'templates.remove': { input: z.object({ id: z.string().max(100) }), output: ok },
  /** 表样管理 → 从空白表生成: a blank .docx/.xlsx read in the import worker and proposed; nothing is stored. */
  'templates.fromBlank': { input: fileSchema, output: blankProposalSchema },
  /** A proposed (or edited) template stored; an id the store has gets the next version, forms keep theirs. */
  'templates.save': { input: z.object({ template: templateDefSchema }), output: templateEntrySchema },
  'forms.list': {
    input: z.object({
      search: z.string().max(200).optional(),
      year: z.string().max(10).optional(),
      templateId: z.string().max(100).optional(),
    }),
    output: z.array(formSummarySchema),
  },
  /**
   * The list a page at a time, for a virtualised list of a receiving office's 150,000 forms. Same
   * filters and order as forms.list; pass the last row's `next` as `after` for the following page
   * (constant cost), or `offset` to jump. `total` comes with every page asked for without `after`.
   */
  'forms.page': {
    input: z.object({
      search: z.string().max(200).optional(),
      year: z.string().max(10).optional(),
      templateId: z.string().max(100).optional(),
      after: pageKeySchema.optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: formPageSchema,
  },
  'forms.get': { input: id, output: formRecordSchema },
  'forms.create': {
    input: z.object({
      templateId: z.string().max(100).optional(),
      year: yearStr,
      /** First values by field id (the identity fields the 新建 dialog asks for). */
      values: z.record(z.string().max(64), z.string().max(500)).optional(),
    }),
    output: formRecordSchema,
  },
  /** `baseRevision`: the revision the edit started from; a save over a newer one is refused as stale. */
  'forms.save': {
    input: z.object({ id: z.number().int().positive(), data: formDataSchema, baseRevision: z.number().int().optional() }),
    output: formRecordSchema,
  },
  'forms.finalize': { input: id, output: formRecordSchema },
  'forms.unlock': { input: z.object({ id: z.number().int().positive(), reason: z.string().max(500) }), output: formRecordSchema },
  'forms.delete': { input: id, output: ok },
  'forms.revisions': { input: id, output: z.array(revisionSchema) },
  /** Forms of the same unit and year that this form's cross-form checks compare it with. */
  'forms.related': { input: id, output: z.array(relatedFormSchema) },
  /** Last year's 年度指标值 and 实际完成值 beside this form's indicators (shown, never printed), and its history columns' sources. */
  'forms.lastYear': { input: id, output: lastYearSchema },
  'forms.restoreRevision': { input: z.object({ id: z.number().int().positive(), revision: z.number().int() }), output: formRecordSchema },
  'forms.newYearPreview': {
    input: z.object({ id: z.number().int().positive(), year: yearStr }),
    output: z.object({ changes: z.array(textChangeSchema), conflict: formSummarySchema.nullable() }),
  },
  'forms.newYear': {
    input: z.object({ id: z.number().int().positive(), year: yearStr }),
    output: z.object({ record: formRecordSchema, changes: z.array(textChangeSchema) }),
  },
  /**
   * The declaration a form belongs to (itself when it is one), its later-stage forms (调整, 监控,
   * 自评), and the templates that can be made from it (those that follow its role).
   */
  'forms.stages': {
    input: id,
    output: z.object({
      declaration: formSummarySchema.nullable(),
      stages: z.array(formSummarySchema),
      offered: z.array(z.object({ templateId: z.string(), title: z.string(), role: z.string(), needsMonth: z.boolean() })),
    }),
  },
  /** A later-stage form of `templateId` made from the declaration `id`, pre-filled from it; `month` (1–12) for a 监控表. */
  'forms.newStage': {
    input: z.object({ id: z.number().int().positive(), templateId: z.string().max(100), month: z.string().max(4).optional() }),
    output: formRecordSchema,
  },
  'trash.list': { input: none, output: z.array(formSummarySchema) },
  'trash.restore': { input: id, output: formRecordSchema },
  'trash.empty': { input: none, output: z.object({ removed: z.number().int() }) },
  'export.docx': { input: id, output: fileSchema.extend({ dropped: z.array(z.string()) }) },
  'export.blankDocx': { input: z.object({ year: yearStr, templateId: z.string().max(100).optional() }), output: fileSchema },
  /** One form's grid as an Excel workbook (.xlsx). */
  'export.formXlsx': { input: id, output: fileSchema },
  /**
   * A year's indicators of project forms as the province's 一体化 upload file (.xlsx), one row per
   * indicator, in the columns of `profile` (a profile file, shared/upload/profile.ts) or the national
   * set; `ids` chooses forms (else every project form of the year). `message` says what was left blank.
   */
  'export.uploadXlsx': {
    input: z.object({ year: yearStr, ids: z.array(z.number().int().positive()).max(20_000).optional(), profile: fileSchema.optional() }),
    output: fileSchema.extend({
      forms: z.number().int(),
      rows: z.number().int(),
      withoutCode: z.array(z.string()),
      message: z.string(),
    }),
  },
  /**
   * The 汇总 of a year (see summarySchema). Reads every form of the year: on a receiving office's
   * 15,000 forms the first run takes seconds (later ones reuse what it worked out); poll
   * summary.progress meanwhile.
   */
  'summary.run': { input: summaryQuerySchema, output: summarySchema },
  /** How far a running summary.run / summary.xlsx / summary.docx is: forms read (phase read), then listed (phase write). */
  'summary.progress': {
    input: none,
    output: z.object({
      running: z.boolean(),
      phase: z.enum(['read', 'write']).nullable(),
      done: z.number().int(),
      total: z.number().int(),
    }),
  },
  /** The 汇总 as an Excel workbook: per template a 汇总表 (units, 小计, 合计) and a 明细表 (one row per indicator). */
  'summary.xlsx': { input: summaryQuerySchema, output: fileSchema },
  /** The 汇总's totals as a Word table (A4 landscape) for printing and stamping. */
  'summary.docx': { input: summaryQuerySchema, output: fileSchema },
  /** One preview per form in the file: our own export holds one; a hand-made file may hold several (a unit's projects). */
  'import.read': { input: fileSchema, output: z.array(importPreviewSchema).min(1) },
  /** `original`: the file the form was read from, kept with it (at most 10 MB; a larger one is not kept, and the message says so). */
  'import.commit': {
    input: z.object({
      data: formDataSchema,
      onConflict: onConflictSchema,
      newTemplate: templateDefSchema.optional(),
      original: fileSchema.optional(),
    }),
    output: z.object({
      outcome: z.enum(['imported', 'replaced', 'copied', 'skipped']),
      id: z.number().int().nullable(),
      message: z.string(),
    }),
  },
  /** The file a form was imported from (原始文件): name, size, when it was kept, how many forms came from it; its bytes when `withData`. Null when none was kept. */
  'forms.original': {
    input: z.object({ id: z.number().int().positive(), withData: z.boolean().default(false) }),
    output: z
      .object({
        fileName: z.string(),
        size: z.number().int(),
        keptAt: z.string(),
        forms: z.number().int(),
        data: z.string().optional(),
      })
      .nullable(),
  },
  'backup.create': { input: none, output: fileSchema.extend({ manifest: backupManifestSchema }) },
  'backup.restore': { input: fileSchema, output: z.object({ manifest: backupManifestSchema }) },
  /** Desktop only: save a file the core produced through a native dialog. In browser mode the renderer downloads instead. */
  'files.saveAs': {
    input: fileSchema.extend({ kind: z.enum(['docx', 'pdf', 'backup', 'template', 'library', 'xlsx', 'original']) }),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  /** Desktop only: choose a folder once and save several files the core produced into it (names made unique). */
  'files.saveMany': {
    input: z.object({ kind: z.enum(['docx', 'pdf']), files: z.array(fileSchema).min(1).max(500) }),
    output: z.object({ saved: z.number().int(), folder: z.string().nullable() }),
  },
  /** Desktop only: pick files through a native dialog; their bytes come back, never their paths. */
  'files.open': {
    input: z.object({ kind: z.enum(['docx', 'backup', 'template', 'library']), multiple: z.boolean() }),
    output: z.array(fileSchema),
  },
  /** Desktop only: the print view of a form as PDF bytes (printToPDF), or sent to a printer. */
  'print.pdf': { input: id, output: fileSchema },
  'print.print': { input: id, output: ok },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];
/** Channels only the desktop shell can answer (native dialogs and printing). */
export const DESKTOP_ONLY: readonly Channel[] = ['files.saveAs', 'files.saveMany', 'files.open', 'print.pdf', 'print.print'];

/** What preload exposes as window.api and browser mode's client implements. */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };

/**
 * What went wrong, for code to branch on: the renderer tells a stale save (`stale`) from any other
 * failure by this, never by the wording of the Chinese message, which is for the clerk to read and
 * may change. `user` is any other mistake the user can act on; `internal` a failure of ours.
 */
export const errorCodeSchema = z.enum([
  'user',
  'internal',
  // the boundary: dispatch, the shells, the browser client
  'bad-request',
  'too-long',
  'unknown-channel',
  'unavailable',
  'web-unsupported',
  'foreign-sender',
  'bad-token',
  'too-large',
  'unreachable',
  'broken-reply',
  // the store
  'busy',
  'stale',
  'template-changed',
  'not-found',
  'trashed',
  'final',
  'duplicate',
  'year',
  'damaged',
  'damaged-form',
  'newer-schema',
  'not-ours',
  'not-backup',
  'unknown-template',
  'no-predecessor',
  'template.invalid',
  'template.builtin',
  'template.inUse',
  'library.invalid',
  'library.tooMany',
  'library.tooLarge',
  // the disk
  'disk-full',
  'db-is-directory',
  'db-permission',
  'db-read-only',
  'db-io',
  'db-cannot-open',
  'export-folder-missing',
  'export-locked',
  'export-folder-readonly',
  'export-disk-full',
  'export-target-dir',
  'export-target-readonly',
  'export-too-large',
  // reading a file to import
  'import.tooComplex',
  'import.noForm',
  'import.timeout',
  'import.encrypted',
  'import.legacyDoc',
  'import.notDocx',
  'import.unsafeXml',
  'import.legacyXls',
  'db-side-read-only',
  'ids-exhausted',
  'labelJson.invalid',
  'import.badXml',
  'import.damaged',
  'import.tooManyEntries',
  'import.tooLarge',
  'import.empty',
  // later-stage forms (调整, 监控, 自评) made from a declaration
  'stage.notFollowing',
  'stage.noDeclaration',
  'stage.month',
  // a blank form that cannot become a template (electron/core/blank)
  'blank.invalid',
  // a 一体化 upload profile file that cannot be used (shared/upload/profile.ts)
  'upload.invalid',
  // the file an imported form was read from (store/originals.ts)
  'original.none',
  'original.damaged',
]);
export type ErrorCode = z.output<typeof errorCodeSchema>;

/** The wire shape of every reply, so errors arrive as Chinese messages with their code and never as stacks. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code: ErrorCode };

/**
 * What the desktop preload exposes as window.api: every channel answers with its Reply, failures
 * included. An exception cannot cross Electron's contextBridge whole (only its message survives),
 * so the page unwraps the reply itself, in its own world (renderer/src/api).
 */
export type WireApi = { [C in Channel]: (input: Input<C>) => Promise<Reply<Output<C>>> };

export type FormSummary = z.output<typeof formSummarySchema>;
export type FormRecord = z.output<typeof formRecordSchema>;
export type PageKey = z.output<typeof pageKeySchema>;
export type CheckStatus = z.output<typeof checkStatusSchema>;
export type SummaryCounts = z.output<typeof summaryCountsSchema>;
export type SummaryForm = z.output<typeof summaryFormSchema>;
export type SummaryUnit = z.output<typeof summaryUnitSchema>;
export type SummaryParent = z.output<typeof summaryParentSchema>;
export type SummarySection = z.output<typeof summarySectionSchema>;
export type Summary = z.output<typeof summarySchema>;
export type SummaryQuery = z.output<typeof summaryQuerySchema>;
export type SummaryStage = z.output<typeof summaryStageSchema>;
export type StageColumn = z.output<typeof stageColumnSchema>;
export type StageTable = z.output<typeof stageTableSchema>;
export type StageSummary = z.output<typeof stageSummarySchema>;
export type FormPage = z.output<typeof formPageSchema>;
export type TextChange = z.output<typeof textChangeSchema>;
export type BackupManifest = z.output<typeof backupManifestSchema>;
export type ImportPreview = z.output<typeof importPreviewSchema>;
export type OnConflict = z.output<typeof onConflictSchema>;
export type Revision = z.output<typeof revisionSchema>;
export type TemplateEntry = z.output<typeof templateEntrySchema>;
