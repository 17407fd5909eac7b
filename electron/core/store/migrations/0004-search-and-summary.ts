import type { Database } from 'better-sqlite3';

/**
 * Schema 4. A receiving office keeps about 150,000 forms (ten years of a county's), and a search
 * that reads every form's search text takes seconds at that size. So the text gets a full-text
 * index (FTS5) that narrows a search to the forms that can match; the LIKE over search_text
 * still decides, so what a search finds is unchanged (see store/searchTokens.ts for why the
 * index holds pairs of characters rather than trigrams).
 *
 * The index is contentless (the text is already in forms.search_text) with contentless_delete,
 * so a form's entry can be replaced knowing only its id, and detail=none, so it stores which
 * forms hold a token and not where: about 5 % of the file instead of 30 %.
 *
 * Saves do not touch the index: updating it costs about as much as the save itself (~0.3 ms, and
 * 5–8 ms when FTS5 merges segments). Instead triggers note each new, changed or removed form in
 * search_pending (a few microseconds), the store brings the index up to date once writes pause,
 * and a search treats every pending form as a candidate, so a search never misses a form
 * saved a moment ago.
 *
 * The 汇总 reads one year's forms of one template in id order, a slice at a time: a range of
 * forms_by_year_template, which carries the columns it shows, so neither a sort of the whole
 * year per slice nor a read of each form's row (a page each: the search text is long). Checking
 * a form costs ~0.1–0.3 ms and inflating it ~0.05 ms, so a year of 15,000 takes seconds; what
 * the 汇总 works out per form (money, 主管部门, indicator count, what its checks say) is kept in
 * summary_facts for the revision it was read from and the checker that read it, and a later
 * 汇总 reads that instead. A form saved since, or an app or template that checks differently,
 * makes the row unused; it is rewritten at the next 汇总 and removed with its form.
 *
 * The pairs are worked out here as the app works them out at schema 4, written out rather than
 * imported so that this step keeps producing schema 4 whatever later code does.
 */
const RUN = /[\p{L}\p{N}]+/gu;

function tokens0004(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(RUN)) {
    const chars = Array.from(m[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    out.push(chars[chars.length - 1]);
  }
  return out.join(' ');
}

export function migrate0004SearchAndSummary(db: Database): void {
  db.function('shenbao_0004_tokens', { deterministic: true }, (text: unknown) => tokens0004(String(text ?? '')));
  db.exec(`
    CREATE VIRTUAL TABLE search_index USING fts5 (
      tokens,
      tokenize = 'unicode61 remove_diacritics 0',
      content = '',
      contentless_delete = 1,
      detail = none
    );
    INSERT INTO search_index (rowid, tokens) SELECT id, shenbao_0004_tokens(search_text) FROM forms;

    -- Forms whose index entry is missing or out of date; not a foreign key, so a removed form stays here until its entry is gone.
    CREATE TABLE search_pending (form_id INTEGER PRIMARY KEY) STRICT;
    CREATE TRIGGER forms_search_insert AFTER INSERT ON forms BEGIN
      INSERT OR IGNORE INTO search_pending (form_id) VALUES (new.id);
    END;
    CREATE TRIGGER forms_search_update AFTER UPDATE OF search_text ON forms WHEN new.search_text IS NOT old.search_text BEGIN
      INSERT OR IGNORE INTO search_pending (form_id) VALUES (new.id);
    END;
    CREATE TRIGGER forms_search_delete AFTER DELETE ON forms BEGIN
      INSERT OR IGNORE INTO search_pending (form_id) VALUES (old.id);
    END;

    CREATE INDEX forms_by_year_template ON forms (year, template_id, id, template_version, revision, title, unit, status, updated_at, deleted_at)
      WHERE deleted_at IS NULL;
    -- Counting live forms (a list's total): a narrow index reads 1.5 MB for 150,000 forms where forms_listing reads 30 MB.
    CREATE INDEX forms_live_by_year ON forms (year) WHERE deleted_at IS NULL;
    -- The list of one template over all years, in list order, without walking every form.
    CREATE INDEX forms_live_by_template ON forms (template_id, year DESC, unit, title, id) WHERE deleted_at IS NULL;
    -- The open's data fingerprint (store/integrityCheck.ts): the newest save, and the count of forms, from a narrow index.
    CREATE INDEX forms_updated_at ON forms (updated_at);

    CREATE TABLE summary_facts (
      form_id INTEGER PRIMARY KEY REFERENCES forms (id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      checker TEXT NOT NULL,
      facts TEXT NOT NULL
    ) STRICT;
  `);
}
