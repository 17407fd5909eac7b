/**
 * IPC wiring: one ipcMain.handle per contract channel and none other. Each call is answered only
 * when it comes from the top frame of one of the app's own windows on app://shenbao; then the
 * core's dispatch validates input and output and turns every failure into a Chinese message.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Channel, type Reply } from '../../shared/contract';
import { dispatch, failure, INTERNAL_ERROR, type Handlers, type Logger, type TemplateLookup } from '../core/handlers';
import { isAppUrl } from './origin';

/** What a web contents may do: the editor window everything, a hidden print window only read its form. */
export type SenderRole = 'main' | 'print';

/** The print view only reads the form it prints. */
export const PRINT_VIEW_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['app.info', 'forms.get']);

export const FOREIGN_SENDER = '已拒绝来自未知页面的请求，请在程序窗口中操作';

type Frame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url' | 'parent' | 'processId' | 'routingId'>;

export type SenderEvent = {
  sender: { id: number; mainFrame: Pick<Frame, 'processId' | 'routingId'> };
  senderFrame: Frame | null;
};

/** Null when the sender may use the channel, else why not (for the log). */
export function rejectSender(event: SenderEvent, channel: Channel, roleOf: (contentsId: number) => SenderRole | null): string | null {
  const frame = event.senderFrame;
  if (!frame) return '发送请求的框架已不存在';
  // By frame identity, not URL: an iframe on the same origin must not pass as the page.
  const top = event.sender.mainFrame;
  if (frame.parent !== null || frame.processId !== top.processId || frame.routingId !== top.routingId) return '请求不是来自顶层框架';
  if (!isAppUrl(frame.url)) return `请求来自外部地址：${frame.url.slice(0, 200)}`;
  const role = roleOf(event.sender.id);
  if (!role) return '请求来自未知窗口';
  if (role === 'print' && !PRINT_VIEW_CHANNELS.has(channel)) return `打印窗口不能调用 ${channel}`;
  return null;
}

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle'>;
  handlers: Handlers;
  roleOf: (contentsId: number) => SenderRole | null;
  log: Logger;
  /** See DispatchOptions.templates. */
  templates?: TemplateLookup;
}

export function registerIpc({ ipcMain, handlers, roleOf, log, templates }: IpcOptions): Channel[] {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: SenderEvent, rawInput: unknown): Promise<Reply<unknown>> => {
      try {
        const why = rejectSender(event, channel, roleOf);
        if (why) {
          log(`拒绝 ${channel}：${why}`);
          return failure(FOREIGN_SENDER, 'foreign-sender');
        }
        return await dispatch(handlers, channel, rawInput, { log, templates });
      } catch (e) {
        // e.g. a window destroyed mid-call; still a reply, never a stack.
        log(`处理 ${channel} 时出错`, e);
        return failure(INTERNAL_ERROR, 'internal');
      }
    });
  }
  return [...CHANNELS];
}
