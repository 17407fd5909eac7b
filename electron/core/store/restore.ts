/**
 * Restoring a backup (issue #27 items 1, 2, 4, 9).
 *
 * Into the live file, never by renaming another file over it: a browser-mode server or a
 * command-line batch import with the database open kept writing to the unlinked old file, and
 * every save it acknowledged was gone. So the backup's rows are written into the live database
 * in one write transaction of the live connection; every other connection (this process or
 * another) sees the restored content at its next read, and what it writes afterwards lands in
 * the real file. The same transaction's write lock covers the before-restore safety copy, so no
 * write can fall between the copy and the restore: each acknowledged write is either in the
 * safety copy or in the restored database. A kill anywhere leaves the old data or the restored
 * data, never a mix (SQLite rolls the transaction back at the next open).
 *
 * The backup itself is never written to: it is copied beside the database, and that copy is
 * made what the live data must become (manifest removed, migrated to this app's schema, the
 * 汇总's kept facts dropped: they are only trusted for content this store read itself) and
 * checked before anything of the user's changes.
 *
 * Other stores on the file notice the restore by its generation in the meta table
 * (restoreGeneration) and reload what they keep in memory (templates, the 指标库 index).
 *
 * A damaged database that will not open (restoreDamaged) cannot be written into: it is moved
 * aside and the prepared copy, already in WAL mode (a first open of a rollback-journal copy
 * that is killed leaves a hot journal), is renamed into its place.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupManifest } from '../../../shared/contract';
import type { TemplateDef } from '../../../shared/template/schema';
import {
  BACKUP_MANIFEST_KEY,
  backupFileName,
  fsyncDir,
  fsyncFile,
  inspectBackup,
  pruneBackups,
  snapshotTo,
  tempNameFor,
} from './backupFiles';
import { environmentFault } from './faults';
import { LATEST_VERSION, runMigrations, userVersion } from './migrations';
import { newerSchemaError, type OpenDbOptions } from './openDb';
import { configureForUse, connect, writing, type Db } from './sqlite';
import { loadStoredTemplates } from './templates';

export const RESTORE_GENERATION_KEY = 'restore_generation';

/** Meta entries that describe the file rather than its data: the restored data gets this store's (or none). */
const FILE_META = new Set([BACKUP_MANIFEST_KEY, 'auto_backup_fingerprint', 'app_version', RESTORE_GENERATION_KEY]);

/** Tables not copied row by row: SQLite's own, the search index (rebuilt from the forms), the 汇总's kept facts (dropped). */
const NOT_COPIED = /^(sqlite_.*|search_index.*|search_pending|summary_facts)$/;

/** The restore generation the file is at ('' before any restore). */
export function restoreGeneration(db: Db): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(RESTORE_GENERATION_KEY) as { value: string } | undefined;
  return row?.value ?? '';
}

function removeWithSides(file: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(file + side, { force: true });
}

/**
 * The backup checked (inspectBackup) and copied to `tmp` beside the database, then made what the
 * live data must become. Throws, with the copy removed, when it cannot be.
 */
