/**
 * The import's time limit, reachable from deep inside the reading (every table row, every
 * thousand blocks) without threading a callback through readers that do not own the clock.
 * The reading is synchronous, so one deadline is active at a time.
 */
import { UserError } from '../../../shared/errors';

let active: (() => void) | null = null;

export function timeoutError(): UserError {
  return new UserError('读取这个文件用时过长，已停止。文件可能过于复杂或已损坏，请在 Word 或 WPS 中另存为 .docx 后再试', 'import.timeout');
}

/** A check that throws the timeout error once `timeoutMs` have passed. */
export function deadlineOf(timeoutMs: number): () => void {
  const end = performance.now() + timeoutMs;
  return () => {
    if (performance.now() > end) throw timeoutError();
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
