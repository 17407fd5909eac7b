/**
 * Indicator codes of the receiving system, looked up by name. The list comes with the profile (a
 * bureau's list of its system's codes). A code is given only when exactly one code matches: a 三级
 * by its name within its 一级 and 二级 (where the entry names them), a 二级 by its name within its
 * 一级, a 一级 by its name. Two entries that match with different codes leave the cell blank —
 * a wrong code in the province's system is worse than a blank the clerk fills in.
 */
import type { CodeEntry } from './profile';

export interface IndicatorNames {
  level1: string;
  level2: string;
  name: string;
}

export interface CodeBook {
  level1(row: IndicatorNames): string;
  level2(row: IndicatorNames): string;
  name(row: IndicatorNames): string;
}

/** Names compared without spaces and with one kind of bracket, as labels are. */
const norm = (s: string | undefined): string => (s ?? '').replace(/[（(]/g, '（').replace(/[）)]/g, '）').replace(/\s+/g, '');

/** `entry` may be blank (it does not say), else must equal `row`. */
const fits = (entry: string | undefined, row: string): boolean => norm(entry) === '' || norm(entry) === norm(row);

function only(codes: Iterable<string>): string {
  const distinct = new Set([...codes].map((c) => c.trim()).filter((c) => c !== ''));
  return distinct.size === 1 ? [...distinct][0] : '';
}

const NO_CODES: CodeBook = { level1: () => '', level2: () => '', name: () => '' };

export function codeBook(entries: readonly CodeEntry[]): CodeBook {
  if (entries.length === 0) return NO_CODES;
  const byName = new Map<string, CodeEntry[]>();
  const byLevel2 = new Map<string, CodeEntry[]>();
  const byLevel1 = new Map<string, CodeEntry[]>();
  const add = (m: Map<string, CodeEntry[]>, k: string, e: CodeEntry) => {
    if (k === '') return;
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const e of entries) {
    add(byName, norm(e.name), e);
    add(byLevel2, norm(e.level2), e);
    add(byLevel1, norm(e.level1), e);
  }
  return {
    level1: (r) => only((byLevel1.get(norm(r.level1)) ?? []).map((e) => e.level1Code ?? '')),
    level2: (r) => only((byLevel2.get(norm(r.level2)) ?? []).filter((e) => fits(e.level1, r.level1)).map((e) => e.level2Code ?? '')),
    name: (r) =>
      only((byName.get(norm(r.name)) ?? []).filter((e) => fits(e.level1, r.level1) && fits(e.level2, r.level2)).map((e) => e.code ?? '')),
  };
}
