import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate0001Initial } from '../../../electron/core/store/migrations/0001-initial';
import { MIGRATIONS, runMigrations, userVersion } from '../../../electron/core/store/migrations';

const form = (db: Database.Database, department: string, deleted: string | null = null) =>
  db
    .prepare(
      `INSERT INTO forms (template_id, year, department, unit, revision, created_at, updated_at, deleted_at, search_text, data)
       VALUES ('t', '2019', ?, 'u', 1, 'x', 'x', ?, '', '{}')`,
    )
    .run(department, deleted);

describe('migration 0001 initial', () => {
  it('creates the forms, revisions, events and meta tables', () => {
    const db = new Database(':memory:');
    migrate0001Initial(db);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['events', 'forms', 'meta', 'revisions']));
    db.close();
  });

  it('allows one live form per (template, year, department) but any number in the trash or without a name', () => {
    const db = new Database(':memory:');
    migrate0001Initial(db);
    form(db, 'A');
    expect(() => form(db, 'A')).toThrow(/UNIQUE/);
    form(db, 'A', '2020-01-01');
    form(db, 'A', '2020-01-02');
    form(db, '');
    form(db, '');
    expect((db.prepare('SELECT count(*) AS n FROM forms').get() as { n: number }).n).toBe(5);
    db.close();
  });

  it('removes revisions and events with their form and rejects bad JSON and statuses', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate0001Initial(db);
    const id = form(db, 'A').lastInsertRowid;
    db.prepare("INSERT INTO revisions (form_id, revision, saved_at, data) VALUES (?, 1, 'x', '{}')").run(id);
    db.prepare("INSERT INTO events (form_id, kind, at) VALUES (?, 'finalize', 'x')").run(id);
    expect(() => db.prepare("UPDATE forms SET status = 'done'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE forms SET data = '{not json'").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM forms').run();
    expect((db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(0);
    db.close();
  });

  it('is applied by runMigrations exactly once, setting user_version', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db, 1)).toEqual([1]);
    expect(userVersion(db)).toBe(1);
    expect(runMigrations(db, 1)).toEqual([]);
    expect(runMigrations(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    db.close();
  });
});
