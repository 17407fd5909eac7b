import type { Database } from 'better-sqlite3';

/**
 * Schema 5. The 指标库: what this store's forms have used, and the entries a user added, edited,
 * imported or deleted.
 *
 * indicator_uses: one row per unit and indicator (一级, 二级, 三级), with how many forms used it,
 * the newest budget year and the 指标值 of that year. It is derived from the forms and kept up to
 * date by every save; `meta.indicator_index` says which derivation it holds, and an empty or
 * outdated one is rebuilt from the forms by the store (not here: deriving needs the templates,
 * which are data that may change, and this step must keep producing schema 5).
 * indicator_library: the user's own entries (added, edited, imported from a 主管部门's file).
 * indicator_hidden: indicators the user deleted from the suggestions (starter or learned).
 */
export function migrate0005IndicatorLibrary(db: Database): void {
  db.exec(`
    CREATE TABLE indicator_uses (
      unit TEXT NOT NULL,
      level1 TEXT NOT NULL,
      level2 TEXT NOT NULL,
      name TEXT NOT NULL,
      uses INTEGER NOT NULL CHECK (uses > 0),
      last_year TEXT NOT NULL,
      last_value TEXT NOT NULL,
      PRIMARY KEY (unit, level1, level2, name)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE indicator_library (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      level1 TEXT NOT NULL,
      level2 TEXT NOT NULL,
      name TEXT NOT NULL,
      value TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      origin TEXT NOT NULL CHECK (origin IN ('user', 'imported')),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX indicator_library_key ON indicator_library (level1, level2, name);

    CREATE TABLE indicator_hidden (
      level1 TEXT NOT NULL,
      level2 TEXT NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (level1, level2, name)
    ) STRICT, WITHOUT ROWID;
  `);
}
