/**
 * The form the app starts on is asked for at once, alongside the list of templates, instead of
 * after it: opening the app on a form (or reloading it) is then one round trip shorter. The
 * answer is used once, by the first open of that form; every later open asks again.
 */
import type { FormRecord } from '../../../shared/contract';
import { api } from '../api';

let pending: { id: number; record: Promise<FormRecord> } | null = null;

export function prefetchForm(id: number): void {
  const record = api['forms.get']({ id });
  // A failure is reported when the editor takes the answer, not here.
  record.catch(() => {});
  pending = { id, record };
}

/** The prefetched answer for this form, once; null when there is none. */
export function takePrefetched(id: number): Promise<FormRecord> | null {
  if (pending?.id !== id) return null;
  const { record } = pending;
  pending = null;
  return record;
}
