/**
 * Form ids JavaScript can hold exactly (issue #27 items 7 and 12). Above 2^53 two ids read as one
 * number; at 2^63 − 1 SQLite's AUTOINCREMENT cannot go on and answers SQLITE_FULL, which said
 * 「磁盘空间已满」 on a disk with room to spare. Either way the counter is used up: its own message.
 */
import { UserError } from '../../../shared/errors';
import type { Db } from './sqlite';

export function idsExhaustedError(): UserError {
  return new UserError(
    '数据库中表单的编号已经用尽，不能再新建表单（这不是磁盘已满）。已保存的表单没有受影响；请用“备份”另存一份数据，再请技术人员处理。',
    'ids-exhausted',
  );
}

/** The new row's id as a number, refused (the transaction rolls back) when it is past what a number holds exactly. */
export function refuseUnsafeId(rowid: number | bigint): number {
  const id = Number(rowid);
  if (!Number.isSafeInteger(id)) throw idsExhaustedError();
  return id;
}

/** For a write that failed with SQLITE_FULL: the exhausted-counter error when a counter is at its end, else null. */
export function idsExhausted(db: Db, e: unknown): UserError | null {
  if ((e as { code?: unknown } | null)?.code !== 'SQLITE_FULL') return null;
  try {
    const full = db.prepare(`SELECT 1 FROM sqlite_sequence WHERE seq >= ${Number.MAX_SAFE_INTEGER} LIMIT 1`).get();
    return full ? idsExhaustedError() : null;
  } catch {
    return null;
  }
}
