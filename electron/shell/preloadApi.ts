/**
 * window.api as preload builds it: one function per contract channel that invokes the main
 * process and answers with its Reply, a failure included. An exception cannot cross Electron's
 * contextBridge whole — only its message survives, not the code the renderer branches on — so a
 * failure travels as a value and the page unwraps it in its own world (renderer/src/api).
 * Kept free of 'electron' and zod so it bundles into the sandboxed preload and tests without mocks.
 */
import type { Reply, WireApi } from '../../shared/contract';
import { CHANNEL_NAMES } from './channels';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

export const BROKEN_REPLY = '程序内部通信出错，请重新启动程序后再试';

/** The reply as the main process sent it, if it has the wire shape; otherwise a failure saying so. */
export function checkReply(reply: unknown): Reply<unknown> {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const r = reply as Reply<unknown>;
    if (r.ok === true) return { ok: true, value: r.value };
    if (r.ok === false && typeof r.error === 'string' && typeof r.code === 'string') return { ok: false, error: r.error, code: r.code };
  }
  return { ok: false, error: BROKEN_REPLY, code: 'broken-reply' };
}

export function buildApi(invoke: Invoke): WireApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) {
    // `?? {}` lets the renderer call no-input channels as api['app.info']().
    api[channel] = async (input?: unknown) => {
      try {
        return checkReply(await invoke(channel, input ?? {}));
      } catch {
        // ipcRenderer.invoke itself failed (the main process went away): still an answer.
        return checkReply(undefined);
      }
    };
  }
  return Object.freeze(api) as unknown as WireApi;
}
