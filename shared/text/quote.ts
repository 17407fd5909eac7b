/**
 * What a note or a refusal quotes of a user's text (a cell, a key, a title): at most
 * MAX_QUOTE_CHARS characters, then "…". A note once quoted a 200,000-character cell whole
 * (issue #27); every message that repeats what a file held goes through here.
 */
export const MAX_QUOTE_CHARS = 50;

export function quoteText(s: string, max = MAX_QUOTE_CHARS): string {
  const t = s.trim();
  const chars = Array.from(t.length > max * 2 + 2 ? t.slice(0, max * 2 + 2) : t);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : t;
}
