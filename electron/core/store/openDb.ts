/**
 * Opening the database file safely: a damaged file or one from a newer app is looked at
 * read-only first and refused untouched; an older schema is backed up, then migrated.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../../shared/errors';
import { APP_ID, APP_KEY, backupFileName, listBackups, pruneBackups, snapshotTo } from './backupFiles';
import { limitWal } from './idleCheckpoint';
import { dataFingerprint, fullCheckDue, fullyCheckedAsIs, passes, quickCheckEveryOpen, recordFullCheck } from './integrityCheck';
import { LATEST_VERSION, runMigrations, userVersion } from './migrations';
import { environmentFault, faultError, healSideFiles } from './faults';
import { configureForUse, connect, isBusy, isNotADatabase, busyError, type Db, type Durability } from './sqlite';

export interface OpenDbOptions {
  file: string;
  appVersion: string;
  backupDir: string;
  nativeBinding?: string;
  busyTimeoutMs?: number;
  durability?: Durability;
  now: () => Date;
  /** Files up to this size get a quick_check at every open (integrityCheck.ts); a test lowers it. */
  quickCheckMaxBytes?: number;
}

/** The database cannot be used as it is; `newestBackup` is the automatic backup to offer instead. */
export class DamagedDatabaseError extends UserError {
  readonly newestBackup: string | null;
  constructor(file: string, newestBackup: string | null) {
    super(
      `数据库文件已损坏，无法打开：${file}。程序没有改动这个文件，请不要删除它。` +
        (newestBackup
          ? `最新的自动备份是 ${newestBackup}；可以运行 “restore-backup ${basename(newestBackup)}” 或在程序中选择“恢复备份”用它恢复（损坏的文件会被另存，不会被覆盖）。`
          : '没有找到自动备份，请把这个文件交给技术人员处理。'),
      'damaged',
    );
    this.newestBackup = newestBackup;
  }
}

export function newerSchemaError(file: string, version: number): UserError {
  return new UserError(
    `数据库 ${file} 是由更新版本的本程序保存的（数据格式第 ${version} 版，本程序只认识到第 ${LATEST_VERSION} 版）。为避免损坏数据，程序没有改动它；请安装最新版本后再打开。`,
    'newer-schema',
  );
}

function notOurDatabase(file: string): UserError {
  return new UserError(`文件 ${file} 不是本程序的数据库，程序没有改动它；请检查 --db 指定的文件是否正确。`, 'not-ours');
}

/**
 * The checks read every page once. Through read() that is one system call per 4 KB page,
 * which was most of quick_check's time on 5,000 forms on a loaded machine (~150 ms; ~45 ms
 * through a memory map). The map is only on this short-lived read-only connection: nothing
 * is ever written through it. Its one cost: a disk that fails to read a sector during the
 * check stops the process (SIGBUS) instead of reporting SQLITE_IOERR; a file whose bytes
 * are damaged is still reported as damaged. So a marker file lives beside the database while
 * the mapped check runs: if it is still there at the next open, that check died (SIGBUS, a
 * power cut, a kill), and this open checks without the map, fully, and reports the damage.
 */
const CHECK_MMAP_BYTES = 1024 * 1024 * 1024;
export const checkMarkerPath = (file: string): string => `${file}.checking`;

interface Preflight {
  version: number;
  /** Set when this open ran the full integrity_check: the data it checked. */
  fullyChecked: string | null;
}

/** False where the folder is read-only: then the check simply runs without the map. */
function placeMarker(marker: string): boolean {
  try {
    writeFileSync(marker, '');
    return true;
  } catch {
    return false;
  }
}

/**
 * Why an open failed, as the user needs to hear it: busy, an environment fault (permission,
 * read-only or full disk, a directory, a disk error: the file is fine, so no restore is
 * offered), or real damage (SQLite says so, or the check fails), with the newest backup.
 */
