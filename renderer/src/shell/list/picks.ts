/** Choosing forms for 导出所选: pure helpers, for the list and its tests. */
import type { FormSummary } from '../../../../shared/contract';
import { compareListed } from '../../../../shared/listOrder';

/** The list's order (the core's: year newest first, then unit, title, id), for the chosen forms. */
export const listCompare = (a: FormSummary, b: FormSummary): number => compareListed(a, b);

/** Ctrl+click or the checkbox: adds the form, or takes it out. Pure, for the tests. */
export function togglePick(picked: ReadonlyMap<number, FormSummary>, f: FormSummary): Map<number, FormSummary> {
  const next = new Map(picked);
  if (next.has(f.id)) next.delete(f.id);
  else next.set(f.id, f);
  return next;
}

/** Shift+click, or 全选: adds every form given. */
export function addPicks(picked: ReadonlyMap<number, FormSummary>, forms: Iterable<FormSummary>): Map<number, FormSummary> {
  const next = new Map(picked);
  for (const f of forms) next.set(f.id, f);
  return next;
}
