/**
 * Opening SQLite connections the same way everywhere, and turning SQLite's failures into
 * messages a user can act on.
 */
import Database from 'better-sqlite3';
import { isUserError, UserError } from '../../../shared/errors';
import { environmentFault } from './faults';

export type Db = Database.Database;

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface ConnectOptions {
  readonly?: boolean;
  nativeBinding?: string;
  busyTimeoutMs?: number;
}

/** A connection with no pragmas that write: safe on a file we have not yet checked. */
export function connect(file: string, opts: ConnectOptions = {}): Db {
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    nativeBinding: opts.nativeBinding,
    timeout: opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
  });
  return db;
}

export type Durability = 'NORMAL' | 'FULL';

/**
 * WAL keeps readers and one writer apart. NORMAL: an acknowledged save survives the app
 * being killed and the file never corrupts, but a power cut may undo the last seconds of
 * saves; FULL also survives a power cut at the cost of an fsync per save (~2 ms here).
 */
export function configureForUse(db: Db, durability: Durability = 'NORMAL'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability}`);
  db.pragma('foreign_keys = ON');
}

const code = (e: unknown): string => (typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '');

export const isBusy = (e: unknown): boolean => code(e).startsWith('SQLITE_BUSY') || code(e).startsWith('SQLITE_LOCKED');
export const isNotADatabase = (e: unknown): boolean => code(e) === 'SQLITE_NOTADB' || code(e).startsWith('SQLITE_CORRUPT');

export function busyError(): UserError {
  return new UserError(
    '数据库正被另一个程序（或另一个窗口）使用，暂时无法写入。这次操作没有生效，请稍后再试一次；若一直如此，请关闭其他打开本数据库的程序。',
    'busy',
  );
}

/**
 * Runs a write and reports, in Chinese, a locked database and the environment faults SQLite
 * meets while writing (SQLITE_READONLY, SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN: a
 * read-only or full disk, a pulled USB stick); other errors pass through.
 */
export function writing<T>(fn: () => T, file = ''): T {
  try {
    return fn();
  } catch (e) {
    if (isBusy(e)) throw busyError();
    const fault = isUserError(e) ? null : environmentFault(e, file);
    if (fault) throw fault;
    throw e;
  }
}
