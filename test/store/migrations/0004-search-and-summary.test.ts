import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, userVersion } from '../../../electron/core/store/migrations';
import { matchExpression } from '../../../electron/core/store/searchTokens';
import { tempDir } from '../tempStore';

const V3_FIXTURE = fileURLToPath(new URL('../../fixtures/db/schema-v3.db', import.meta.url));

const all = <T>(db: Database.Database, sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as T[];
const count = (db: Database.Database, sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function v3Copy(): Database.Database {
  const file = join(tmp.dir, 'v3.db');
  copyFileSync(V3_FIXTURE, file);
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  expect(userVersion(db)).toBe(3);
  return db;
}

/** Forms whose search text holds `term`, found through the index (as the store searches) and by reading every text. */
function viaIndex(db: Database.Database, term: string): number[] {
  return all<{ id: number }>(
    db,
    `SELECT id FROM forms WHERE id IN (SELECT rowid FROM search_index WHERE search_index MATCH ? UNION ALL SELECT form_id FROM search_pending)
     AND search_text LIKE ? ORDER BY id`,
    matchExpression([term]),
    `%${term}%`,
  ).map((r) => r.id);
}
const byReading = (db: Database.Database, term: string) =>
  all<{ id: number; search_text: string }>(db, 'SELECT id, search_text FROM forms ORDER BY id')
    .filter((r) => r.search_text.includes(term))
    .map((r) => r.id);

describe('migration 0004 search index and 汇总 facts', () => {
  it('indexes every form, keeps every row, and finds through the index what reading every text finds', () => {
    const db = v3Copy();
    const before = {
      forms: all(db, 'SELECT * FROM forms ORDER BY id'),
      revisions: all(db, 'SELECT * FROM revisions ORDER BY form_id, revision'),
      events: all(db, 'SELECT * FROM events ORDER BY id'),
      templates: all(db, 'SELECT * FROM templates ORDER BY id, version'),
    };
    expect(runMigrations(db, 4)).toEqual([4]);
    expect(userVersion(db)).toBe(4);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(all(db, 'SELECT * FROM forms ORDER BY id')).toEqual(before.forms);
    expect(all(db, 'SELECT * FROM revisions ORDER BY form_id, revision')).toEqual(before.revisions);
    expect(all(db, 'SELECT * FROM events ORDER BY id')).toEqual(before.events);
    expect(all(db, 'SELECT * FROM templates ORDER BY id, version')).toEqual(before.templates);
    expect(count(db, 'SELECT count(*) AS n FROM search_pending')).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM summary_facts')).toBe(0);

    const texts = all<{ search_text: string }>(db, 'SELECT search_text FROM forms').map((r) => r.search_text);
    expect(texts.join()).toContain('桃源县');
    for (const term of ['桃源县', '看守所', '桃', '所', '2019', '教育', '李四', 'zz不存在的词'])
      expect({ term, ids: viaIndex(db, term) }).toEqual({ term, ids: byReading(db, term) });
    // The index narrows: a term on one form only leaves that form as the candidate.
    expect(count(db, 'SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?', matchExpression(['学生资助']))).toBe(1);
    db.close();
  });

  it('notes new, changed and removed forms as pending, and only those', () => {
    const db = v3Copy();
    runMigrations(db, 4);
    const [a, b] = all<{ id: number }>(db, 'SELECT id FROM forms ORDER BY id LIMIT 2');
    const pending = () => all<{ form_id: number }>(db, 'SELECT form_id FROM search_pending ORDER BY form_id').map((r) => r.form_id);
    db.prepare("UPDATE forms SET status = 'final' WHERE id = ?").run(a.id);
    db.prepare('UPDATE forms SET search_text = search_text WHERE id = ?').run(a.id);
    expect(pending()).toEqual([]);
    db.prepare("UPDATE forms SET search_text = search_text || '新词' WHERE id = ?").run(a.id);
    expect(pending()).toEqual([a.id]);
    db.prepare('DELETE FROM forms WHERE id = ?').run(b.id);
    expect(pending()).toEqual([a.id, b.id].sort((x, y) => x - y));
    const id = Number(
      db
        .prepare(
          `INSERT INTO forms (template_id, template_version, year, identity_key, title, unit, revision, created_at, updated_at, search_text)
           VALUES ('x', 1, '2025', '', '', '', 1, 'x', 'x', '新表单')`,
        )
        .run().lastInsertRowid,
    );
    expect(pending()).toContain(id);
    // A pending form is a candidate even before the index knows it.
    expect(viaIndex(db, '新表单')).toEqual([id]);
    db.close();
  });

  it('drops a form’s 汇总 facts with the form', () => {
    const db = v3Copy();
    runMigrations(db, 4);
    const { id, revision } = db.prepare('SELECT id, revision FROM forms ORDER BY id LIMIT 1').get() as { id: number; revision: number };
    db.prepare("INSERT INTO summary_facts (form_id, revision, checker, facts) VALUES (?, ?, 'c', '{}')").run(id, revision);
    db.prepare('DELETE FROM forms WHERE id = ?').run(id);
    expect(count(db, 'SELECT count(*) AS n FROM summary_facts')).toBe(0);
    db.close();
  });

  it('gives the 汇总 and the list the indexes their queries use', () => {
    const db = v3Copy();
    runMigrations(db, 4);
    const plan = (sql: string, ...p: unknown[]) =>
      all<{ detail: string }>(db, `EXPLAIN QUERY PLAN ${sql}`, ...p)
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        `SELECT f.id, f.title, f.unit, f.status, f.updated_at, f.revision FROM forms f
         WHERE f.deleted_at IS NULL AND f.year = ? AND f.template_id = ? AND f.id > ? ORDER BY f.id LIMIT 500`,
        '2025',
        'x',
        0,
      ),
    ).toMatch(/COVERING INDEX forms_by_year_template/);
    expect(plan('SELECT count(*) FROM forms INDEXED BY forms_live_by_year WHERE deleted_at IS NULL')).toMatch(/forms_live_by_year/);
    expect(plan('SELECT max(updated_at) FROM forms')).toMatch(/forms_updated_at/);
    db.close();
  });
});
