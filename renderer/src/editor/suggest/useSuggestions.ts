/**
 * Suggestions while a 三级指标 (or a 2019 产出 item) is typed: the core's library.suggest, asked
 * 120 ms after the last keystroke, never while an input method is composing (only after
 * compositionend), shown as a small list under the cell.
 *
 * The list never takes a keystroke it does not need: typing goes on into the cell while it is
 * open; ↓/↑ move through it only while it is open, Enter picks only while an item is
 * highlighted (otherwise Enter keeps its meaning in the grid), Esc closes it. It closes when the
 * cell loses focus, when nothing matches any more (at once: the items shown are narrowed to the
 * text as it is typed, before the next answer comes), and after a pick. An answer to an older
 * keystroke never replaces a newer one: each query has a number and only the latest is shown.
 *
 * The cell stays a textbox (a textarea, which HTML allows no combobox role on): it carries
 * aria-autocomplete="list", aria-haspopup, aria-controls and aria-activedescendant, and the list
 * is a listbox of options.
 */
import { useCallback, useEffect, useId, useRef, useState, type CompositionEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { matchKey } from '../../../../shared/library/suggest';
import type { SyncedInput } from '../useSyncedInput';

export type Suggestion = Output<'library.suggest'>[number];

/** What the cell asks for: the text typed, and the row's 一级/二级 when known. */
export interface SuggestRequest {
  text: string;
  level1?: string;
  level2?: string;
  limit: number;
}

export type SuggestFn = (q: SuggestRequest) => Promise<Suggestion[]>;

export const SUGGEST_DEBOUNCE_MS = 120;
export const SUGGEST_LIMIT = 8;

interface State {
  items: Suggestion[];
  /** The highlighted item, -1 for none. */
  active: number;
}

const CLOSED: State = { items: [], active: -1 };

const sameItem = (a: Suggestion, b: Suggestion) =>
  a.name === b.name && a.value === b.value && a.level1 === b.level1 && a.level2 === b.level2;

export interface SuggestionsOptions {
  /** Off for read-only forms, cells that are not a 三级, and sheets without a library. */
  enabled: boolean;
  suggest: SuggestFn | undefined;
  /** The row's 一级/二级, read when the query is sent (they may have changed since render). */
  context(): { level1?: string; level2?: string };
  onPick(s: Suggestion): void;
}

export interface Suggestions {
  open: boolean;
  items: readonly Suggestion[];
  active: number;
  listId: string;
  optionId(i: number): string;
  /** Props for the cell's input. */
  aria: Record<string, string | undefined>;
  onInput(el: HTMLInputElement | HTMLTextAreaElement, composing: boolean): void;
  onCompositionStart(): void;
  onCompositionEnd(el: HTMLInputElement | HTMLTextAreaElement): void;
  /** True when the key was the list's (the cell's own handling must then do nothing). */
  onKeyDown(e: KeyboardEvent): boolean;
  onBlur(): void;
  pick(i: number): void;
  highlight(i: number): void;
  close(): void;
}

/** A suggesting cell's input handlers: the input's own, with the list told of each keystroke and composition. */
export function withSuggestions<T extends HTMLInputElement | HTMLTextAreaElement>(input: SyncedInput<T>, sug: Suggestions) {
  return {
    onInput(e: FormEvent<T>) {
      input.onInput(e);
      sug.onInput(e.currentTarget, (e.nativeEvent as InputEvent).isComposing === true);
    },
    onCompositionStart(e: CompositionEvent<T>) {
      input.onCompositionStart(e);
      sug.onCompositionStart();
    },
    onCompositionEnd(e: CompositionEvent<T>) {
      input.onCompositionEnd(e);
      sug.onCompositionEnd(e.currentTarget);
    },
  };
}

export function useSuggestions(opts: SuggestionsOptions): Suggestions {
  const [state, setState] = useState<State>(CLOSED);
  const latest = useRef(opts);
  latest.current = opts;
  /** Bumped by every keystroke, composition start, close and blur: an answer carrying an older number is dropped. */
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const composing = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const baseId = useId();
  const listId = `sg${baseId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const optionId = useCallback((i: number) => `${listId}-o${i}`, [listId]);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    seq.current++;
  }, []);

  const close = useCallback(() => {
    cancel();
    if (stateRef.current !== CLOSED) setState(CLOSED);
  }, [cancel]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const schedule = useCallback(
    (el: HTMLInputElement | HTMLTextAreaElement) => {
      cancel();
      const o = latest.current;
      if (!o.enabled || !o.suggest) return;
      const text = el.value.trim();
      if (text === '') {
        close();
        return;
      }
      const id = seq.current;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        const now = latest.current;
        if (!now.suggest || id !== seq.current) return;
        now.suggest({ text: text.slice(0, 100), ...now.context(), limit: SUGGEST_LIMIT }).then(
          (items) => {
            // An older keystroke's answer, or the cell was left or closed meanwhile.
            if (id !== seq.current || composing.current || document.activeElement !== el) return;
            setState((prev) => {
              if (items.length === 0) return CLOSED;
              const was = prev.active >= 0 ? prev.items[prev.active] : undefined;
              return { items, active: was ? items.findIndex((x) => sameItem(x, was)) : -1 };
            });
          },
          () => {
            if (id === seq.current) setState(CLOSED);
          },
        );
      }, SUGGEST_DEBOUNCE_MS);
    },
    [cancel, close],
  );

  const open = state.items.length > 0;

  function pick(i: number) {
    const s = stateRef.current.items[i];
    close();
    if (s) latest.current.onPick(s);
  }

  return {
    open,
    items: state.items,
    active: state.active,
    listId,
    optionId,
    aria: latest.current.enabled
      ? {
          'aria-autocomplete': 'list',
          'aria-haspopup': 'listbox',
          'aria-controls': open ? listId : undefined,
          'aria-activedescendant': open && state.active >= 0 ? optionId(state.active) : undefined,
        }
      : {},
    onInput(el, isComposing) {
      if (composing.current || isComposing) return;
      // What is shown and no longer contains the text goes now; the answer for the new text follows.
      const key = matchKey(el.value.trim());
      setState((prev) => {
        if (prev.items.length === 0) return prev;
        const items = key ? prev.items.filter((x) => matchKey(x.name).includes(key)) : [];
        if (items.length === 0) return CLOSED;
        if (items.length === prev.items.length) return prev;
        const was = prev.active >= 0 ? prev.items[prev.active] : undefined;
        return { items, active: was ? items.findIndex((x) => sameItem(x, was)) : -1 };
      });
      schedule(el);
    },
    onCompositionStart() {
      composing.current = true;
      // Nothing is asked, and no answer opens the list, until the text is committed.
      cancel();
    },
    onCompositionEnd(el) {
      composing.current = false;
      schedule(el);
    },
    onKeyDown(e) {
      const native = e.nativeEvent as globalThis.KeyboardEvent;
      if (native.isComposing || native.keyCode === 229) return false;
      if (!open) return false;
      if (e.ctrlKey || e.metaKey || e.altKey) {
        // Undo, row moves and the like change the cell under the list: it goes.
        if (e.key !== 'Control' && e.key !== 'Meta' && e.key !== 'Alt') close();
        return false;
      }
      const n = state.items.length;
      switch (e.key) {
        case 'ArrowDown':
          e.preventDefault();
          setState((s) => ({ ...s, active: s.active >= n - 1 ? -1 : s.active + 1 }));
          return true;
        case 'ArrowUp':
          e.preventDefault();
          setState((s) => ({ ...s, active: s.active <= -1 ? n - 1 : s.active - 1 }));
          return true;
        case 'Enter':
          if (e.shiftKey || state.active < 0) return false;
          e.preventDefault();
          pick(state.active);
          return true;
        case 'Escape':
          e.preventDefault();
          e.stopPropagation();
          close();
          return true;
        case 'Tab':
          close();
          return false;
        default:
          return false;
      }
    },
    onBlur: close,
    pick,
    highlight(i) {
      setState((s) => (s.active === i ? s : { ...s, active: i }));
    },
    close,
  };
}
