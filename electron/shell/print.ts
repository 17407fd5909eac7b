/**
 * print.pdf and print.print: the renderer's print view of a form (app://shenbao/index.html#/print/<id>)
 * is loaded in a hidden window, then turned into A4 PDF bytes with the page's own @page CSS, or sent
 * to the system print dialog. The print view marks itself ready with a [data-print-ready] element
 * once the form and fonts are laid out, or shows a [data-print-error] element with a Chinese message.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { UserError } from '../../shared/errors';
import type { Handlers } from '../core/handlers';
import { encodeBase64 } from '../core/handlers/files';
import { exportFileName } from '../core/export/fileName';
import type { TemplateDef } from '../../shared/template/schema';
import { printViewUrl } from './origin';

export const PRINT_READY_TIMEOUT_MS = 20_000;
const POLL_MS = 100;

export const PDF_OPTIONS = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  generateTaggedPDF: true,
} as const;

const PROBE = `(() => {
  const error = document.querySelector('[data-print-error]');
  if (error) return { error: (error.textContent || '').trim() || '打印视图出错' };
  return { ready: document.querySelector('[data-print-ready]') !== null };
})()`;

type PrintWindow = Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'id' | 'executeJavaScript' | 'printToPDF' | 'print'>;
};

export interface PrintDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow;
  windowOptions: BrowserWindowConstructorOptions;
  /** The ids of open print windows, so IPC lets them (and only them) read their form. */
  printContents: Set<number>;
  /** The core's forms.get, for the PDF's file name (and a clear error for a missing form). */
  getForm: NonNullable<Handlers['forms.get']>;
  /** The store's templates, for the file name a form's template gives it. */
  templates: { get(id: string, version?: number): TemplateDef };
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function waitUntilReady(win: PrintWindow, timeoutMs: number, sleep: (ms: number) => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await win.webContents.executeJavaScript(PROBE)) as { ready?: boolean; error?: string };
    if (state.error) throw new UserError(state.error);
    if (state.ready) break;
    if (Date.now() > deadline) throw new UserError('打印视图没有在规定时间内准备好，请稍后再试；如果反复出现，请重新启动程序');
    await sleep(POLL_MS);
  }
  await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
}

/** Opens the print view of form `id`, runs `use`, and always closes the window again. */
async function withPrintView<T>(deps: PrintDeps, id: number, use: (win: PrintWindow) => Promise<T>): Promise<T> {
  const win = deps.createWindow(deps.windowOptions);
  const contentsId = win.webContents.id;
  deps.printContents.add(contentsId);
  try {
    try {
      await win.loadURL(printViewUrl(id));
    } catch {
      throw new UserError('无法打开打印视图，请重新启动程序后再试');
    }
    await waitUntilReady(win, deps.timeoutMs ?? PRINT_READY_TIMEOUT_MS, deps.sleep ?? defaultSleep);
    return await use(win);
  } finally {
    deps.printContents.delete(contentsId);
    if (!win.isDestroyed()) win.destroy();
  }
}

function printOnce(win: PrintWindow, options: WebContentsPrintOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    win.webContents.print(options, (success, failureReason) => {
      // Cancelling the dialog is the user's choice, not a failure.
      if (success || /cancel/i.test(failureReason)) resolve();
      else reject(new UserError(`打印失败（${failureReason}），请检查打印机是否已连接并开机后重试`));
    });
  });
}

export function printHandlers(deps: PrintDeps): Handlers {
  return {
    'print.pdf': async ({ id }) => {
      const record = await deps.getForm({ id });
      const fileName = exportFileName(record.data, deps.templates.get(record.templateId, record.templateVersion)).replace(
        /\.docx$/,
        '.pdf',
      );
      const bytes = await withPrintView(deps, id, (win) => win.webContents.printToPDF(PDF_OPTIONS));
      return { fileName, data: encodeBase64(bytes) };
    },
    'print.print': async ({ id }) => {
      await deps.getForm({ id });
      await withPrintView(deps, id, (win) => printOnce(win, { silent: false, printBackground: true }));
      return { ok: true as const };
    },
  };
}
