/**
 * The order of the form list, for every view that lists units or forms (the list itself, 导出所选,
 * the 汇总): newest year first, then the unit, the title and the id, text compared as the store's
 * `ORDER BY year DESC, unit, title, id` compares it — SQLite's BINARY collation, the UTF-8 bytes,
 * which is the order of code points. (JavaScript's `<` compares UTF-16 units, which differs for
 * characters past U+FFFF, so it is not used.) One comparator, so the 汇总 never lists a county's
 * units in an order other than the list's.
 */

/** Two texts in the store's order: by code point. */
export function compareListText(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

export interface Listed {
  year: string;
  unit: string;
  title: string;
  id: number;
}

/** Two forms in the list's order. */
export function compareListed(a: Listed, b: Listed): number {
  return compareListText(b.year, a.year) || compareListText(a.unit, b.unit) || compareListText(a.title, b.title) || a.id - b.id;
}
