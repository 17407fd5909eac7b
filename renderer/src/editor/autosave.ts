/**
 * Saves the open form at most a second after typing stops, when a cell is left and when the
 * page goes away. Every change is first written to a localStorage draft, which is removed
 * only when the store acknowledges a save of that very version.
 *
 * Each save names the revision the edit started from (`baseRevision`). When the form was
 * changed elsewhere in the meantime the store refuses the save (表单已在别处修改); the saver
 * then stops saving and keeps the draft until the user chooses to overwrite or to discard.
 */
import { errorCodeOf } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import type { FormRecord } from '../../../shared/contract';
import { clearDraft, writeDraft } from './drafts';
import type { FormStore } from './formStore';

export type SaveStatus =
  | { state: 'saved'; at: Date }
  | { state: 'dirty' }
  | { state: 'saving' }
  | { state: 'error'; message: string }
  /** The form was changed elsewhere: nothing is saved until the user decides. */
  | { state: 'conflict'; message: string };

export type SaveFn = (input: { id: number; data: FormData; baseRevision: number }) => Promise<FormRecord>;

/** How a conflict's own message starts (a draft typed on an older revision says it too). */
export const STALE_PREFIX = '表单已在别处修改';
/** Whether a save was refused because the form changed elsewhere: by the error's code, never its wording. */
export const isStaleSave = (e: unknown): boolean => errorCodeOf(e) === 'stale';

/**
 * How a saver tells its own earlier saves from changes made elsewhere: when a save is refused as
 * stale, the newest stored version is read, and if it holds exactly what this editor (or the
 * page it replaced, through the draft) last sent, the refusal was only that save arriving late —
 * e.g. the save sent as the page was reloaded landing after the new page had read the form.
 */
export interface StaleCheck {
  getNewest(): Promise<FormRecord>;
  same(a: FormData, b: FormData): boolean;
}

/** How many of its own last contents a saver remembers for that comparison. */
const ECHOES = 3;

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
  private echoes: FormData[] = [];

  constructor(
    private readonly store: FormStore,
    private readonly formId: number,
    revision: number,
    private readonly save: SaveFn,
    private readonly onSaved: (r: FormRecord) => void = () => {},
    storedAt: Date = new Date(),
    private readonly staleCheck?: StaleCheck,
  ) {
    this.revision = revision;
    this.savedVersion = store.version;
    this._status = { state: 'saved', at: storedAt };
    this.unsubscribe = store.subscribe(() => this.changed());
  }

  get status(): SaveStatus {
    return this._status;
  }

  /** The revision the unsaved edits sit on. */
  get baseRevision(): number {
    return this.revision;
  }

  get inConflict(): boolean {
    return this._status.state === 'conflict';
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

  /** Content this editor knows was (or may have been) saved by itself: a restored draft, or a save just sent. */
  remember(data: FormData): void {
    this.echoes.push(data);
    if (this.echoes.length > ECHOES) this.echoes.shift();
  }

  /** Stops saving: the form was changed elsewhere (or a draft was typed on an older revision). */
  markConflict(message: string): void {
    this.clearTimer();
    this.writeDraftNow();
    this.setStatus({ state: 'conflict', message });
  }

  /** 保留我的修改（覆盖）: save what is on screen over `newestRevision`, which the user has chosen to replace. */
  async overwrite(newestRevision: number): Promise<void> {
    this.revision = newestRevision;
    this.savedVersion = -1;
    this.setStatus({ state: 'dirty' });
    await this.flush();
  }

  /** 放弃我的修改: forget the unsaved edits (and their draft) so that the newest revision can be loaded. */
  discard(): void {
    this.clearTimer();
    if (this.draftTimer) clearTimeout(this.draftTimer);
    this.draftTimer = null;
    this.savedVersion = this.store.version;
    clearDraft(this.formId);
    this.setStatus({ state: 'saved', at: new Date() });
  }

  /** Save now if anything is unsaved; resolves when the store has answered. Does nothing in a conflict. */
  async flush(): Promise<void> {
    this.clearTimer();
    // Every caller waiting here wakes when the save in flight ends, and the first to wake starts
    // the next one: the others wait for that too, or two saves would go out on one revision.
    while (this.inFlight) await this.inFlight;
    if (!this.dirty || this.inConflict) return;
    const version = this.store.version;
    const data = this.store.data();
    this.setStatus({ state: 'saving' });
    this.remember(data);
    this.inFlight = this.save({ id: this.formId, data, baseRevision: this.revision })
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
      .catch(async (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        if (!isStaleSave(e)) return this.setStatus({ state: 'error', message });
        if (await this.ownEcho()) {
          // Our own earlier save: carry on from it.
          this.savedVersion = -1;
          this.setStatus({ state: 'dirty' });
          this.schedule(0);
        } else this.markConflict(message);
      })
      .finally(() => {
        this.inFlight = null;
      });
    await this.inFlight;
  }

  /** Whether the newest stored version is content this editor sent itself; if so it becomes the base. */
  private async ownEcho(): Promise<boolean> {
    if (!this.staleCheck) return false;
    try {
      const newest = await this.staleCheck.getNewest();
      if (newest.status !== 'draft' || newest.revision <= this.revision) return false;
      if (!this.echoes.some((d) => this.staleCheck!.same(d, newest.data))) return false;
      this.revision = newest.revision;
      this.onSaved(newest);
      return true;
    } catch {
      return false;
    }
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
    if (this.inConflict) return;
    if (this._status.state !== 'dirty') this.setStatus({ state: 'dirty' });
    this.schedule();
  }

  private writeDraft(): void {
    writeDraft({ formId: this.formId, baseRevision: this.revision, editedAt: new Date().toISOString(), data: this.store.data() });
  }

  private schedule(delay = AUTOSAVE_DELAY_MS): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), delay);
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
