/**
 * One entry point for every request, whichever shell carries it: validate the input with the
 * channel's schema, run the handler, validate the output, and turn every failure into a
 * Chinese message. Stacks are logged, never sent to the caller.
 */
import type { z } from 'zod';
import { contract, DESKTOP_ONLY, type Channel, type Contract, type ErrorCode, type Output, type Reply } from '../../../shared/contract';
import { errorCodeOf, isUserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import type { TemplateDef } from '../../../shared/template/schema';
import { formTooLong } from '../../../shared/limits';
import { environmentFault } from '../store/faults';
import { issueMessage, markDefaults } from './issueMessage';

export type Handlers = {
  [C in Channel]?: (input: z.output<Contract[C]['input']>) => Promise<Output<C>> | Output<C>;
};

export type Logger = (message: string, error?: unknown) => void;

export interface DispatchOptions {
  /** Where internal errors go; console.error by default. */
  log?: Logger;
  /**
   * How long to keep retrying a request that found the database locked by another program,
   * waiting between tries without blocking (0: answer busy at once). The store is then opened
   * with a short SQLite busy timeout, so a locked database never stalls other requests.
   */
  busyRetryMs?: number;
  /**
   * The templates the store knows, so that a message about a form's value names the field by its
   * label in the form's own template (实施单位 on a project form, an imported template's own labels).
   */
  templates?: TemplateLookup;
}

export interface TemplateLookup {
  find(id: string): TemplateDef | undefined;
  /** What a request naming no template means (forms.create without templateId). */
  defaultTemplate?(): TemplateDef;
}

/** The template of the form a request carries (forms.save, import.commit) or names (forms.create). */
function templateOfRequest(raw: unknown, templates: TemplateLookup | undefined): TemplateDef | undefined {
  if (!templates || typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as { data?: { templateId?: unknown }; templateId?: unknown; newTemplate?: unknown };
  const id = (typeof r.data === 'object' && r.data !== null ? r.data.templateId : undefined) ?? r.templateId;
  if (typeof id === 'string') return templates.find(id);
  try {
    return id === undefined ? templates.defaultTemplate?.() : undefined;
  } catch {
    return undefined;
  }
}

/** Handlers that write in several transactions: a retry after a busy second step would repeat the first. */
const NOT_RETRIED: ReadonlySet<string> = new Set(['forms.restoreRevision', 'backup.restore', 'backup.create']);

const isBusyError = (e: unknown): boolean => errorCodeOf(e) === 'busy';
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs the handler; while it fails with busy (nothing written), waits a little and tries again. */
async function withBusyRetry<T>(run: () => Promise<T> | T, totalMs: number): Promise<T> {
  const end = Date.now() + totalMs;
  for (let wait = 25; ; wait = Math.min(wait * 2, 400)) {
    try {
      return await run();
    } catch (e) {
      if (!isBusyError(e) || Date.now() + wait > end) throw e;
      await pause(wait);
    }
  }
}

export const INTERNAL_ERROR = '内部错误，请重试；如果反复出现，请联系技术支持';
export const WEB_UNSUPPORTED = '浏览器模式不支持此操作';

const defaultLog: Logger = (message, error) => console.error(message, error);

const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);

/** A failed reply: the Chinese message for the clerk and the code for the renderer to branch on. */
export const failure = (error: string, code: ErrorCode): Reply<never> => ({ ok: false, error, code });

export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  opts: DispatchOptions = {},
): Promise<Reply<unknown>> {
  const log = opts.log ?? defaultLog;
  if (!isChannel(channel)) return failure(`未知的请求：${channel.slice(0, 100)}`, 'unknown-channel');
  const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
  if (!handler) {
    return DESKTOP_ONLY.includes(channel)
      ? failure(WEB_UNSUPPORTED, 'web-unsupported')
      : failure(`此操作暂不可用：${channel}，请更新软件后重试`, 'unavailable');
  }
  const schemas = contract[channel];
  const input = schemas.input.safeParse(rawInput, { error: markDefaults, reportInput: true });
  if (!input.success)
    return failure(`请求数据不正确：${issueMessage(input.error.issues[0], templateOfRequest(rawInput, opts.templates))}`, 'bad-request');
  // Any request that carries a form (forms.save, import.commit): no field over the documented length.
  const form = (input.data as { data?: unknown } | null)?.data;
  if (form && typeof form === 'object' && 'values' in form) {
    const tooLong = formTooLong(form as FormData, templateOfRequest(input.data, opts.templates));
    if (tooLong) return failure(tooLong, 'too-long');
  }
  let value: unknown;
  try {
    const retryMs = NOT_RETRIED.has(channel) ? 0 : (opts.busyRetryMs ?? 0);
    value = await withBusyRetry(() => handler(input.data), retryMs);
  } catch (e) {
    if (isUserError(e)) return failure((e as Error).message, errorCodeOf(e));
    // A read-only or full disk, a disk error, no permission: say so, not 内部错误 or SQLite's English.
    const fault = environmentFault(e, '');
    log(`处理 ${channel} 时出错`, e);
    return fault ? failure(fault.message, fault.code) : failure(INTERNAL_ERROR, 'internal');
  }
  const output = schemas.output.safeParse(value);
  if (!output.success) {
    log(`${channel} 的结果不符合约定`, output.error);
    return failure(INTERNAL_ERROR, 'internal');
  }
  return { ok: true, value: output.data };
}
