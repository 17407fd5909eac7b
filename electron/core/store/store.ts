/** The local store of forms: one SQLite file, every save a revision, deletes go to the trash. */
import type { Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupManifest, FormPage, FormRecord, FormSummary, Revision, TextChange } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import { str, withComputed } from '../../../shared/formOps';
import { describeSource, fillHistory, hasHistory, type HistorySource } from '../../../shared/history';
import type { LastYear } from '../../../shared/lastYear';
import { carryToNewYear } from '../../../shared/newYear';
import { earlierForms, type EarlierSource } from '../history/earlierForms';
import { lastYearOf } from '../history/lastYear';
import { revisionChanges } from '../../../shared/compare/revisionChanges';
import type { TemplateRegistry } from '../../../shared/template/registry';
import type { TemplateDef } from '../../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../../shared/templates';
import { crossTemplateIds, roleOf } from '../../../shared/template/roles';
import type { RelatedForm } from '../../../shared/validation';
import { onlineBackupTo, sweepStaleTemps } from './backupFiles';
import { describeForm, formColumns, identityColumns, identityWords, SUMMARY_COLUMNS, type FormColumns } from './formRow';
import { listForms, listPage, type ListQuery, type PageQuery } from './listing';
import {
  countYear,
  decodeContent,
  formContents,
  revisionBlob,
  saveSummaryFacts,
  dropSummaryFacts,
  keptFacts,
  scanYear,
  templatesOfYear,
  type FactsRow,
  type KeptFacts,
  type ScanQuery,
  type ScannedForm,
  type StoredContent,
  type YearQuery,
} from './scan';
import { refreshSearchIndex } from './search';
import type { IndicatorEntry, IndicatorKey } from '../../../shared/library/entries';
import type { IndicatorCandidate, SuggestQuery } from '../../../shared/library/suggest';
import { formIndicators, IndicatorIndex, IndicatorLibrary, sameIndicators, type FormIndicators, type LibraryEntry } from './library';
import { checkRemovable, storeTemplate, templateRegistry, templateUse } from './templates';
import { LATEST_VERSION, userVersion } from './migrations';
import { autoBackup, openDatabase, type OpenDbOptions } from './openDb';
import { idsExhausted, refuseUnsafeId } from './idCounter';
import { writing, type Db, type Durability } from './sqlite';
import { KEEP_ALL_WITHIN_MS, revisionsToDrop } from './thinning';
import { IdleCheckpoint, type IdleWork } from './idleCheckpoint';
import { replaceDamaged, restoreGeneration, restoreInto } from './restore';
import { newStage, stagesOf, type StagesOf } from './stages';
import { keepOriginal, originalBytes, originalInfo, type OriginalFile, type OriginalInfo } from './originals';

export const SCHEMA_VERSION: number = LATEST_VERSION;

export interface StoreOptions {
  /** The database file; its folder is created if missing. */
  file: string;
  appVersion: string;
  /** Automatic backups; default: <folder of file>/backups */
  backupDir?: string;
  /** Automatic backup at open (keep newest 10); default true */
  autoBackup?: boolean;
  /** Passed to better-sqlite3 (the Electron shell loads an Electron-ABI build). */
  nativeBinding?: string;
  /** How long a write waits for another connection before giving up; default 5 s. */
  busyTimeoutMs?: number;
  /** 'NORMAL' (default): survives the app being killed; 'FULL': also a power cut, slower saves. */
  durability?: Durability;
  now?: () => Date;
  /** The templates that ship with the app; default: shared/templates. */
  builtInTemplates?: readonly TemplateDef[];
  /** Files up to this size get a quick_check at every open; default 256 MB (store/integrityCheck.ts). */
  quickCheckMaxBytes?: number;
}

export type FormEventKind = 'create' | 'finalize' | 'unlock' | 'delete' | 'undelete' | 'restore-revision';
export interface FormEvent {
  kind: FormEventKind;
  at: string;
  detail: string;
}

export interface SaveOptions {
  note?: string;
  /** The revision the edit started from: a save over a newer one is refused (表单已在别处修改). */
  baseRevision?: number;
  /** An import's file, kept with the form in the same transaction; null drops the one kept before (originals.ts). */
  original?: OriginalFile | null;
}

export interface CreateOptions {
  asCopy?: boolean;
  note?: string;
  /** The file the form was imported from, kept with it in the same transaction (originals.ts). */
  original?: OriginalFile;
}

