/**
 * Backup files: one self-contained SQLite file (rollback journal, no -wal beside it) with
 * its manifest in the meta table, written under a temporary name and renamed into place so
 * a half-written backup never looks like a real one.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupManifest } from '../../../shared/contract';
import { backupManifestSchema } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import Database from 'better-sqlite3';
import { badStoredTemplate, idsOutOfRange, oversizedRevision } from './backupContent';
import { LATEST_VERSION, runMigrations } from './migrations';
import { environmentFault } from './faults';
import { connect, type Db } from './sqlite';

export const BACKUP_MANIFEST_KEY = 'backup_manifest';
export const APP_KEY = 'app';
export const APP_ID = 'shenbao';
export const AUTO_BACKUPS_KEPT = 10;

export type BackupKind = 'auto' | 'before-migration' | 'before-restore';

const SQLITE_MAGIC = 'SQLite format 3\0';

export function tempNameFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/** What tempNameFor makes (and SQLite's files beside it): the process that made it, and its name. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.(\d+)\.tmp(?:-wal|-shm|-journal)?$/;

/** Whether a process with this id is running (ours, or another user's). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user's.
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Removes temp files our killed processes left in `dir` (a restore's copy of a backup, a
 * backup being written: up to the size of the database each, issue #27 item 12). Only names
 * tempNameFor makes for `forName` (a base name, or a test on it), and only when the process
 * that made them is gone. Never fails: the sweep is housekeeping.
 */
export function sweepStaleTemps(dir: string, forName: (base: string) => boolean): number {
  let removed = 0;
  try {
    for (const name of readdirSync(dir)) {
      const m = TEMP_NAME.exec(name);
      if (!m || !forName(m[1]) || processAlive(Number(m[2]))) continue;
      try {
        rmSync(join(dir, name), { force: true });
        removed++;
      } catch {
        /* another process's, or gone meanwhile */
      }
    }
  } catch {
    /* no such folder, or not readable: nothing to sweep */
  }
  return removed;
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable; directories cannot be fsynced on Windows, which is harmless there. */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported on this platform */
  }
}

export function countLiveForms(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM forms WHERE deleted_at IS NULL').get() as { n: number }).n;
}

/** Turns a raw copy at `tmp` into a finished backup at `file`, stamped with its manifest. */
export function finishBackup(tmp: string, file: string, info: { appVersion: string; createdAt: string }): BackupManifest {
  let manifest: BackupManifest;
  const db = connect(tmp);
  try {
    db.pragma('journal_mode = DELETE');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    manifest = { app: APP_ID, appVersion: info.appVersion, schemaVersion, formCount: countLiveForms(db), createdAt: info.createdAt };
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(BACKUP_MANIFEST_KEY, JSON.stringify(manifest));
  } finally {
    db.close();
  }
  fsyncFile(tmp);
  renameSync(tmp, file);
  fsyncDir(dirname(file));
  return manifest;
}

/** A consistent copy taken in one read transaction (VACUUM INTO), for the synchronous safety copies. */
export function snapshotTo(db: Db, file: string, info: { appVersion: string; createdAt: string }): BackupManifest {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = tempNameFor(file);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    return finishBackup(tmp, file, info);
  } finally {
    removeTemp(tmp);
  }
}

/** The SQLite online backup API, copied in one step so that it is one consistent snapshot. */
export async function onlineBackupTo(db: Db, file: string, info: { appVersion: string; createdAt: string }): Promise<BackupManifest> {
  if (!existsSync(dirname(file))) throw new UserError(`保存备份的文件夹不存在：${dirname(file)}，请换一个位置`);
  const tmp = tempNameFor(file);
  try {
    await db.backup(tmp, { progress: () => 0x7fffffff });
    return finishBackup(tmp, file, info);
  } catch (e) {
    // A full or read-only backup folder is named as such (its own folder, not the database's).
    throw environmentFault(e, file) ?? e;
  } finally {
    removeTemp(tmp);
  }
}

/** A temp copy and what SQLite made beside it (the copy of a WAL database is opened in WAL mode). */
function removeTemp(tmp: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(tmp + side, { force: true });
}

function notOurs(file: string, why: string): UserError {
  return new UserError(
    `「${basename(file)}」不是本程序的备份文件（${why}）。当前数据没有任何改动；请选择由“备份”功能生成的文件。`,
    'not-backup',
  );
}

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const SCHEMA_QUERY = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name";
const expectedSchemas = new Map<number, string>();

/** sqlite_master as our migrations leave it at `version`: every table, column, index and constraint, as SQL. */
export function expectedSchema(version: number, nativeBinding?: string): string {
  const cached = expectedSchemas.get(version);
  if (cached !== undefined) return cached;
  const mem = new Database(':memory:', { nativeBinding });
  try {
    runMigrations(mem, version);
    const schema = JSON.stringify(mem.prepare(SCHEMA_QUERY).all());
    expectedSchemas.set(version, schema);
    return schema;
  } finally {
    mem.close();
  }
}

