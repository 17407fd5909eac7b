/**
 * The open form's values outside React, so a keystroke re-renders only the cell it changes
 * (and the cells whose sums or messages change), never the whole sheet. Undo/redo keep
 * whole-value snapshots; typing in one place within a second is one undo step.
 */
import type { FieldValue, FormData } from '../../../shared/form';
import { str, withComputed } from '../../../shared/formOps';
import { sumAmounts } from '../../../shared/money';
import type { TemplateDef } from '../../../shared/template/types';
import { validateForm, type Message } from '../../../shared/validation';

type Values = Record<string, FieldValue>;
type Listener = () => void;

const COALESCE_MS = 1000;
const HISTORY_LIMIT = 300;
const NO_MESSAGES: readonly Message[] = [];

export interface SetOptions {
  /** Edits with the same key within a second are merged into one undo step. */
  coalesceKey?: string;
}

export class FormStore {
  readonly template: TemplateDef;
  private values: Values;
  private options: FormData['options'];
  private byField = new Map<string, readonly Message[]>();
  private allMessages: readonly Message[] = [];
  private fieldListeners = new Map<string, Set<Listener>>();
  private changeListeners = new Set<Listener>();
  private messageListeners = new Set<Listener>();
  private undoStack: Values[] = [];
  private redoStack: Values[] = [];
  private lastEdit: { key: string; at: number } | null = null;
  private sumFields: { id: string; parts: readonly string[] }[];
  private _version = 0;

  constructor(template: TemplateDef, data: FormData) {
    this.template = template;
    this.values = withComputed(data, template).values;
    this.options = data.options;
    this.sumFields = template.fields.filter((f) => f.sumOf).map((f) => ({ id: f.id, parts: f.sumOf! }));
    this.revalidate(new Set());
  }

  /** Bumped on every change: autosave compares it to know whether a save is stale. */
  get version(): number {
    return this._version;
  }

  get(id: string): FieldValue | undefined {
    return this.values[id];
  }

  data(): FormData {
    return { templateId: this.template.id, values: { ...this.values }, options: this.options };
  }

  messages(): readonly Message[] {
    return this.allMessages;
  }

  messagesFor(id: string): readonly Message[] {
    return this.byField.get(id) ?? NO_MESSAGES;
  }

  set(id: string, value: FieldValue, opts: SetOptions = {}): void {
    if (this.values[id] === value) return;
    const key = opts.coalesceKey ?? `${id}:${Math.random()}`;
    const now = Date.now();
    if (!this.lastEdit || this.lastEdit.key !== key || now - this.lastEdit.at > COALESCE_MS) this.pushUndo();
    this.lastEdit = { key, at: now };
    this.redoStack = [];
    this.apply({ ...this.values, [id]: value });
  }

  /** Replaces everything at once (restoring a draft or a revision) as one undo step. */
  replace(data: FormData): void {
    this.pushUndo();
    this.lastEdit = null;
    this.options = data.options;
    this.apply(withComputed(data, this.template).values);
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  undo(): boolean {
    const prev = this.undoStack.pop();
    if (!prev) return false;
    this.redoStack.push(this.values);
    this.lastEdit = null;
    this.apply(prev);
    return true;
  }

  redo(): boolean {
    const next = this.redoStack.pop();
    if (!next) return false;
    this.undoStack.push(this.values);
    this.lastEdit = null;
    this.apply(next);
    return true;
  }

  subscribeField(id: string, fn: Listener): () => void {
    let set = this.fieldListeners.get(id);
    if (!set) this.fieldListeners.set(id, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  /** Any value change (autosave, undo buttons). */
  subscribe(fn: Listener): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  subscribeMessages(fn: Listener): () => void {
    this.messageListeners.add(fn);
    return () => this.messageListeners.delete(fn);
  }

  private pushUndo(): void {
    this.undoStack.push(this.values);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
  }

  private apply(next: Values): void {
    const prev = this.values;
    for (const s of this.sumFields) next[s.id] = sumAmounts(s.parts.map((p) => str(next[p])));
    this.values = next;
    this._version++;
    const changed = new Set<string>();
    for (const id of new Set([...Object.keys(prev), ...Object.keys(next)])) if (prev[id] !== next[id]) changed.add(id);
    this.revalidate(changed);
    for (const id of changed) this.fieldListeners.get(id)?.forEach((fn) => fn());
    this.changeListeners.forEach((fn) => fn());
  }

  /** Field listeners also fire when only a field's messages changed; `changed` collects them. */
  private revalidate(changed: Set<string>): void {
    const all = validateForm({ templateId: this.template.id, values: this.values, options: this.options }, this.template);
    const grouped = new Map<string, Message[]>();
    for (const m of all) {
      const list = grouped.get(m.field);
      if (list) list.push(m);
      else grouped.set(m.field, [m]);
    }
    const key = (ms: readonly Message[] | undefined) => (ms ?? []).map((m) => m.severity + m.message).join('\n');
    let anyChanged = false;
    for (const id of new Set([...this.byField.keys(), ...grouped.keys()])) {
      if (key(this.byField.get(id)) !== key(grouped.get(id))) {
        changed.add(id);
        anyChanged = true;
      }
    }
    for (const [id, ms] of grouped) if (key(this.byField.get(id)) === key(ms)) grouped.set(id, this.byField.get(id) as Message[]);
    this.byField = grouped;
    if (anyChanged || this.allMessages.length !== all.length) {
      this.allMessages = all;
      this.messageListeners.forEach((fn) => fn());
    }
  }
}
