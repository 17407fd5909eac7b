import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
