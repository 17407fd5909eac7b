/**
 * Environment faults of the database, told apart from damage (issue #16, defects 6 and 9).
 * A folder without write permission, a read-only disk, a full disk, a directory given as
 * --db: none of these is a damaged file, and restoring a backup over them would replace the
 * newest forms with older ones. Each gets its own Chinese message saying what happened, that
 * the forms are untouched, and what to do; only real corruption (SQLITE_CORRUPT/NOTADB, a
 * failed check) is reported as damage, with the backup offered.
 *
 * SQLite reports most of these as SQLITE_CANTOPEN or SQLITE_READONLY without the errno, so
 * the cause is found by asking the file system directly (diagnose()).
 */
import { accessSync, chmodSync, closeSync, constants, existsSync, openSync, rmSync, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../../../shared/errors';

export type FaultKind = 'is-directory' | 'permission' | 'read-only' | 'disk-full' | 'io' | 'cannot-open' | 'side-file-read-only';

const codeOf = (e: unknown): string => (typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '');

const UNTOUCHED = '数据库文件没有损坏，其中的表单也没有被改动';

/** `file` may be '' where the caller does not know it (a write deep in the store): the text then names no path. */
export function faultError(kind: FaultKind, file: string): UserError {
  const at = file ? `（${dirname(file)}）` : '';
  const named = file ? `“${file}”` : '';
  switch (kind) {
    case 'is-directory':
      return new UserError(
        `指定的数据库“${file}”是一个文件夹，不是数据库文件。程序没有改动任何东西。请指定一个文件，例如 ${join(file, 'shenbao.db')}。`,
        'db-is-directory',
      );
    case 'permission':
      return new UserError(
        `没有权限读写数据库文件${named}或它所在的文件夹，无法打开或保存。${UNTOUCHED}；这不是文件损坏，请不要用备份恢复。请检查文件和文件夹的权限（是否属于其他用户、是否设为只读、是否被杀毒软件锁定），或请管理员处理后再试。`,
        'db-permission',
      );
    case 'read-only':
      return new UserError(
        `数据库所在的磁盘或文件夹是只读的${at}，无法保存。${UNTOUCHED}；这不是文件损坏，请不要用备份恢复。请把数据库放到可写的位置（或取消只读、插好 U 盘的写保护开关）后再试。`,
        'db-read-only',
      );
    case 'disk-full':
      return new UserError(
        `磁盘空间不足${at}：磁盘空间已满或剩下的不够这次操作使用，这次操作没有完成。已保存的表单没有受影响；请清理磁盘空间后再试一次。`,
        'disk-full',
      );
    case 'io':
      return new UserError(
        `读写数据库文件${named}时磁盘出错，这次操作没有完成。请检查磁盘或 U 盘是否已拔出、连接是否松动，稍后再试；若一直如此，磁盘可能有故障，请尽快用“备份”另存一份数据。`,
        'db-io',
      );
    case 'side-file-read-only':
      // `file` is the side file here: the database itself is writable.
      return new UserError(
        `数据库旁边的辅助文件“${file}”是只读的，无法打开或保存（数据库文件本身可以写）。${UNTOUCHED}；这不是文件损坏，请不要用备份恢复。请关闭所有打开本数据库的程序，取消这个文件的只读属性（或把它的所有者改为当前用户）后再试。`,
        'db-side-read-only',
      );
    case 'cannot-open':
      return new UserError(
        `无法打开数据库文件${named}（文件或文件夹不存在、无法访问，或路径不对）。程序没有改动任何东西；请检查路径和权限后再试。`,
        'db-cannot-open',
      );
  }
}

const writable = (file: string): boolean => {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * A -wal or -shm file left read-only beside a writable database: SQLite gives side files the
 * database's mode when it creates them, so a read-only open of a read-only database leaves them
 * at 0444, and after the user makes the database writable again every open failed with
 * 「只读」 for good (issue #27 item 4). Such a side file is given the database's mode where we
 * may; the one that stays read-only is returned, to be named in the message.
 */
export function healSideFiles(file: string): string | null {
  if (!existsSync(file) || !writable(file)) return null;
  for (const side of [`${file}-wal`, `${file}-shm`]) {
    if (!existsSync(side) || writable(side)) continue;
    try {
      chmodSync(side, statSync(file).mode & 0o666);
    } catch {
      /* not ours to change: named below */
    }
    if (!writable(side)) return side;
  }
  return null;
}

/** The fault an errno from the file system stands for; null for anything else. */
export function errnoFault(code: string): FaultKind | null {
  switch (code) {
    case 'EISDIR':
      return 'is-directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission';
    case 'EROFS':
      return 'read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EIO':
      return 'io';
    case 'ENOTDIR':
      return 'cannot-open';
    default:
      return null;
  }
}

/** The fault a SQLite result code stands for (extended codes included); null for other codes. */
export function sqliteFault(code: string): FaultKind | null {
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  // SHMSIZE: the -shm could not be extended, which on a nearly full disk is ENOSPC (issue #27 item 12: it said 磁盘出错).
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') return 'disk-full';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot-open';
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return 'permission';
  return null;
}

/** Less free space than this, and an I/O error is taken for a full disk. */
const NEARLY_FULL_BYTES = 1024 * 1024;

const tryCode = (fn: () => void): string => {
  try {
    fn();
    return '';
  } catch (e) {
    return codeOf(e) || 'EUNKNOWN';
  }
};

/**
 * Asks the file system why `file` cannot be used: a directory, no permission to read or write
 * it or to create files beside it (-wal, -shm), a read-only or full disk. Null when the file
 * system sees nothing wrong. Leaves nothing behind.
 */
export function diagnose(file: string): FaultKind | null {
  const dir = dirname(file);
  let exists = false;
  const st = tryCode(() => {
    const s = statSync(file);
    exists = true;
    if (s.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
  });
  if (st && st !== 'ENOENT') return errnoFault(st) ?? 'cannot-open';
  const probe = join(dir, `.shenbao-probe-${process.pid}-${Date.now()}`);
  const checks = [
    ...(exists ? [() => closeSync(openSync(file, 'r')), () => closeSync(openSync(file, 'r+'))] : []),
    () => {
      closeSync(openSync(probe, 'wx'));
      rmSync(probe, { force: true });
    },
  ];
  for (const check of checks) {
    const code = tryCode(check);
    if (code) return errnoFault(code) ?? 'cannot-open';
  }
  if (exists && healSideFiles(file)) return 'side-file-read-only';
  try {
    const fs = statfsSync(dir);
    // Nearly full counts: a write that needs more than is left fails with a plain I/O error.
    if (fs.bavail * fs.bsize < NEARLY_FULL_BYTES) return 'disk-full';
  } catch {
    /* not supported here: nothing more to learn */
  }
  return null;
}

/**
 * A UserError for an environment fault behind `e` (an errno, a SQLite code, or what the file
 * system says about `file` when SQLite only knows it could not open or write); null when `e`
 * is not such a fault (then it is damage, busy, or a bug, and the caller decides).
 */
export function environmentFault(e: unknown, file: string): UserError | null {
  const code = codeOf(e);
  const byErrno = errnoFault(code);
  if (byErrno) return faultError(byErrno, file);
  const bySqlite = sqliteFault(code);
  if (!bySqlite) return null;
  // SQLite's code says what failed, not why: the file system is more precise where it can tell.
  const cause = file && (bySqlite === 'cannot-open' || bySqlite === 'read-only' || bySqlite === 'io') ? diagnose(file) : null;
  if (cause === 'side-file-read-only') return faultError(cause, healSideFiles(file) ?? `${file}-shm`);
  return faultError(cause ?? bySqlite, file);
}
