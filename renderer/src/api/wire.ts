/**
 * The page's end of the desktop wire: window.api answers every channel with its Reply (see
 * electron/shell/preloadApi.ts); here a failure becomes a UserError carrying its code again, so
 * the renderer branches on `code` (a stale save is `stale`) and shows `message`.
 */
import { CHANNELS, type Api, type Channel, type WireApi } from '../../../shared/contract';
import { replyValue } from '../../../shared/errors';

export const BROKEN_REPLY = '程序内部通信出错，请重新启动程序后再试';

export function fromWire(wire: WireApi): Api {
  const api = {} as Record<Channel, (input: unknown) => Promise<unknown>>;
  for (const c of CHANNELS) {
    const call = wire[c] as (input: unknown) => Promise<unknown>;
    api[c] = async (input) => replyValue(await call(input ?? {}), BROKEN_REPLY);
  }
  return api as Api;
}
