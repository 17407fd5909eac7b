import type { Database } from 'better-sqlite3';

/**
 * Schema 1. Summary columns (year, department, unit, status, times) and a search text
 * live beside the form JSON so that listing 5,000 forms never parses JSON; every save
 * also writes a full revision; finalize/unlock/delete/restore are kept as events.
 */
export function migrate0001Initial(db: Database): void {
  db.exec(`
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE forms (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      template_id TEXT NOT NULL,
      year TEXT NOT NULL,
      department TEXT NOT NULL,
      unit TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
      revision INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      search_text TEXT NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data))
    ) STRICT;

    -- At most one live form per (template, year, 部门名称); a form without a name yet is no identity.
    CREATE UNIQUE INDEX forms_live_identity ON forms (template_id, year, department)
      WHERE deleted_at IS NULL AND department <> '';
    -- Covers list(): newest year first, then department, without touching the form JSON.
    CREATE INDEX forms_listing ON forms (deleted_at, year DESC, department, id, template_id, unit, status, updated_at);

    CREATE TABLE revisions (
      form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      saved_at TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      data TEXT NOT NULL CHECK (json_valid(data)),
      PRIMARY KEY (form_id, revision)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('create', 'finalize', 'unlock', 'delete', 'undelete', 'restore-revision')),
      at TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX events_by_form ON events (form_id, id);
  `);
}
