import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, isAllowedRequest, type HardenableSession } from '../../electron/shell/session';
import { guardWebContents, isAllowedNavigation, mainWindowOptions, printWindowOptions } from '../../electron/shell/window';

describe('window options', () => {
  it.each([
    ['main', mainWindowOptions('/app/preload.cjs', { title: '绩效目标申报', devTools: false })],
    ['print', printWindowOptions('/app/preload.cjs')],
  ])('the %s window is isolated, sandboxed and without Node', (_name, options) => {
    const web = options.webPreferences!;
    expect(web).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(options.show).toBe(false);
  });

  it('offers developer tools only when asked to', () => {
    expect(mainWindowOptions('p', { title: 't', devTools: false }).webPreferences!.devTools).toBe(false);
    expect(mainWindowOptions('p', { title: 't', devTools: true }).webPreferences!.devTools).toBe(true);
    expect(printWindowOptions('p').webPreferences!.devTools).toBe(false);
  });
});

/** Enough of WebContents to drive the guards: events with preventDefault and the window-open handler. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => {
      emitter.on(event, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, details: Record<string, unknown> = {}) => {
    const e = { ...details, preventDefault: vi.fn() };
    emitter.emit(event, e);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('guardWebContents', () => {
  const guarded = () => {
    const fake = fakeContents();
    const log = vi.fn();
    guardWebContents(fake.contents as never, log);
    return { ...fake, log };
  };

  it('denies every new window', () => {
    const { open, log } = guarded();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://shenbao/index.html')).toEqual({ action: 'deny' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('新窗口'));
  });

  it('denies navigation away from the app’s document', () => {
    const { fire } = guarded();
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://shenbao/other.html',
      'app://evil/index.html',
      'javascript:alert(1)',
    ]) {
      expect(fire('will-navigate', { url, isMainFrame: true }), url).toBe(true);
      expect(fire('will-frame-navigate', { url, isMainFrame: true }), url).toBe(true);
      expect(fire('will-redirect', { url, isMainFrame: true }), url).toBe(true);
    }
    expect(fire('will-navigate', { url: 'app://shenbao/index.html', isMainFrame: true })).toBe(false);
    expect(fire('will-frame-navigate', { url: 'app://shenbao/index.html', isMainFrame: false })).toBe(true);
  });

  it('denies <webview>', () => {
    const { fire } = guarded();
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('allows only the app’s own document as a navigation target', () => {
    expect(isAllowedNavigation('app://shenbao/index.html#/print/2')).toBe(true);
    expect(isAllowedNavigation('app://shenbao/')).toBe(true);
    expect(isAllowedNavigation('app://shenbao:80/index.html')).toBe(false);
    expect(isAllowedNavigation('app://user@shenbao/index.html')).toBe(false);
  });
});

function fakeSession() {
  const calls: Record<string, unknown> = {};
  const emitter = new EventEmitter();
  const session = {
    setPermissionRequestHandler: (h: unknown) => void (calls.request = h),
    setPermissionCheckHandler: (h: unknown) => void (calls.check = h),
    setDevicePermissionHandler: (h: unknown) => void (calls.device = h),
    setDisplayMediaRequestHandler: (h: unknown) => void (calls.display = h),
    setSpellCheckerEnabled: (on: boolean) => void (calls.spell = on),
    on: (event: string, listener: (...args: unknown[]) => void) => {
      emitter.on(event, listener);
      return session;
    },
    webRequest: { onBeforeRequest: (h: unknown) => void (calls.beforeRequest = h) },
  };
  return { session: session as unknown as HardenableSession, calls, emitter };
}

describe('hardenSession', () => {
  const hardened = () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    return fake;
  };

  it('denies every permission request and check', () => {
    const { calls } = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      (calls.request as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect((calls.check as (wc: unknown, p: string) => boolean)(null, permission)).toBe(false);
    }
    expect((calls.device as () => boolean)()).toBe(false);
    const display = vi.fn();
    (calls.display as (r: unknown, cb: (s: unknown) => void) => void)({}, display);
    expect(display).toHaveBeenCalledWith(null);
    expect(calls.spell).toBe(false);
  });

  it('cancels every network request and lets the app’s own files through', () => {
    const { calls } = hardened();
    const decide = (url: string) => {
      const callback = vi.fn();
      (calls.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, callback);
      return callback.mock.calls[0][0].cancel as boolean;
    };
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:3000/api',
      'HTTPS://CDN.EXAMPLE/x.js',
      'ws://localhost/socket',
      'wss://example.com/',
      'ftp://example.com/f',
      'file:///etc/passwd',
      'app://evil/index.html',
    ]) {
      expect(decide(url), url).toBe(true);
    }
    for (const url of ['app://shenbao/index.html', 'app://shenbao/assets/a.js', 'data:image/png;base64,AAAA', 'blob:app://shenbao/1-2']) {
      expect(decide(url), url).toBe(false);
    }
  });

  it('cancels downloads', () => {
    const { emitter } = hardened();
    const event = { preventDefault: vi.fn() };
    emitter.emit('will-download', event, { getURL: () => 'blob:app://shenbao/x' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('classifies requests the same way on its own', () => {
    expect(isAllowedRequest('https://example.com')).toBe(false);
    expect(isAllowedRequest('app://shenbao/index.html')).toBe(true);
  });
});
