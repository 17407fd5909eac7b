/**
 * The open form's values outside React, so a keystroke re-renders only the cell it changes
 * (and the cells whose sums or messages change), never the whole sheet. Undo/redo keep
 * whole-value snapshots, so row operations of a repeating group undo like typing; typing in
 * one place within a second is one undo step.
 *
 * Messages wait for a pause (`messageDelayMs`, 600 ms in the editor): while the clerk types, a
 * new warning or error does not appear under the cell being typed (nor does the row grow); a
 * message that is no longer true goes at once, and one that stays (its cell and code) shows its
 * new wording at once. Computed sums never wait. Leaving the cell (`flushMessages`) ends the wait.
 */
import type { FieldValue, FormData, GroupRow } from '../../../shared/form';
import { computeValues, rowOutcome } from '../../../shared/computeForm';
import { fixedRowAt, isLockedCell } from '../../../shared/fixedRows';
import { columnDef, groupDef, withComputed } from '../../../shared/formOps';
import type { LastYearIndicator } from '../../../shared/lastYear';
import { messageCell } from '../../../shared/messages';
import type { GroupDef, TemplateDef } from '../../../shared/template/schema';
import { validateForm, type Message, type RelatedForm } from '../../../shared/validation';
import { append, insertBelow, moveRow, removeRow, setCell } from './groupRows';

type Values = Record<string, FieldValue>;
type Listener = () => void;

const COALESCE_MS = 1000;
const HISTORY_LIMIT = 300;
const NO_MESSAGES: readonly Message[] = [];
const NO_ROWS: readonly GroupRow[] = [];

/** New messages wait this long after the last keystroke in the editor, so they never jump in while the clerk types. */
export const MESSAGE_PAUSE_MS = 600;

export interface FormStoreOptions {
  /** How long new messages wait after the last change (0: they show at once). */
  messageDelayMs?: number;
}

/** What keeps a message shown while typing goes on: its cell, severity and code (not its wording). */
const standing = (m: Message) => `${messageCell(m)}\u0001${m.severity}\u0001${m.code}`;

export interface SetOptions {
  /** Edits with the same key within a second are merged into one undo step. */
  coalesceKey?: string;
}

/** Why a row operation did nothing: the group is full, there was nothing to do, or the row is a 固化 row of the template. */
export type RowRefusal = 'full' | 'none' | 'fixed';

export class FormStore {
  readonly template: TemplateDef;
  private values: Values;
  private options: FormData['options'];
  /** Messages by cell key: a field id, or `group[row].column` for a cell of a repeating group. */
  private byCell = new Map<string, readonly Message[]>();
  private allMessages: readonly Message[] = [];
  private keyListeners = new Map<string, Set<Listener>>();
  private changeListeners = new Set<Listener>();
  private messageListeners = new Set<Listener>();
  private undoStack: Values[] = [];
  private redoStack: Values[] = [];
  private lastEdit: { key: string; at: number } | null = null;
  /** Forms of the same unit and year, for the template's cross-form checks. */
  private related: readonly RelatedForm[] = [];
  /** Last year's targets and results of the indicators (forms.lastYear), for the check that compares with them. */
  private lastYear: readonly LastYearIndicator[] = [];
  private _version = 0;
  private readonly messageDelayMs: number;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(template: TemplateDef, data: FormData, opts: FormStoreOptions = {}) {
    this.template = template;
    this.values = withComputed(data, template).values;
    this.options = data.options;
    this.messageDelayMs = opts.messageDelayMs ?? 0;
    this.revalidate(new Set());
  }

  /** Whether messages are waiting for a pause in typing. */
  get messagesPending(): boolean {
    return this.pending !== null;
  }

  /** Shows every message now (the cell was left, or 定稿 asks what is wrong). */
  flushMessages(): void {
    if (this.pending === null) return;
    clearTimeout(this.pending);
    this.pending = null;
    this.flushNow();
  }

