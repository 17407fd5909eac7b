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
 *
 * Except on a large file. quick_check reads ~2 GB/s at best, so a receiving office's file of
 * 150,000 forms (0.8–0.9 GB) would spend half a second to seconds on it at every open. Above
 * QUICK_CHECK_EVERY_OPEN_MAX_BYTES the per-open quick_check is left out: a file whose data
 * changed since its last full check gets the full check (which reads every page too), and one
 * that did not was fully checked less than a week ago, so the open reads only what it uses.
 * A page damaged since (a failing disk) then surfaces as an error where it is read, or at the
 * weekly full check, instead of at the next open.
 */
import { statSync } from 'node:fs';
import type { Db } from './sqlite';

/** About 20,000 forms; quick_check takes ~100–150 ms here. */
export const QUICK_CHECK_EVERY_OPEN_MAX_BYTES = 256 * 1024 * 1024;

export function quickCheckEveryOpen(file: string, maxBytes = QUICK_CHECK_EVERY_OPEN_MAX_BYTES): boolean {
  try {
    return statSync(file).size <= maxBytes;
  } catch {
    return true;
  }
}

export const FULL_CHECK_KEY = 'integrity_checked';
export const FULL_CHECK_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Changes whenever a form is added, saved, deleted, restored or emptied from the trash, or an event
 * is logged. Each part is its own subquery so that each uses its own index (forms_updated_at,
 * forms_listing): as one aggregate over forms it scanned a whole index, 40 ms and 400 MB of
 * mapped pages at every open of a 150,000-form file.
 */
export function dataFingerprint(db: Db): string {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM forms) || '|' || ifnull((SELECT max(updated_at) FROM forms), '') || '|' ||
              ifnull((SELECT max(deleted_at) FROM forms), '') || '|' || (SELECT ifnull(max(id), 0) FROM events) AS fp`,
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
