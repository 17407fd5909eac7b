/** Looking into a store file with plain SQL, as the crash and backup tests do. */
import type Database from 'better-sqlite3';
import { unpackJson } from '../../electron/core/store/jsonBlob';

/** Adds unpack(data): the JSON text of a stored revision. */
export function withUnpack(db: Database.Database): Database.Database {
  db.function('unpack', { deterministic: true }, (b: unknown) => unpackJson(b as Buffer));
  return db;
}

/**
 * Forms whose row does not match their newest revision: the revision is missing, or the
 * row's search text does not carry the revision's 填报人 (both are written in one transaction).
 */
export function tornForms(db: Database.Database): number {
  const missing = db
    .prepare(
      'SELECT count(*) AS n FROM forms f WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.form_id = f.id AND r.revision = f.revision)',
    )
    .get() as { n: number };
  const mismatched = db
    .prepare(
      `SELECT count(*) AS n FROM forms f JOIN revisions r ON r.form_id = f.id AND r.revision = f.revision
       WHERE json_extract(unpack(r.data), '$.values.filler') <> '' AND instr(f.search_text, json_extract(unpack(r.data), '$.values.filler')) = 0`,
    )
    .get() as { n: number };
  return missing.n + mismatched.n;
}
