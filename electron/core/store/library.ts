/**
 * The 指标库 in the store: what the forms have used (indicator_uses, kept up to date by every save
 * and rebuilt from the forms when missing or outdated), the user's own entries and the ones they
 * deleted, and the suggestions drawn from them and the starter library.
 */
import type { FormData } from '../../../shared/form';
import { indicatorEntries, type IndicatorEntry, type IndicatorKey } from '../../../shared/library/entries';
import { STARTER_LIBRARY } from '../../../shared/library/starter';
import { matchKey, rankSuggestions, type IndicatorCandidate, type SuggestQuery } from '../../../shared/library/suggest';
import type { TemplateRegistry } from '../../../shared/template/registry';
import { unpackJson } from './jsonBlob';
import type { Db } from './sqlite';

/** Bumped when what is derived from a form changes; a store holding another version rebuilds. */
export const INDICATOR_INDEX_VERSION = '1';
const META_KEY = 'indicator_index';

export interface FormIndicators {
  unit: string;
  year: string;
  entries: IndicatorEntry[];
}

interface Aggregate {
  level1: string;
  level2: string;
  name: string;
  uses: number;
  lastYear: string;
  value: string;
  /** matchKey(name), worked out once: a keystroke compares it against every indicator. */
  match: string;
}

const keyOf = (e: IndicatorKey) => `${e.level1}\u0001${e.level2}\u0001${e.name}`;

/** One entry per indicator (the same 三级 twice in a form counts once). */
function distinct(entries: readonly IndicatorEntry[]): IndicatorEntry[] {
  const seen = new Map<string, IndicatorEntry>();
  for (const e of entries) if (!seen.has(keyOf(e))) seen.set(keyOf(e), e);
  return [...seen.values()];
}

export function formIndicators(data: FormData, templates: TemplateRegistry, unit: string, year: string): FormIndicators | null {
  const t = templates.find(data.templateId);
  if (!t) return null;
  return { unit, year, entries: distinct(indicatorEntries(data, t)) };
}

const STARTER = STARTER_LIBRARY.map((s) => ({
  level1: s.level1,
  level2: s.level2,
  name: s.name,
  value: s.value,
  uses: 0,
  lastYear: '',
  match: matchKey(s.name),
}));

export const sameIndicators = (a: FormIndicators | null, b: FormIndicators | null): boolean => JSON.stringify(a) === JSON.stringify(b);

export class IndicatorIndex {
  /** Every indicator across units, for suggestions; loaded on first use, then kept in step with saves. */
  private global: Map<string, Aggregate> | null = null;

  constructor(
    private db: Db,
    private readonly templates: () => TemplateRegistry,
  ) {}

  /** After a restore the store works on another connection. */
  reset(db: Db): void {
    this.db = db;
    this.global = null;
  }

  get ready(): boolean {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
    return row?.value === INDICATOR_INDEX_VERSION;
  }

