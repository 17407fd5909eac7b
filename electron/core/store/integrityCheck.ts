/**
 * Which check a file gets at open. PRAGMA integrity_check reads every page and also
 * cross-checks every index entry against its row: on 5,000 forms it alone took more than the
 * whole open budget (100 ms). PRAGMA quick_check reads every page too (torn or overwritten
 * pages, broken b-trees and overflow chains, bad records, NOT NULL/CHECK/STRICT types: what a
 * crash, a failing disk or a half-finished copy leaves) and skips only the index cross-check.
 *
 * So every open runs quick_check, and the full check runs, still before anything is written,
 * whenever the data changed since the last full check (which is also whenever a start-up
 * backup is due: backups are only ever taken from fully checked data), before every
 * migration, and at least weekly. The last full check is recorded in the meta table.
 */
import type { Db } from './sqlite';

export const FULL_CHECK_KEY = 'integrity_checked';
export const FULL_CHECK_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Changes whenever a form is added, saved, deleted, restored or emptied from the trash, or an event is logged. */
export function dataFingerprint(db: Db): string {
  const row = db
    .prepare(
      "SELECT count(*) || '|' || ifnull(max(updated_at), '') || '|' || ifnull(max(deleted_at), '') || '|' || (SELECT ifnull(max(id), 0) FROM events) AS fp FROM forms",
    )
    .get() as { fp: string };
  return row.fp;
}

function lastFullCheck(db: Db): { fingerprint?: unknown; at?: unknown } {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(FULL_CHECK_KEY) as { value: string } | undefined;
  try {
    return row ? (JSON.parse(row.value) as { fingerprint?: unknown; at?: unknown }) : {};
  } catch {
    return {};
  }
}

/** Whether the data as it is now has passed the full check. */
export function fullyCheckedAsIs(db: Db, fingerprint: string): boolean {
  return lastFullCheck(db).fingerprint === fingerprint;
}

export function fullCheckDue(db: Db, fingerprint: string, now: Date): boolean {
  const last = lastFullCheck(db);
  const age = now.getTime() - Date.parse(String(last.at));
  return last.fingerprint !== fingerprint || !(age >= 0 && age < FULL_CHECK_MAX_AGE_MS);
}

export function recordFullCheck(db: Db, fingerprint: string, now: Date): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
    FULL_CHECK_KEY,
    JSON.stringify({ fingerprint, at: now.toISOString() }),
  );
}

/** Runs quick_check or integrity_check; true when SQLite answers a single "ok". */
export function passes(db: Db, kind: 'quick_check' | 'integrity_check'): boolean {
  const rows = db.pragma(kind) as Record<string, string>[];
  return rows.length === 1 && rows[0][kind] === 'ok';
}