/**
 * Why a backup's schema is not one our migrations made (a trigger that would run on the next
 * save, a view in place of a table, a table or column missing or added), or null when it is
 * exactly one of ours. Only then may it replace the user's data (issue #16, defect 7).
 */
export function schemaMismatch(db: Db, version: number, nativeBinding?: string): string | null {
  if (version < 1 || version > LATEST_VERSION) return `数据格式第 ${version} 版不是本程序的格式`;
  const actual = db.prepare(SCHEMA_QUERY).all() as SchemaEntry[];
  if (JSON.stringify(actual) === expectedSchema(version, nativeBinding)) return null;
  const expected = JSON.parse(expectedSchema(version, nativeBinding)) as SchemaEntry[];
  // Our own schema has triggers too (schema 4's search index); any other is someone else's code.
  const ours = new Set(expected.map((e) => `${e.type}\u0001${e.name}\u0001${e.sql}`));
  const foreign = (type: string) => actual.some((e) => e.type === type && !ours.has(`${e.type}\u0001${e.name}\u0001${e.sql}`));
  if (foreign('view')) return '含有视图';
  if (foreign('trigger')) return '含有触发器';
  const names = (l: SchemaEntry[]) => new Set(l.filter((e) => e.type === 'table').map((e) => e.name));
  const missing = [...names(expected)].filter((n) => !names(actual).has(n));
  if (missing.length) return `缺少数据表 ${missing.join('、')}`;
  const extra = [...names(actual)].filter((n) => !names(expected).has(n));
  if (extra.length) return `含有多余的数据表 ${extra.join('、')}`;
  return '数据表的结构与本程序的不同';
}

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks a file before anything is replaced with it: a SQLite file that passes
 * integrity_check and carries our marker. A copied database (no manifest) is accepted too.
 */
export function inspectBackup(file: string, nativeBinding?: string): BackupManifest {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`找不到备份文件：${file}，请检查文件位置`, 'not-found');
  if (!hasSqliteHeader(file)) throw notOurs(file, '不是数据库文件');
  let db: Db;
  try {
    db = connect(file, { readonly: true, nativeBinding });
  } catch {
    throw notOurs(file, '无法读取');
  }
  try {
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0].integrity_check !== 'ok') throw notOurs(file, '文件已损坏');
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    if (!hasMeta) throw notOurs(file, '缺少本程序的标记');
    const meta = new Map(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    if (meta.get(APP_KEY) !== APP_ID) throw notOurs(file, '缺少本程序的标记');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    // A newer app's backup is refused later with its own message (newerSchemaError).
    if (schemaVersion <= LATEST_VERSION) {
      const mismatch = schemaMismatch(db, schemaVersion, nativeBinding);
      if (mismatch) throw notOurs(file, `数据库结构不符：${mismatch}`);
      // Rows that would break the store once restored (issue #27): checked here, before anything is replaced.
      const content = idsOutOfRange(db) ?? badStoredTemplate(db) ?? oversizedRevision(db);
      if (content) throw notOurs(file, content);
    }
    const formCount = countLiveForms(db);
    const raw = meta.get(BACKUP_MANIFEST_KEY);
    const parsed = raw ? backupManifestSchema.safeParse(safeJson(raw)) : null;
    if (parsed && !parsed.success) throw notOurs(file, '备份说明已损坏');
    if (parsed?.success) {
      if (parsed.data.schemaVersion !== schemaVersion || parsed.data.formCount !== formCount) throw notOurs(file, '内容与备份说明不符');
      return parsed.data;
    }
    return {
      app: APP_ID,
      appVersion: meta.get('app_version') ?? '',
      schemaVersion,
      formCount,
      createdAt: statSync(file).mtime.toISOString(),
    };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw notOurs(file, '无法读取');
  } finally {
    db.close();
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

const stamp = (d: Date): string =>
  d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '') + `-${String(d.getUTCMilliseconds()).padStart(3, '0')}`;

export function backupFileName(kind: BackupKind, at: Date): string {
  return `shenbao-${stamp(at)}-${kind}.db`;
}

/** Backups of a kind in `dir`, newest first (the time stamp in the name sorts). */
export function listBackups(dir: string, kind?: BackupKind): string[] {
  if (!existsSync(dir)) return [];
  const re = /^shenbao-\d{8}-\d{6}-\d{3}-(auto|before-migration|before-restore)\.db$/;
  return readdirSync(dir)
    .filter((n) => {
      const m = re.exec(n);
      return m !== null && (kind === undefined || m[1] === kind);
    })
    .sort()
    .reverse()
    .map((n) => join(dir, n));
}

export function pruneBackups(dir: string, kind: BackupKind, keep = AUTO_BACKUPS_KEPT): void {
  for (const old of listBackups(dir, kind).slice(keep)) rmSync(old, { force: true });
}
