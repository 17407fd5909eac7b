import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { FieldValue } from '../../../shared/form';
import type { Message } from '../../../shared/validation';
import type { FormStore } from './formStore';

export function useFieldValue(store: FormStore, id: string): FieldValue | undefined {
  const sub = useCallback((fn: () => void) => store.subscribeKey(id, fn), [store, id]);
  return useSyncExternalStore(sub, () => store.get(id));
}

/** The text of one group cell; '' for a padding row past the end of the list. */
export function useGroupCellValue(store: FormStore, group: string, row: number, column: string): string {
  const sub = useCallback((fn: () => void) => store.subscribeKey(group, fn), [store, group]);
  return useSyncExternalStore(sub, () => store.rows(group)[row]?.[column] ?? '');
}

/** Whether a group cell is computed (read-only) for its row now: a 定性 row's 得分 is typed, the others are not. */
export function useGroupCellLocked(store: FormStore, group: string, row: number, column: string): boolean {
  const sub = useCallback((fn: () => void) => store.subscribeKey(group, fn), [store, group]);
  return useSyncExternalStore(sub, () => store.cellLocked(group, row, column));
}

/** The messages of one cell key (a field id or a group cell key). */
export function useFieldMessages(store: FormStore, key: string): readonly Message[] {
  const sub = useCallback((fn: () => void) => store.subscribeKey(key, fn), [store, key]);
  return useSyncExternalStore(sub, () => store.messagesFor(key));
}

/**
 * The messages of several cell keys together: a merged group cell shows what concerns any
 * row it covers. The result keeps its identity while none of the parts changes.
 */
export function useCellsMessages(store: FormStore, keys: readonly string[]): readonly Message[] {
  const joined = keys.join('\u0000');
  const sub = useCallback(
    (fn: () => void) => {
      const offs = joined.split('\u0000').map((k) => store.subscribeKey(k, fn));
      return () => offs.forEach((off) => off());
    },
    [store, joined],
  );
  const cache = useRef<{ parts: readonly (readonly Message[])[]; all: readonly Message[] } | null>(null);
  return useSyncExternalStore(sub, () => {
    const parts = keys.map((k) => store.messagesFor(k));
    if (parts.length === 1) return parts[0];
    const c = cache.current;
    if (c && c.parts.length === parts.length && c.parts.every((p, i) => p === parts[i])) return c.all;
    cache.current = { parts, all: parts.flat() };
    return cache.current.all;
  });
}

export function useAllMessages(store: FormStore): readonly Message[] {
  const sub = useCallback((fn: () => void) => store.subscribeMessages(fn), [store]);
  return useSyncExternalStore(sub, () => store.messages());
}

export function useStoreVersion(store: FormStore): number {
  const sub = useCallback((fn: () => void) => store.subscribe(fn), [store]);
  return useSyncExternalStore(sub, () => store.version);
}
