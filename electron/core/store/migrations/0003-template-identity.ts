import type { Database } from 'better-sqlite3';

/**
 * Schema 3. A store of many form types: a form is unique by its template and the identity
 * fields that template declares (部门名称 for the 2019 form; 实施单位 + 项目名称 for a project
 * form), kept as a generic `identity_key` (a JSON array of those values, '' while any is
 * blank) beside a display `title` and the `unit` it belongs to; the template version a form
 * was made with is kept too. Imported templates (template files) live in `templates`, every
 * version kept so that forms made with an older one still open as they were made.
 *
 * Every form until now is a 2019 form, whose identity is 部门名称 and whose unit, for grouping
 * lists, is that department. The key is worked out here as the app worked it out at schema 3
 * (trimmed, inner whitespace collapsed), written out rather than imported so this step keeps
 * producing schema 3 whatever later code does.
 */
export function migrate0003TemplateIdentity(db: Database): void {
  db.function('shenbao_0003_key', { deterministic: true }, (department: unknown) => {
    const v = String(department ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    return v === '' ? '' : JSON.stringify([v]);
  });
  db.function('shenbao_0003_name', { deterministic: true }, (department: unknown) =>
    String(department ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  db.exec(`
    CREATE TABLE forms_v3 (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      template_id TEXT NOT NULL,
      template_version INTEGER NOT NULL,
      year TEXT NOT NULL,
      identity_key TEXT NOT NULL,
      title TEXT NOT NULL,
      unit TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
      revision INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      search_text TEXT NOT NULL
    ) STRICT;
    INSERT INTO forms_v3 (id, template_id, template_version, year, identity_key, title, unit, status, revision,
                          created_at, updated_at, deleted_at, search_text)
      SELECT id, template_id, 1, year, shenbao_0003_key(department), shenbao_0003_name(department), shenbao_0003_name(department),
             status, revision, created_at, updated_at, deleted_at, search_text
      FROM forms;
    DELETE FROM sqlite_sequence WHERE name = 'forms_v3';
    INSERT INTO sqlite_sequence (name, seq) SELECT 'forms_v3', seq FROM sqlite_sequence WHERE name = 'forms';

    -- revisions and events refer to forms by id; the rebuilt table keeps every id.
    DROP TABLE forms;
    ALTER TABLE forms_v3 RENAME TO forms;

    -- At most one live form per template, year and identity; a form whose identity is incomplete has none yet.
    CREATE UNIQUE INDEX forms_live_identity ON forms (template_id, year, identity_key)
      WHERE deleted_at IS NULL AND identity_key <> '';
    -- Covers list(): newest year first, then unit and title, without touching the form JSON.
    CREATE INDEX forms_listing ON forms (deleted_at, year DESC, unit, title, id, template_id, template_version, status, updated_at);

    CREATE TABLE templates (
      id TEXT NOT NULL,
      version INTEGER NOT NULL,
      json TEXT NOT NULL CHECK (json_valid(json)),
      imported_at TEXT NOT NULL,
      PRIMARY KEY (id, version)
    ) STRICT;
  `);
}
