/**
 * An error the user caused or can act on. Its message is Chinese and is shown as is;
 * any other error is reported as an internal failure without its stack trace.
 */
export class UserError extends Error {
  readonly code: string;
  constructor(message: string, code = 'user') {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

export const isUserError = (e: unknown): e is UserError =>
  e instanceof UserError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'UserError');
