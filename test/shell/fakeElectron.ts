/**
 * A stand-in for the 'electron' module, enough to run electron/main.ts under Node: it records
 * what the shell registers and lets a test play the user, a second launch or a foreign page.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { vi } from 'vitest';

export interface FakeOptions {
  home: string;
  lock?: boolean;
  isPackaged?: boolean;
  saveTo?: string | null;
}

let nextContentsId = 1;

export function createFakeElectron(opts: FakeOptions) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: opts.isPackaged ?? false,
    requestSingleInstanceLock: vi.fn(() => opts.lock ?? true),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    getPath: vi.fn((name: string) => join(opts.home, name)),
    whenReady: vi.fn(() => Promise.resolve()),
    isReady: () => true,
  });

  class FakeWebContents extends EventEmitter {
    readonly id = nextContentsId++;
    readonly mainFrame = { processId: 1, routingId: this.id, url: '', parent: null };
    setWindowOpenHandler = vi.fn();
    executeJavaScript = vi.fn(async (code: string) => (code.includes('fonts.ready') ? true : { ready: true }));
    printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 print view'));
    print = vi.fn((_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(true, ''));
  }

  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = true;
    loadURL = vi.fn(async (url: string) => {
      this.webContents.mainFrame.url = url;
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => {
      this.minimized = false;
    });
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.instances.push(this);
    }
    isMinimized = () => this.minimized;
    isDestroyed = () => this.destroyed;
    destroy = vi.fn(() => {
      this.destroyed = true;
    });
  }

  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    }),
  };

  const sessionHandlers: Record<string, unknown> = {};
  const defaultSession = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn((h: unknown) => (sessionHandlers.permissionRequest = h)),
    setPermissionCheckHandler: vi.fn((h: unknown) => (sessionHandlers.permissionCheck = h)),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn((h: unknown) => (sessionHandlers.beforeRequest = h)) },
  });

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    dialog: {
      showSaveDialog: vi.fn(async () => (opts.saveTo ? { canceled: false, filePath: opts.saveTo } : { canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() },
    shell: { openPath: vi.fn(async () => '') },
  };

  /** Calls a channel the way ipcRenderer.invoke from `contents`' top frame (or another frame) would. */
  const invoke = (channel: string, input: unknown, from: { contents: FakeWebContents; frame?: unknown }) => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ sender: from.contents, senderFrame: from.frame ?? from.contents.mainFrame }, input);
  };

  return { electron, app, FakeBrowserWindow, FakeWebContents, handlers, ipcMain, defaultSession, sessionHandlers, invoke };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