  /** Derives indicator_uses from every live form, in one transaction (a store of 150,000 forms takes seconds, once). */
  rebuild(): void {
    const registry = this.templates();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM indicator_uses').run();
      // Counted in memory first, written once. Forms are read in batches along their ids (the `+`
      // keeps SQLite from taking the listing index and sorting every live form for each batch,
      // which made a rebuild of 150,000 forms take two minutes), so their JSON is never all held.
      const counts = new Map<string, { unit: string; e: IndicatorEntry; uses: number; year: string }>();
      const batch = this.db.prepare(
        `SELECT f.id AS id, f.unit AS unit, f.year AS year, r.data AS data FROM forms f
         JOIN revisions r ON r.form_id = f.id AND r.revision = f.revision
         WHERE f.id > ? AND +f.deleted_at IS NULL ORDER BY f.id LIMIT 500`,
      );
      for (let after = 0; ;) {
        const rows = batch.all(after) as { id: number; unit: string; year: string; data: Buffer }[];
        if (rows.length === 0) break;
        for (const row of rows) {
          let data: FormData;
          try {
            data = JSON.parse(unpackJson(row.data)) as FormData;
          } catch {
            continue; // a damaged form teaches nothing; it is listed elsewhere with its status
          }
          const found = formIndicators(data, registry, row.unit, row.year);
          for (const e of found?.entries ?? []) {
            const k = `${row.unit}\u0001${keyOf(e)}`;
            const c = counts.get(k);
            if (!c) counts.set(k, { unit: row.unit, e, uses: 1, year: row.year });
            else {
              c.uses++;
              if (row.year >= c.year) [c.year, c.e] = [row.year, e];
            }
          }
        }
        after = rows[rows.length - 1].id;
      }
      const insert = this.db.prepare(
        'INSERT INTO indicator_uses (unit, level1, level2, name, uses, last_year, last_value) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const c of counts.values()) insert.run(c.unit, c.e.level1, c.e.level2, c.e.name, c.uses, c.year, c.e.value);
      this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(META_KEY, INDICATOR_INDEX_VERSION);
    })();
    this.global = null;
  }

  ensureReady(): void {
    if (!this.ready) this.rebuild();
  }

  /** Every indicator across units (uses summed, newest year's value). */
  aggregates(): IterableIterator<Aggregate> {
    this.ensureReady();
    return this.loadGlobal().values();
  }

  /** A live form came (+1) or went (−1). Called inside the store's write transaction. */
  apply(change: FormIndicators | null, sign: 1 | -1): void {
    if (!change || change.entries.length === 0 || !this.ready) return;
    this.writeUses(change, sign);
  }

  private writeUses(f: FormIndicators, sign: 1 | -1): void {
    if (sign > 0) {
      const up = this.db.prepare(
        `INSERT INTO indicator_uses (unit, level1, level2, name, uses, last_year, last_value) VALUES (?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (unit, level1, level2, name) DO UPDATE SET uses = uses + 1,
           last_value = CASE WHEN excluded.last_year >= last_year THEN excluded.last_value ELSE last_value END,
           last_year = max(last_year, excluded.last_year)`,
      );
      for (const e of f.entries) up.run(f.unit, e.level1, e.level2, e.name, f.year, e.value);
    } else {
      // The newest year and value stay as they were: close enough for ranking suggestions.
      const down = this.db.prepare(
        'UPDATE indicator_uses SET uses = uses - 1 WHERE unit = ? AND level1 = ? AND level2 = ? AND name = ? AND uses > 1',
      );
      const drop = this.db.prepare('DELETE FROM indicator_uses WHERE unit = ? AND level1 = ? AND level2 = ? AND name = ? AND uses <= 1');
      for (const e of f.entries)
        if (down.run(f.unit, e.level1, e.level2, e.name).changes === 0) drop.run(f.unit, e.level1, e.level2, e.name);
    }
    if (!this.global) return;
    for (const e of f.entries) {
      const k = keyOf(e);
      const a = this.global.get(k);
      if (sign > 0) {
        if (!a)
          this.global.set(k, {
            level1: e.level1,
            level2: e.level2,
            name: e.name,
            uses: 1,
            lastYear: f.year,
            value: e.value,
            match: matchKey(e.name),
          });
        else {
          a.uses++;
          if (f.year >= a.lastYear) [a.lastYear, a.value] = [f.year, e.value];
        }
      } else if (a && --a.uses <= 0) this.global.delete(k);
    }
  }

  private loadGlobal(): Map<string, Aggregate> {
    if (this.global) return this.global;
    const map = new Map<string, Aggregate>();
    const rows = this.db
      .prepare('SELECT level1, level2, name, uses, last_year AS lastYear, last_value AS value FROM indicator_uses')
      .iterate() as IterableIterator<Omit<Aggregate, 'match'>>;
    for (const r of rows) {
      const k = keyOf(r);
      const a = map.get(k);
      if (!a) map.set(k, { ...r, match: matchKey(r.name) });
      else {
        a.uses += r.uses;
        if (r.lastYear > a.lastYear) [a.lastYear, a.value] = [r.lastYear, r.value];
      }
    }
    this.global = map;
    return map;
  }

  private hidden(): Set<string> {
    return new Set((this.db.prepare('SELECT level1, level2, name FROM indicator_hidden').all() as IndicatorEntry[]).map(keyOf));
  }

  /** Candidates for what is being typed: the unit's own, the user's library, every unit's, the starter library. */
  suggest(q: SuggestQuery & { unit?: string }): IndicatorCandidate[] {
    this.ensureReady();
    const text = matchKey(q.text);
    if (text === '') return [];
    const hidden = this.hidden();
    const candidates: IndicatorCandidate[] = [];
    // Names are matched before any candidate object is made: the store-wide list may hold 100,000s.
    const take = (c: Omit<IndicatorCandidate, 'source'>, source: IndicatorCandidate['source'], match = matchKey(c.name)) => {
      if (match.includes(text) && !hidden.has(keyOf(c)))
        candidates.push({ level1: c.level1, level2: c.level2, name: c.name, value: c.value, uses: c.uses, lastYear: c.lastYear, source });
    };
    if (q.unit) {
      // A unit of a receiving office may have thousands of indicators over ten years: the name is
      // narrowed in SQLite first (names are stored tidy, so this is the same match for Chinese text).
      const own = this.db
        .prepare(
          'SELECT level1, level2, name, uses, last_year AS lastYear, last_value AS value FROM indicator_uses WHERE unit = ? AND instr(name, ?) > 0',
        )
        .all(q.unit, q.text.replace(/\s+/g, ' ').trim()) as Omit<Aggregate, 'match'>[];
      for (const a of own) take(a, 'unit');
    }
    for (const e of this.db.prepare('SELECT level1, level2, name, value FROM indicator_library').all() as IndicatorEntry[])
      take({ ...e, uses: 0, lastYear: '' }, 'library');
    for (const a of this.loadGlobal().values()) take(a, 'store', a.match);
    for (const s of STARTER) take(s, 'starter', s.match);
    return rankSuggestions(candidates, q);
  }
}

