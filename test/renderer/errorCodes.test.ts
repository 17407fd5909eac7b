// @vitest-environment jsdom
/**
 * A failure's code travels from the store through dispatch and either shell to the renderer, which
 * branches on it and never on the Chinese wording: here every message of forms.save is reworded on
 * its way out, and a save over a newer revision is still a conflict (kept text, the user chooses),
 * in browser mode (real HTTP, the real web client) and over the desktop wire (preload's buildApi,
 * unwrapped in the page by fromWire). A real store in a real SQLite file answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Api, FormRecord } from '../../shared/contract';
import { errorCodeSchema } from '../../shared/contract';
import { errorCodeOf, isUserError, UserError } from '../../shared/errors';
import type { FormData } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';
import { bumenZhengti2019 as t } from '../../shared/templates/bumen-zhengti-2019';
import { createCoreHandlers, dispatch, type Handlers } from '../../electron/core/handlers';
import { openStore, type Store } from '../../electron/core/store';
import { handleApi } from '../../electron/web/apiRoute';
import { buildApi } from '../../electron/shell/preloadApi';
import { createWebClient } from '../../renderer/src/api/webClient';
import { fromWire } from '../../renderer/src/api/wire';
import { Autosaver } from '../../renderer/src/editor/autosave';
import { FormStore } from '../../renderer/src/editor/formStore';
import { readDraft } from '../../renderer/src/editor/drafts';
import seedJson from '../fixtures/seed-2019-taoyuan.json';

let made = 0;
/** The seed form, each time for another unit (the store keeps one form per unit and year). */
const seedForm = (): FormData => {
  const f = fromLabelJson(seedJson, t).form;
  return { ...f, values: { ...f.values, department: `测试单位${++made}` } };
};
const REWORDED = '（改过措辞的提示，不含任何原来的字）';

let dir: string;
let store: Store;
let server: Server;
let base: string;
const TOKEN = 'test-token';
/** Every forms.save failure leaves with another message but the same code; plain failures too. */
let plainFailure: Error | null = null;

function reworded(handlers: Handlers): Handlers {
  const save = handlers['forms.save']!;
  return {
    ...handlers,
    'forms.save': async (input) => {
      if (plainFailure) throw plainFailure;
      try {
        return await save(input);
      } catch (e) {
        throw isUserError(e) ? new UserError(REWORDED, e.code) : e;
      }
    },
  };
}

let handlers: Handlers;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-codes-'));
  store = openStore({ file: join(dir, 'shenbao.db'), appVersion: '0.0.0-test' });
  handlers = reworded(createCoreHandlers({ store, appVersion: '0.0.0-test', mode: 'web' }));
  server = createServer((req, res) => {
    const channel = decodeURIComponent((req.url ?? '').replace(/^\/api\//, '').split('?')[0]);
    void handleApi(req, res, channel, { token: TOKEN, handlers, log: () => undefined });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  localStorage.clear();
  plainFailure = null;
});

const browserApi = (): Api =>
  createWebClient(
    (u, i) => fetch(u, i),
    () => TOKEN,
    base,
  );
const desktopApi = (): Api => fromWire(buildApi((channel, input) => dispatch(handlers, channel, input, { log: () => undefined })));

const sameData = (a: FormData, b: FormData) => JSON.stringify(a.values) === JSON.stringify(b.values);

describe.each([
  ['browser mode (HTTP)', browserApi],
  ['desktop (preload wire)', desktopApi],
])('a stale save over %s', (_name, makeApi) => {
  it('is a conflict by its code, whatever its message says; the text is kept and 覆盖 saves it', async () => {
    const api = makeApi();
    const rec = store.create(seedForm());
    const editor = new FormStore(t, rec.data);
    const saver = new Autosaver(
      editor,
      rec.id,
      rec.revision,
      (i) => api['forms.save'](i),
      () => {},
      new Date(),
      {
        getNewest: () => api['forms.get']({ id: rec.id }),
        same: sameData,
      },
    );
    // Someone else saves first (another window): the editor's base revision is now old.
    const other: FormRecord = await api['forms.save']({
      id: rec.id,
      data: { ...rec.data, values: { ...rec.data.values, filler: '别处改的' } },
      baseRevision: rec.revision,
    });
    editor.set('filler', '这里改的');
    await saver.flush();
    expect(saver.status).toEqual({ state: 'conflict', message: REWORDED });
    expect(readDraft(rec.id)?.data.values.filler).toBe('这里改的');
    expect((await api['forms.get']({ id: rec.id })).data.values.filler).toBe('别处改的');
    // 保留我的修改（覆盖）.
    await saver.overwrite(other.revision);
    expect(saver.status.state).toBe('saved');
    expect((await api['forms.get']({ id: rec.id })).data.values.filler).toBe('这里改的');
    saver.dispose();
  });

  it('arrives as a UserError with the code, and a message that merely reads like a conflict is not one', async () => {
    const api = makeApi();
    const rec = store.create(seedForm());
    const failed = await api['forms.save']({ id: rec.id, data: rec.data, baseRevision: rec.revision - 1 }).catch((e: unknown) => e);
    expect(isUserError(failed)).toBe(true);
    expect(errorCodeOf(failed)).toBe('stale');
    expect((failed as Error).message).toBe(REWORDED);

    plainFailure = new UserError('表单已在别处修改（其实是另一种错误）', 'disk-full');
    const editor = new FormStore(t, rec.data);
    const saver = new Autosaver(editor, rec.id, rec.revision, (i) => api['forms.save'](i));
    editor.set('filler', '张三');
    await saver.flush();
    expect(saver.status).toEqual({ state: 'error', message: '表单已在别处修改（其实是另一种错误）' });
    saver.dispose();
  });

  it('an internal failure comes with `internal` and no stack; a bad request with `bad-request`', async () => {
    const api = makeApi();
    plainFailure = new Error('SQLITE_SOMETHING at /secret/path');
    const internal = await api['forms.save']({ id: 1, data: seedForm(), baseRevision: 1 }).catch((e: unknown) => e);
    expect(errorCodeOf(internal)).toBe('internal');
    expect((internal as Error).message).not.toContain('secret');
    const bad = await api['forms.get']({ id: 'x' as unknown as number }).catch((e: unknown) => e);
    expect(errorCodeOf(bad)).toBe('bad-request');
    expect((bad as Error).message).toMatch(/^请求数据不正确/);
  });
});

describe('the code set', () => {
  it('is a zod enum in the contract, and the store’s stale refusal is in it', () => {
    expect(errorCodeSchema.options).toContain('stale');
    expect(errorCodeSchema.safeParse('no-such-code').success).toBe(false);
  });
});
