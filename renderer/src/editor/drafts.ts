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

/** JSON with object keys sorted, so two copies of the same data compare equal whatever their key order. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

export const sameData = (a: FormData, b: FormData): boolean => stableJson(a) === stableJson(b);

export interface DraftRestore {
  draft: Draft;
  /**
   * The draft was typed on an older revision than the newest stored one (the form was changed
   * elsewhere before the draft could be saved): it is kept, and the user chooses between them.
   */
  stale: boolean;
}

/**
 * The unsaved draft to open a form with. A draft typed on the newest revision is restored; one
 * typed on an older revision is never dropped silently — unless it holds nothing beyond what is
 * stored (its save went through but the draft was not yet removed).
 */
export function draftToRestore(
  id: number,
  stored: { revision: number; data: FormData },
  storage: Storage = localStorage,
  same: (a: FormData, b: FormData) => boolean = sameData,
): DraftRestore | null {
  const d = readDraft(id, storage);
  if (!d) return null;
  if (d.baseRevision >= stored.revision) return { draft: d, stale: false };
  if (same(d.data, stored.data)) {
    clearDraft(id, storage);
    return null;
  }
  return { draft: d, stale: true };
}
