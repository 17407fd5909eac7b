/**
 * window.api as preload builds it: one function per contract channel that invokes the main
 * process and unwraps its Reply, so the renderer sees a value or an Error with a Chinese message.
 * Kept free of 'electron' and zod so it bundles into the sandboxed preload and tests without mocks.
 */
import type { Api, Reply } from '../../shared/contract';
import { CHANNEL_NAMES } from './channels';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

const BROKEN_REPLY = '程序内部通信出错，请重新启动程序后再试';

export function unwrapReply(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const r = reply as Reply<unknown>;
    if (r.ok === true) return r.value;
    if (r.ok === false && typeof r.error === 'string') throw new Error(r.error);
  }
  throw new Error(BROKEN_REPLY);
}

export function buildApi(invoke: Invoke): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    // `?? {}` lets the renderer call no-input channels as api['app.info']().
    api[channel] = async (input?: unknown) => unwrapReply(await invoke(channel, input ?? {}));
  }
  return Object.freeze(api) as unknown as Api;
}
