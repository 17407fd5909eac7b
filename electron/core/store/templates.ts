/** Imported templates kept in the database, and how many forms use each template. */
import { checkTemplate } from '../../../shared/template/check';
import { templateDefSchema, type TemplateDef } from '../../../shared/template/schema';
import type { Db } from './sqlite';

/**
 * Every stored version of every imported template. A row that no longer reads as a sound
 * template (hand-edited database, a newer app's format) is left out, not fatal: the forms
 * made with it then say their template is missing instead of the whole store failing.
 */
export function loadStoredTemplates(db: Db): TemplateDef[] {
  const rows = db.prepare('SELECT json FROM templates ORDER BY id, version').all() as { json: string }[];
  const out: TemplateDef[] = [];
  for (const r of rows) {
    try {
      const parsed = templateDefSchema.safeParse(JSON.parse(r.json));
      if (parsed.success && checkTemplate(parsed.data).length === 0) out.push(parsed.data);
    } catch {
      /* unreadable row: skipped, see above */
    }
  }
  return out;
}

export function templateUse(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT template_id AS id, count(*) AS n FROM forms GROUP BY template_id').all() as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}
