/** The local store of forms: one SQLite file, every save a revision, deletes go to the trash. */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupManifest, FormRecord, FormSummary, Revision, TextChange } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import { str } from '../../../shared/formOps';
import { carryToNewYear } from '../../../shared/newYear';
import { getTemplate } from '../../../shared/templates';
import {
  backupFileName,
  fsyncDir,
  fsyncFile,
  inspectBackup,
  BACKUP_MANIFEST_KEY,
  onlineBackupTo,
  pruneBackups,
  snapshotTo,
  tempNameFor,
} from './backupFiles';
import { describeForm, formColumns, likePattern, SUMMARY_COLUMNS, type FormColumns } from './formRow';
import { unpackJson } from './jsonBlob';
import { LATEST_VERSION, userVersion } from './migrations';
import { autoBackup, newerSchemaError, openDatabase, type OpenDbOptions } from './openDb';
import { environmentFault } from './faults';
import { connect, writing, type Db, type Durability } from './sqlite';
import { KEEP_ALL_WITHIN_MS, revisionsToDrop } from './thinning';
import { IdleCheckpoint } from './idleCheckpoint';

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
}

export type FormEventKind = 'create' | 'finalize' | 'unlock' | 'delete' | 'undelete' | 'restore-revision';
export interface FormEvent {
  kind: FormEventKind;
  at: string;
  detail: string;
}

export interface Store {
  readonly file: string;
  readonly schemaVersion: number;
  list(q?: { search?: string; year?: string }): FormSummary[];
  get(id: number): FormRecord;
  findLive(templateId: string, year: string, department: string): FormSummary | null;
  create(data: FormData, opts?: { asCopy?: boolean; note?: string }): FormRecord;
  save(id: number, data: FormData, note?: string): FormRecord;
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
  newYearPreview(id: number, year: string): { changes: TextChange[]; conflict: FormSummary | null };
  newYear(id: number, year: string): { record: FormRecord; changes: TextChange[] };
  backupTo(file: string): Promise<BackupManifest>;
  restoreFrom(file: string): Promise<BackupManifest>;
  close(): void;
}

interface FormRow extends FormSummary {
  createdAt: string;
  revision: number;
}

const YEAR = /^\d{4}$/;

class SqliteStore implements Store {
  private db: Db;
  private closed = false;
  private readonly checkpoint = new IdleCheckpoint(() => (this.closed ? null : this.db));

  constructor(
    private readonly opts: OpenDbOptions,
    db: Db,
  ) {
    this.db = db;
  }

  get file(): string {
    return this.opts.file;
  }

  get schemaVersion(): number {
    return userVersion(this.db);
  }

  /** Every write goes through here: busy errors in Chinese, then a checkpoint once writes pause. */
  private write<T>(fn: () => T): T {
    const result = writing(fn);
    this.checkpoint.afterWrite();
    return result;
  }

  private nowIso(): string {
    return this.opts.now().toISOString();
  }

