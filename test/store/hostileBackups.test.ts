/**
 * A backup is only restored when its schema is exactly one our migrations made (issue #16,
 * defect 7). On the old code each of these restored: the trigger then ran on the next save,
 * and without `revisions` (or with `forms` as a view) every operation failed with 内部错误.
 * Each backup here is a real backup of a real store, altered with plain SQL.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../electron/core/store';
import { restoreDamaged, SCHEMA_VERSION } from '../../electron/core/store';
import { seedForm } from '../helpers/seed';
import { storeIn, tempDir } from './tempStore';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let backup: string;
beforeEach(async () => {
  tmp = tempDir('shenbao-hostile-backup-');
  store = storeIn(tmp.dir, { autoBackup: false });
  store.create(seedForm());
  backup = join(tmp.dir, 'backup.db');
  await store.backupTo(backup);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function altered(sql: string): string {
  const file = join(tmp.dir, `altered-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(backup, file);
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return file;
}

const hostile: [string, string, RegExp][] = [
  [
    'a trigger that would run on the next save',
    'CREATE TRIGGER wipe AFTER UPDATE ON forms BEGIN DELETE FROM revisions; END;',
    /含有触发器/,
  ],
  ['no revisions table', 'DROP TABLE revisions;', /缺少数据表 revisions/],
  ['forms as a view', 'ALTER TABLE forms RENAME TO forms_data; CREATE VIEW forms AS SELECT * FROM forms_data;', /含有视图/],
  ['an extra table', 'CREATE TABLE extra (x);', /含有多余的数据表 extra/],
  ['a column added to forms', "ALTER TABLE forms ADD COLUMN note TEXT DEFAULT '';", /数据表的结构与本程序的不同/],
  ['an index dropped', 'DROP INDEX forms_live_identity;', /数据表的结构与本程序的不同/],
];

describe('backups whose schema is not ours are refused, and nothing changes', () => {
  it.each(hostile)('%s', async (_name, sql, why) => {
    const file = altered(sql);
    const before = store.list();
    const err = await store.restoreFrom(file).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/不是本程序的备份文件（数据库结构不符：/);
    expect(err?.message).toMatch(why);
    expect(err?.message).toMatch(/当前数据没有任何改动/);
    expect(store.list()).toEqual(before);
    // The store still works: a save goes through.
    const rec = store.get(before[0].id);
    expect(store.save(rec.id, rec.data).revision).toBe(rec.revision + 1);
  });

  it('the same checks guard the restore of a damaged database', () => {
    const file = altered('CREATE TRIGGER t AFTER INSERT ON revisions BEGIN SELECT 1; END;');
    expect(() => restoreDamaged({ file: join(tmp.dir, 'other.db'), appVersion: 'test' }, file)).toThrow(/含有触发器/);
  });

  it('an unaltered backup still restores, and so does a database of the older schema 1', async () => {
    const m = await store.restoreFrom(backup);
    expect(m.formCount).toBe(1);
    const v1 = join(tmp.dir, 'v1.db');
    copyFileSync(fileURLToPath(new URL('../fixtures/db/schema-v1.db', import.meta.url)), v1);
    expect((await store.restoreFrom(v1)).schemaVersion).toBe(1);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
  });
});
