/**
 * The desktop shell's lifecycle, with Electron passed in so tests can drive it with a mock:
 * single instance, app:// protocol, hardened session and windows, IPC from the contract,
 * the store in userData, the Chinese menu. main.ts only calls startShell with the real modules.
 */
import type * as ElectronModule from 'electron';
import type { BrowserWindow } from 'electron';
import { isUserError } from '../../shared/errors';
import type { Handlers } from '../core/handlers';
import { dialogHandlers } from './dialogs';
import { registerIpc, type SenderRole } from './ipc';
import { createLog, logFatalErrors, type AppLog } from './log';
import { menuTemplate } from './menu';
import { APP_INDEX_URL } from './origin';
import { databaseFile, logDir, preloadFile, rendererDir, sqliteBinding } from './paths';
import { printHandlers } from './print';
import { installAppProtocol, registerAppScheme } from './protocol';
import { hardenSession } from './session';
import { claimSingleInstance } from './singleInstance';
import { guardWebContents, mainWindowOptions, printWindowOptions } from './window';
import type { TemplateDef } from '../../shared/template/schema';

export type ElectronApi = Pick<
  typeof ElectronModule,
  'app' | 'BrowserWindow' | 'ipcMain' | 'dialog' | 'protocol' | 'session' | 'Menu' | 'shell'
>;

export interface ClosableStore {
  close(): void;
  /** The store's templates (built-in and imported), for the print view's file name and messages naming a form's fields. */
  readonly templates: { get(id: string, version?: number): TemplateDef; find(id: string): TemplateDef | undefined };
}

type StoreOptions = { file: string; appVersion: string; nativeBinding?: string };

export interface ShellDeps<S extends ClosableStore> {
  electron: ElectronApi;
  openStore(options: StoreOptions): S;
  /** Replaces a damaged database with an automatic backup (the damaged file is kept aside). */
  restoreDamaged?(options: StoreOptions, backupFile: string): S;
  createCoreHandlers(ctx: { store: S; appVersion: string; mode: 'desktop' }): Handlers;
  appVersion: string;
  productName: string;
  /** The folder of main.cjs (dist/main). */
  mainDir: string;
  env: Record<string, string | undefined>;
  /** Where uncaught errors are caught and logged (the real `process` in main.ts). */
  process?: Parameters<typeof logFatalErrors>[0];
}

export interface Shell {
  /** Resolves once the main window is loading (or startup failed and the app is quitting). */
  ready: Promise<void>;
  mainWindow(): BrowserWindow | null;
}

const STARTUP_FAILED = '绩效目标申报无法启动';

export function startShell<S extends ClosableStore>(deps: ShellDeps<S>): Shell | null {
  const { app, BrowserWindow, ipcMain, dialog, protocol, session, Menu, shell } = deps.electron;
  let mainWindow: BrowserWindow | null = null;
  if (!claimSingleInstance(app, () => mainWindow)) return null;

  // Every renderer sandboxed, whatever options a window is created with.
  app.enableSandbox();
  registerAppScheme(protocol);
  const userData = app.getPath('userData');
  const log: AppLog = createLog({ dir: logDir(userData) });
  const logError = (message: string, error?: unknown) => log.error(message, error);
  if (deps.process) logFatalErrors(deps.process, log, (title, detail) => dialog.showErrorBox(title, detail));
  log.info(`启动 ${deps.productName} ${deps.appVersion}（${app.isPackaged ? '安装版' : '开发版'}）`);

  const devTools = !app.isPackaged;
  const printContents = new Set<number>();
  const roleOf = (id: number): SenderRole | null =>
    mainWindow && !mainWindow.isDestroyed() && mainWindow.webContents.id === id ? 'main' : printContents.has(id) ? 'print' : null;

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (m) => log.info(m)));
  app.on('window-all-closed', () => app.quit());

  let store: S | null = null;
  app.on('will-quit', () => {
    store?.close();
    store = null;
  });

  const createMainWindow = () => {
    const win = new BrowserWindow(mainWindowOptions(preloadFile(deps.mainDir), { title: deps.productName, devTools }));
    mainWindow = win;
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    win.webContents.on('render-process-gone', (_e, details) => log.error(`页面进程退出：${details.reason}`));
    return win.loadURL(APP_INDEX_URL);
  };

  /** A damaged database is not the end: offer the newest automatic backup, which the store keeps. */
  const openOrRecover = async (options: StoreOptions): Promise<S> => {
    try {
      return deps.openStore(options);
    } catch (e) {
      const damaged = e as { code?: string; newestBackup?: string | null };
      if (!deps.restoreDamaged || damaged.code !== 'damaged' || !damaged.newestBackup) throw e;
      logError('数据库损坏', e);
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        title: '数据库文件已损坏',
        message: '数据库文件已损坏，无法打开。',
        detail: `可以用最新的自动备份恢复：\n${damaged.newestBackup}\n损坏的文件会被另存在原处，不会被删除。`,
        buttons: ['用自动备份恢复', '退出'],
        defaultId: 0,
        cancelId: 1,
      });
      if (response !== 0) throw e;
      log.info(`用自动备份恢复：${damaged.newestBackup}`);
      return deps.restoreDamaged(options, damaged.newestBackup);
    }
  };

  const ready = app.whenReady().then(async () => {
    try {
      hardenSession(session.defaultSession, (m) => log.info(m));
      installAppProtocol(protocol, rendererDir(deps.mainDir));
      const file = databaseFile(userData);
      store = await openOrRecover({ file, appVersion: deps.appVersion, nativeBinding: sqliteBinding(deps.env, app.isPackaged) });
      log.info(`数据库：${file}`);
      const core = deps.createCoreHandlers({ store, appVersion: deps.appVersion, mode: 'desktop' });
      const getForm = core['forms.get'];
      if (!getForm) throw new Error('core has no forms.get handler');
      const handlers: Handlers = {
        ...core,
        ...dialogHandlers({ dialog, window: () => mainWindow, defaultDir: app.getPath('documents') }),
        ...printHandlers({
          createWindow: (options) => new BrowserWindow(options),
          windowOptions: printWindowOptions(preloadFile(deps.mainDir)),
          printContents,
          getForm,
          templates: store.templates,
        }),
      };
      registerIpc({ ipcMain, handlers, roleOf, log: logError, templates: store.templates });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate(
            {
              openDataFolder: () => void shell.openPath(userData),
              openLogFolder: () => void shell.openPath(logDir(userData)),
              about: () =>
                void dialog.showMessageBox({
                  type: 'info',
                  title: '关于',
                  message: `${deps.productName} ${deps.appVersion}`,
                  detail: `部门整体支出绩效目标申报表离线填报程序。所有数据只保存在本机：\n${userData}`,
                  buttons: ['确定'],
                }),
            },
            { devTools },
          ),
        ),
      );
      await createMainWindow();
    } catch (e) {
      logError('启动失败', e);
      const detail = isUserError(e) ? (e as Error).message : `请重新启动程序；如果反复出现，请把日志文件发给技术支持：\n${log.file}`;
      dialog.showErrorBox(STARTUP_FAILED, detail);
      app.quit();
    }
  });

  app.on('activate', () => {
    if (!mainWindow && app.isReady()) void createMainWindow();
  });

  return { ready, mainWindow: () => mainWindow };
}
