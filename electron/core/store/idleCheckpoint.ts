/**
 * WAL checkpoints off the save path. SQLite's automatic checkpoint runs inside the commit
 * that takes the WAL past 1,000 pages and, with synchronous=NORMAL, fsyncs the WAL and the
 * database: that save took 10-20 ms where a save is ~1 ms (store_save_ms_p99). So the
 * automatic checkpoint only bounds the WAL (WAL_PAGES_LIMIT, reached by a long batch of
 * writes without a pause such as an import), and the store checkpoints once writes pause
 * for IDLE_MS. The editor autosaves every few seconds at most, so for a user this runs
 * between saves; it also moves saves from the WAL into the database file, and fsyncs
 * them, soon after the user stops typing instead of whenever 1,000 pages have piled up.
 *
 * Other work that can wait for a pause (the search index entries of what was saved) runs
 * first, in slices: while a slice says more is left, the next pause is planned at once.
 */
import type { Db } from './sqlite';

export const IDLE_MS = 1000;
export const WAL_PAGES_LIMIT = 4000;

export function limitWal(db: Db): void {
  db.pragma(`wal_autocheckpoint = ${WAL_PAGES_LIMIT}`);
}

export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;

  /** `db` is asked at run time: a restore swaps the connection. `idleWork` returns true while work is left. */
  constructor(
    private readonly db: () => Db | null,
    private readonly idleWork?: (db: Db) => boolean,
  ) {}

  afterWrite(): void {
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, IDLE_MS);
    // Never keeps a command-line run alive; close() checkpoints anyway.
    this.timer.unref();
  }

  run(): void {
    const db = this.db();
    if (!db) return;
    let more = false;
    try {
      more = this.idleWork?.(db) ?? false;
    } catch {
      // Busy (another connection writing): the next pause will do it.
    }
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closed: the next pause, the WAL bound or closing will do it.
    }
    if (more) this.afterWrite();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
