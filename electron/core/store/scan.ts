/**
 * Reading every live form of one year with its content, a slice at a time in id order, for the
 * 汇总 and its exports: the caller aggregates each slice and lets it go, so 15,000 forms are
 * never held at once, and it may yield between slices (no statement stays open meanwhile).
 * A form whose content cannot be read (a damaged BLOB, text that is not JSON, a missing
 * revision) comes back with `content: null` and the reason, never as an exception.
 */
import type { FormSummary } from '../../../shared/contract';
import { INFLATE_CAP_BYTES, InflateCapError, unpackJson } from './jsonBlob';
import type { Db } from './sqlite';

export interface YearQuery {
  year: string;
  templateId?: string;
}

export interface ScannedForm extends FormSummary {
  revision: number;
  /**
   * The form's newest revision as stored (raw-deflated JSON), read it with decodeContent; null
   * when that revision is missing, and left out (undefined) when `cached` facts came instead: a
   * caller that cannot use them asks for it with revisionBlob.
   */
  blob?: Buffer | null;
  /** What the 汇总 stored for this revision (saveSummaryFacts), with the checker that made it. */
  cached: { checker: string; facts: string } | null;
}

function filters(q: YearQuery): { sql: string; params: string[] } {
  return q.templateId
    ? { sql: 'f.deleted_at IS NULL AND f.year = ? AND f.template_id = ?', params: [q.year, q.templateId] }
    : { sql: 'f.deleted_at IS NULL AND f.year = ?', params: [q.year] };
}

export function countYear(db: Db, q: YearQuery): number {
  const f = filters(q);
  return (db.prepare(`SELECT count(*) AS n FROM forms f WHERE ${f.sql}`).get(...f.params) as { n: number }).n;
}

/** The templates the year's live forms use, with how many forms each. */
export function templatesOfYear(db: Db, year: string): { templateId: string; forms: number }[] {
  return db
    .prepare('SELECT template_id AS templateId, count(*) AS forms FROM forms WHERE deleted_at IS NULL AND year = ? GROUP BY template_id')
    .all(year) as { templateId: string; forms: number }[];
}

/** The stored JSON, parsed but not checked against the form schema (the caller does what it needs), or why it cannot be read. */
export function decodeContent(blob: Buffer | null | undefined): { content: unknown; damage?: string } {
  if (blob === null || blob === undefined) return { content: null, damage: '找不到这份表单的内容（最新版本缺失）' };
  let text: string;
  try {
    text = unpackJson(blob);
  } catch (e) {
    if (e instanceof InflateCapError)
      return {
        content: null,
        damage: `表单内容已损坏（解压后超过 ${Math.round(INFLATE_CAP_BYTES / 1024 / 1024)} MB，不是本程序保存的内容）`,
      };
    return { content: null, damage: '表单内容已损坏，无法解压' };
  }
  try {
    return { content: JSON.parse(text) as unknown };
  } catch {
    return { content: null, damage: '表单内容已损坏，不是有效的数据' };
  }
}

export interface ScanQuery extends YearQuery {
  afterId?: number;
  limit: number;
  /**
   * Only forms whose stored facts were not made by one of these checkers (or are missing, or are
   * of an older revision): what the 汇总's idle work looks for, without reading the rest.
   */
  staleUnless?: readonly string[];
}

export function scanYear(db: Db, q: ScanQuery): ScannedForm[] {
  const f = filters(q);
  if (q.staleUnless) {
    f.sql += ' AND (s.checker IS NULL OR s.checker NOT IN (SELECT value FROM json_each(?)))';
    f.params.push(JSON.stringify(q.staleUnless));
  }
  const rows = db
    .prepare(
      `SELECT f.id, f.template_id AS templateId, f.template_version AS templateVersion, f.year, f.title, f.unit, f.status,
              f.updated_at AS updatedAt, f.deleted_at AS deletedAt, f.revision, s.checker, s.facts,
              -- Only looked up when no facts came: reading 15,000 revisions' pages for nothing was half a warm 汇总.
              CASE WHEN s.facts IS NULL THEN (SELECT data FROM revisions r WHERE r.form_id = f.id AND r.revision = f.revision) END AS blob
       FROM forms f
       LEFT JOIN summary_facts s ON s.form_id = f.id AND s.revision = f.revision
       WHERE ${f.sql} AND f.id > ? ORDER BY f.id LIMIT ?`,
    )
    .all(...f.params, q.afterId ?? 0, q.limit) as (FormSummary & {
    revision: number;
    blob: Buffer | null;
    checker: string | null;
    facts: string | null;
  })[];
  return rows.map(({ checker, facts, blob, ...row }) =>
    checker !== null && facts !== null ? { ...row, cached: { checker, facts } } : { ...row, blob, cached: null },
  );
}

/** The stored content of one revision (see ScannedForm.blob). */
export function revisionBlob(db: Db, formId: number, revision: number): Buffer | null {
  return (
    (db.prepare('SELECT data FROM revisions WHERE form_id = ? AND revision = ?').pluck().get(formId, revision) as Buffer | undefined) ??
    null
  );
}

export interface FactsRow {
  formId: number;
  revision: number;
  checker: string;
  facts: string;
}

/**
 * Keeps what the 汇总 worked out for forms (see migrations/0004). Only for the revision it was
 * read from: a form saved meanwhile keeps its newer revision and the row is simply unused.
 */
export function saveSummaryFacts(db: Db, rows: readonly FactsRow[]): void {
  const put = db.prepare('INSERT OR REPLACE INTO summary_facts (form_id, revision, checker, facts) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) put.run(r.formId, r.revision, r.checker, r.facts);
  }).immediate();
}

export interface KeptFacts {
  formId: number;
  year: string;
  facts: string;
  /** The stored content of the revision the facts are for; null when it is missing. */
  blob: Buffer | null;
}

/** Kept facts with the content of their revision, `limit` at a time in form id order after `afterId`. */
export function keptFacts(db: Db, afterId: number, limit: number): KeptFacts[] {
  return db
    .prepare(
      `SELECT s.form_id AS formId, f.year, s.facts, r.data AS blob FROM summary_facts s
       JOIN forms f ON f.id = s.form_id
       LEFT JOIN revisions r ON r.form_id = s.form_id AND r.revision = s.revision
       WHERE s.form_id > ? ORDER BY s.form_id LIMIT ?`,
    )
    .all(afterId, limit) as KeptFacts[];
}

export function dropSummaryFacts(db: Db, formIds: readonly number[]): void {
  db.prepare('DELETE FROM summary_facts WHERE form_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(formIds));
}

export interface StoredContent {
  templateId: string;
  templateVersion: number;
  /** The newest revision as stored; null when it is missing. Read it with decodeContent. */
  blob: Buffer | null;
}

/**
 * The stored content of many forms in one statement, by id (the 明细表 reads a unit's forms at
 * once: store.get per form prepares two statements and a transaction, a second of a year's list).
 */
export function formContents(db: Db, ids: readonly number[]): Map<number, StoredContent> {
  const rows = db
    .prepare(
      `SELECT f.id, f.template_id AS templateId, f.template_version AS templateVersion, r.data AS blob
       FROM forms f LEFT JOIN revisions r ON r.form_id = f.id AND r.revision = f.revision
       WHERE f.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (StoredContent & { id: number })[];
  return new Map(rows.map(({ id, ...c }) => [id, c]));
}
