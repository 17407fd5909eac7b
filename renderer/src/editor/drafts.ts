/**
 * The unsaved copy of a form in localStorage, written on every change and removed once the
 * store has acknowledged a save of exactly that content, so a reload, a crash or a lost
 * connection never loses what was typed.
 */
import type { FormData } from '../../../shared/form';

export interface Draft {
  formId: number;
  /** The stored revision this draft was typed on top of. */
  baseRevision: number;
  editedAt: string;
  data: FormData;
}

const key = (id: number) => `shenbao.draft.${id}`;

export function writeDraft(d: Draft, storage: Storage = localStorage): void {
  try {
    storage.setItem(key(d.formId), JSON.stringify(d));
  } catch {
    // Storage full or disabled: the autosave to the database still runs.
  }
}

export function readDraft(id: number, storage: Storage = localStorage): Draft | null {
  try {
    const raw = storage.getItem(key(id));
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    return d && d.formId === id && d.data && typeof d.data === 'object' ? d : null;
  } catch {
    return null;
  }
}

export function clearDraft(id: number, storage: Storage = localStorage): void {
  try {
    storage.removeItem(key(id));
  } catch {
    // nothing to clean
  }
}

/** A draft wins when it was typed on the revision that is still the newest one stored. */
export function draftToRestore(id: number, storedRevision: number, storage: Storage = localStorage): Draft | null {
  const d = readDraft(id, storage);
  if (!d) return null;
  if (d.baseRevision >= storedRevision) return d;
  clearDraft(id, storage);
  return null;
}
