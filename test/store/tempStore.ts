import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../electron/core/store';

/** A fresh folder under os.tmpdir(), removed by cleanup(). */
export function tempDir(prefix = 'shenbao-store-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2020-03-01T08:00:00.000Z'): { now: () => Date; advance(ms: number): void; set(iso: string): void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => (t += ms), set: (iso) => (t = Date.parse(iso)) };
}

export function storeIn(dir: string, extra: Partial<StoreOptions> = {}): Store {
  return openStore({ file: join(dir, 'shenbao.db'), appVersion: '0.0.0-test', ...extra });
}
