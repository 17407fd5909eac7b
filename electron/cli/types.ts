import type { Store } from '../core/store';

/** What a command gets: parsed arguments and a way to reach the store. Output goes through out/err. */
export interface CliContext {
  /** Positional arguments after the command name. */
  args: string[];
  /** --flag value pairs (a bare --flag has the value 'true'). */
  flags: Record<string, string>;
  /** Opens the store at --db (or the desktop app's default database) once, on first use. */
  store(): Store;
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string;
  /** One line of Chinese usage text, shown by `help`. */
  usage: string;
  /** Returns the exit code. Throw UserError for a user mistake: its message goes to stderr, exit 1. */
  run(ctx: CliContext): Promise<number> | number;
}
