/**
 * The one IPC contract between the renderer and the core, for Electron (ipcMain/preload)
 * and browser mode (HTTP) alike. Each channel has a zod schema for its input and output;
 * both ends validate. Binary payloads travel as base64 strings.
 */
import { z } from 'zod';

const outputParts = z.object({
  quantity: z.array(z.string()),
  quality: z.array(z.string()),
  timeliness: z.array(z.string()),
  cost: z.array(z.string()),
});
export const outputIndicatorsSchema = z.union([
  z.object({ mode: z.literal('parts'), parts: outputParts }),
  z.object({ mode: z.literal('text'), text: z.string() }),
]);
export const benefitIndicatorsSchema = z.union([
  z.object({ mode: z.literal('items'), items: z.array(z.object({ name: z.string(), description: z.string() })) }),
  z.object({ mode: z.literal('text'), text: z.string() }),
]);
export const fieldValueSchema = z.union([z.string(), outputIndicatorsSchema, benefitIndicatorsSchema]);
export const formDataSchema = z.object({
  templateId: z.string().min(1).max(100),
  values: z.record(z.string(), fieldValueSchema),
  options: z.object({ twoDecimals: z.boolean(), blankZero: z.boolean() }),
});

export const formStatusSchema = z.enum(['draft', 'final']);
export const formSummarySchema = z.object({
  id: z.number().int(),
  templateId: z.string(),
  year: z.string(),
  department: z.string(),
  unit: z.string(),
  status: formStatusSchema,
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export const formRecordSchema = formSummarySchema.extend({
  createdAt: z.string(),
  revision: z.number().int(),
  data: formDataSchema,
});
export const revisionSchema = z.object({ revision: z.number().int(), savedAt: z.string(), note: z.string() });
export const textChangeSchema = z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() });
export const validationMessageSchema = z.object({
  field: z.string(),
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
export const importPreviewSchema = z.object({
  fileName: z.string(),
  source: z.enum(['embedded', 'table']),
  data: formDataSchema,
  /** Things the reader was unsure of or changed, in Chinese, for the review screen. */
  notes: z.array(z.string()),
  /** Field ids whose value is uncertain. */
  uncertain: z.array(z.string()),
  messages: z.array(validationMessageSchema),
  conflict: formSummarySchema.nullable(),
});

const id = z.object({ id: z.number().int().positive() });
const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });
const yearStr = z.string().regex(/^\d{4}$/, '年度应为四位数字');

/** channel name → input and output schemas */
export const contract = {
  'app.info': { input: none, output: z.object({ version: z.string(), schemaVersion: z.number().int(), mode: z.enum(['desktop', 'web']) }) },
  'forms.list': {
    input: z.object({ search: z.string().max(200).optional(), year: z.string().optional() }),
    output: z.array(formSummarySchema),
  },
  'forms.get': { input: id, output: formRecordSchema },
  'forms.create': {
    input: z.object({ templateId: z.string().optional(), year: yearStr, department: z.string().max(200).optional() }),
    output: formRecordSchema,
  },
  'forms.save': { input: z.object({ id: z.number().int().positive(), data: formDataSchema }), output: formRecordSchema },
  'forms.finalize': { input: id, output: formRecordSchema },
  'forms.unlock': { input: z.object({ id: z.number().int().positive(), reason: z.string().max(500) }), output: formRecordSchema },
  'forms.delete': { input: id, output: ok },
  'forms.revisions': { input: id, output: z.array(revisionSchema) },
  'forms.restoreRevision': { input: z.object({ id: z.number().int().positive(), revision: z.number().int() }), output: formRecordSchema },
  'forms.newYearPreview': {
    input: z.object({ id: z.number().int().positive(), year: yearStr }),
    output: z.object({ changes: z.array(textChangeSchema), conflict: formSummarySchema.nullable() }),
  },
  'forms.newYear': {
    input: z.object({ id: z.number().int().positive(), year: yearStr }),
    output: z.object({ record: formRecordSchema, changes: z.array(textChangeSchema) }),
  },
  'trash.list': { input: none, output: z.array(formSummarySchema) },
  'trash.restore': { input: id, output: formRecordSchema },
  'trash.empty': { input: none, output: z.object({ removed: z.number().int() }) },
  'export.docx': { input: id, output: fileSchema.extend({ dropped: z.array(z.string()) }) },
  'export.blankDocx': { input: z.object({ year: yearStr }), output: fileSchema },
  'import.read': { input: fileSchema, output: importPreviewSchema },
  'import.commit': {
    input: z.object({ data: formDataSchema, onConflict: onConflictSchema }),
    output: z.object({
      outcome: z.enum(['imported', 'replaced', 'copied', 'skipped']),
      id: z.number().int().nullable(),
      message: z.string(),
    }),
  },
  'backup.create': { input: none, output: fileSchema.extend({ manifest: backupManifestSchema }) },
  'backup.restore': { input: fileSchema, output: z.object({ manifest: backupManifestSchema }) },
  /** Desktop only: save a file the core produced through a native dialog. In browser mode the renderer downloads instead. */
  'files.saveAs': {
    input: fileSchema.extend({ kind: z.enum(['docx', 'pdf', 'backup']) }),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  /** Desktop only: pick files through a native dialog; their bytes come back, never their paths. */
  'files.open': {
    input: z.object({ kind: z.enum(['docx', 'backup']), multiple: z.boolean() }),
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
export const DESKTOP_ONLY: readonly Channel[] = ['files.saveAs', 'files.open', 'print.pdf', 'print.print'];

/** What preload exposes as window.api and browser mode's client implements. */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };

/** The wire shape of every reply, so errors arrive as Chinese messages and never as stacks. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type FormSummary = z.output<typeof formSummarySchema>;
export type FormRecord = z.output<typeof formRecordSchema>;
export type TextChange = z.output<typeof textChangeSchema>;
export type BackupManifest = z.output<typeof backupManifestSchema>;
export type ImportPreview = z.output<typeof importPreviewSchema>;
export type OnConflict = z.output<typeof onConflictSchema>;
export type Revision = z.output<typeof revisionSchema>;
