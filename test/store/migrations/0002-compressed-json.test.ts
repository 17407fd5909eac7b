import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, userVersion } from '../../../electron/core/store/migrations';
import { unpackJson } from '../../../electron/core/store/jsonBlob';
import { tempDir } from '../tempStore';

const V1_FIXTURE = fileURLToPath(new URL('../../fixtures/db/schema-v1.db', import.meta.url));

interface FormRowV1 {
  id: number;
  template_id: string;
  year: string;
  department: string;
  unit: string;
  status: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  search_text: string;
  data: string;
}
interface RevisionRow {
  form_id: number;
  revision: number;
  saved_at: string;
  note: string;
  data: unknown;
}

const all = <T>(db: Database.Database, sql: string) => db.prepare(sql).all() as T[];
const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

/** A schema-1 file as the v1 app left it. */
function v1Copy(): Database.Database {
  const file = join(tmp.dir, 'v1.db');
  copyFileSync(V1_FIXTURE, file);
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  expect(userVersion(db)).toBe(1);
  return db;
}

describe('migration 0002 compressed JSON', () => {
  it('keeps every form, revision and event of a v1 database, with the JSON stored once and compressed', () => {
    const db = v1Copy();
    const forms = all<FormRowV1>(db, 'SELECT * FROM forms ORDER BY id');
    const revisions = all<RevisionRow>(db, 'SELECT * FROM revisions ORDER BY form_id, revision');
    const events = all<unknown>(db, 'SELECT * FROM events ORDER BY id');
    const sequence = all<unknown>(db, 'SELECT * FROM sqlite_sequence ORDER BY name');
    expect(forms.length).toBeGreaterThanOrEqual(3);
    expect(revisions.length).toBeGreaterThan(forms.length);
    const textBytes = count(db, 'SELECT sum(length(CAST(data AS BLOB))) AS n FROM revisions');

    expect(runMigrations(db, 2)).toEqual([2]);
    expect(userVersion(db)).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    const after = all<Omit<FormRowV1, 'data'>>(db, 'SELECT * FROM forms ORDER BY id');
    expect(after).toEqual(forms.map(({ data: _data, ...rest }) => rest));
    const revsAfter = all<RevisionRow & { data: Buffer }>(db, 'SELECT * FROM revisions ORDER BY form_id, revision');
    expect(revsAfter.map((r) => ({ ...r, data: unpackJson(r.data) }))).toEqual(revisions);
    // The current content of each form is its newest revision, equal to what forms.data held.
    for (const f of forms) {
      const current = revsAfter.find((r) => r.form_id === f.id && r.revision === f.revision);
      expect(JSON.parse(unpackJson(current!.data))).toEqual(JSON.parse(f.data));
    }
    expect(count(db, 'SELECT sum(length(data)) AS n FROM revisions')).toBeLessThan(textBytes * 0.7);
    expect(all(db, 'SELECT * FROM events ORDER BY id')).toEqual(events);
    expect(all(db, 'SELECT * FROM sqlite_sequence ORDER BY name')).toEqual(sequence);
    db.close();
  });

  it('keeps the rules: one live form per identity, cascading deletes, no reused ids', () => {
    const db = v1Copy();
    const [top] = all<FormRowV1>(db, 'SELECT * FROM forms ORDER BY id DESC LIMIT 1');
    // The newest form was emptied from the trash: its id must never come back.
    db.prepare('DELETE FROM forms WHERE id = ?').run(top.id);
    runMigrations(db, 2);
    const live = all<FormRowV1>(db, "SELECT * FROM forms WHERE deleted_at IS NULL AND department <> '' ORDER BY id")[0];
    const insert = db.prepare(
      `INSERT INTO forms (template_id, year, department, unit, revision, created_at, updated_at, search_text)
       VALUES (?, ?, ?, '', 1, 'x', 'x', '')`,
    );
    expect(() => insert.run(live.template_id, live.year, live.department)).toThrow(/UNIQUE/);
    expect(Number(insert.run(live.template_id, '1999', live.department).lastInsertRowid)).toBe(top.id + 1);
    expect(() => db.prepare("UPDATE forms SET status = 'done' WHERE id = ?").run(live.id)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO revisions (form_id, revision, saved_at, data) VALUES (?, 99, 'x', 'text')").run(live.id)).toThrow(
      /cannot store TEXT value in BLOB column/,
    );
    db.prepare('DELETE FROM forms WHERE id = ?').run(live.id);
    expect(count(db, `SELECT count(*) AS n FROM revisions WHERE form_id = ${live.id}`)).toBe(0);
    expect(count(db, `SELECT count(*) AS n FROM events WHERE form_id = ${live.id}`)).toBe(0);
    db.close();
  });

  it('takes the form row as the truth when a v1 form lost or changed its newest revision', () => {
    const db = v1Copy();
    const [a, b] = all<FormRowV1>(db, 'SELECT * FROM forms ORDER BY id LIMIT 2');
    db.prepare('DELETE FROM revisions WHERE form_id = ? AND revision = ?').run(a.id, a.revision);
    db.prepare(`UPDATE revisions SET data = '{"stale":true}' WHERE form_id = ? AND revision = ?`).run(b.id, b.revision);
    runMigrations(db, 2);
    const current = (f: FormRowV1) =>
      db.prepare('SELECT saved_at AS savedAt, data FROM revisions WHERE form_id = ? AND revision = ?').get(f.id, f.revision) as {
        savedAt: string;
        data: Buffer;
      };
    expect(JSON.parse(unpackJson(current(a).data))).toEqual(JSON.parse(a.data));
    expect(current(a).savedAt).toBe(a.updated_at);
    expect(JSON.parse(unpackJson(current(b).data))).toEqual(JSON.parse(b.data));
    db.close();
  });

  it('changes nothing when it fails halfway', () => {
    const db = v1Copy();
    const before = all<unknown>(db, 'SELECT * FROM forms ORDER BY id');
    // A revision whose form is gone makes the foreign key check after the step fail.
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO revisions (form_id, revision, saved_at, data) VALUES (999, 1, 'x', '{}')").run();
    db.pragma('foreign_keys = ON');
    expect(() => runMigrations(db, 2)).toThrow(/without their form/);
    expect(userVersion(db)).toBe(1);
    expect(all(db, 'SELECT * FROM forms ORDER BY id')).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
