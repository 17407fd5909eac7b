/**
 * An error the user caused or can act on. Its message is Chinese and is shown as is; its code
 * (shared/contract.ts, errorCodeSchema) travels with it to the renderer, which branches on the
 * code and never on the message. Any other error is reported as an internal failure without its
 * stack trace.
 */
import { errorCodeSchema, type ErrorCode } from './contract';

export type { ErrorCode };

export class UserError extends Error {
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode = 'user') {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

export const isUserError = (e: unknown): e is UserError =>
  e instanceof UserError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'UserError');

/** A code read off the wire or from a worker: one of ours, else `user` (a message is still shown). */
export const asErrorCode = (code: unknown): ErrorCode => {
  const parsed = errorCodeSchema.safeParse(code);
  return parsed.success ? parsed.data : 'user';
};

/** The code of whatever was thrown: a UserError's own, `internal` for anything else. */
export const errorCodeOf = (e: unknown): ErrorCode => (isUserError(e) ? asErrorCode((e as { code?: unknown }).code) : 'internal');

/** A Reply's value, or its failure thrown again as a UserError with the same code (the renderer's end of the wire). */
export function replyValue<T>(reply: unknown, broken: string): T {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const r = reply as { ok: unknown; value?: unknown; error?: unknown; code?: unknown };
    if (r.ok === true) return r.value as T;
    if (r.ok === false && typeof r.error === 'string') throw new UserError(r.error, asErrorCode(r.code));
  }
  throw new UserError(broken, 'broken-reply');
}