export interface Store {
  readonly file: string;
  readonly schemaVersion: number;
  /** Built-in and imported templates. */
  readonly templates: TemplateRegistry;
  /**
   * What the store left out when loading, each a Chinese line for the user (a stored template
   * that does not load, one whose id is now a built-in's); empty when all is well.
   */
  readonly notices: readonly string[];
  list(q?: ListQuery): FormSummary[];
  /** One page of the same list (a virtualised list of many forms); see listing.ts. */
  listPage(q?: PageQuery): FormPage;
  /** Live forms of one year with their content, `limit` at a time in id order after `afterId` (see scan.ts). */
  scanYear(q: ScanQuery): ScannedForm[];
  countYear(q: YearQuery): number;
  /** The templates a year's live forms use, with how many forms each. */
  templatesOfYear(year: string): { templateId: string; forms: number }[];
  /** The stored content of many forms by id, in one statement (see scan.ts). */
  formContents(ids: readonly number[]): Map<number, StoredContent>;
  /** The stored content of one revision (raw-deflated JSON), null when there is none. */
  revisionBlob(formId: number, revision: number): Buffer | null;
  /** Keeps what the 汇总 worked out for forms, for the revision it read (see scan.ts). */
  saveSummaryFacts(rows: readonly FactsRow[]): void;
  /** Kept facts with the content they are for, in form id order (the keeper checks they still match). */
  keptFacts(afterId: number, limit: number): KeptFacts[];
  dropSummaryFacts(formIds: readonly number[]): void;
  /**
   * Runs `work` in the pauses between writes (a slice per call, true while work is left), the
   * first time soon; until close.
   */
  whenIdle(work: IdleWork): void;
  /** The years that have live forms, newest first. */
  liveYears(): string[];
  /** The years of live forms saved after `at` (an updated_at; an index range, so cheap for a recent `at`). */
  yearsSavedAfter(at: string): string[];
  /** The newest updated_at of all forms ('' when there are none). */
  lastSavedAt(): string;
  /** Writes up to `max` pending search index entries; true when more are pending. Runs by itself once writes pause. */
  refreshSearchIndex(max?: number): boolean;
  get(id: number): FormRecord;
  /** The live form of a template and year with this identity (部门名称; 实施单位 + 项目名称), if any. */
  findLive(data: FormData): FormSummary | null;
  create(data: FormData, opts?: CreateOptions): FormRecord;
  save(id: number, data: FormData, opts?: SaveOptions | string): FormRecord;
  finalize(id: number): FormRecord;
  unlock(id: number, reason: string): FormRecord;
  delete(id: number): void;
  listTrash(): FormSummary[];
  restoreFromTrash(id: number): FormRecord;
  emptyTrash(): number;
  revisions(id: number): Revision[];
  restoreRevision(id: number, revision: number): FormRecord;
  /** Finalize, unlock, delete … of a form, oldest first. */
  events(id: number): FormEvent[];
  /** The file the form was imported from (name, size, date), null when none was kept. */
  original(id: number): OriginalInfo | null;
  /** The kept file's bytes; a Chinese error when there is none or it is damaged. */
  originalFile(id: number): { info: OriginalInfo; bytes: Buffer };
  newYearPreview(id: number, year: string): { changes: TextChange[]; conflict: FormSummary | null };
  /** `history`: where each history-column value (近两年指标值) came from, one line each. */
  newYear(id: number, year: string): { record: FormRecord; changes: TextChange[]; history: string[] };
  /** Fills the form's history columns (近两年指标值) again from this unit's earlier forms, saves, and says where each value came from. */
  refreshHistory(id: number): { record: FormRecord; sources: HistorySource[] };
  /** Last year's targets and results for the form's indicators, and the earlier years its history columns read (history/lastYear.ts). */
  lastYear(id: number): LastYear;
  /** The declaration a form belongs to, its later-stage forms and what can be made from it (stages.ts). */
  stagesOf(id: number): StagesOf;
  /** A later-stage form (调整, 监控, 自评) made from the declaration `id`, pre-filled (stages.ts). */
  newStage(id: number, templateId: string, opts?: { month?: string }): FormRecord;
  backupTo(file: string): Promise<BackupManifest>;
  /** Replaces every form with the backup's, in the live file (see restore.ts); a before-restore copy is kept. */
  restoreFrom(file: string): Promise<BackupManifest>;
  /** Stores an imported template (a checked template file) so forms can be made with it. */
  importTemplate(t: TemplateDef): void;
  /** Removes an imported template that no form (also in the trash) uses. */
  removeTemplate(id: string): void;
  /** How many forms (also in the trash) use each template. */
  templateFormCounts(): Map<string, number>;
  /** The live forms of the same unit and year that the form's cross-form rules compare it with. */
  related(id: number): RelatedForm[];
  /** Last year's form of the same template and identity (the form this one follows), if any. */
  predecessor(id: number): FormSummary | null;
  /** 指标库: candidates for a 三级指标 being typed (the form's own unit first). */
  suggest(q: SuggestQuery & { formId?: number }): IndicatorCandidate[];
  /** The 指标库 as the dialog lists it, at most `limit` entries (the dialog's 2,000 unless asked; a library file takes all). */
  libraryList(search?: string, limit?: number): LibraryEntry[];
  librarySave(entry: IndicatorEntry & { note?: string }, previous?: IndicatorKey): void;
  libraryRemove(entry: IndicatorKey): void;
  libraryImport(entries: readonly (IndicatorEntry & { note?: string })[]): number;
  close(): void;
}

