/**
 * The field kinds a template may declare: the built-ins (shared/kinds/index.ts registers them)
 * and any a caller registers (a kind defined in a test, a later form's kind). Generic code asks
 * `kindOf(def.kind)`; no code outside a kind's module tests a kind's name.
 */
import type { FieldKindModule } from './types';

const kinds = new Map<string, FieldKindModule>();

/** Adds a kind; a second kind of the same name is a programming error. */
export function registerKind(k: FieldKindModule): FieldKindModule {
  const had = kinds.get(k.name);
  if (had && had !== k) throw new Error(`field kind ${k.name} is registered twice`);
  kinds.set(k.name, k);
  return k;
}

export const isKnownKind = (name: string): boolean => kinds.has(name);

/** The names a field (or, with `column`, a group column) may declare. */
export function kindNames(column = false): string[] {
  return [...kinds.values()].filter((k) => !column || k.column).map((k) => k.name);
}

/**
 * The module of a kind. Templates are checked when they are loaded, so an unknown name means a
 * template the checks did not see; it reads as one-line text rather than break what reads it.
 */
export function kindOf(name: string): FieldKindModule {
  return kinds.get(name) ?? kinds.get('text')!;
}

/**
 * The kind a printed label suggests (a blank form becoming a template): the registered kind whose
 * `labelHint` matches with the greatest weight, among the column kinds for a group column (and
 * without the grid's own kinds, 度量单位 and the like, for a field); the one-line text kind when none does.
 */
export function kindForLabel(label: string, column = false): string {
  let best: FieldKindModule | undefined;
  for (const k of kinds.values()) {
    if (column ? !k.column : k.labelHint?.columnsOnly) continue;
    if (!k.labelHint?.pattern.test(label)) continue;
    if (!best || k.labelHint.weight > best.labelHint!.weight) best = k;
  }
  return best?.name ?? 'text';
}

/**
 * The kinds a designer may give a field or group column of a template made from a blank: the
 * plain text kind and every kind that a label may suggest (for a field, not the grid's own).
 */
export function proposableKinds(column = false): FieldKindModule[] {
  return [...kinds.values()].filter(
    (k) => (column ? k.column : !k.labelHint?.columnsOnly) && (k.labelHint !== undefined || k.name === kindForLabel('', column)),
  );
}
