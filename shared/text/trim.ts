/**
 * Linear replacements for the trailing-run regular expressions (`/0+$/`, `/[ \t]+$/gm`,
 * `/\n+$/`, `/\s*\n\s*`/g …) that text from a file or a save used to go through. A regex
 * engine tries such a pattern at every start position and walks the whole run from each,
 * so a run of n spaces or zeros that is not at the end costs n² steps: 200,000 spaces in one
 * Word cell took minutes. Each function here looks at every character a bounded number of
 * times. Pure: no Node, no DOM (used by the importer, the exporter and the editor alike).
 */

/** Whitespace as `\s` and String.prototype.trim see it (WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `s` without the trailing characters `drop` accepts: `s.replace(/[…]+$/, '')` in one pass. */
export function trimEndWhere(s: string, drop: (code: number) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s.replace(/0+$/, '')`. */
export const trimTrailingZeros = (s: string): string => trimEndWhere(s, (c) => c === 0x30);

const isLineSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000;

/**
 * Cell text as the importer keeps it: line breaks as \n, no spaces, tabs or ideographic
 * spaces at the end of a line, no blank lines at either end. Same result as
 * `s.replace(/\r\n?/g, '\n').replace(/[ \t\u3000]+$/gm, '').replace(/^\n+|\n+$/g, '')`.
 */
export function tidyBlock(s: string): string {
  const lines = s.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = trimEndWhere(lines[i], isLineSpace);
  let first = 0;
  let last = lines.length - 1;
  while (first < last && lines[first] === '') first++;
  while (last > first && lines[last] === '') last--;
  return lines.slice(first, last + 1).join('\n');
}

const isWordChar = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

/**
 * One-line fields: a line break only wrapped the text, so it goes, together with the
 * whitespace around it; a space stays between two Latin letters or digits. Same result as
 * replacing `\s*\n\s*` globally as before, in one pass.
 */
export function joinWrapped(s: string): string {
  if (!s.includes('\n')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!isSpace(c)) {
      out += s[i++];
      continue;
    }
    // A run of whitespace: it is a wrap only when it holds a line break.
    let j = i;
    let wrap = false;
    while (j < s.length && isSpace(s.charCodeAt(j))) {
      if (s.charCodeAt(j) === 0x0a) wrap = true;
      j++;
    }
    if (!wrap) out += s.slice(i, j);
    else {
      // The regex took the whitespace before the first break and after the last one; the
      // rest of the run (between breaks) went with it, so the whole run goes.
      const before = i > 0 ? s[i - 1] : '';
      const after = j < s.length ? s[j] : '';
      if (isWordChar(before) && isWordChar(after)) out += ' ';
    }
    i = j;
  }
  return out;
}

/**
 * A value on a sign line without the money unit some forms print after it
 * ("…看守所\u3000\u3000单位：万元"): `s.replace(/[\s\u3000]*(?:金额)?单位[：:][\s\u3000]*万元[\s\u3000]*$/, '')`,
 * in one pass from the end.
 */
export function dropUnitSuffix(s: string): string {
  const back = (end: number) => {
    while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
    return end;
  };
  let end = back(s.length);
  if (end < 2 || !s.startsWith('万元', end - 2)) return s;
  end = back(end - 2);
  if (end < 1 || (s[end - 1] !== '：' && s[end - 1] !== ':')) return s;
  end -= 1;
  if (end < 2 || !s.startsWith('单位', end - 2)) return s;
  end -= 2;
  if (end >= 2 && s.startsWith('金额', end - 2)) end -= 2;
  return s.slice(0, back(end));
}

/** Every run of whitespace that holds a line break becomes one space (was `\s*\n\s*` replaced by ' ', globally). */
export function wrapsToSpaces(s: string): string {
  if (!s.includes('\n')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (!isSpace(s.charCodeAt(i))) {
      out += s[i++];
      continue;
    }
    let j = i;
    let wrap = false;
    while (j < s.length && isSpace(s.charCodeAt(j))) {
      if (s.charCodeAt(j) === 0x0a) wrap = true;
      j++;
    }
    out += wrap ? ' ' : s.slice(i, j);
    i = j;
  }
  return out;
}

/** `s.replace(/[. ]+$/, '')`: Windows drops trailing dots and spaces from file names. */
export const trimDotsAndSpaces = (s: string): string => trimEndWhere(s, (c) => c === 0x2e || c === 0x20);
