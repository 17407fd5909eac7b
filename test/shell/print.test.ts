import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../../shared/errors';
import { dispatch, type Handlers } from '../../electron/core/handlers';
import { PDF_OPTIONS, printHandlers } from '../../electron/shell/print';
import { seedForm, T2019 } from '../helpers/seed';

const record = {
  id: 5,
  templateId: seedForm().templateId,
  templateVersion: 2,
  year: '2019',
  title: '',
  unit: '',
  status: 'draft' as const,
  updatedAt: '2019-01-01T00:00:00Z',
  deletedAt: null,
  createdAt: '2019-01-01T00:00:00Z',
  revision: 1,
  data: seedForm(),
};

/** A hidden window whose print view becomes ready after `readyAfter` probes (or shows `error`). */
function fakeWindow(opts: { readyAfter?: number; error?: string; printResult?: [boolean, string]; loadFails?: boolean }) {
  let probes = 0;
  const win = {
    destroyed: false,
    loadURL: vi.fn(async () => {
      if (opts.loadFails) throw new Error('ERR_FILE_NOT_FOUND');
    }),
    isDestroyed: () => win.destroyed,
    destroy: vi.fn(() => {
      win.destroyed = true;
    }),
    webContents: {
      id: 42,
      executeJavaScript: vi.fn(async (code: string) => {
        if (code.includes('document.fonts.ready')) return true;
        probes++;
        if (opts.error) return { error: opts.error };
        return { ready: probes > (opts.readyAfter ?? 0) };
      }),
      printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')),
      print: vi.fn((_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(...(opts.printResult ?? [true, '']))),
    },
  };
  return win;
}

function setup(win: ReturnType<typeof fakeWindow>, getForm: Handlers['forms.get'] = async () => record) {
  const printContents = new Set<number>();
  const seenDuringPrint: boolean[] = [];
  win.webContents.printToPDF.mockImplementation(async () => {
    seenDuringPrint.push(printContents.has(42));
    return Buffer.from('%PDF-1.7 fake');
  });
  const createWindow = vi.fn(() => win);
  const handlers = printHandlers({
    createWindow: createWindow as never,
    windowOptions: { show: false },
    printContents,
    getForm: getForm!,
    templates: { get: () => T2019 },
    timeoutMs: 200,
    sleep: async () => undefined,
  });
  const call = (channel: 'print.pdf' | 'print.print', input: unknown) => dispatch(handlers, channel, input, { log: () => undefined });
  return { call, createWindow, printContents, seenDuringPrint };
}

describe('print.pdf', () => {
  it('loads the print view in a hidden window, waits until it is ready, and returns A4 PDF bytes', async () => {
    const win = fakeWindow({ readyAfter: 3 });
    const { call, createWindow, printContents, seenDuringPrint } = setup(win);
    const reply = await call('print.pdf', { id: 5 });
    expect(reply).toEqual({
      ok: true,
      value: { fileName: expect.stringMatching(/\.pdf$/), data: Buffer.from('%PDF-1.7 fake').toString('base64') },
    });
    expect(createWindow).toHaveBeenCalledWith({ show: false });
    expect(win.loadURL).toHaveBeenCalledWith('app://shenbao/index.html#/print/5');
    expect(win.webContents.executeJavaScript.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true });
    // Trusted for IPC while it prints, forgotten and closed afterwards.
    expect(seenDuringPrint).toEqual([true]);
    expect(printContents.size).toBe(0);
    expect(win.destroy).toHaveBeenCalled();
  });

  it('names the PDF like the Word export', async () => {
    const { call } = setup(fakeWindow({}));
    const reply = (await call('print.pdf', { id: 5 })) as { ok: true; value: { fileName: string } };
    expect(reply.value.fileName).toMatch(/2019.*\.pdf$/);
  });

  it('passes the print view’s own error message on and closes the window', async () => {
    const win = fakeWindow({ error: '找不到这份申报表，它可能已被删除' });
    const { call } = setup(win);
    await expect(call('print.pdf', { id: 5 })).resolves.toEqual({ ok: false, error: '找不到这份申报表，它可能已被删除', code: 'user' });
    expect(win.destroy).toHaveBeenCalled();
  });

  it('gives up with a Chinese message when the view never becomes ready', async () => {
    const win = fakeWindow({ readyAfter: Number.POSITIVE_INFINITY });
    const { call } = setup(win);
    const reply = await call('print.pdf', { id: 5 });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('打印视图没有在规定时间内准备好'), code: 'user' });
    expect(win.destroy).toHaveBeenCalled();
  });

  it('reports a missing form before opening any window', async () => {
    const win = fakeWindow({});
    const { call, createWindow } = setup(win, async () => {
      throw new UserError('找不到这份申报表');
    });
    await expect(call('print.pdf', { id: 9 })).resolves.toEqual({ ok: false, error: '找不到这份申报表', code: 'user' });
    expect(createWindow).not.toHaveBeenCalled();
  });

  it('reports a view that cannot load', async () => {
    const win = fakeWindow({ loadFails: true });
    const { call } = setup(win);
    await expect(call('print.pdf', { id: 5 })).resolves.toEqual({
      ok: false,
      error: expect.stringContaining('无法打开打印视图'),
      code: 'user',
    });
    expect(win.destroy).toHaveBeenCalled();
  });
});

describe('print.print', () => {
  it('opens the system print dialog for the print view', async () => {
    const win = fakeWindow({});
    const { call } = setup(win);
    await expect(call('print.print', { id: 5 })).resolves.toEqual({ ok: true, value: { ok: true } });
    expect(win.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: false, printBackground: true }),
      expect.any(Function),
    );
    expect(win.destroy).toHaveBeenCalled();
  });

  it('treats a cancelled dialog as fine and a printer failure as a Chinese error', async () => {
    expect(await setup(fakeWindow({ printResult: [false, 'Print job canceled'] })).call('print.print', { id: 5 })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(await setup(fakeWindow({ printResult: [false, 'Print job failed'] })).call('print.print', { id: 5 })).toEqual({
      ok: false,
      error: expect.stringContaining('打印失败'),
      code: 'user',
    });
  });
});
