/**
 * Backups whose schema is ours but whose rows would break the store afterwards (issue #27 items
 * 2, 6, 7, 9, 12). Each backup is a real backup of a real store, altered with plain SQL.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectBackup, restoreDamaged, type Store } from '../../electron/core/store';
import { replaceDamaged } from '../../electron/core/store/restore';
import { INFLATE_CAP_BYTES, MAX_FORM_JSON_BYTES } from '../../electron/core/store/jsonBlob';
import { runSummary } from '../../electron/core/summary';
import { MAX_TEMPLATE_FILE_CHARS } from '../../shared/template/file';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';
import { seedForm } from '../helpers/seed';
import { storeIn, tempDir } from './tempStore';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let backup: string;
let formId: number;
beforeEach(async () => {
  tmp = tempDir('shenbao-restore-content-');
  store = storeIn(tmp.dir, { autoBackup: false });
  formId = store.create(seedForm()).id;
  backup = join(tmp.dir, 'backup.db');
  await store.backupTo(backup);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function altered(sql: string, ...params: unknown[]): string {
  const file = join(tmp.dir, `altered-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(backup, file);
  const db = new Database(file);
  if (params.length) db.prepare(sql).run(...params);
  else db.exec(sql);
  db.close();
  return file;
}

async function refused(file: string): Promise<string> {
  const before = store.list();
  const err = await store.restoreFrom(file).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(err).not.toBeNull();
  expect(err!.message).toMatch(/不是本程序的备份文件.*当前数据没有任何改动/);
  expect(store.list()).toEqual(before);
  return err!.message;
}

describe('a stored template whose id is a built-in one (item 2)', () => {
  const builtInRow = `INSERT INTO templates (id, version, json, imported_at) VALUES (?, ?, ?, '2020-01-01T00:00:00.000Z')`;

  it('is restored without bricking the store: skipped, reported, every command still works', async () => {
    const file = altered(builtInRow, bumenZhengti2019.id, bumenZhengti2019.version, JSON.stringify(bumenZhengti2019));
    expect(inspectBackup(file).formCount).toBe(1);
    await store.restoreFrom(file);
    expect(store.notices.join('\n')).toMatch(/导入的表样「bumen-zhengti-2019」.*与程序自带的表样编号相同，没有载入/);
    expect(store.get(formId).data.values.department).toBe(seedForm().values.department);
    store.create({ ...seedForm(), values: { ...seedForm().values, department: '恢复后新建的部门' } });
    store.close();
    // Opening it again (the next start) works too, and so does restoring the before-restore copy.
    store = storeIn(tmp.dir, { autoBackup: false });
    expect(store.list()).toHaveLength(2);
    expect(store.notices).toHaveLength(1);
    await store.restoreFrom(backup);
    expect(store.notices).toEqual([]);
  });

  it('an update that ships a built-in with an id the user had imported still opens the store', () => {
    store.importTemplate(MADE_UP_TEMPLATE);
    store.close();
    store = storeIn(tmp.dir, { autoBackup: false, builtInTemplates: [...BUILTIN_TEMPLATES, MADE_UP_TEMPLATE] });
    expect(store.templates.isBuiltIn(MADE_UP_TEMPLATE.id)).toBe(true);
    expect(store.notices.join('')).toMatch(/与程序自带的表样编号相同/);
    expect(store.list()).toHaveLength(1);
  });

  it('a stored template larger than any template file an import reads is refused at inspection, unread', async () => {
    // A sound template padded with whitespace (valid JSON): it reads, but no template file of that size imports.
    const padded = JSON.stringify({ ...MADE_UP_TEMPLATE, id: 'test-big' }) + ' '.repeat(MAX_TEMPLATE_FILE_CHARS);
    const message = await refused(altered(builtInRow, 'test-big', 1, padded));
    expect(message).toMatch(/导入的表样「test-big」（第 1 版）超过 1 百万字/);
  });

  it('a stored template that is not a template is refused at inspection', async () => {
    const message = await refused(altered(builtInRow, 'test-x', 1, '{"id":"test-x"}'));
    expect(message).toMatch(/导入的表样「test-x」（第 1 版）格式不对/);
  });
});

describe('a deflate bomb in a backup (item 6)', () => {
  it('is refused at inspection, and a bomb already stored reads as damaged, not inflated', async () => {
    // 64 MB of spaces inflate from ~64 KB: past the cap, so never a form this app saved.
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    const file = altered('UPDATE revisions SET data = ? WHERE form_id = ?', bomb, formId);
    expect(await refused(file)).toMatch(new RegExp(`编号 ${formId} 的表单第 1 版解压后超过 ${Math.round(INFLATE_CAP_BYTES / 1048576)} MB`));

    // The same revision in the live store (say, restored by an older version): 无法读取, quickly.
    store.close();
    const db = new Database(join(tmp.dir, 'shenbao.db'));
    db.prepare('UPDATE revisions SET data = ? WHERE form_id = ?').run(bomb, formId);
    db.close();
    store = storeIn(tmp.dir, { autoBackup: false });
    const started = Date.now();
    expect(() => store.get(formId)).toThrow(/内容已损坏.*解压后超过/);
    const summary = await runSummary(store, { year: '2019' });
    expect(JSON.stringify(summary)).toMatch(/解压后超过/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a save larger than the largest form is refused, so no stored form reaches the cap', () => {
    const huge = { ...seedForm(), values: { ...seedForm().values } };
    for (let i = 0; i < 120; i++) huge.values[`extra${i}`] = '长'.repeat(50_000);
    expect(MAX_FORM_JSON_BYTES).toBeLessThan(INFLATE_CAP_BYTES);
    expect(() => store.save(formId, huge)).toThrow(/表单内容过大.*没有保存/);
    expect(store.get(formId).revision).toBe(1);
  });
});

describe('ids beyond what JavaScript holds exactly (item 7)', () => {
  it.each([
    ['a form id past 2^53', 'UPDATE forms SET id = 9007199254740993', /数据表 forms 的 id 超出了本程序能处理的范围/],
    [
      'a revision number past 2^53',
      'UPDATE revisions SET revision = 9007199254740993; UPDATE forms SET revision = 9007199254740993',
      /超出了本程序能处理的范围/,
    ],
    ['an id counter at its end', "UPDATE sqlite_sequence SET seq = 9223372036854775807 WHERE name = 'forms'", /sqlite_sequence|编号已用尽/],
  ])('%s is refused', async (_name, sql, why) => {
    expect(await refused(altered(`PRAGMA foreign_keys = OFF; ${sql}`))).toMatch(why);
  });

  it('an exhausted counter in the live store says so, not that the disk is full', () => {
    store.close();
    const db = new Database(join(tmp.dir, 'shenbao.db'));
    db.prepare("UPDATE sqlite_sequence SET seq = 9223372036854775807 WHERE name = 'forms'").run();
    db.close();
    store = storeIn(tmp.dir, { autoBackup: false });
    const make = () => store.create({ ...seedForm(), values: { ...seedForm().values, department: '新部门' } });
    expect(make).toThrow(/编号已经用尽.*这不是磁盘已满/);
    store.close();
    const db2 = new Database(join(tmp.dir, 'shenbao.db'));
    db2.prepare("UPDATE sqlite_sequence SET seq = 9007199254740991 WHERE name = 'forms'").run();
    db2.close();
    store = storeIn(tmp.dir, { autoBackup: false });
    expect(make).toThrow(/编号已经用尽/);
    expect(store.list()).toHaveLength(1);
  });
});

describe('the 汇总 facts a backup carries (item 9)', () => {
  it('are dropped by the restore: the 汇总 reads the restored forms themselves', async () => {
    await runSummary(store, { year: '2019' });
    const file = join(tmp.dir, 'with-facts.db');
    await store.backupTo(file);
    // A backup whose kept facts say something else than its forms.
    const db = new Database(file);
    const facts = db.prepare('SELECT facts FROM summary_facts WHERE form_id = ?').pluck().get(formId) as string;
    expect(facts).toBeTruthy();
    const forged = JSON.parse(facts) as { money: string[] };
    forged.money = forged.money.map(() => '1.00');
    db.prepare('UPDATE summary_facts SET facts = ?').run(JSON.stringify(forged));
    db.close();
    const honest = JSON.stringify(await runSummary(store, { year: '2019' }));
    await store.restoreFrom(file);
    const raw = new Database(join(tmp.dir, 'shenbao.db'), { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM summary_facts').pluck().get()).toBe(0);
    raw.close();
    expect(JSON.stringify(await runSummary(store, { year: '2019' }))).toBe(honest);
  });
});

describe('a backup restored over a damaged database (restoreDamaged)', () => {
  const damage = () => {
    store.close();
    writeFileSync(join(tmp.dir, 'shenbao.db'), Buffer.alloc(8192, 7));
  };

  it('with a built-in template id: restored, and the store works', () => {
    const file = altered(
      "INSERT INTO templates (id, version, json, imported_at) VALUES (?, ?, ?, '2020-01-01T00:00:00.000Z')",
      bumenZhengti2019.id,
      bumenZhengti2019.version,
      JSON.stringify(bumenZhengti2019),
    );
    damage();
    store = restoreDamaged({ file: join(tmp.dir, 'shenbao.db'), appVersion: 'test' }, file);
    expect(store.notices).toHaveLength(1);
    expect(store.list()).toHaveLength(1);
  });

  it('puts a copy in place that is already in WAL mode (no hot journal at its first open) and keeps no facts', async () => {
    await runSummary(store, { year: '2019' });
    const file = join(tmp.dir, 'with-facts.db');
    await store.backupTo(file);
    damage();
    const live = join(tmp.dir, 'shenbao.db');
    replaceDamaged({ file: live }, file, BUILTIN_TEMPLATES);
    const header = readFileSync(live).subarray(18, 20);
    expect([...header]).toEqual([2, 2]);
    const db = new Database(live, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM summary_facts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM meta WHERE key = ?').pluck().get('backup_manifest')).toBe(0);
    db.close();
    store = storeIn(tmp.dir, { autoBackup: false });
    expect(store.list()).toHaveLength(1);
  });
});

describe('another store on the same file (another window, browser mode, the command line)', () => {
  it('follows a restore: templates and the 指标库 as the restored data has them', async () => {
    store.importTemplate(MADE_UP_TEMPLATE);
    store.librarySave({ level1: '产出指标', level2: '数量指标', name: '恢复前的指标', value: '≥1次' });
    const other = storeIn(tmp.dir, { autoBackup: false });
    try {
      expect(other.templates.find(MADE_UP_TEMPLATE.id)).toBeDefined();
      expect(other.libraryList('恢复前').map((e) => e.name)).toEqual(['恢复前的指标']);
      await store.restoreFrom(backup);
      // The backup was made before both: the other store no longer offers them.
      expect(other.templates.find(MADE_UP_TEMPLATE.id)).toBeUndefined();
      expect(other.libraryList('恢复前')).toEqual([]);
      expect(other.list()).toHaveLength(1);
    } finally {
      other.close();
    }
  });
});
