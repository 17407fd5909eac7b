import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Reply } from '../../shared/contract';
import { dispatch, type Handlers, type TemplateLookup } from '../../electron/core/handlers/dispatch';
import { openStore, type Store } from '../../electron/core/store';

/** A real store in a fresh temp folder; call cleanup() when done. */
export function tempStore(): { store: Store; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-handlers-test-'));
  const store = openStore({ file: join(dir, 'shenbao.db'), appVersion: '0.1.0-test', autoBackup: false });
  return {
    store,
    dir,
    cleanup: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * call() answers a channel's value or throws with its error; failure() expects an error and
 * returns its message. Handlers are read at call time, so beforeEach may replace them.
 */
export function caller(
  handlers: () => Handlers,
  templates?: () => TemplateLookup,
): {
  call<T>(channel: string, input: unknown): Promise<T>;
  failure(channel: string, input: unknown): Promise<string>;
} {
  return {
    async call<T>(channel: string, input: unknown): Promise<T> {
      const reply = (await dispatch(handlers(), channel, input, { templates: templates?.() })) as Reply<T>;
      if (!reply.ok) throw new Error(`${channel} 失败：${reply.error}`);
      return reply.value;
    },
    async failure(channel: string, input: unknown): Promise<string> {
      const reply = await dispatch(handlers(), channel, input, { templates: templates?.() });
      expect(reply.ok, `${channel} 应当失败`).toBe(false);
      return (reply as { error: string }).error;
    },
  };
}
