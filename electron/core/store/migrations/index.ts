/**
 * Numbered schema migrations (PRAGMA user_version). Each step runs in its own transaction
 * together with the version bump, so a crash leaves the database at one version or the next.
 * Never edit a released step: add the next one, its test, and a fixture made by it.
 */
import type { Database } from 'better-sqlite3';
import { migrate0001Initial } from './0001-initial';
import { migrate0002CompressedJson } from './0002-compressed-json';
import { migrate0003TemplateIdentity } from './0003-template-identity';
import { migrate0004SearchAndSummary } from './0004-search-and-summary';
import { migrate0005IndicatorLibrary } from './0005-indicator-library';
import { migrate0006OriginalFiles } from './0006-original-files';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: migrate0001Initial },
  { version: 2, name: 'compressed-json', up: migrate0002CompressedJson },
  { version: 3, name: 'template-identity', up: migrate0003TemplateIdentity },
  { version: 4, name: 'search-and-summary', up: migrate0004SearchAndSummary },
  { version: 5, name: 'indicator-library', up: migrate0005IndicatorLibrary },
  { version: 6, name: 'original-files', up: migrate0006OriginalFiles },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every step above the database's version, up to `target`. Returns the versions applied.
 * Foreign keys are off meanwhile (SQLite's advice for rebuilding a table: dropping the old
 * `forms` would otherwise cascade into revisions and events) and checked before each commit.
 */
export function runMigrations(db: Database, target: number = LATEST_VERSION): number[] {
  const applied: number[] = [];
  const pending = MIGRATIONS.filter((m) => m.version <= target && m.version > userVersion(db));
  if (pending.length === 0) return applied;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      db.transaction(() => {
        m.up(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${m.version} left ${broken.length} rows without their form`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
      applied.push(m.version);
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return applied;
}
