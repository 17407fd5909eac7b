import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, userVersion } from '../../../electron/core/store/migrations';
import { openStore } from '../../../electron/core/store';
import { tempDir } from '../tempStore';

const fixture = (v: number) => fileURLToPath(new URL(`../../fixtures/db/schema-v${v}.db`, import.meta.url));
const all = <T>(db: Database.Database, sql: string) => db.prepare(sql).all() as T[];

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('migration 0005 indicator library', () => {
  it('adds the 指标库 tables to a v4 database and changes nothing else', () => {
    const file = join(tmp.dir, 'v4.db');
    copyFileSync(fixture(4), file);
    const db = new Database(file);
    const before = all<unknown>(db, 'SELECT * FROM forms ORDER BY id');
    const revisions = all<unknown>(db, 'SELECT form_id, revision FROM revisions ORDER BY form_id, revision');
    expect(userVersion(db)).toBe(4);
    expect(runMigrations(db, 5)).toEqual([5]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(all(db, 'SELECT * FROM forms ORDER BY id')).toEqual(before);
    expect(all(db, 'SELECT form_id, revision FROM revisions ORDER BY form_id, revision')).toEqual(revisions);
    for (const table of ['indicator_uses', 'indicator_library', 'indicator_hidden']) expect(all(db, `SELECT * FROM ${table}`)).toEqual([]);
    // One entry of the user's own per indicator; a learned count is never zero.
    const add = db.prepare(
      "INSERT INTO indicator_library (level1, level2, name, value, origin, updated_at) VALUES ('a', 'b', 'c', '', 'user', 'x')",
    );
    add.run();
    expect(() => add.run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO indicator_uses VALUES ('u', 'a', 'b', 'c', 0, '2025', '')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('a migrated store builds its 指标库 from the forms it already holds', () => {
    const file = join(tmp.dir, 'v4.db');
    copyFileSync(fixture(4), file);
    const store = openStore({ file, appVersion: 'current', autoBackup: false });
    try {
      const got = store.suggest({ text: '赛事' }).filter((c) => c.source === 'store');
      expect(got.map((c) => c.name)).toEqual(expect.arrayContaining(['打造品牌赛事种类', '赛事完成率']));
    } finally {
      store.close();
    }
  });

  it('the v5 fixture keeps the user’s own entry and the one they deleted', () => {
    const file = join(tmp.dir, 'v5.db');
    copyFileSync(fixture(5), file);
    const store = openStore({ file, appVersion: 'current', autoBackup: false });
    try {
      expect(store.libraryList('专题讲座')[0]).toMatchObject({ source: 'user', value: '≥6次', note: '样本' });
      expect(store.libraryList('经费支出合规率').map((e) => e.name)).toEqual(['公用经费支出合规率']); // a starter entry that only contains the words
      expect(store.suggest({ text: '赛事完成' })[0]).toMatchObject({ name: '赛事完成率', source: 'store' });
    } finally {
      store.close();
    }
  });
});
