/**
 * Turns the text printed for a field into the field's value with the kind's one reader (the
 * same the editor, label-keyed JSON and paste use, shared/kinds). What cannot be read exactly is
 * kept as printed (nothing is lost), marked uncertain and explained in a note.
 */
import type { FieldValue } from '../../../shared/form';
import { kindOf } from '../../../shared/kinds';
import { tidyBlock as tidyBlockLinear } from '../../../shared/text/trim';
import type { ColumnDef, FieldDef } from '../../../shared/template/schema';
import { quoteText } from '../../../shared/text/quote';

export { halfDigits } from '../../../shared/kinds';
export { parsePrintedDate } from '../../../shared/kinds/date';

export interface ReadNotes {
  notes: string[];
  uncertain: Set<string>;
}

/** Trailing spaces and blank lines at either end are layout, not content. */
export function tidyBlock(s: string): string {
  return tidyBlockLinear(s);
}

export function valueFromText(def: FieldDef, raw: string, acc: ReadNotes): FieldValue {
  const r = kindOf(def.kind).read(tidyBlock(raw), def);
  if (r.problem) {
    acc.uncertain.add(def.id);
    acc.notes.push(r.problem.sentence(def.label, quoteText(typeof r.value === 'string' ? r.value : '')));
  } else if (r.note) acc.notes.push(`「${def.label}」${r.note}`);
  return r.value;
}

/** A group cell's printed text as its value; what cannot be read is kept as printed and flagged on the group. */
export function cellFromText(def: ColumnDef, raw: string, label: string, groupId: string, acc: ReadNotes): string {
  const r = kindOf(def.kind).read(tidyBlock(raw), def);
  const value = typeof r.value === 'string' ? r.value : '';
  if (r.problem) {
    acc.uncertain.add(groupId);
    acc.notes.push(r.problem.sentence(label, quoteText(value)));
  }
  return value;
}
