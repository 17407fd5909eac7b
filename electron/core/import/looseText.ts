/**
 * Matching printed labels the way people type them: brackets and colons in either width,
 * stray spaces (half- or full-width) anywhere.
 */

const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A regex source matching `s` with loose brackets, colons and spacing. */
export function loosePattern(s: string): string {
  let out = '';
  for (const c of s) {
    if (/\s/.test(c)) continue;
    if (out) out += '\\s*';
    if (c === '（' || c === '(') out += '[（(]';
    else if (c === '）' || c === ')') out += '[）)]';
    else if (c === '：' || c === ':') out += '[：:]';
    else out += escape(c);
  }
  return out;
}

/** Alternation of loose labels, longest first so 填报单位（盖章） wins over 填报单位. */
export function labelAlternation(labels: readonly string[]): string {
  const uniq = [...new Set(labels.filter((l) => l !== ''))].sort((a, b) => b.length - a.length);
  return uniq.map(loosePattern).join('|');
}

/** Comparable text: all whitespace and XML-forbidden characters removed. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\s\u0000-\u001F\uFFFE\uFFFF]/g;

export function squash(s: string): string {
  return s.replace(INVISIBLE, '');
}
