import type { Database } from 'better-sqlite3';
import { deflateRawSync } from 'node:zlib';

/**
 * Schema 2. The form JSON is kept once, in its newest revision, as raw-deflate BLOB
 * (Chinese text shrinks about 2×); schema 1 kept it twice as text (forms.data and the
 * newest revision), so a 5,000-form file was 117 MB and every open's integrity check and
 * every save's WAL checkpoint moved far more pages than needed. Revisions become a rowid
 * table so that a few-KB BLOB sits in its leaf page instead of spilling into a mostly empty
 * overflow page (WITHOUT ROWID tables keep only ~1 KB of a row in the b-tree).
 *
 * The search text stays plain TEXT: LIKE over 5,000 stored texts is ~50 ms, inflating them
 * in a SQL function first was measured at 350+ ms.
 *
 * Runs with foreign keys off (migrations/index.ts) so that dropping the old tables does not
 * cascade; the form ids and the AUTOINCREMENT high-water mark are kept, so no id is reused.
 * The codec is written out here, not imported, because this step must keep producing
 * schema 2 even if the app's codec changes in a later schema.
 */
export function migrate0002CompressedJson(db: Database): void {
  db.function('shenbao_0002_deflate', { deterministic: true }, (json: unknown) => deflateRawSync(Buffer.from(String(json), 'utf8')));
  db.exec(`
    CREATE TABLE forms_v2 (
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
      search_text TEXT NOT NULL
    ) STRICT;
    INSERT INTO forms_v2 (id, template_id, year, department, unit, status, revision, created_at, updated_at, deleted_at, search_text)
      SELECT id, template_id, year, department, unit, status, revision, created_at, updated_at, deleted_at, search_text FROM forms;
    DELETE FROM sqlite_sequence WHERE name = 'forms_v2';
    INSERT INTO sqlite_sequence (name, seq) SELECT 'forms_v2', seq FROM sqlite_sequence WHERE name = 'forms';

    -- data: the form JSON, raw deflate. The newest revision is the form's current content.
    CREATE TABLE revisions_v2 (
      form_id INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      saved_at TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      data BLOB NOT NULL,
      PRIMARY KEY (form_id, revision)
    ) STRICT;
    INSERT INTO revisions_v2 (form_id, revision, saved_at, note, data)
      SELECT form_id, revision, saved_at, note, shenbao_0002_deflate(data) FROM revisions ORDER BY form_id, revision;
    -- forms.data is what the user last saved; schema 1 wrote it and its revision together,
    -- but should a current revision be missing or differ, the form row wins.
    INSERT INTO revisions_v2 (form_id, revision, saved_at, note, data)
      SELECT id, revision, updated_at, '', shenbao_0002_deflate(data) FROM forms WHERE true
      ON CONFLICT (form_id, revision) DO UPDATE SET data = excluded.data;

    DROP TABLE revisions;
    DROP TABLE forms;
    ALTER TABLE forms_v2 RENAME TO forms;
    ALTER TABLE revisions_v2 RENAME TO revisions;

    CREATE UNIQUE INDEX forms_live_identity ON forms (template_id, year, department)
      WHERE deleted_at IS NULL AND department <> '';
    CREATE INDEX forms_listing ON forms (deleted_at, year DESC, department, id, template_id, unit, status, updated_at);
  `);
}
