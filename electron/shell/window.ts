/**
 * The app's windows and the guards every web contents gets: the page may never leave the app's
 * own document, open windows, embed <webview>s or download anything.
 */
import type { BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './origin';

/** The same locked-down preferences for the main window and the hidden print windows. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    safeDialogs: true,
    // Chromium's spellchecker downloads dictionaries; the app is offline.
    spellcheck: false,
    devTools: true,
  };
}

export function mainWindowOptions(
  preload: string,
  opts: { title: string; devTools: boolean; icon?: string },
): BrowserWindowConstructorOptions {
  return {
    title: opts.title,
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: { ...secureWebPreferences(preload), devTools: opts.devTools },
  };
}

/** Hidden: it only renders the print view for printToPDF / print. */
export function printWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794, // A4 at 96 dpi, so media queries see a page-sized viewport
    height: 1123,
    webPreferences: { ...secureWebPreferences(preload), devTools: false },
  };
}

/** Navigation stays inside the app's one document (its routes are hash changes, which never navigate). */
export function isAllowedNavigation(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/' || pathname === '/index.html';
}

type Guardable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
type Log = (message: string) => void;

export function guardWebContents(contents: Guardable, log: Log = () => undefined): void {
  contents.setWindowOpenHandler(({ url }) => {
    log(`已阻止打开新窗口：${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  const denyForeign = (event: { preventDefault(): void }, url: string, what: string) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log(`已阻止${what}：${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', (event) => denyForeign(event, event.url, '页面跳转'));
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames have no business in the app at all.
    if (!event.isMainFrame) {
      event.preventDefault();
      log(`已阻止子框架跳转：${event.url.slice(0, 200)}`);
      return;
    }
    denyForeign(event, event.url, '页面跳转');
  });
  contents.on('will-redirect', (event) => denyForeign(event, event.url, '重定向'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('已阻止 <webview>');
  });
}