  /** Bumped on every change: autosave compares it to know whether a save is stale. */
  get version(): number {
    return this._version;
  }

  get(id: string): FieldValue | undefined {
    return this.values[id];
  }

  /** A group's rows as stored (a stable array until the group changes). */
  rows(groupId: string): readonly GroupRow[] {
    const v = this.values[groupId];
    return Array.isArray(v) ? v : NO_ROWS;
  }

  group(groupId: string): GroupDef {
    return groupDef(this.template, groupId);
  }

  get formOptions(): FormData['options'] {
    return this.options;
  }

  data(): FormData {
    return { templateId: this.template.id, values: { ...this.values }, options: this.options };
  }

  messages(): readonly Message[] {
    return this.allMessages;
  }

  /** The messages of one cell (see `messageCell`). */
  messagesFor(cell: string): readonly Message[] {
    return this.byCell.get(cell) ?? NO_MESSAGES;
  }

  /**
   * A group cell the clerk cannot type in: its column is computed (得分 from its row), unless its
   * formula leaves this row to the clerk within a range (a 定性 row's 得分).
   */
  cellLocked(groupId: string, row: number, column: string): boolean {
    if (!columnDef(this.group(groupId), column).compute) return false;
    const r = this.rows(groupId)[row];
    if (!r) return true;
    const o = rowOutcome(this.template, groupId, column, r, this.values);
    return o !== null && 'value' in o;
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

  /** Typing in a group cell: sets `column` on every row the cell covers, creating rows up to it when it was padding. */
  setGroupCell(groupId: string, rows: readonly number[], column: string, value: string, opts: SetOptions = {}): void {
    const g = this.group(groupId);
    const current = this.rows(groupId);
    if (rows.every((i) => i < current.length && (current[i][column] ?? '') === value)) return;
    if (isLockedCell(g, current, rows, column)) return;
    this.set(groupId, setCell(g, current, rows, column, value), opts);
  }

  /**
   * Several columns of one row at once (a picked suggestion: 三级 and 指标值), creating rows up to
   * it when it was padding: its own undo step, apart from the typing before it.
   */
  setGroupCells(groupId: string, row: number, values: Record<string, string>): void {
    const g = this.group(groupId);
    let next = this.rows(groupId) as GroupRow[];
    const cols = Object.keys(values);
    if (row < next.length && cols.every((c) => (next[row][c] ?? '') === values[c])) return;
    for (const c of cols) next = setCell(g, next, [row], c, values[c]);
    this.rowOp(groupId, next, 'none');
  }

  /** Inserts a row below `index` in the same merged run, or with `newRun` under its outer headings only (its own undo step). */
  insertRowBelow(groupId: string, index: number, newRun = false): RowRefusal | null {
    return this.rowOp(groupId, insertBelow(this.group(groupId), this.rows(groupId), index, newRun), 'full');
  }

  appendRow(groupId: string): RowRefusal | null {
    return this.rowOp(groupId, append(this.group(groupId), this.rows(groupId)), 'full');
  }

  removeRow(groupId: string, index: number): RowRefusal | null {
    if (fixedRowAt(this.group(groupId), this.rows(groupId), index)) return 'fixed';
    return this.rowOp(groupId, removeRow(this.rows(groupId), index), 'none');
  }

  /** A cell of a 固化 row the clerk may not change (its 一级/二级/三级/指标性质). */
  isLocked(groupId: string, rows: readonly number[], column: string): boolean {
    return isLockedCell(this.group(groupId), this.rows(groupId), rows, column);
  }

  moveRow(groupId: string, index: number, delta: -1 | 1): RowRefusal | null {
    return this.rowOp(groupId, moveRow(this.rows(groupId), index, delta), 'none');
  }

  /** Replaces a group's rows at once (a paste of several rows): one undo step. */
  replaceRows(groupId: string, rows: GroupRow[]): void {
    this.rowOp(groupId, rows, 'none');
  }

  private rowOp(groupId: string, next: GroupRow[] | null, refusal: RowRefusal): RowRefusal | null {
    if (!next) return refusal;
    this.lastEdit = null;
    this.set(groupId, next);
    return null;
  }

  /** The other forms of this unit and year (read when the form opens); checks that compare forms run again. */
  setRelated(related: readonly RelatedForm[]): void {
    this.related = related;
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
    const changed = new Set<string>();
    this.revalidate(changed);
    for (const k of changed) this.keyListeners.get(k)?.forEach((fn) => fn());
  }

  /** Last year's targets and results (read when the form opens); the check comparing with them runs again. */
  setLastYear(lastYear: readonly LastYearIndicator[]): void {
    this.lastYear = lastYear;
    const changed = new Set<string>();
    this.revalidate(changed);
    for (const k of changed) this.keyListeners.get(k)?.forEach((fn) => fn());
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

  /**
   * Called when a field's or group's value changes, or when the messages of the cell key
   * change (a field id, a group id for the group's own messages, or a group cell key).
   */
  subscribeKey(key: string, fn: Listener): () => void {
    let set = this.keyListeners.get(key);
    if (!set) this.keyListeners.set(key, (set = new Set()));
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

  private flushNow(): void {
    const changed = new Set<string>();
    this.revalidate(changed);
    for (const id of changed) this.keyListeners.get(id)?.forEach((fn) => fn());
  }

  private pushUndo(): void {
    this.undoStack.push(this.values);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
  }

  private apply(input: Values): void {
    const prev = this.values;
    // The one evaluation of computed cells (shared/computeForm.ts), on every change.
    const next = computeValues(this.template, input);
    this.values = next;
    this._version++;
    const changed = new Set<string>();
    for (const id of new Set([...Object.keys(prev), ...Object.keys(next)])) if (prev[id] !== next[id]) changed.add(id);
    this.revalidate(changed, this.messageDelayMs > 0);
    for (const id of changed) this.keyListeners.get(id)?.forEach((fn) => fn());
    this.changeListeners.forEach((fn) => fn());
  }

  /** Key listeners also fire when only a cell's messages changed; `changed` collects them. */
  private revalidate(changed: Set<string>, wait = false): void {
    let all = validateForm({ templateId: this.template.id, values: this.values, options: this.options }, this.template, {
      related: this.related,
      lastYear: this.lastYear,
    });
    if (wait) {
      // Until the pause: only the messages already shown (their cell and code), in their new wording.
      const shown = new Set(this.allMessages.map(standing));
      const now = all.filter((m) => shown.has(standing(m)));
      if (now.length !== all.length) {
        if (this.pending !== null) clearTimeout(this.pending);
        this.pending = setTimeout(() => {
          this.pending = null;
          this.flushNow();
        }, this.messageDelayMs);
      }
      all = now;
    }
    const grouped = new Map<string, Message[]>();
    for (const m of all) {
      const k = messageCell(m);
      const list = grouped.get(k);
      if (list) list.push(m);
      else grouped.set(k, [m]);
    }
    const sig = (ms: readonly Message[] | undefined) => (ms ?? []).map((m) => m.severity + m.message).join('\n');
    let anyChanged = false;
    for (const k of new Set([...this.byCell.keys(), ...grouped.keys()])) {
      if (sig(this.byCell.get(k)) !== sig(grouped.get(k))) {
        changed.add(k);
        anyChanged = true;
      }
    }
    for (const [k, ms] of grouped) if (sig(this.byCell.get(k)) === sig(ms)) grouped.set(k, this.byCell.get(k) as Message[]);
    this.byCell = grouped;
    if (anyChanged || this.allMessages.length !== all.length) {
      this.allMessages = all;
      this.messageListeners.forEach((fn) => fn());
    }
  }
}
