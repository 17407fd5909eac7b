import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, userVersion } from '../../../electron/core/store/migrations';
import { openStore } from '../../../electron/core/store';
import { tempDir } from '../tempStore';

const fixture = (v: number) => fileURLToPath(new URL(`../../fixtures/db/schema-v${v}.db`, import.meta.url));
const TWO_FORMS = fileURLToPath(new URL('../../fixtures/real/r05-anhui-jinan-2025-tiyu-2forms.docx', import.meta.url));
const all = <T>(db: Database.Database, sql: string) => db.prepare(sql).all() as T[];

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('migration 0006 original files', () => {
  it('adds the original-file tables to a v5 database and changes nothing else', () => {
    const file = join(tmp.dir, 'v5.db');
    copyFileSync(fixture(5), file);
    const db = new Database(file);
    const before = all<unknown>(db, 'SELECT * FROM forms ORDER BY id');
    const revisions = all<unknown>(db, 'SELECT form_id, revision, data FROM revisions ORDER BY form_id, revision');
    expect(userVersion(db)).toBe(5);
    expect(runMigrations(db, 6)).toEqual([6]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(all(db, 'SELECT * FROM forms ORDER BY id')).toEqual(before);
    expect(all(db, 'SELECT form_id, revision, data FROM revisions ORDER BY form_id, revision')).toEqual(revisions);
    expect(all(db, 'SELECT * FROM original_files')).toEqual([]);
    expect(all(db, 'SELECT * FROM form_originals')).toEqual([]);
    // A link needs its form and its file.
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare("INSERT INTO form_originals VALUES (99999, 1, 'a.docx', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('a migrated v5 store opens with every form and no original for any', () => {
    const file = join(tmp.dir, 'v5.db');
    copyFileSync(fixture(5), file);
    const store = openStore({ file, appVersion: 'current', autoBackup: false });
    try {
      const ids = [...store.list(), ...store.listTrash()].map((s) => s.id);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(store.original(id)).toBeNull();
    } finally {
      store.close();
    }
  });

  it('the v6 fixture keeps one file for the two forms read from it, byte for byte', () => {
    const file = join(tmp.dir, 'v6.db');
    copyFileSync(fixture(6), file);
    const store = openStore({ file, appVersion: 'current', autoBackup: false });
    try {
      const withOriginal = store.list().filter((s) => store.original(s.id) !== null);
      expect(withOriginal).toHaveLength(2);
      const sent = readFileSync(TWO_FORMS);
      for (const s of withOriginal) {
        const { info, bytes } = store.originalFile(s.id);
        expect(info).toMatchObject({ fileName: 'r05-两份项目表.docx', size: sent.length, forms: 2 });
        expect(Buffer.compare(bytes, sent)).toBe(0);
      }
    } finally {
      store.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM original_files').pluck().get()).toBe(1);
    db.close();
  });
});
