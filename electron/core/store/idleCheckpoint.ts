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
 * Other work that can wait for a pause (the search index entries of what was saved, the 汇总's
 * facts of what was saved) runs first, in slices: while a slice says more is left, the next
 * slice follows after CONTINUE_MS, so the app answers between slices.
 */
import type { Db } from './sqlite';

export const IDLE_MS = 1000;
export const WAL_PAGES_LIMIT = 4000;

export function limitWal(db: Db): void {
  db.pragma(`wal_autocheckpoint = ${WAL_PAGES_LIMIT}`);
}

/** While idle work is left, the next slice follows this much later (unless a write comes first and waits for a pause again). */
export const CONTINUE_MS = 100;

/** Work for pauses in writing: one slice of about 50 ms at most per call; true while work is left. */
export type IdleWork = () => boolean;

export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;
  private readonly works: IdleWork[] = [];
  private running = false;

  /** `db` is asked at run time: a restore swaps the connection. */
  constructor(private readonly db: () => Db | null) {}

  /** Runs `work` at every pause from now on, the first one soon. */
  addIdleWork(work: IdleWork): void {
    this.works.push(work);
    this.afterWrite();
  }

  afterWrite(): void {
    // Idle work writes too; what follows it is planned when it ends.
    if (this.running) return;
    this.plan(IDLE_MS);
  }

  private plan(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, ms);
    // Never keeps a command-line run alive; close() checkpoints anyway.
    this.timer.unref();
  }

  run(): void {
    const db = this.db();
    if (!db) return;
    let more = false;
    this.running = true;
    try {
      for (const work of this.works) {
        try {
          if (work()) more = true;
        } catch {
          // Busy (another connection writing), or a slice that failed: the next pause tries again.
        }
      }
    } finally {
      this.running = false;
    }
    if (more) {
      // The checkpoint waits until the work is done; the WAL bound holds meanwhile.
      this.plan(CONTINUE_MS);
      return;
    }
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closed: the next pause, the WAL bound or closing will do it.
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
