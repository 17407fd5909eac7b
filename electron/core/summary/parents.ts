/**
 * Which 主管部门 a form goes under. Published practice writes a department with its code,
 * `[042]六安市金安区体育局`, and a unit's code extends its department's (820 → 820001). So:
 *
 *   1. the form names its 主管部门 (主管部门及代码, or any text field written `[042]名称`);
 *   2. else the unit's other forms of the year name one (a 部门整体 form has no such field, its
 *      unit's project forms do): the one they name most often;
 *   3. else a known department whose code starts the unit's code (`[042003]某中心` → 042);
 *   4. else the unit is its own 主管部门.
 *
 * Departments are keyed by code where one is written, else by name; a name-only department with
 * the same name as a coded one is that department (its 部门整体 form, filed without the code).
 */

export interface CodedName {
  /** '' when the text carries no code. */
  code: string;
  name: string;
}

/** `[042]名称`, in half- or full-width brackets, with spaces anywhere around. */
const CODED = /^\s*[[［【]\s*([0-9A-Za-z]{1,30})\s*[\]］】]\s*(.*?)\s*$/s;

export function readCodedName(text: string): CodedName {
  const m = CODED.exec(text);
  const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();
  return m ? { code: m[1], name: tidy(m[2]) } : { code: '', name: tidy(text) };
}

export const hasCode = (text: string): boolean => CODED.test(text);

/** The key a department is grouped by. */
export const departmentKey = (d: CodedName): string => (d.code ? `code:${d.code}` : `name:${d.name}`);

export interface UnitParents {
  /** By the unit as stored (the form's unit column). */
  byUnit: Map<string, Map<string, { dept: CodedName; n: number }>>;
  /** By the unit's name without its code. */
  byName: Map<string, Map<string, { dept: CodedName; n: number }>>;
}

export function newUnitParents(): UnitParents {
  return { byUnit: new Map(), byName: new Map() };
}

function count(map: UnitParents['byUnit'], key: string, dept: CodedName): void {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  const k = departmentKey(dept);
  const e = m.get(k);
  if (e) e.n++;
  else m.set(k, { dept, n: 1 });
}

/** Notes that a form of `unit` names `dept`. */
export function noteParent(p: UnitParents, unit: string, dept: CodedName): void {
  count(p.byUnit, unit, dept);
  count(p.byName, readCodedName(unit).name, dept);
}

function mostNamed(m: Map<string, { dept: CodedName; n: number }> | undefined): CodedName | null {
  if (!m) return null;
  let best: { dept: CodedName; n: number } | null = null;
  for (const e of m.values()) if (!best || e.n > best.n) best = e;
  return best?.dept ?? null;
}

/** Steps 2–4 for a form that names no 主管部门. */
export function inferParent(p: UnitParents, unit: string, knownCodes: readonly string[]): CodedName {
  const own = readCodedName(unit);
  const named = mostNamed(p.byUnit.get(unit)) ?? mostNamed(p.byName.get(own.name));
  if (named) return named;
  if (own.code) {
    const prefix = knownCodes.filter((c) => c.length < own.code.length && own.code.startsWith(c)).sort((a, b) => b.length - a.length)[0];
    if (prefix) return { code: prefix, name: '' };
  }
  return own;
}
