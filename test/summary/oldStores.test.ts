import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import { runSummary } from '../../electron/core/summary';
import { tempDir } from '../store/tempStore';

const FIXTURES = fileURLToPath(new URL('../fixtures/db/', import.meta.url));
const files = readdirSync(FIXTURES).filter((n) => /^schema-v\d+\.db$/.test(n));

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

describe('stores made by earlier versions', () => {
  it.each(files)('%s, once opened, is searched through its index and summed like a new one', async (name) => {
    const file = join(tmp.dir, 'shenbao.db');
    copyFileSync(join(FIXTURES, name), file);
    const store = openStore({ file, appVersion: 'current', autoBackup: false });
    try {
      const live = store.list();
      const taoyuan = live.filter((f) => f.title.includes('桃源县'));
      expect(store.list({ search: '桃源县' }).map((f) => f.id)).toEqual(expect.arrayContaining(taoyuan.map((f) => f.id)));
      expect(store.listPage({ limit: 2 }).total).toBe(live.length);
      for (const year of new Set(live.map((f) => f.year))) {
        const s = await runSummary(store, { year });
        expect(s.counts.forms).toBe(live.filter((f) => f.year === year).length);
        expect(s.counts.unreadable).toBe(0);
      }
    } finally {
      store.close();
    }
  });
});
