/**
 * What a backup holds, checked before it may replace the user's data (issue #27 items 2, 6, 7):
 * its schema is already known to be ours (backupFiles.ts); these are the rows that would break
 * the store afterwards. Each returns a Chinese reason, or null when the backup is fine.
 */
import { MAX_TEMPLATE_FILE_CHARS } from '../../../shared/template/file';
import { INFLATE_CAP_BYTES, InflateCapError, MAX_DEFLATE_RATIO, unpackJson } from './jsonBlob';
import type { Db } from './sqlite';
import { readStoredTemplate } from './templates';

/**
 * Ids and counters JavaScript reads exactly: above 2^53 two ids read as one number, and the
 * 汇总 looped forever on a form it could neither show nor delete.
 */
const MAX_ID = Number.MAX_SAFE_INTEGER;

/** Every INTEGER column of every table (ids, revisions, versions, counts) and the AUTOINCREMENT counters. */
export function idsOutOfRange(db: Db): string | null {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'search_index_%'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = (db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[]).filter(
      (c) => /INT/i.test(c.type) || table === 'sqlite_sequence',
    );
    for (const c of columns) {
      const q = `SELECT 1 FROM "${table}" WHERE typeof("${c.name}") = 'integer' AND ("${c.name}" > ${MAX_ID} OR "${c.name}" < -${MAX_ID}) LIMIT 1`;
      if (db.prepare(q).get()) return `数据表 ${table} 的 ${c.name} 超出了本程序能处理的范围`;
    }
  }
  // The next id after the counter must still be exact.
  const seq = db.prepare(`SELECT name FROM sqlite_sequence WHERE seq >= ${MAX_ID} LIMIT 1`).pluck().get() as string | undefined;
  return seq === undefined ? null : `数据表 ${seq} 的编号已用尽`;
}

/** Stored templates must read as templates (one whose id is a built-in's is skipped at load, not refused). */
export function badStoredTemplate(db: Db): string | null {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'templates'").get()) return null; // before schema 3
  // No larger than a template file an import reads (the same limit): such a row is refused without being read.
  const huge = db.prepare('SELECT id, version FROM templates WHERE length(json) > ? LIMIT 1').get(MAX_TEMPLATE_FILE_CHARS) as
    { id: string; version: number } | undefined;
  if (huge)
    return `其中导入的表样「${huge.id}」（第 ${huge.version} 版）超过 ${MAX_TEMPLATE_FILE_CHARS / 1_000_000} 百万字，比任何能导入的表样文件都大`;
  for (const r of db.prepare('SELECT id, version, json FROM templates ORDER BY id, version').iterate() as Iterable<{
    id: string;
    version: number;
    json: string;
  }>) {
    const t = readStoredTemplate(r.json);
    if (typeof t === 'string') return `其中导入的表样「${r.id}」（第 ${r.version} 版）${t}`;
    if (t.id !== r.id || t.version !== r.version) return `其中导入的表样「${r.id}」与它的内容不符`;
  }
  return null;
}

/**
 * A revision that inflates past the cap (a deflate bomb). Only blobs long enough to reach the
 * cap can (MAX_DEFLATE_RATIO), so a real backup's few-KB revisions are not even inflated.
 */
export function oversizedRevision(db: Db): string | null {
  const minLength = Math.floor(INFLATE_CAP_BYTES / MAX_DEFLATE_RATIO);
  const rows = db
    .prepare('SELECT form_id AS formId, revision, data FROM revisions WHERE typeof(data) = ? AND length(data) > ?')
    .iterate('blob', minLength) as Iterable<{ formId: number; revision: number; data: Buffer }>;
  for (const r of rows) {
    try {
      unpackJson(r.data);
    } catch (e) {
      if (e instanceof InflateCapError)
        return `编号 ${r.formId} 的表单第 ${r.revision} 版解压后超过 ${Math.round(INFLATE_CAP_BYTES / 1024 / 1024)} MB，不是本程序保存的内容`;
      // Bytes that do not inflate are a damaged form, which the store lists as 无法读取.
    }
  }
  return null;
}
