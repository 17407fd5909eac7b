/**
 * Builds a receiving office's store for the bench: `years` × `formsPerYear` forms (the issue's
 * 10 × 15,000). Rows go in with the store's own column and JSON-packing code (formColumns), so
 * search texts, identities and BLOBs are what the app writes, but in one transaction per year
 * instead of one per form: 150,000 single saves would take the better part of an hour.
 *
 * The finished file is kept under .cache/bench/ (git-ignored) with a note of what made it, and
 * reused while the generator and the schema are unchanged: building it is minutes of work.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, SCHEMA_VERSION } from '../../electron/core/store';
import { formColumns } from '../../electron/core/store/formRow';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { amountUnits } from '../../shared/money';
import { TemplateRegistry } from '../../shared/template/registry';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { countyUnits, departmentForm, projectForm } from './content';

/** What made a store: this generator's source and the migrations. A cached store made otherwise is rebuilt. */
function maker(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const sources = ['content.ts', 'build.ts'].map((f) => readFileSync(join(here, f), 'utf8'));
  const migrations = MIGRATIONS.map((m) => `${m.version}:${m.up.toString()}`);
  return createHash('sha256')
    .update(JSON.stringify([sources, migrations]))
    .digest('hex')
    .slice(0, 16);
}

export interface BigStoreSpec {
  /** First budget year; the store holds `years` consecutive years. */
  firstYear: number;
  years: number;
  /** Budget units; each files one 2019 部门整体 form a year, the rest are project forms. */
  units: number;
  formsPerYear: number;
}

export const RECEIVING_OFFICE: BigStoreSpec = { firstYear: 2016, years: 10, units: 300, formsPerYear: 15_000 };

const CACHE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache', 'bench');

const stamp = (spec: BigStoreSpec) => JSON.stringify({ maker: maker(), schema: SCHEMA_VERSION, ...spec });

/** Writes the store to `file` (which must not exist). Returns the number of forms written. */
export function writeBigStore(file: string, spec: BigStoreSpec, log: (line: string) => void = () => {}): number {
  // The schema comes from the store itself; then the connection is ours for bulk writing.
  openStore({ file, appVersion: 'bench', autoBackup: false }).close();
  const registry = new TemplateRegistry(BUILTIN_TEMPLATES);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertForm = db.prepare(
    `INSERT INTO forms (template_id, template_version, year, identity_key, title, unit, status, revision, created_at, updated_at, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertRevision = db.prepare("INSERT INTO revisions (form_id, revision, saved_at, note, data) VALUES (?, 1, ?, '新建', ?)");
  const insertEvent = db.prepare("INSERT INTO events (form_id, kind, at, detail) VALUES (?, 'create', ?, '')");
  const units = countyUnits(spec.units, spec.formsPerYear - spec.units);
  let written = 0;
  for (let y = 0; y < spec.years; y++) {
    const year = String(spec.firstYear + y);
    const at = `${year}-02-01T08:00:00.000Z`;
    const t0 = performance.now();
    db.transaction(() => {
      for (const unit of units) {
        const projects = Array.from({ length: unit.projects }, (_, i) => projectForm(unit, year, i));
        const projectMoney = projects.reduce((sum, p) => sum + (amountUnits(String(p.values.total)) ?? 0n), 0n);
        const forms = [departmentForm(unit, year, projectMoney), ...projects];
        for (const data of forms) {
          const c = formColumns(data, registry);
          // Earlier years are settled (定稿); the newest is still being received.
          const status = y < spec.years - 1 ? 'final' : 'draft';
          const id = Number(
            insertForm.run(c.templateId, c.templateVersion, c.year, c.identityKey, c.title, c.unit, status, at, at, c.searchText)
              .lastInsertRowid,
          );
          insertRevision.run(id, at, c.packed);
          insertEvent.run(id, at);
          written++;
        }
      }
    })();
    log(`${year} 年度：${written} 份（${Math.round(performance.now() - t0)} ms）`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  // The search index entries, as the store writes them after saves; then one open as the app does
  // it (the full check and its record), so later opens meet an unchanged, checked file.
  const t0 = performance.now();
  const store = openStore({ file, appVersion: 'bench', autoBackup: false });
  while (store.refreshSearchIndex(5000));
  store.close();
  log(`搜索索引：${Math.round(performance.now() - t0)} ms`);
  openStore({ file, appVersion: 'bench', autoBackup: false }).close();
  return written;
}

/** The cached store for `spec`, built first when missing or made by another generator or schema. */
export function bigStore(name: string, spec: BigStoreSpec, log: (line: string) => void = () => {}): string {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${name}.db`);
  const note = `${file}.json`;
  if (existsSync(file) && existsSync(note) && readFileSync(note, 'utf8') === stamp(spec)) return file;
  for (const f of [file, note, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const tmp = join(CACHE, `${name}.building.db`);
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  log(`正在生成 ${spec.years * spec.formsPerYear} 份表单的测试数据库（只在第一次运行时生成）……`);
  writeBigStore(tmp, spec, log);
  renameSync(tmp, file);
  writeFileSync(note, stamp(spec));
  return file;
}