interface FormRow extends FormSummary {
  createdAt: string;
  revision: number;
}

const YEAR = /^\d{4}$/;
/** Index entries written per pause in writing: ~100 ms of work, so a pending batch import never freezes the app. */
const SEARCH_REFRESH_SLICE = 300;

class SqliteStore implements Store {
  private closed = false;
  private readonly checkpoint = new IdleCheckpoint(() => (this.closed ? null : this.db));
  private readonly indicators: IndicatorIndex;
  private readonly library: IndicatorLibrary;
  private registry!: TemplateRegistry;
  private skipped: string[] = [];
  /** The restore generation the in-memory state was loaded at, and the data_version it was last checked at. */
  private generation = '';
  private checkedAt = -1;

  constructor(
    private readonly opts: OpenDbOptions,
    private readonly db: Db,
    private readonly builtIns: readonly TemplateDef[],
  ) {
    // Search index entries of what was just saved, a slice per pause so the app stays responsive.
    this.checkpoint.addIdleWork(() => refreshSearchIndex(this.db, SEARCH_REFRESH_SLICE));
    this.indicators = new IndicatorIndex(db, () => this.templates);
    this.reload();
    this.library = new IndicatorLibrary(
      this.indicators,
      () => this.db,
      () => this.nowIso(),
    );
  }