/** One entry of the 指标库 as the management dialog lists it. */
export interface LibraryEntry {
  level1: string;
  level2: string;
  name: string;
  value: string;
  note: string;
  /** user: added or edited here; imported: from a library file; learned: from this store's forms; starter: shipped. */
  source: 'user' | 'imported' | 'learned' | 'starter';
  uses: number;
  lastYear: string;
}

const LIST_LIMIT = 2000;

export class IndicatorLibrary {
  constructor(
    private readonly index: IndicatorIndex,
    private readonly db: () => Db,
    private readonly now: () => string,
  ) {}

  /** Every entry (own ones first, then learned by use, then the starter library), matching `search`, without deleted ones. */
  list(search = '', limit = LIST_LIMIT): LibraryEntry[] {
    this.index.ensureReady();
    const db = this.db();
    const text = matchKey(search);
    const hidden = new Set((db.prepare('SELECT level1, level2, name FROM indicator_hidden').all() as IndicatorEntry[]).map(keyOf));
    const seen = new Set<string>();
    const out: LibraryEntry[] = [];
    const add = (e: LibraryEntry) => {
      const k = keyOf(e);
      if (seen.has(k) || hidden.has(k) || out.length >= limit) return;
      if (text && !matchKey(`${e.level1}${e.level2}${e.name}${e.value}`).includes(text)) return;
      seen.add(k);
      out.push(e);
    };
    for (const r of db
      .prepare(
        "SELECT level1, level2, name, value, note, origin FROM indicator_library ORDER BY origin = 'user' DESC, level1, level2, name",
      )
      .all() as (IndicatorEntry & { note: string; origin: 'user' | 'imported' })[])
      add({ ...r, source: r.origin, uses: 0, lastYear: '' });
    for (const a of [...this.index.aggregates()].sort((x, y) => y.uses - x.uses || (y.lastYear > x.lastYear ? 1 : -1)))
      add({
        level1: a.level1,
        level2: a.level2,
        name: a.name,
        value: a.value,
        note: '',
        source: 'learned',
        uses: a.uses,
        lastYear: a.lastYear,
      });
    for (const s of STARTER_LIBRARY)
      add({
        level1: s.level1,
        level2: s.level2,
        name: s.name,
        value: s.value,
        note: s.note ?? '',
        source: 'starter',
        uses: 0,
        lastYear: '',
      });
    return out;
  }

  /** Adds or edits an entry of the user's own; `previous` names the entry it replaces when renamed. */
  save(e: IndicatorEntry & { note?: string }, previous?: IndicatorKey, origin: 'user' | 'imported' = 'user'): void {
    const db = this.db();
    db.transaction(() => {
      if (previous && keyOf(previous) !== keyOf(e)) this.hide(previous);
      db.prepare('DELETE FROM indicator_hidden WHERE level1 = ? AND level2 = ? AND name = ?').run(e.level1, e.level2, e.name);
      db.prepare(
        `INSERT INTO indicator_library (level1, level2, name, value, note, origin, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (level1, level2, name) DO UPDATE SET value = excluded.value, note = excluded.note, origin = excluded.origin, updated_at = excluded.updated_at`,
      ).run(e.level1, e.level2, e.name, e.value, e.note ?? '', origin, this.now());
    })();
  }

  /** Takes an entry out of the suggestions: the user's own is removed, a learned or starter one is hidden. */
  remove(e: IndicatorKey): void {
    this.db().transaction(() => this.hide(e))();
  }

  private hide(e: IndicatorKey): void {
    const db = this.db();
    db.prepare('DELETE FROM indicator_library WHERE level1 = ? AND level2 = ? AND name = ?').run(e.level1, e.level2, e.name);
    db.prepare('INSERT OR IGNORE INTO indicator_hidden (level1, level2, name) VALUES (?, ?, ?)').run(e.level1, e.level2, e.name);
  }

  /** A 主管部门's library file: every entry becomes an imported one of this store. */
  importEntries(entries: readonly (IndicatorEntry & { note?: string })[]): number {
    const db = this.db();
    db.transaction(() => {
      for (const e of entries) this.save(e, undefined, 'imported');
    })();
    return entries.length;
  }
}