function preparedCopy(backupFile: string, opts: { file: string; nativeBinding?: string }, tmp: string, wal: boolean): BackupManifest {
  const manifest = inspectBackup(backupFile, opts.nativeBinding);
  if (manifest.schemaVersion > LATEST_VERSION) throw newerSchemaError(backupFile, manifest.schemaVersion);
  try {
    copyFileSync(backupFile, tmp);
    const db = connect(tmp, { nativeBinding: opts.nativeBinding });
    try {
      db.prepare('DELETE FROM meta WHERE key = ?').run(BACKUP_MANIFEST_KEY);
      const migrated = runMigrations(db).length > 0;
      db.exec('DELETE FROM summary_facts');
      if (migrated) db.exec('VACUUM');
      if (wal) {
        configureForUse(db);
        db.pragma('wal_checkpoint(TRUNCATE)');
      }
      if (userVersion(db) !== LATEST_VERSION) throw new Error(`restored copy is at schema ${userVersion(db)}`);
    } finally {
      db.close();
    }
    fsyncFile(tmp);
    return manifest;
  } catch (e) {
    removeWithSides(tmp);
    throw environmentFault(e, opts.file) ?? e;
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function columnsOf(db: Db, schema: string, table: string): string[] {
  return (db.prepare(`SELECT name FROM ${schema}.pragma_table_info(?)`).pluck().all(table) as string[]).map(quote);
}

/** Replaces every row of the live database with the attached `restored` one's, inside the caller's transaction. */
function copyRows(live: Db): void {
  const tables = (
    live
      .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((t) => !NOT_COPIED.test(t));
  // Foreign keys are checked at commit, when every table is complete again.
  live.pragma('defer_foreign_keys = ON');
  for (const t of tables) live.exec(`DELETE FROM main.${quote(t)}`);
  live.exec('DELETE FROM main.summary_facts; DELETE FROM main.search_pending');
  live.exec("INSERT INTO main.search_index (search_index) VALUES ('delete-all')");
  for (const t of tables) {
    const cols = columnsOf(live, 'main', t);
    if (cols.join(',') !== columnsOf(live, 'restored', t).join(',')) throw new Error(`restored table ${t} has other columns`);
    const where = t === 'meta' ? ` WHERE key NOT IN (SELECT value FROM json_each(?))` : '';
    const copy = live.prepare(
      `INSERT INTO main.${quote(t)} (${cols.join(',')}) SELECT ${cols.join(',')} FROM restored.${quote(t)}${where}`,
    );
    if (where) copy.run(JSON.stringify([...FILE_META]));
    else copy.run();
  }
  // Inserting the forms put each in search_pending (schema 4's trigger): the index is rebuilt in idle time.
  live.exec(
    'DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restored.sqlite_sequence',
  );
}

export interface RestoreInto {
  db: Db;
  opts: OpenDbOptions;
}

/**
 * Restores `backupFile` into the live database of `db`: the safety copy (before-restore) and the
 * replacement in one write transaction. Returns the backup's manifest.
 */
export function restoreInto({ db, opts }: RestoreInto, backupFile: string): BackupManifest {
  const tmp = tempNameFor(opts.file);
  const manifest = preparedCopy(backupFile, opts, tmp, false);
  try {
    db.prepare('ATTACH DATABASE ? AS restored').run(tmp);
    try {
      const at = opts.now();
      writing(
        () =>
          db
            .transaction(() => {
              // The write lock is held from here: the safety copy is exactly what the restore replaces.
              const reader = connect(opts.file, { readonly: true, nativeBinding: opts.nativeBinding });
              try {
                snapshotTo(reader, join(opts.backupDir, backupFileName('before-restore', at)), {
                  appVersion: opts.appVersion,
                  createdAt: at.toISOString(),
                });
              } finally {
                reader.close();
              }
              copyRows(db);
              const setMeta = db.prepare('INSERT OR REPLACE INTO main.meta (key, value) VALUES (?, ?)');
              setMeta.run('app_version', opts.appVersion);
              setMeta.run(RESTORE_GENERATION_KEY, randomUUID());
            })
            .immediate(),
        opts.file,
      );
    } finally {
      db.exec('DETACH DATABASE restored');
    }
  } finally {
    removeWithSides(tmp);
  }
  pruneBackups(opts.backupDir, 'before-restore');
  try {
    // The restore went through the WAL: put it into the database file now rather than at the next pause.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    /* busy readers: the idle checkpoint does it later */
  }
  return manifest;
}

/**
 * For a database that will not open (DamagedDatabaseError): the damaged file is moved aside,
 * never deleted, and the prepared copy is put in its place. The caller opens the store.
 */
export function replaceDamaged(
  opts: { file: string; nativeBinding?: string; now?: () => Date },
  backupFile: string,
  builtIns: readonly TemplateDef[],
): void {
  const stamp = (opts.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
  // The copy is made complete, migrated, in WAL mode and synced before the damaged file is moved
  // aside: a full disk or a read-only folder then fails here, with the damaged file still in place.
  const tmp = tempNameFor(opts.file);
  preparedCopy(backupFile, opts, tmp, true);
  try {
    // Opened and checked as the store will open it, before it replaces anything.
    const check = connect(tmp, { nativeBinding: opts.nativeBinding });
    try {
      loadStoredTemplates(check, builtIns);
    } finally {
      check.close();
    }
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
  } catch (e) {
    removeWithSides(tmp);
    throw environmentFault(e, opts.file) ?? e;
  }
  if (existsSync(opts.file)) renameSync(opts.file, `${opts.file}.damaged-${stamp}`);
  for (const side of ['-wal', '-shm', '-journal'])
    if (existsSync(opts.file + side)) renameSync(opts.file + side, `${opts.file}.damaged-${stamp}${side}`);
  renameSync(tmp, opts.file);
  fsyncDir(dirname(opts.file));
}
