/**
 * Round-trip fuzzing (issue 8.2): 1,000 forms from a fixed seed go through store save → load →
 * exportDocx → readDocxForm and must come back equal, except for the characters Word cannot
 * hold, which the exporter removes and reports (sanitizeForm).
 */
import { T2019 } from '../helpers/seed';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { sanitizeForm } from '../../electron/core/export/xmlText';
import { readDocx } from '../helpers/read';
import { openStore, type Store } from '../../electron/core/store';
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';
import { FUZZ_SEED, makeFuzzForm, rng } from './fuzzForms';

const COUNT = 1000;

let dir: string;
let store: Store;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-fuzz-'));
  store = openStore({ file: join(dir, 'forms.db'), appVersion: 'fuzz' });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('round-trip fuzzing', () => {
  it(`${COUNT} generated forms survive store → export → import`, { timeout: 120_000 }, async () => {
    const r = rng(FUZZ_SEED);
    const t = bumenZhengti2019;
    const failures: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const saved = store.create(makeFuzzForm(r, i));
      const loaded = store.get(saved.id).data;
      const { bytes } = await exportDocx(loaded, T2019, { appVersion: 'fuzz' });
      const read = await readDocx(bytes);
      const expected = sanitizeForm(loaded, t).form;
      try {
        expect(read.source).toBe('embedded');
        expect(read.data).toEqual(expected);
        expect(read.notes).toEqual([]);
      } catch (e) {
        failures.push(`#${i}: ${(e as Error).message.slice(0, 400)}`);
        if (failures.length >= 5) break;
      }
    }
    expect(failures).toEqual([]);
  });
});
