/**
 * A dialog's actions one at a time: which one runs (its label, for the spinner and to disable
 * the others), and the Chinese error of the last one that failed, shown until the next starts.
 */
import { useState } from 'react';
import { errorText } from '../../ui/notify';

export function useBusyAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function act(label: string, fn: () => Promise<void>) {
    setBusy(label);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }
  return { busy, error, setError, act };
}
