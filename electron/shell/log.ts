/**
 * The desktop app's log file, kept small: when shenbao.log would pass maxBytes it becomes
 * shenbao.log.1 (older ones shift to .2 … .keep, the oldest is dropped). Stacks go here and
 * never to the renderer. Writes are synchronous so the last lines survive a crash.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface AppLog {
  readonly file: string;
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface LogOptions {
  dir: string;
  name?: string;
  maxBytes?: number;
  /** How many rotated files to keep besides the current one. */
  keep?: number;
  now?: () => Date;
}

const describe = (error: unknown): string => {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  if (error === undefined) return '';
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
};

export function createLog({ dir, name = 'shenbao.log', maxBytes = 1024 * 1024, keep = 3, now = () => new Date() }: LogOptions): AppLog {
  const file = join(dir, name);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // Reported by the first write; the app must still be able to tell the user what went wrong.
  }

  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    if (keep >= 1) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
  };

  const write = (level: string, message: string, error?: unknown) => {
    const detail = describe(error);
    const line = `${now().toISOString()} ${level} ${message}${detail ? `\n${detail}` : ''}\n`;
    try {
      const size = existsSync(file) ? statSync(file).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line);
    } catch (e) {
      // A full or read-only disk must not take the app down with it.
      console.error('无法写入日志', e);
    }
  };

  return {
    file,
    info: (message) => write('INFO', message),
    error: (message, error) => write('ERROR', message, error),
  };
}

type ProcessEvents = { on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown };

/**
 * Replaces Electron's default crash dialog (an English stack trace) with a log entry and, for an
 * uncaught exception, a Chinese message that points to the log. No crash report leaves the machine.
 */
export function logFatalErrors(proc: ProcessEvents, log: AppLog, showError: (title: string, detail: string) => void): void {
  proc.on('uncaughtException', (error) => {
    log.error('未捕获的异常', error);
    showError('绩效目标申报出错了', `已填写的内容都已保存。请关闭程序后重新打开；如果反复出现，请把日志文件发给技术支持：\n${log.file}`);
  });
  proc.on('unhandledRejection', (error) => log.error('未处理的 Promise 拒绝', error));
}
