/**
 * Saves the open form at most a second after typing stops, when a cell is left and when the
 * page goes away. Every change is first written to a localStorage draft, which is removed
 * only when the store acknowledges a save of that very version.
 */
import type { FormData } from '../../../shared/form';
import type { FormRecord } from '../../../shared/contract';
import { clearDraft, writeDraft } from './drafts';
import type { FormStore } from './formStore';

export type SaveStatus = { state: 'saved'; at: Date } | { state: 'dirty' } | { state: 'saving' } | { state: 'error'; message: string };

export type SaveFn = (input: { id: number; data: FormData }) => Promise<FormRecord>;

export const AUTOSAVE_DELAY_MS = 1000;
/** Drafts are written at most this often while typing (and at once when the page goes away). */
export const DRAFT_THROTTLE_MS = 250;

export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private draftTimer: ReturnType<typeof setTimeout> | null = null;
  private savedVersion: number;
  private inFlight: Promise<void> | null = null;
  private listeners = new Set<() => void>();
  private _status: SaveStatus;
  private unsubscribe: () => void;
  private revision: number;

  constructor(
    private readonly store: FormStore,
    private readonly formId: number,
    revision: number,
    private readonly save: SaveFn,
    private readonly onSaved: (r: FormRecord) => void = () => {},
    storedAt: Date = new Date(),
  ) {
    this.revision = revision;
    this.savedVersion = store.version;
    this._status = { state: 'saved', at: storedAt };
    this.unsubscribe = store.subscribe(() => this.changed());
  }

  get status(): SaveStatus {
    return this._status;
  }

  get dirty(): boolean {
    return this.store.version !== this.savedVersion;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Marks the current content as unsaved (after restoring a draft) and schedules a save. */
  markDirty(): void {
    this.savedVersion = -1;
    this.changed();
  }

  /** Save now if anything is unsaved; resolves when the store has answered. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (!this.dirty) return;
    const version = this.store.version;
    const data = this.store.data();
    this.setStatus({ state: 'saving' });
    this.inFlight = this.save({ id: this.formId, data })
      .then((rec) => {
        this.revision = rec.revision;
        this.savedVersion = version;
        if (this.store.version === version) {
          if (this.draftTimer) clearTimeout(this.draftTimer);
          this.draftTimer = null;
          clearDraft(this.formId);
          this.setStatus({ state: 'saved', at: new Date() });
        } else {
          this.writeDraft();
          this.setStatus({ state: 'dirty' });
          this.schedule();
        }
        this.onSaved(rec);
      })
      .catch((e: unknown) => {
        this.setStatus({ state: 'error', message: e instanceof Error ? e.message : String(e) });
      })
      .finally(() => {
        this.inFlight = null;
      });
    await this.inFlight;
  }

  /** Writes the pending draft now: called when the page is hidden or closed. */
  writeDraftNow(): void {
    if (this.draftTimer) clearTimeout(this.draftTimer);
    this.draftTimer = null;
    if (this.dirty) this.writeDraft();
  }

  dispose(): void {
    this.writeDraftNow();
    this.clearTimer();
    this.unsubscribe();
    this.listeners.clear();
  }

  private changed(): void {
    // Throttled: a draft write per keystroke costs more than a frame's budget on slow PCs.
    this.draftTimer ??= setTimeout(() => {
      this.draftTimer = null;
      if (this.dirty) this.writeDraft();
    }, DRAFT_THROTTLE_MS);
    if (this._status.state !== 'dirty') this.setStatus({ state: 'dirty' });
    this.schedule();
  }

  private writeDraft(): void {
    writeDraft({ formId: this.formId, baseRevision: this.revision, editedAt: new Date().toISOString(), data: this.store.data() });
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(s: SaveStatus): void {
    this._status = s;
    this.listeners.forEach((fn) => fn());
  }
}