  list(q: { search?: string; year?: string } = {}): FormSummary[] {
    const where = ['deleted_at IS NULL'];
    const params: string[] = [];
    if (q.year) {
      where.push('year = ?');
      params.push(q.year.trim());
    }
    for (const term of (q.search ?? '').split(/\s+/).filter(Boolean)) {
      where.push("search_text LIKE ? ESCAPE '\\'");
      params.push(likePattern(term));
    }
    return this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM forms WHERE ${where.join(' AND ')} ORDER BY year DESC, department, id`)
      .all(...params) as FormSummary[];
  }

  listTrash(): FormSummary[] {
    return this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM forms WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`)
      .all() as FormSummary[];
  }

  private row(id: number): FormRow {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, created_at AS createdAt, revision FROM forms WHERE id = ?`).get(id) as
      FormRow | undefined;
    if (!row) throw new UserError(`找不到编号为 ${id} 的表单`, 'not-found');
    return row;
  }

  /** The JSON of one revision, or undefined when thinning has dropped it. */
  private revisionData(id: number, revision: number): FormData | undefined {
    const rev = this.db.prepare('SELECT data FROM revisions WHERE form_id = ? AND revision = ?').get(id, revision) as
      { data: Buffer } | undefined;
    return rev && (JSON.parse(unpackJson(rev.data)) as FormData);
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

  findLive(templateId: string, year: string, department: string): FormSummary | null {
    return this.findLiveExcept(templateId, year.trim(), department.trim(), -1);
  }

  private findLiveExcept(templateId: string, year: string, department: string, exceptId: number): FormSummary | null {
    if (department === '') return null;
    const row = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM forms WHERE template_id = ? AND year = ? AND department = ? AND deleted_at IS NULL AND id <> ?`,
      )
      .get(templateId, year, department, exceptId) as FormSummary | undefined;
    return row ?? null;
  }

  private refuseDuplicate(cols: FormColumns, exceptId: number): void {
    const existing = this.findLiveExcept(cols.templateId, cols.year, cols.department, exceptId);
    if (existing) {
      throw new UserError(
        `已有 ${describeForm(existing)}，同一年度同一部门只能有一份表单。请打开那份表单修改，或先把它删除到回收站。`,
        'duplicate',
      );
    }
  }

  private event(id: number, kind: FormEventKind, detail = ''): void {
    this.db.prepare('INSERT INTO events (form_id, kind, at, detail) VALUES (?, ?, ?, ?)').run(id, kind, this.nowIso(), detail);
  }

  private copyName(cols: FormColumns): string {
    for (let n = 1; ; n++) {
      const name = `${cols.department}（副本${n === 1 ? '' : n}）`;
      if (!this.findLiveExcept(cols.templateId, cols.year, name, -1)) return name;
    }
  }

  create(data: FormData, opts: { asCopy?: boolean; note?: string } = {}): FormRecord {
    let cols = formColumns(data);
    const id = this.write(() =>
      this.db
        .transaction(() => {
          if (opts.asCopy && this.findLiveExcept(cols.templateId, cols.year, cols.department, -1)) {
            const t = getTemplate(cols.templateId);
            cols = formColumns({ ...cols.data, values: { ...cols.data.values, [t.identity.name]: this.copyName(cols) } });
          }
          this.refuseDuplicate(cols, -1);
          const at = this.nowIso();
          const info = this.db
            .prepare(
              `INSERT INTO forms (template_id, year, department, unit, status, revision, created_at, updated_at, search_text)
               VALUES (?, ?, ?, ?, 'draft', 1, ?, ?, ?)`,
            )
            .run(cols.templateId, cols.year, cols.department, cols.unit, at, at, cols.searchText);
          const newId = Number(info.lastInsertRowid);
          this.db
            .prepare('INSERT INTO revisions (form_id, revision, saved_at, note, data) VALUES (?, 1, ?, ?, ?)')
            .run(newId, at, opts.note ?? '新建', cols.packed);
          this.event(newId, 'create', opts.note ?? '');
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

  save(id: number, data: FormData, note = ''): FormRecord {
    const cols = formColumns(data);
    this.write(() =>
      this.db
        .transaction(() => {
          const row = this.row(id);
          this.requireEditable(row);
          this.refuseDuplicate(cols, id);
          const at = this.nowIso();
          const revision = row.revision + 1;
          this.db
            .prepare(
              'UPDATE forms SET template_id = ?, year = ?, department = ?, unit = ?, revision = ?, updated_at = ?, search_text = ? WHERE id = ?',
            )
            .run(cols.templateId, cols.year, cols.department, cols.unit, revision, at, cols.searchText, id);
          this.db
            .prepare('INSERT INTO revisions (form_id, revision, saved_at, note, data) VALUES (?, ?, ?, ?, ?)')
            .run(id, revision, at, note, cols.packed);
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
    const old = this.db
      .prepare('SELECT revision, saved_at AS savedAt FROM revisions WHERE form_id = ? AND saved_at < ?')
      .all(id, cutoff) as { revision: number; savedAt: string }[];
    if (old.length < 2) return;
    const drop = this.db.prepare('DELETE FROM revisions WHERE form_id = ? AND revision = ?');
    for (const r of revisionsToDrop(old, now)) drop.run(id, r);
  }

  private setStatus(id: number, status: 'draft' | 'final', kind: FormEventKind, detail: string): FormRecord {
    this.write(() =>
      this.db
        .transaction(() => {
          const row = this.row(id);
          if (row.deletedAt) throw new UserError('这份表单已在回收站中，请先从回收站恢复', 'trashed');
          if (row.status === status) return;
          this.db.prepare('UPDATE forms SET status = ? WHERE id = ?').run(status, id);
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
          this.db.prepare('UPDATE forms SET deleted_at = ? WHERE id = ?').run(this.nowIso(), id);
          this.event(id, 'delete');
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
          const existing = this.findLiveExcept(row.templateId, row.year, row.department, id);
          if (existing) {
            throw new UserError(
              `不能恢复：现在已有 ${describeForm(existing)}。请先把那份表单删除到回收站或修改其部门名称，再恢复这一份。`,
              'duplicate',
            );
          }
          this.db.prepare('UPDATE forms SET deleted_at = NULL WHERE id = ?').run(id);
          this.event(id, 'undelete');
        })
        .immediate(),
    );
    return this.get(id);
  }

  emptyTrash(): number {
    return this.write(() => this.db.prepare('DELETE FROM forms WHERE deleted_at IS NOT NULL').run().changes);
  }

  revisions(id: number): Revision[] {
    this.row(id);
    return this.db
      .prepare('SELECT revision, saved_at AS savedAt, note FROM revisions WHERE form_id = ? ORDER BY revision DESC')
      .all(id) as Revision[];
  }

  restoreRevision(id: number, revision: number): FormRecord {
    const data = this.revisionData(id, revision);
    if (!data) {
      this.row(id);
      throw new UserError(`表单 ${id} 没有第 ${revision} 版（较早的版本每天只保留一份），请从版本列表中选择`, 'not-found');
    }
    const record = this.save(id, data, `恢复到第 ${revision} 版`);
    this.write(() => this.event(id, 'restore-revision', String(revision)));
    return record;
  }

  events(id: number): FormEvent[] {
    this.row(id);
    return this.db.prepare('SELECT kind, at, detail FROM events WHERE form_id = ? ORDER BY id').all(id) as FormEvent[];
  }

  newYearPreview(id: number, year: string): { changes: TextChange[]; conflict: FormSummary | null } {
    const source = this.get(id);
    const y = checkYear(year);
    const { form, changes } = carryToNewYear(source.data, y);
    const cols = formColumns(form);
    return { changes, conflict: this.findLiveExcept(cols.templateId, cols.year, cols.department, -1) };
  }

  newYear(id: number, year: string): { record: FormRecord; changes: TextChange[] } {
    const source = this.get(id);
    const y = checkYear(year);
    const { form, changes } = carryToNewYear(source.data, y);
    const fromYear = str(source.data.values[getTemplate(source.templateId).identity.year]);
    const record = this.create(form, { note: `由 ${fromYear} 年度表单（编号 ${id}）生成` });
    return { record, changes };
  }

  backupTo(file: string): Promise<BackupManifest> {
    return onlineBackupTo(this.db, file, { appVersion: this.opts.appVersion, createdAt: this.nowIso() });
  }

  async restoreFrom(file: string): Promise<BackupManifest> {
    const manifest = inspectBackup(file, this.opts.nativeBinding);
    if (manifest.schemaVersion > LATEST_VERSION) throw newerSchemaError(file, manifest.schemaVersion);
    const tmp = tempNameFor(this.file);
    try {
      copyFileSync(file, tmp);
      const check = connect(tmp, { nativeBinding: this.opts.nativeBinding });
      try {
        check.prepare('DELETE FROM meta WHERE key = ?').run(BACKUP_MANIFEST_KEY);
      } finally {
        check.close();
      }
      fsyncFile(tmp);
      const at = this.opts.now();
      const safety = join(this.opts.backupDir, backupFileName('before-restore', at));
      snapshotTo(this.db, safety, { appVersion: this.opts.appVersion, createdAt: at.toISOString() });
      pruneBackups(this.opts.backupDir, 'before-restore');
      this.db.close();
      rmSync(`${this.file}-wal`, { force: true });
      rmSync(`${this.file}-shm`, { force: true });
      renameSync(tmp, this.file);
      fsyncDir(dirname(this.file));
      try {
        this.db = openDatabase(this.opts);
      } catch (e) {
        // The new file would not open: put the safety copy back so the user keeps working.
        copyFileSync(safety, this.file);
        this.db = openDatabase(this.opts);
        throw e;
      }
      return manifest;
    } finally {
      rmSync(tmp, { force: true });
    }
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
  };
  mkdirSync(dirname(full.file), { recursive: true });
  const db = openDatabase(full);
  if (opts.autoBackup ?? true) {
    try {
      autoBackup(db, full);
    } catch {
      // A failed start-up backup (disk full, folder not writable) must not keep the user from their forms.
    }
  }
  return new SqliteStore(full, db);
}

/**
 * For a database that will not open (DamagedDatabaseError): the damaged file is moved aside,
 * never deleted, and the backup is installed in its place.
 */
export function restoreDamaged(opts: StoreOptions, backupFile: string): Store {
  const manifest = inspectBackup(backupFile, opts.nativeBinding);
  if (manifest.schemaVersion > LATEST_VERSION) throw newerSchemaError(backupFile, manifest.schemaVersion);
  const stamp = (opts.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
  // The backup is copied in completely (and synced) before the damaged file is moved aside:
  // a full disk or a read-only folder then fails here, with the damaged file still in place.
  const tmp = tempNameFor(opts.file);
  try {
    copyFileSync(backupFile, tmp);
    fsyncFile(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw environmentFault(e, opts.file) ?? e;
  }
  if (existsSync(opts.file)) renameSync(opts.file, `${opts.file}.damaged-${stamp}`);
  for (const side of ['-wal', '-shm'])
    if (existsSync(opts.file + side)) renameSync(opts.file + side, `${opts.file}.damaged-${stamp}${side}`);
  renameSync(tmp, opts.file);
  fsyncDir(dirname(opts.file));
  return openStore({ ...opts, autoBackup: false });
}
