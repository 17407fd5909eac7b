import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectBackup, listBackups, openStore, SCHEMA_VERSION } from '../../electron/core/store';
import { toLabelJson } from '../../shared/labelJson';
import { tempDir } from './tempStore';

const FIXTURES = fileURLToPath(new URL('../fixtures/db/', import.meta.url));
const versions = readdirSync(FIXTURES)
  .map((n) => /^schema-v(\d+)\.db$/.exec(n)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

interface Expected {
  id: number;
  year: string;
  /** Schema 1 and 2 fixtures name a form by its 部门名称; later ones by the template's title fields. */
  department?: string;
  title?: string;
  templateId?: string;
  status: 'draft' | 'final';
  trashed: boolean;
  revision: number;
  labels: Record<string, unknown>;
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('databases made by earlier versions', () => {
  it('has a fixture for every schema version up to the current one', () => {
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it.each(versions)('opens schema-v%i.db with the current code and finds all its forms intact', (v) => {
    const file = join(tmp.dir, 'shenbao.db');
    copyFileSync(join(FIXTURES, `schema-v${v}.db`), file);
    const expected = JSON.parse(readFileSync(join(FIXTURES, `schema-v${v}.expected.json`), 'utf8')) as Expected[];
    const store = openStore({ file, appVersion: 'current' });
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    const live = store.list().map((s) => s.id);
    const trash = store.listTrash().map((s) => s.id);
    expect([...live, ...trash].sort()).toEqual(expected.map((e) => e.id).sort());
    for (const e of expected) {
      const r = store.get(e.id);
      expect({ year: r.year, title: r.title, status: r.status, trashed: r.deletedAt !== null, revision: r.revision }).toEqual({
        year: e.year,
        title: e.title ?? e.department,
        status: e.status,
        trashed: e.trashed,
        revision: e.revision,
      });
      expect(r.templateId).toBe(e.templateId ?? 'bumen-zhengti-2019');
      const labels = toLabelJson(r.data, store.templates.get(r.templateId, r.templateVersion));
      // Label-keyed JSON gained its "表" key with schema 3; older fixtures were written without it.
      if (!('表' in e.labels)) delete (labels as Record<string, unknown>)['表'];
      expect(labels).toEqual(e.labels);
      expect(store.revisions(e.id)[0].revision).toBe(e.revision);
    }
    // Still writable after the upgrade.
    const draft = expected.find((e) => e.status === 'draft' && !e.trashed);
    if (draft) expect(store.save(draft.id, store.get(draft.id).data).revision).toBe(draft.revision + 1);
    store.close();
  });

  it('backs up a v1 database before migrating it, and the backup still opens as v1', () => {
    const file = join(tmp.dir, 'shenbao.db');
    copyFileSync(join(FIXTURES, 'schema-v1.db'), file);
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'schema-v1.expected.json'), 'utf8')) as Expected[];
    const original = new Database(join(FIXTURES, 'schema-v1.db'), { readonly: true });
    const forms = original.prepare('SELECT id, data FROM forms ORDER BY id').all();
    const revisions = original.prepare('SELECT * FROM revisions ORDER BY form_id, revision').all();
    original.close();

    openStore({ file, appVersion: 'current', autoBackup: false }).close();
    const backups = listBackups(join(tmp.dir, 'backups'), 'before-migration');
    expect(backups).toHaveLength(1);
    expect(inspectBackup(backups[0])).toMatchObject({ schemaVersion: 1, formCount: expected.filter((e) => !e.trashed).length });
    const backup = new Database(backups[0], { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backup.prepare('SELECT id, data FROM forms ORDER BY id').all()).toEqual(forms);
    expect(backup.prepare('SELECT * FROM revisions ORDER BY form_id, revision').all()).toEqual(revisions);
    backup.close();

    // Opening again migrates nothing, so no second safety copy.
    openStore({ file, appVersion: 'current', autoBackup: false }).close();
    expect(listBackups(join(tmp.dir, 'backups'), 'before-migration')).toHaveLength(1);
  });
});
