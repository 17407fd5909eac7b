/**
 * A receiving office's year with its 自评: 15,000 project declarations of 300 units (content.ts),
 * each with its 项目支出绩效自评表 (selfEvaluation.ts), and the units' 部门整体 forms — written in bulk
 * as build.ts writes the big store, kept under .cache/bench and rebuilt when the generators change.
 * xiangmu-zipin is passed as a template (not yet built in): stageTemplates.ts.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, SCHEMA_VERSION } from '../../electron/core/store';
import { formColumns } from '../../electron/core/store/formRow';
import { TemplateRegistry } from '../../shared/template/registry';
import { countyUnits, departmentForm, projectForm } from './content';
import { selfEvaluationOf } from './selfEvaluation';
import { STAGE_TEMPLATES } from './stageTemplates';

export const STAGE_YEAR = '2025';
export const STAGE_PROJECTS = 15_000;

const CACHE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache', 'bench');

function stamp(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const sources = ['content.ts', 'selfEvaluation.ts', 'stageBuild.ts', 'stageTemplates.ts'].map((f) => readFileSync(join(here, f), 'utf8'));
  return createHash('sha256')
    .update(JSON.stringify([sources, SCHEMA_VERSION, STAGE_PROJECTS]))
    .digest('hex')
    .slice(0, 16);
}

function write(file: string): void {
  openStore({ file, appVersion: 'bench', autoBackup: false, builtInTemplates: STAGE_TEMPLATES }).close();
  const registry = new TemplateRegistry(STAGE_TEMPLATES);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertForm = db.prepare(
    `INSERT INTO forms (template_id, template_version, year, identity_key, title, unit, status, revision, created_at, updated_at, search_text)
     VALUES (?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?, ?)`,
  );
  const insertRevision = db.prepare("INSERT INTO revisions (form_id, revision, saved_at, note, data) VALUES (?, 1, ?, '新建', ?)");
  const insertEvent = db.prepare("INSERT INTO events (form_id, kind, at, detail) VALUES (?, 'create', ?, '')");
  const at = `${STAGE_YEAR}-02-01T08:00:00.000Z`;
  let k = 0;
  db.transaction(() => {
    for (const unit of countyUnits(300, STAGE_PROJECTS)) {
      const projects = Array.from({ length: unit.projects }, (_, i) => projectForm(unit, STAGE_YEAR, i));
      for (const data of [departmentForm(unit, STAGE_YEAR, 0n), ...projects, ...projects.map((p) => selfEvaluationOf(p, ++k).data)]) {
        const c = formColumns(data, registry);
        const id = Number(
          insertForm.run(c.templateId, c.templateVersion, c.year, c.identityKey, c.title, c.unit, at, at, c.searchText).lastInsertRowid,
        );
        insertRevision.run(id, at, c.packed);
        insertEvent.run(id, at);
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** The cached store, built first when missing or made by other generators. */
export function stageStore(log: (line: string) => void = () => {}): string {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, 'stage-zipin-15k.db');
  const note = `${file}.json`;
  const s = stamp();
  if (existsSync(file) && existsSync(note) && readFileSync(note, 'utf8') === s) return file;
  for (const f of [file, note, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const tmp = join(CACHE, 'stage-zipin-15k.building.db');
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  log(`正在生成 ${STAGE_PROJECTS} 个项目及其自评表的测试数据库（只在第一次运行时生成）……`);
  write(tmp);
  renameSync(tmp, file);
  writeFileSync(note, s);
  return file;
}
