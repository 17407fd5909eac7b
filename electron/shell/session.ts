/**
 * Session-wide denials: the app is offline by design, asks for no permissions and downloads
 * nothing, so every request that is not for the app itself is cancelled.
 */
import type { Session } from 'electron';
import { isAppUrl } from './origin';

type Log = (message: string) => void;

/** Only the app's own files and in-memory data; no http(s), ws(s), ftp or file://. */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:';
}

export type HardenableSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'setSpellCheckerEnabled'
  | 'on'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

export function hardenSession(session: HardenableSession, log: Log = () => undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`已拒绝权限请求：${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequest(details.url);
    if (cancel) log(`已阻止网络请求：${details.url.slice(0, 200)}`);
    callback({ cancel });
  });
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log(`已阻止下载：${item.getURL().slice(0, 200)}`);
  });
}
