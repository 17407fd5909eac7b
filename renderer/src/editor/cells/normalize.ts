/**
 * How typed text becomes the stored value: the kind's one reader (shared/kinds), the same the
 * importers, label-keyed JSON and paste use. Pure, so it is easy to test.
 */
import { kindOf, type KindDecl } from '../../../../shared/kinds';

/** One logical line: a line break pasted into a one-line cell becomes a space. */
export const oneLine = (t: string): string => t.replace(/\s*\r?\n\s*/g, ' ');

/** A field or column, or just a kind's name when the reader needs nothing else. */
type Of = KindDecl | string;
const declOf = (of: Of): KindDecl => (typeof of === 'string' ? { id: '', label: '', kind: of } : of);

/** While typing: a kind read on every keystroke (amounts) is stored as read when it reads cleanly; anything else is kept as typed. */
export function readTyped(of: Of, text: string): string {
  const d = declOf(of);
  const k = kindOf(d.kind);
  if (!k.readWhileTyping) return text;
  const r = k.read(text, d);
  return r.problem || typeof r.value !== 'string' ? text.trim() : r.value;
}

/** On leaving the cell: the kind's reader tidies forms of the same value (full-width digits, 2019年11月26日); what it cannot read stays as typed. */
export function tidyOnLeave(of: Of, text: string): string {
  const d = declOf(of);
  const r = kindOf(d.kind).read(text, d);
  return typeof r.value === 'string' ? r.value : text;
}
