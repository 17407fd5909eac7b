/**
 * Searching the forms' texts with the index of schema 4, and keeping that index up to date.
 * A search term must occur in the form's search text (LIKE, as always); the index only picks
 * the forms worth testing, plus every form whose entry is still pending.
 */
import { likePattern } from './formRow';
import { matchExpression, searchTokens } from './searchTokens';
import type { Db } from './sqlite';

export interface SqlCondition {
  sql: string[];
  params: string[];
}

/** The WHERE parts for a search box text: every space-separated term must occur. */
export function searchCondition(search: string | undefined): SqlCondition {
  const terms = (search ?? '').split(/\s+/).filter(Boolean);
  const out: SqlCondition = { sql: [], params: [] };
  if (terms.length === 0) return out;
  const match = matchExpression(terms);
  if (match !== null) {
    out.sql.push('id IN (SELECT rowid FROM search_index WHERE search_index MATCH ? UNION ALL SELECT form_id FROM search_pending)');
    out.params.push(match);
  }
  for (const term of terms) {
    out.sql.push("search_text LIKE ? ESCAPE '\\'");
    out.params.push(likePattern(term));
  }
  return out;
}

/**
 * Writes the index entries of up to `max` pending forms in one transaction (a removed form's
 * entry is only dropped). Returns whether forms are still pending.
 */
export function refreshSearchIndex(db: Db, max: number): boolean {
  return db
    .transaction(() => {
      const ids = db.prepare('SELECT form_id FROM search_pending ORDER BY form_id LIMIT ?').pluck().all(max) as number[];
      const drop = db.prepare('DELETE FROM search_index WHERE rowid = ?');
      const text = db.prepare('SELECT search_text FROM forms WHERE id = ?').pluck();
      const add = db.prepare('INSERT INTO search_index (rowid, tokens) VALUES (?, ?)');
      const done = db.prepare('DELETE FROM search_pending WHERE form_id = ?');
      for (const id of ids) {
        drop.run(id);
        const t = text.get(id) as string | undefined;
        if (t !== undefined) add.run(id, searchTokens(t));
        done.run(id);
      }
      return ids.length === max && db.prepare('SELECT 1 FROM search_pending LIMIT 1').get() !== undefined;
    })
    .immediate();
}