function openFailure(e: unknown, opts: OpenDbOptions): Error {
  if (isBusy(e)) return busyError();
  if (e instanceof UserError) return e;
  const fault = isNotADatabase(e) ? null : environmentFault(e, opts.file);
  if (fault) return fault;
  // Any other answer of SQLite about this file (corrupt, not a database, a malformed schema) is damage.
  const sqlite = String((e as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_');
  return sqlite ? new DamagedDatabaseError(opts.file, listBackups(opts.backupDir)[0] ?? null) : (e as Error);
}

/** Read-only look at an existing file, before anything may write to it (see integrityCheck.ts). */
function preflight(opts: OpenDbOptions): Preflight {
  const damaged = () => new DamagedDatabaseError(opts.file, listBackups(opts.backupDir)[0] ?? null);
  let db: Db;
  try {
    db = connect(opts.file, { readonly: true, nativeBinding: opts.nativeBinding, busyTimeoutMs: opts.busyTimeoutMs });
  } catch (e) {
    throw openFailure(e, opts);
  }
  const marker = checkMarkerPath(opts.file);
  const lastCheckDied = existsSync(marker);
  try {
    if (!lastCheckDied && placeMarker(marker)) db.pragma(`mmap_size = ${CHECK_MMAP_BYTES}`);
    const check = (kind: 'quick_check' | 'integrity_check') => {
      let ok: boolean;
      try {
        ok = passes(db, kind);
      } catch (e) {
        throw openFailure(e, opts);
      }
      if (!ok) throw damaged();
    };
    // Every page of a small file; a large one is read whole only by the full check below (integrityCheck.ts).
    if (quickCheckEveryOpen(opts.file, opts.quickCheckMaxBytes)) check('quick_check');
    const version = userVersion(db);
    if (version > LATEST_VERSION) throw newerSchemaError(opts.file, version);
    if (version === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw notOurDatabase(opts.file);
      return { version, fullyChecked: null };
    }
    let fingerprint: string;
    let due: boolean;
    try {
      const app = db.prepare('SELECT value FROM meta WHERE key = ?').get(APP_KEY) as { value: string } | undefined;
      if (app?.value !== APP_ID) throw notOurDatabase(opts.file);
      fingerprint = dataFingerprint(db);
      due = lastCheckDied || version < LATEST_VERSION || fullCheckDue(db, fingerprint, opts.now());
    } catch (e) {
      throw openFailure(e, opts);
    }
    if (!due) return { version, fullyChecked: null };
    check('integrity_check');
    return { version, fullyChecked: fingerprint };
  } finally {
    db.close();
    rmSync(marker, { force: true });
  }
}

/**
 * What a crash or a read-only open left beside the file, made right before the read-only look
 * (issue #27 item 4): a hot rollback journal (a first open of a restored copy killed while it
 * switched to WAL) can only be rolled back by a read-write connection, and the read-only one
 * then failed with 「只读」 at every open; a read-only -wal/-shm is given the database's mode.
 * Rolling a hot journal back is what any SQLite open does: it only puts back the pages the
 * interrupted transaction changed.
 */
function settleSideFiles(opts: OpenDbOptions): void {
  const side = healSideFiles(opts.file);
  if (side) throw faultError('side-file-read-only', side);
  const journal = `${opts.file}-journal`;
  if (!existsSync(journal) || statSync(journal).size === 0) return;
  try {
    const db = connect(opts.file, { nativeBinding: opts.nativeBinding, busyTimeoutMs: opts.busyTimeoutMs });
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      db.close();
    }
  } catch (e) {
    throw openFailure(e, opts);
  }
}

export function openDatabase(opts: OpenDbOptions): Db {
  let existing: boolean;
  try {
    mkdirSync(dirname(opts.file), { recursive: true });
    const st = existsSync(opts.file) ? statSync(opts.file) : null;
    if (st?.isDirectory()) throw faultError('is-directory', opts.file);
    existing = st !== null && st.size > 0;
  } catch (e) {
    throw openFailure(e, opts);
  }
  if (existing) settleSideFiles(opts);
  const { version, fullyChecked } = existing ? preflight(opts) : { version: 0, fullyChecked: null };
  let db: Db;
  try {
    db = connect(opts.file, { nativeBinding: opts.nativeBinding, busyTimeoutMs: opts.busyTimeoutMs });
  } catch (e) {
    throw openFailure(e, opts);
  }
  try {
    configureForUse(db, opts.durability);
    limitWal(db);
    if (version > 0 && version < LATEST_VERSION) {
      const at = opts.now();
      snapshotTo(db, join(opts.backupDir, backupFileName('before-migration', at)), {
        appVersion: opts.appVersion,
        createdAt: at.toISOString(),
      });
      pruneBackups(opts.backupDir, 'before-migration');
    }
    const applied = runMigrations(db);
    // Schema 2 halves an old file; without VACUUM the freed pages would stay in it for good.
    if (version > 0 && applied.length > 0) {
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    // Written only when something changes: an open that writes nothing also closes without a checkpoint.
    const meta = new Map(
      (
        db.prepare("SELECT key, value FROM meta WHERE key IN ('app', 'app_version', 'created_at')").all() as {
          key: string;
          value: string;
        }[]
      ).map((r) => [r.key, r.value]),
    );
    if (meta.get(APP_KEY) !== APP_ID || meta.get('app_version') !== opts.appVersion || !meta.has('created_at') || fullyChecked !== null) {
      const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      db.transaction(() => {
        setMeta.run(APP_KEY, APP_ID);
        setMeta.run('app_version', opts.appVersion);
        db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('created_at', opts.now().toISOString());
        if (fullyChecked !== null) recordFullCheck(db, fullyChecked, opts.now());
      }).immediate();
    }
    return db;
  } catch (e) {
    db.close();
    if (isBusy(e)) throw busyError();
    // A file that passed its check but cannot be written: the folder or disk, never damage.
    if (!(e instanceof UserError) && !isNotADatabase(e)) throw environmentFault(e, opts.file) ?? e;
    throw e;
  }
}

/**
 * The start-up backup, skipped when nothing changed since the last one, so that opening
 * the app (or running the command line) many times a day does not push out useful backups.
 */
export function autoBackup(db: Db, opts: OpenDbOptions): string | null {
  const fp = dataFingerprint(db);
  const last = db.prepare("SELECT value FROM meta WHERE key = 'auto_backup_fingerprint'").get() as { value: string } | undefined;
  const newest = listBackups(opts.backupDir, 'auto')[0];
  if (fp.startsWith('0|') || (last?.value === fp && newest)) return null;
  // Normally checked at this open already; a damaged copy must never push out good backups.
  if (!fullyCheckedAsIs(db, fp)) {
    if (!passes(db, 'integrity_check')) throw new Error('integrity_check failed; start-up backup skipped');
    recordFullCheck(db, fp, opts.now());
  }
  const at = opts.now();
  const file = join(opts.backupDir, backupFileName('auto', at));
  snapshotTo(db, file, { appVersion: opts.appVersion, createdAt: at.toISOString() });
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('auto_backup_fingerprint', ?)").run(fp);
  pruneBackups(opts.backupDir, 'auto');
  return file;
}
