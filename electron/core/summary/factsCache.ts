/**
 * A form's 汇总 facts as stored in summary_facts (migrations/0004), and the checker they are
 * valid for: what read them (this file's format, the app version whose checks ran) and what
 * they were read with (the form's template as it was, the money columns summed, the fields the
 * cross-form rules compare). Any change there gives another checker, and the facts are read
 * afresh; facts that do not decode are read afresh too, so the cache can only save time.
 *
 * Each fact also carries a hash of the stored content it was read from (issue #27 item 9: a
 * revision changed under its facts, say by a damaged disk, kept its old figures). The 汇总 does
 * not read the content of forms with kept facts (that is what makes it fast), so the keeper
 * compares the hashes in idle time (keeper.ts) and drops facts whose content changed.
 */
import { createHash } from 'node:crypto';
import type { FormData } from '../../../shared/form';
import type { TemplateDef } from '../../../shared/template/schema';
import type { ScannedForm } from '../store/scan';
import type { MoneyColumn } from './columns';
import { rowFacts, type FormFacts } from './facts';
import { decodeStageFacts } from './stageFacts';

/** Bump when facts.ts reads forms differently. */
const FACTS_FORMAT = 3;

const templateHashes = new WeakMap<TemplateDef, string>();

function templateHash(t: TemplateDef): string {
  let h = templateHashes.get(t);
  if (!h) templateHashes.set(t, (h = createHash('sha256').update(JSON.stringify(t)).digest('hex')));
  return h;
}

/** What a fact is tied to: the revision's stored bytes (raw-deflated JSON; empty when missing). */
export function contentHash(blob: Buffer | null | undefined): string {
  return createHash('sha256')
    .update(blob ?? Buffer.alloc(0))
    .digest('hex')
    .slice(0, 32);
}

export function checkerOf(t: TemplateDef, money: readonly MoneyColumn[], crossFields: ReadonlySet<string>, appVersion: string): string {
  const what = JSON.stringify([FACTS_FORMAT, appVersion, templateHash(t), money.map((c) => c.field), [...crossFields].sort()]);
  return createHash('sha256').update(what).digest('hex').slice(0, 32);
}

type Stored = Pick<FormFacts, 'readable' | 'money' | 'parent' | 'indicators' | 'errors' | 'warnings' | 'problems'> & {
  cross: { values: Record<string, unknown>; unreadable: string[] } | null;
  /** contentHash of what they were read from. */
  content: string;
  /** Absent in facts of format 2 (they are read afresh anyway: the checker names the format). */
  stage?: unknown;
};

export function encodeFacts(f: FormFacts, content: string): string {
  const stored: Stored = {
    readable: f.readable,
    money: f.money,
    parent: f.parent,
    indicators: f.indicators,
    errors: f.errors,
    warnings: f.warnings,
    problems: f.problems,
    cross: f.cross ? { values: f.cross.values, unreadable: [...f.cross.unreadable] } : null,
    content,
    stage: f.stage,
  };
  return JSON.stringify(stored);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The stored facts of `row`, or null when they do not read as facts (then they are worked out again). */
export function decodeFacts(row: ScannedForm, json: string): FormFacts | null {
  let s: Stored;
  try {
    s = JSON.parse(json) as Stored;
  } catch {
    return null;
  }
  const parentOk =
    s?.parent === null || (typeof s?.parent === 'object' && typeof s.parent.code === 'string' && typeof s.parent.name === 'string');
  const crossOk =
    s?.cross === null ||
    (typeof s?.cross === 'object' && typeof s.cross.values === 'object' && s.cross.values !== null && isStrings(s.cross.unreadable));
  if (
    typeof s !== 'object' ||
    typeof s.readable !== 'boolean' ||
    !isStrings(s.money) ||
    !parentOk ||
    !isCount(s.indicators) ||
    !isCount(s.errors) ||
    !isCount(s.warnings) ||
    !isStrings(s.problems) ||
    !crossOk ||
    typeof s.content !== 'string'
  )
    return null;
  const stage = decodeStageFacts(s.stage ?? null);
  if (stage === undefined) return null;
  return {
    ...rowFacts(row),
    readable: s.readable,
    money: s.money,
    parent: s.parent,
    indicators: s.indicators,
    errors: s.errors,
    warnings: s.warnings,
    problems: s.problems,
    cross: s.cross ? { values: s.cross.values as FormData['values'], unreadable: new Set(s.cross.unreadable) } : null,
    stage,
  };
}

/** The content hash stored facts were read from, or null when they do not say. */
export function factsContent(json: string): string | null {
  try {
    const s = JSON.parse(json) as Partial<Stored> | null;
    return typeof s?.content === 'string' ? s.content : null;
  } catch {
    return null;
  }
}
