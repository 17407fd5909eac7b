/**
 * Numbered schema migrations (PRAGMA user_version). Each step runs in its own transaction
 * together with the version bump, so a crash leaves the database at one version or the next.
 * Never edit a released step: add the next one, its test, and a fixture made by it.
 */
import type { Database } from 'better-sqlite3';
import { migrate0001Initial } from './0001-initial';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', up: migrate0001Initial }];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs every step above the database's version, up to `target`. Returns the versions applied. */
export function runMigrations(db: Database, target: number = LATEST_VERSION): number[] {
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version > target || m.version <= userVersion(db)) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
