/**
 * How the search index sees text: every run of letters and digits as its overlapping pairs of
 * characters, and the run's last character on its own (全民健身 → 全民 民健 健身 身), written as
 * words for SQLite's unicode61 tokenizer. A search term becomes the AND of its pairs, or, for a
 * one-character term, a prefix query (身*). Every form whose text contains the term is then among
 * the index's answers; the exact test stays the LIKE over the form's search text, so the index
 * only narrows and never changes what a search finds.
 *
 * Pairs rather than SQLite's trigram tokenizer: Chinese searches are often two characters
 * (体育, 教育), and a trigram index cannot answer a term shorter than three characters.
 */

/** A run of letters and digits: the unit both sides are cut into. Punctuation and spaces separate. */
const RUN = /[\p{L}\p{N}]+/gu;

/** The index text of a form's search text. */
export function searchTokens(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(RUN)) {
    const chars = Array.from(m[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    out.push(chars[chars.length - 1]);
  }
  return out.join(' ');
}

/**
 * The FTS5 query that every text containing all `terms` matches; null when no term has a letter
 * or digit (then only the LIKE can answer). Tokens are letters and digits only, so they never
 * need escaping inside the double quotes.
 */
export function matchExpression(terms: readonly string[]): string | null {
  const parts = new Set<string>();
  for (const term of terms)
    for (const m of term.matchAll(RUN)) {
      const chars = Array.from(m[0]);
      if (chars.length === 1) parts.add(`"${chars[0]}"*`);
      for (let i = 0; i + 1 < chars.length; i++) parts.add(`"${chars[i]}${chars[i + 1]}"`);
    }
  return parts.size ? [...parts].join(' AND ') : null;
}