  /** Loads what the store keeps in memory from the file: at open, and after a restore (here or by another connection). */
  private reload(): void {
    const { registry, skipped } = templateRegistry(this.db, this.builtIns);
    this.registry = registry;
    this.skipped = skipped;
    this.indicators.reset(this.db);
    this.generation = restoreGeneration(this.db);
    this.checkedAt = this.dataVersion();
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /**
   * Whether another connection restored a backup since: then templates and the 指标库 index are
   * reloaded. data_version changes only when another connection commits, so this is one pragma
   * while nothing else writes.
   */
  private follow(): void {
    if (this.closed) return;
    const v = this.dataVersion();
    if (v === this.checkedAt) return;
    this.checkedAt = v;
    if (restoreGeneration(this.db) !== this.generation) this.reload();
  }

  get templates(): TemplateRegistry {
    this.follow();
    return this.registry;
  }

  get notices(): readonly string[] {
    this.follow();
    return this.skipped;
  }

  suggest(q: SuggestQuery & { formId?: number }): IndicatorCandidate[] {
    // The 指标库 index is kept in memory: after another connection's restore it is rebuilt.
    this.follow();
    const unit = q.formId === undefined ? undefined : this.row(q.formId).unit || undefined;
    // The first call may build the index from every form: a write, so it goes through write().
    return this.indicators.ready ? this.indicators.suggest({ ...q, unit }) : this.write(() => this.indicators.suggest({ ...q, unit }));
  }

  libraryList(search = '', limit?: number): LibraryEntry[] {
    this.follow();
    return this.indicators.ready ? this.library.list(search, limit) : this.write(() => this.library.list(search, limit));
  }

  librarySave(entry: IndicatorEntry & { note?: string }, previous?: IndicatorKey): void {
    this.write(() => this.library.save(entry, previous));
  }

  libraryRemove(entry: IndicatorKey): void {
    this.write(() => this.library.remove(entry));
  }

  libraryImport(entries: readonly (IndicatorEntry & { note?: string })[]): number {
    return this.write(() => this.library.importEntries(entries));
  }

  /** The indicators of a stored form, as its current revision holds them. */
  private indicatorsOf(id: number, row: FormSummary & { revision: number }): FormIndicators | null {
    if (!this.indicators.ready) return null;
    const data = this.revisionData(id, row.revision);
    return data ? formIndicators(data, this.templates, row.unit, row.year) : null;
  }

  get file(): string {
    return this.opts.file;
  }

  get schemaVersion(): number {
    return userVersion(this.db);
  }

  private statements = new Map<string, Statement>();
  private statementsOf: Db | null = null;

  /**
   * A prepared statement of this connection, prepared once: preparing was an eighth of a save.
   * A restore swaps the connection, and with it the statements.
   */
  private stmt(sql: string): Statement {
    if (this.statementsOf !== this.db) {
      this.statements = new Map();
      this.statementsOf = this.db;
    }
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /**
   * Every write goes through here: busy errors in Chinese, then a checkpoint once writes pause.
   * Inside the write lock it first follows a restore made by another connection, so nothing is
   * written on the strength of templates or 指标库 counts of the data the restore replaced.
   */
  private write<T>(fn: () => T): T {
    const result = writing(() => {
      try {
        return this.db
          .transaction(() => {
            this.follow();
            return fn();
          })
          .immediate();
      } catch (e) {
        throw idsExhausted(this.db, e) ?? e;
      }
    });
    this.checkpoint.afterWrite();
    return result;
  }

  private nowIso(): string {
    return this.opts.now().toISOString();
  }

  list(q: ListQuery = {}): FormSummary[] {
    return listForms(this.db, q);
  }

  listPage(q: PageQuery = {}): FormPage {
    return listPage(this.db, q);
  }

  scanYear(q: ScanQuery): ScannedForm[] {
    return scanYear(this.db, q);
  }

  countYear(q: YearQuery): number {
    return countYear(this.db, q);
  }

  templatesOfYear(year: string): { templateId: string; forms: number }[] {
    return templatesOfYear(this.db, year);
  }

  formContents(ids: readonly number[]): Map<number, StoredContent> {
    return formContents(this.db, ids);
  }

  revisionBlob(formId: number, revision: number): Buffer | null {
    return revisionBlob(this.db, formId, revision);
  }

  saveSummaryFacts(rows: readonly FactsRow[]): void {
    this.write(() => saveSummaryFacts(this.db, rows));
  }

  keptFacts(afterId: number, limit: number): KeptFacts[] {
    return keptFacts(this.db, afterId, limit);
  }

  dropSummaryFacts(formIds: readonly number[]): void {
    this.write(() => dropSummaryFacts(this.db, formIds));
  }

  whenIdle(work: IdleWork): void {
    this.checkpoint.addIdleWork(work);
  }

  liveYears(): string[] {
    return this.stmt('SELECT DISTINCT year FROM forms WHERE deleted_at IS NULL ORDER BY year DESC').pluck().all() as string[];
  }

  yearsSavedAfter(at: string): string[] {
    return this.stmt('SELECT DISTINCT year FROM forms WHERE updated_at > ? AND deleted_at IS NULL').pluck().all(at) as string[];
  }

  lastSavedAt(): string {
    return (this.stmt('SELECT max(updated_at) FROM forms').pluck().get() as string | null) ?? '';
  }

  refreshSearchIndex(max = SEARCH_REFRESH_SLICE): boolean {
    return this.write(() => refreshSearchIndex(this.db, max));
  }

  listTrash(): FormSummary[] {
    return this.stmt(
      `SELECT ${SUMMARY_COLUMNS} FROM forms WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`,
    ).all() as FormSummary[];
  }

  private row(id: number): FormRow {
    const row = this.stmt(`SELECT ${SUMMARY_COLUMNS}, created_at AS createdAt, revision FROM forms WHERE id = ?`).get(id) as
      FormRow | undefined;
    if (!row) throw new UserError(`找不到编号为 ${id} 的表单`, 'not-found');
    return row;
  }

  /** The JSON of one revision, or undefined when thinning has dropped it. */
  private revisionData(id: number, revision: number): FormData | undefined {
    const rev = this.stmt('SELECT data FROM revisions WHERE form_id = ? AND revision = ?').get(id, revision) as
      { data: Buffer } | undefined;
    if (!rev) return undefined;
    const { content, damage } = decodeContent(rev.data);
    // A damaged revision is the user's problem to know about, not an internal error (the 汇总 lists it as 无法读取).
    if (content === null)
      throw new UserError(`编号 ${id} 的表单内容已损坏，无法读取（${damage}）；请从备份恢复，或删除后重新导入`, 'damaged-form');
    return content as FormData;
  }

  /** The form row and its newest revision are read in one transaction, so they always match. */
  get(id: number): FormRecord {
    return this.db.transaction(() => {
      const row = this.row(id);
      const data = this.revisionData(id, row.revision);
      if (!data) throw new Error(`form ${id} has no revision ${row.revision}`);
      return { ...row, data };
    })();
  }

  findLive(data: FormData): FormSummary | null {
    const cols = identityColumns(data, this.templates);
    return this.findLiveExcept(cols.templateId, cols.year, cols.identityKey, -1);
  }

  private findLiveExcept(templateId: string, year: string, identityKey: string, exceptId: number): FormSummary | null {
    if (identityKey === '') return null;
    const row = this.stmt(
      `SELECT ${SUMMARY_COLUMNS} FROM forms WHERE template_id = ? AND year = ? AND identity_key = ? AND deleted_at IS NULL AND id <> ?`,
    ).get(templateId, year, identityKey, exceptId) as FormSummary | undefined;
    return row ?? null;
  }

  private describe(f: FormSummary): string {
    return describeForm(f, this.templates.find(f.templateId, f.templateVersion));
  }

  private refuseDuplicate(cols: FormColumns, exceptId: number): void {
    const existing = this.findLiveExcept(cols.templateId, cols.year, cols.identityKey, exceptId);
    if (existing) {
      throw new UserError(
        `已有 ${this.describe(existing)}，同一年度同一${identityWords(cols.template)}只能有一份${cols.template.title}。请打开那份表单修改，或先把它删除到回收站。`,
        'duplicate',
      );
    }
  }

  private event(id: number, kind: FormEventKind, detail = ''): void {
    this.stmt('INSERT INTO events (form_id, kind, at, detail) VALUES (?, ?, ?, ?)').run(id, kind, this.nowIso(), detail);
  }

  /** The form with its last identity field marked as a copy: 部门名称（副本）, 项目名称（副本2）. */
  private asCopy(cols: FormColumns): FormColumns {
    const last = cols.template.identity.key[cols.template.identity.key.length - 1];
    const base = str(cols.data.values[last]).trim();
    for (let n = 1; ; n++) {
      const next = formColumns(
        { ...cols.data, values: { ...cols.data.values, [last]: `${base}（副本${n === 1 ? '' : n}）` } },
        this.templates,
      );
      if (!this.findLiveExcept(next.templateId, next.year, next.identityKey, -1)) return next;
    }
  }

  create(data: FormData, opts: CreateOptions = {}): FormRecord {
    let cols = formColumns(data, this.templates);
    const id = this.write(() =>
      this.db
        .transaction(() => {
          if (opts.asCopy && this.findLiveExcept(cols.templateId, cols.year, cols.identityKey, -1)) cols = this.asCopy(cols);
          this.refuseDuplicate(cols, -1);
          const at = this.nowIso();
          const info = this.stmt(
            `INSERT INTO forms (template_id, template_version, year, identity_key, title, unit, status, revision, created_at, updated_at, search_text)
               VALUES (?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?, ?)`,
          ).run(cols.templateId, cols.templateVersion, cols.year, cols.identityKey, cols.title, cols.unit, at, at, cols.searchText);
          const newId = refuseUnsafeId(info.lastInsertRowid);
          this.stmt('INSERT INTO revisions (form_id, revision, saved_at, note, data) VALUES (?, 1, ?, ?, ?)').run(
            newId,
            at,
            opts.note ?? '新建',
            cols.packed,
          );
          this.event(newId, 'create', opts.note ?? '');
          this.indicators.apply(formIndicators(cols.data, this.templates, cols.unit, cols.year), 1);
          if (opts.original) keepOriginal(this.db, newId, opts.original, at);
          return newId;
        })
        .immediate(),
    );
    return this.get(id);
  }

  private requireEditable(row: FormSummary): void {
    if (row.deletedAt) throw new UserError('这份表单已在回收站中，不能修改；请先从回收站恢复', 'trashed');
    if (row.status === 'final') throw new UserError('已定稿的表单不能修改，请先解除定稿', 'final');
  }

  save(id: number, data: FormData, opts: SaveOptions | string = {}): FormRecord {
    const { note = '', baseRevision, original } = typeof opts === 'string' ? { note: opts } : opts;
    const cols = formColumns(data, this.templates);
    this.write(() =>
      this.db
        .transaction(() => {
          const row = this.row(id);
          this.requireEditable(row);
          if (baseRevision !== undefined && baseRevision !== row.revision) {
            throw new UserError(
              `表单已在别处修改：您是在第 ${baseRevision} 版上修改的，而它现在已是第 ${row.revision} 版（可能在另一个窗口或用命令行导入时改过）。为免覆盖，这次没有保存。`,
              'stale',
            );
          }
          if (row.templateId !== cols.templateId) throw new UserError('不能把一份表单改成另一种表样；请新建一份', 'template-changed');
          this.refuseDuplicate(cols, id);
          if (this.indicators.ready) {
            // The 指标库 follows the form: only when its indicators (or its unit or year) changed.
            const before = this.revisionData(id, row.revision);
            const old = before ? formIndicators(before, this.templates, row.unit, row.year) : null;
            const next = formIndicators(cols.data, this.templates, cols.unit, cols.year);
            if (!sameIndicators(old, next)) {
              this.indicators.apply(old, -1);
              this.indicators.apply(next, 1);
            }
          }
          const at = this.nowIso();
          const revision = row.revision + 1;
          this.stmt(
            `UPDATE forms SET template_version = ?, year = ?, identity_key = ?, title = ?, unit = ?, revision = ?, updated_at = ?, search_text = ?
               WHERE id = ?`,
          ).run(cols.templateVersion, cols.year, cols.identityKey, cols.title, cols.unit, revision, at, cols.searchText, id);
          this.stmt('INSERT INTO revisions (form_id, revision, saved_at, note, data) VALUES (?, ?, ?, ?, ?)').run(
            id,
            revision,
            at,
            note,
            cols.packed,
          );
          if (original !== undefined) keepOriginal(this.db, id, original, at);
          this.thin(id);
        })
        .immediate(),
    );
    return this.get(id);
  }

  /** Only revisions older than a day can be dropped, so only those are read. */
  private thin(id: number): void {
    const now = this.opts.now();
    const cutoff = new Date(now.getTime() - KEEP_ALL_WITHIN_MS).toISOString();
    const old = this.stmt('SELECT revision, saved_at AS savedAt FROM revisions WHERE form_id = ? AND saved_at < ?').all(id, cutoff) as {
      revision: number;
      savedAt: string;
    }[];
    if (old.length < 2) return;
    const drop = this.stmt('DELETE FROM revisions WHERE form_id = ? AND revision = ?');
    for (const r of revisionsToDrop(old, now)) drop.run(id, r);
  }

  private setStatus(id: number, status: 'draft' | 'final', kind: FormEventKind, detail: string): FormRecord {
    this.write(() =>
      this.db
        .transaction(() => {
          const row = this.row(id);
          if (row.deletedAt) throw new UserError('这份表单已在回收站中，请先从回收站恢复', 'trashed');
          if (row.status === status) return;
          this.stmt('UPDATE forms SET status = ? WHERE id = ?').run(status, id);
          this.event(id, kind, detail);
        })
        .immediate(),
    );
    return this.get(id);
  }

  finalize(id: number): FormRecord {
    return this.setStatus(id, 'final', 'finalize', '');
  }

  unlock(id: number, reason: string): FormRecord {
    return this.setStatus(id, 'draft', 'unlock', reason.trim());
  }

  delete(id: number): void {
    this.write(() =>
      this.db
        .transaction(() => {
          const row = this.row(id);
          if (row.deletedAt) return;
          this.stmt('UPDATE forms SET deleted_at = ? WHERE id = ?').run(this.nowIso(), id);
          this.event(id, 'delete');
          this.indicators.apply(this.indicatorsOf(id, row), -1);
        })
        .immediate(),
    );
  }

  restoreFromTrash(id: number): FormRecord {
    this.write(() =>
      this.db
        .transaction(() => {
          const row = this.row(id);
          if (!row.deletedAt) return;
          const key = (this.stmt('SELECT identity_key AS k FROM forms WHERE id = ?').get(id) as { k: string }).k;
          const existing = this.findLiveExcept(row.templateId, row.year, key, id);
          if (existing) {
            const t = this.templates.find(row.templateId, row.templateVersion);
            throw new UserError(
              `不能恢复：现在已有 ${this.describe(existing)}。请先把那份表单删除到回收站或修改其${t ? identityWords(t) : '名称'}，再恢复这一份。`,
              'duplicate',
            );
          }
          this.stmt('UPDATE forms SET deleted_at = NULL WHERE id = ?').run(id);
          this.event(id, 'undelete');
          this.indicators.apply(this.indicatorsOf(id, row), 1);
        })
        .immediate(),
    );
    return this.get(id);
  }

  emptyTrash(): number {
    return this.write(() => this.stmt('DELETE FROM forms WHERE deleted_at IS NOT NULL').run().changes);
  }

  revisions(id: number): Revision[] {
    const form = this.row(id);
    const rows = this.stmt('SELECT revision, saved_at AS savedAt, note, data FROM revisions WHERE form_id = ? ORDER BY revision DESC').all(
      id,
    ) as (Revision & { data?: Buffer })[];
    // What each version changed against the one before it; a damaged one is only not described.
    const contents = rows.map((r) => decodeContent(r.data!).content as FormData | null);
    const t = this.templates.find(form.templateId, form.templateVersion);
    return rows.map(({ data: _data, ...r }, i) => {
      const after = contents[i];
      const before = contents[i + 1];
      return t && after && before ? { ...r, changes: revisionChanges(t, before, after) } : r;
    });
  }

  restoreRevision(id: number, revision: number): FormRecord {
    const data = this.revisionData(id, revision);
    if (!data) {
      this.row(id);
      throw new UserError(`表单 ${id} 没有第 ${revision} 版（较早的版本每天只保留一份），请从版本列表中选择`, 'not-found');
    }
    const record = this.save(id, data, { note: `恢复到第 ${revision} 版` });
    this.write(() => this.event(id, 'restore-revision', String(revision)));
    return record;
  }

  events(id: number): FormEvent[] {
    this.row(id);
    return this.stmt('SELECT kind, at, detail FROM events WHERE form_id = ? ORDER BY id').all(id) as FormEvent[];
  }

  original(id: number): OriginalInfo | null {
    this.row(id);
    return originalInfo(this.db, id);
  }

  originalFile(id: number): { info: OriginalInfo; bytes: Buffer } {
    this.row(id);
    return originalBytes(this.db, id);
  }

  private carried(id: number, year: string) {
    const source = this.get(id);
    const t = this.templates.get(source.templateId, source.templateVersion);
    return { source, t, ...carryToNewYear(source.data, t, checkYear(year)) };
  }

  newYearPreview(id: number, year: string): { changes: TextChange[]; conflict: FormSummary | null } {
    const { form, changes } = this.carried(id, year);
    return { changes, conflict: this.findLive(form) };
  }

  newYear(id: number, year: string): { record: FormRecord; changes: TextChange[]; history: string[] } {
    const { source, t, form, changes } = this.carried(id, year);
    const fromYear = str(source.data.values[t.identity.year]);
    // History columns (近两年指标值): from this unit's earlier forms, each value's source listed.
    const history = hasHistory(t) ? fillHistory(form, t, earlierForms(form, t, this.earlierSource())) : { form, sources: [] };
    const record = this.create(history.form, { note: `由 ${fromYear} 年度表单（编号 ${id}）生成` });
    return { record, changes, history: history.sources.map(describeSource) };
  }

  refreshHistory(id: number): { record: FormRecord; sources: HistorySource[] } {
    const current = this.get(id);
    const t = this.templates.get(current.templateId, current.templateVersion);
    const { form, sources } = fillHistory(current.data, t, earlierForms(current.data, t, this.earlierSource()));
    const record = this.save(id, form, { note: '重新读取历史指标值', baseRevision: current.revision });
    return { record, sources };
  }

  lastYear(id: number): LastYear {
    const r = this.get(id);
    return lastYearOf(r.data, this.templates.get(r.templateId, r.templateVersion), this.earlierSource());
  }

  private earlierSource(): EarlierSource {
    return {
      // A plain query, not list(): no paging, sorting or search, and it runs for every open form (forms.lastYear).
      list: (year) =>
        this.stmt(`SELECT ${SUMMARY_COLUMNS} FROM forms WHERE year = ? AND deleted_at IS NULL ORDER BY id`).all(year) as FormSummary[],
      sameIdentity: (year, unit, title) => this.stageStore().sameIdentity(year, unit, title),
      get: (id) => this.get(id),
      templateOf: (r) => this.templates.get(r.templateId, r.templateVersion),
    };
  }

  stagesOf(id: number): StagesOf {
    return stagesOf(this.stageStore(), id);
  }

  newStage(id: number, templateId: string, opts: { month?: string } = {}): FormRecord {
    return newStage(this.stageStore(), id, templateId, opts);
  }

  private stageStore() {
    return {
      templates: this.templates,
      get: (id: number) => this.get(id),
      create: (data: FormData, opts?: { note?: string }) => this.create(data, opts),
      sameIdentity: (year: string, unit: string, title: string) =>
        this.stmt(`SELECT ${SUMMARY_COLUMNS} FROM forms WHERE year = ? AND unit = ? AND title = ? AND deleted_at IS NULL ORDER BY id`).all(
          year,
          unit,
          title,
        ) as FormSummary[],
    };
  }

  backupTo(file: string): Promise<BackupManifest> {
    return onlineBackupTo(this.db, file, { appVersion: this.opts.appVersion, createdAt: this.nowIso() });
  }

  restoreFrom(file: string): Promise<BackupManifest> {
    try {
      return Promise.resolve(restoreInto({ db: this.db, opts: this.opts }, file));
    } catch (e) {
      return Promise.reject(e as Error);
    } finally {
      this.reload();
    }
  }

  importTemplate(t: TemplateDef): void {
    this.write(() => storeTemplate(this.db, this.templates, t, this.nowIso()));
    this.registry.add(t);
  }

  removeTemplate(id: string): void {
    checkRemovable(this.db, this.templates, id);
    this.write(() => this.stmt('DELETE FROM templates WHERE id = ?').run(id));
    this.registry.remove(id);
  }

  templateFormCounts(): Map<string, number> {
    return templateUse(this.db);
  }

  predecessor(id: number): FormSummary | null {
    const row = this.stmt('SELECT template_id AS t, identity_key AS k, year FROM forms WHERE id = ?').get(id) as
      { t: string; k: string; year: string } | undefined;
    if (!row) throw new UserError(`找不到编号为 ${id} 的表单`, 'not-found');
    if (row.k === '' || !YEAR.test(row.year)) return null;
    const prev = this.stmt(
      `SELECT ${SUMMARY_COLUMNS} FROM forms WHERE template_id = ? AND identity_key = ? AND year = ? AND deleted_at IS NULL`,
    ).get(row.t, row.k, String(Number(row.year) - 1)) as FormSummary | undefined;
    return prev ?? null;
  }

  related(id: number): RelatedForm[] {
    const row = this.row(id);
    const t = this.templates.find(row.templateId, row.templateVersion);
    // Cross-form rules name roles: the templates in those roles, whichever are known now.
    const wanted = crossTemplateIds(t, this.templates.all());
    const sameUnit =
      wanted.length === 0 || row.unit === '' || row.year === ''
        ? []
        : (this.stmt(
            `SELECT id FROM forms WHERE deleted_at IS NULL AND year = ? AND unit = ? AND id <> ? AND template_id IN (${wanted.map(() => '?').join(',')}) ORDER BY id`,
          ).all(row.year, row.unit, id, ...wanted) as { id: number }[]);
    const previous = this.predecessor(id);
    const entries: { id: number; relation: RelatedForm['relation'] }[] = [
      ...sameUnit.map((r) => ({ id: r.id, relation: 'sameUnit' as const })),
      ...(previous ? [{ id: previous.id, relation: 'previousYear' as const }] : []),
    ];
    return entries.flatMap(({ id: other, relation }) => {
      let rec: FormRecord;
      try {
        rec = this.get(other);
      } catch {
        // A damaged form of the unit cannot be compared with; the open form's own checks still run.
        return [];
      }
      const ot = this.templates.find(rec.templateId, rec.templateVersion);
      if (!ot) return [];
      return [
        {
          id: rec.id,
          templateId: rec.templateId,
          templateTitle: ot.title,
          templateRole: roleOf(ot),
          title: rec.title,
          values: withComputed(rec.data, ot).values,
          relation,
        },
      ];
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.checkpoint.stop();
    this.db.close();
  }
}

function checkYear(year: string): string {
  const y = year.trim();
  if (!YEAR.test(y)) throw new UserError('年度应为四位数字，如 2020', 'year');
  return y;
}

export function openStore(opts: StoreOptions): Store {
  const full: OpenDbOptions = {
    file: opts.file,
    appVersion: opts.appVersion,
    backupDir: opts.backupDir ?? join(dirname(opts.file), 'backups'),
    nativeBinding: opts.nativeBinding,
    busyTimeoutMs: opts.busyTimeoutMs,
    durability: opts.durability,
    now: opts.now ?? (() => new Date()),
    quickCheckMaxBytes: opts.quickCheckMaxBytes,
  };
  mkdirSync(dirname(full.file), { recursive: true });
  const db = openDatabase(full);
  // Temp files of a restore or backup that was killed (the restore's copy is as large as a backup).
  sweepStaleTemps(dirname(full.file), (base) => base === basename(full.file));
  sweepStaleTemps(full.backupDir, (base) => /^shenbao-.*\.db$/.test(base));
  if (opts.autoBackup ?? true) {
    try {
      autoBackup(db, full);
    } catch {
      // A failed start-up backup (disk full, folder not writable) must not keep the user from their forms.
    }
  }
  return new SqliteStore(full, db, opts.builtInTemplates ?? BUILTIN_TEMPLATES);
}

/**
 * For a database that will not open (DamagedDatabaseError): the damaged file is moved aside,
 * never deleted, and the backup, checked and prepared, is installed in its place (restore.ts).
 */
export function restoreDamaged(opts: StoreOptions, backupFile: string): Store {
  replaceDamaged(opts, backupFile, opts.builtInTemplates ?? BUILTIN_TEMPLATES);
  return openStore({ ...opts, autoBackup: false });
}
