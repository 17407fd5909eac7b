/**
 * The import's time limit, reachable from deep inside the reading (every table row, every
 * thousand blocks) without threading a callback through readers that do not own the clock.
 * The reading is synchronous, so one deadline is active at a time.
 */
import { UserError } from '../../../shared/errors';
import { readRefusal, type UserFileKind } from './limits';

let active: (() => void) | null = null;

export function timeoutError(kind: UserFileKind = 'docx'): UserError {
  return new UserError(readRefusal(kind, '读取这个文件用时过长，已停止'), 'import.timeout');
}

/** A check that throws the timeout error once `timeoutMs` have passed. */
export function deadlineOf(timeoutMs: number, kind: UserFileKind = 'docx'): () => void {
  const end = performance.now() + timeoutMs;
  return () => {
    if (performance.now() > end) throw timeoutError(kind);
  };
}

/** Runs `fn` with `check` as the deadline that checkDeadline() applies. */
export function withDeadline<T>(check: () => void, fn: () => T): T {
  const outer = active;
  active = check;
  try {
    return fn();
  } finally {
    active = outer;
  }
}

/** Throws when the active deadline has passed; nothing when none is active. */
export function checkDeadline(): void {
  active?.();
}
