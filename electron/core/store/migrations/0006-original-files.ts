import type { Database } from 'better-sqlite3';

/**
 * Schema 6. The file each imported form was read from (issue #21 point 2), so a receiving
 * office can always look at what the unit sent.
 *
 * original_files: the bytes of one file, raw-deflated (store/originals.ts), once however many
 * forms were read from it (a unit's file of five project forms is stored once, found by its
 * SHA-256). form_originals: which file a form came from, under the name it was imported as.
 * A form's link goes with the form when the trash is emptied (ON DELETE CASCADE), and a file no
 * form links to any more goes with its last link (the triggers), in the same statement, so no
 * code path can leave an unused file behind.
 */
export function migrate0006OriginalFiles(db: Database): void {
  db.exec(`
    CREATE TABLE original_files (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE,
      size INTEGER NOT NULL CHECK (size >= 0),
      data BLOB NOT NULL
    ) STRICT;

    CREATE TABLE form_originals (
      form_id INTEGER PRIMARY KEY REFERENCES forms (id) ON DELETE CASCADE,
      file_id INTEGER NOT NULL REFERENCES original_files (id),
      file_name TEXT NOT NULL,
      kept_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX form_originals_file ON form_originals (file_id);

    CREATE TRIGGER form_originals_last_delete AFTER DELETE ON form_originals
      WHEN NOT EXISTS (SELECT 1 FROM form_originals WHERE file_id = OLD.file_id)
      BEGIN DELETE FROM original_files WHERE id = OLD.file_id; END;
    CREATE TRIGGER form_originals_last_update AFTER UPDATE OF file_id ON form_originals
      WHEN OLD.file_id <> NEW.file_id AND NOT EXISTS (SELECT 1 FROM form_originals WHERE file_id = OLD.file_id)
      BEGIN DELETE FROM original_files WHERE id = OLD.file_id; END;
  `);
}
