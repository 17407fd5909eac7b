/**
 * Suggestions for a 三级指标 (or 指标值) being typed: candidates from this store's forms and from
 * the starter library, ranked so the clerk's own unit comes first, then the same 二级/一级
 * category, then how often and how recently an indicator was used; the starter library last.
 * Pure: the store hands in what it found, this only matches and ranks.
 */

export interface IndicatorCandidate {
  level1: string;
  level2: string;
  name: string;
  /** A typical 指标值: the most used one, or the starter library's pattern (may hold {placeholders}). */
  value: string;
  /** Where it came from: this unit's forms, the user's own 指标库 (added, edited, imported), every unit's forms, the starter library. */
  source: 'unit' | 'library' | 'store' | 'starter';
  /** How many forms used it (0 for the starter library). */
  uses: number;
  /** The newest budget year it was used in ('' for the starter library). */
  lastYear: string;
}

export interface SuggestQuery {
  /** What has been typed so far (any part of the name). */
  text: string;
  /** The row's 一级 and 二级, when known. */
  level1?: string;
  level2?: string;
  limit?: number;
}

/** Comparable text: no spaces, half-width digits and letters, lower case. */
export function matchKey(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x20 || c === 0x3000 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
  }
  return out.toLowerCase();
}

const SOURCE_RANK = { unit: 0, library: 1, store: 2, starter: 3 } as const;

/** Ranks the candidates whose name contains the text; duplicates (same name and value) keep their best. */
export function rankSuggestions(candidates: readonly IndicatorCandidate[], q: SuggestQuery): IndicatorCandidate[] {
  const text = matchKey(q.text).slice(0, 50);
  if (text === '') return [];
  const scored: { c: IndicatorCandidate; key: number[] }[] = [];
  for (const c of candidates) {
    const name = matchKey(c.name);
    const at = name.indexOf(text);
    if (at < 0) continue;
    scored.push({
      c,
      key: [
        SOURCE_RANK[c.source],
        q.level2 && c.level2 === q.level2 ? 0 : 1,
        q.level1 && c.level1 === q.level1 ? 0 : 1,
        at === 0 ? 0 : 1,
        -c.uses,
        -(Number(c.lastYear) || 0),
        name.length,
      ],
    });
  }
  scored.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
    return a.c.name.localeCompare(b.c.name, 'zh-CN');
  });
  const seen = new Set<string>();
  const out: IndicatorCandidate[] = [];
  for (const { c } of scored) {
    const id = `${matchKey(c.name)}\u0001${matchKey(c.value)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(c);
    if (out.length >= (q.limit ?? 8)) break;
  }
  return out;
}
