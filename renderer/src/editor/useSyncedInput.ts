/**
 * Value inputs are uncontrolled: the browser owns the text while the user types (so input
 * methods can compose freely and React does nothing per keystroke), and the store's value is
 * written back only when it really differs (undo, restore, reorder, another cell's edit).
 */
import { useEffect, useRef, type CompositionEvent, type FormEvent, type RefObject } from 'react';

type El = HTMLInputElement | HTMLTextAreaElement;

export interface SyncedInput<T extends El> {
  ref: RefObject<T | null>;
  defaultValue: string;
  onInput(e: FormEvent<T>): void;
  onCompositionStart(e: CompositionEvent<T>): void;
  onCompositionEnd(e: CompositionEvent<T>): void;
}

/**
 * `display` is what the store holds, as text; `read` turns what is typed into what the store
 * would hold, so "442." being typed is not overwritten by the stored "442".
 */
export function useSyncedInput<T extends El>(
  display: string,
  commit: (text: string) => void,
  read: (text: string) => string = (t) => t,
): SyncedInput<T> {
  const ref = useRef<T | null>(null);
  const composing = useRef(false);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    const el = ref.current;
    if (!el || composing.current) return;
    if (el.value === display) return;
    if (document.activeElement === el && read(el.value) === display) return;
    el.value = display;
  });

  return {
    ref,
    defaultValue: display,
    onInput(e) {
      if (composing.current || (e.nativeEvent as InputEvent).isComposing) return;
      commitRef.current(e.currentTarget.value);
    },
    onCompositionStart() {
      composing.current = true;
    },
    onCompositionEnd(e) {
      composing.current = false;
      commitRef.current(e.currentTarget.value);
    },
  };
}
