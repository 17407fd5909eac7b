// @vitest-environment jsdom
/**
 * What the store leaves out when it opens reaches the user (issue #27 item 2): a store whose
 * stored template has a built-in's id (as a backup or an update can leave it) opens, and its
 * notice is in app.info, on the command line's stderr (in Chinese, before the command's output,
 * which stays as it was) and in the window as a notification at start. The window's api answers
 * from the real core (dispatch over a real store file), not a table.
 */
import Database from 'better-sqlite3';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications as shown } from '@mantine/notifications';
import { cleanup, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireApi } from '../../shared/contract';
import { createCoreHandlers, dispatch, type Handlers } from '../../electron/core/handlers';
import { openStore, type Store } from '../../electron/core/store';
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';
import { runCliCapture } from '../helpers/cli';
import { blankForm } from '../../shared/formOps';
import { stubBrowserLayout } from './jsdomApi';
import { tempDir } from '../store/tempStore';

const NOTICE = /导入的表样「bumen-zhengti-2019」（第 \d+ 版）与程序自带的表样编号相同，没有载入/;

let tmp: ReturnType<typeof tempDir>;
let file: string;
let store: Store | null = null;

/** A store file holding one form and, when `builtInRow`, a stored template row with the 2019 form's own id. */
function makeStore(builtInRow: boolean): void {
  const s = openStore({ file, appVersion: 'test', autoBackup: false });
  s.create({ ...blankForm(bumenZhengti2019, '2020'), values: { ...blankForm(bumenZhengti2019, '2020').values, department: '体育局' } });
  s.close();
  if (!builtInRow) return;
  const db = new Database(file);
  db.prepare(`INSERT INTO templates (id, version, json, imported_at) VALUES (?, ?, ?, '2020-01-01T00:00:00.000Z')`).run(
    bumenZhengti2019.id,
    bumenZhengti2019.version,
    JSON.stringify(bumenZhengti2019),
  );
  db.close();
}

let handlers: Handlers = {};

/** window.api answers from the real core over the store file (the renderer's api module takes window.api once, at its import). */
function installCoreApi(): void {
  store = openStore({ file, appVersion: 'test', autoBackup: false });
  handlers = createCoreHandlers({ store, appVersion: 'test', mode: 'desktop' });
}

let notices: typeof import('../../renderer/src/shell/startupNotices');
beforeAll(async () => {
  stubBrowserLayout();
  (window as unknown as { api: WireApi }).api = new Proxy({} as WireApi, {
    get: (_t, channel: string) => (input: unknown) => dispatch(handlers, channel, input, { log: () => undefined }),
  });
  notices = await import('../../renderer/src/shell/startupNotices');
});

function Probe() {
  notices.useStartupNotices();
  return <p>窗口</p>;
}

const renderWindow = () =>
  render(
    <StrictMode>
      <MantineProvider>
        <Notifications />
        <Probe />
      </MantineProvider>
    </StrictMode>,
  );

beforeEach(() => {
  tmp = tempDir('shenbao-notices-');
  file = join(tmp.dir, 'shenbao.db');
});
afterEach(() => {
  cleanup();
  // Mantine keeps its notifications in one store for the page.
  shown.clean();
  store?.close();
  store = null;
  tmp.cleanup();
});

describe('store notices reach the user', () => {
  it('app.info carries them, and none when the store left nothing out', async () => {
    makeStore(true);
    installCoreApi();
    const reply = (await window.api!['app.info']({})) as { ok: true; value: { notices: string[] } };
    expect(reply.ok).toBe(true);
    expect(reply.value.notices).toHaveLength(1);
    expect(reply.value.notices[0]).toMatch(NOTICE);
    store!.close();
    tmp.cleanup();
    tmp = tempDir('shenbao-notices-');
    file = join(tmp.dir, 'shenbao.db');
    makeStore(false);
    installCoreApi();
    expect(((await window.api!['app.info']({})) as { value: { notices: string[] } }).value.notices).toEqual([]);
  });

  it('the command line says them on stderr, in Chinese, and its output is unchanged', async () => {
    makeStore(true);
    const r = await runCliCapture(['--db', file, 'list', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^提示：${NOTICE.source}`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    // A store with nothing left out says nothing more.
    file = join(tmp.dir, 'other.db');
    makeStore(false);
    const clean = await runCliCapture(['--db', file, 'list', '--json']);
    expect(clean.stderr).toBe('');
  });

  it('the window shows each one once, as a notification that stays', async () => {
    makeStore(true);
    installCoreApi();
    renderWindow();
    expect(await screen.findByText(NOTICE)).toBeTruthy();
    expect(screen.getAllByText(notices.NOTICE_TITLE)).toHaveLength(1);
    // Still there after the time an ordinary notification closes in.
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.getAllByText(NOTICE)).toHaveLength(1);
  });

  it('the window shows none when the store left nothing out', async () => {
    makeStore(false);
    installCoreApi();
    renderWindow();
    expect(await screen.findByText('窗口')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByText(notices.NOTICE_TITLE)).toBeNull();
  });
});
