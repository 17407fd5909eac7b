import { useCallback, useSyncExternalStore } from 'react';
import type { FieldValue } from '../../../shared/form';
import type { Message } from '../../../shared/validation';
import type { FormStore } from './formStore';

export function useFieldValue(store: FormStore, id: string): FieldValue | undefined {
  const sub = useCallback((fn: () => void) => store.subscribeField(id, fn), [store, id]);
  return useSyncExternalStore(sub, () => store.get(id));
}

export function useFieldMessages(store: FormStore, id: string): readonly Message[] {
  const sub = useCallback((fn: () => void) => store.subscribeField(id, fn), [store, id]);
  return useSyncExternalStore(sub, () => store.messagesFor(id));
}

export function useAllMessages(store: FormStore): readonly Message[] {
  const sub = useCallback((fn: () => void) => store.subscribeMessages(fn), [store]);
  return useSyncExternalStore(sub, () => store.messages());
}

export function useStoreVersion(store: FormStore): number {
  const sub = useCallback((fn: () => void) => store.subscribe(fn), [store]);
  return useSyncExternalStore(sub, () => store.version);
}
