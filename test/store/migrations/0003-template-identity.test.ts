import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, userVersion } from '../../../electron/core/store/migrations';
import { tempDir } from '../tempStore';

const V2_FIXTURE = fileURLToPath(new URL('../../fixtures/db/schema-v2.db', import.meta.url));

interface FormRowV2 {
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
}

const all = <T>(db: Database.Database, sql: string) => db.prepare(sql).all() as T[];

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function v2Copy(): Database.Database {
  const file = join(tmp.dir, 'v2.db');
  copyFileSync(V2_FIXTURE, file);
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  expect(userVersion(db)).toBe(2);
  return db;
}

describe('migration 0003 template identity', () => {
  it('keys every 2019 form by its 部门名称 and keeps every form, revision and event', () => {
    const db = v2Copy();
    const forms = all<FormRowV2>(db, 'SELECT * FROM forms ORDER BY id');
    const revisions = all<unknown>(db, 'SELECT * FROM revisions ORDER BY form_id, revision');
    const events = all<unknown>(db, 'SELECT * FROM events ORDER BY id');
    const sequence = all<unknown>(db, 'SELECT * FROM sqlite_sequence ORDER BY name');
    expect(forms.length).toBeGreaterThanOrEqual(3);

    expect(runMigrations(db, 3)).toEqual([3]);
    expect(userVersion(db)).toBe(3);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    const after = all<Record<string, unknown>>(db, 'SELECT * FROM forms ORDER BY id');
    expect(after).toEqual(
      forms.map((f) => ({
        id: f.id,
        template_id: f.template_id,
        template_version: 1,
        year: f.year,
        identity_key: JSON.stringify([f.department]),
        title: f.department,
        unit: f.department,
        status: f.status,
        revision: f.revision,
        created_at: f.created_at,
        updated_at: f.updated_at,
        deleted_at: f.deleted_at,
        search_text: f.search_text,
      })),
    );
    expect(all(db, 'SELECT * FROM revisions ORDER BY form_id, revision')).toEqual(revisions);
    expect(all(db, 'SELECT * FROM events ORDER BY id')).toEqual(events);
    expect(all(db, 'SELECT * FROM sqlite_sequence ORDER BY name')).toEqual(sequence);
    expect(all(db, 'SELECT * FROM templates')).toEqual([]);
    db.close();
  });

  it('collapses stray spaces in a 部门名称 into the key, and gives a blank one no identity', () => {
    const db = v2Copy();
    const [a, b] = all<FormRowV2>(db, 'SELECT * FROM forms ORDER BY id LIMIT 2');
    db.prepare('UPDATE forms SET department = ? WHERE id = ?').run('  桃源县\n财政局 ', a.id);
    db.prepare("UPDATE forms SET department = '' WHERE id = ?").run(b.id);
    runMigrations(db, 3);
    const row = (id: number) => db.prepare('SELECT identity_key AS k, title FROM forms WHERE id = ?').get(id);
    expect(row(a.id)).toEqual({ k: '["桃源县 财政局"]', title: '桃源县 财政局' });
    expect(row(b.id)).toEqual({ k: '', title: '' });
    db.close();
  });

  it('keeps the rules: one live form per template, year and identity; two projects of one unit coexist; no reused ids', () => {
    const db = v2Copy();
    const [top] = all<FormRowV2>(db, 'SELECT * FROM forms ORDER BY id DESC LIMIT 1');
    db.prepare('DELETE FROM forms WHERE id = ?').run(top.id);
    runMigrations(db, 3);
    const live = all<{ template_id: string; year: string; identity_key: string }>(
      db,
      "SELECT * FROM forms WHERE deleted_at IS NULL AND identity_key <> '' ORDER BY id",
    )[0];
    const insert = db.prepare(
      `INSERT INTO forms (template_id, template_version, year, identity_key, title, unit, revision, created_at, updated_at, search_text)
       VALUES (?, 1, ?, ?, '', '', 1, 'x', 'x', '')`,
    );
    expect(() => insert.run(live.template_id, live.year, live.identity_key)).toThrow(/UNIQUE/);
    // The same identity under another template is another form (a unit's 2019 form and its project forms).
    expect(Number(insert.run('xiangmu', live.year, live.identity_key).lastInsertRowid)).toBe(top.id + 1);
    insert.run('xiangmu', live.year, '["某单位","项目甲"]');
    insert.run('xiangmu', live.year, '["某单位","项目乙"]');
    // Incomplete identities never collide.
    insert.run('xiangmu', live.year, '');
    insert.run('xiangmu', live.year, '');
    db.close();
  });
});
