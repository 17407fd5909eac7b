/** Issue 8.2: generated forms with hostile text, exported, open in LibreOffice without error. */
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { FUZZ_SEED, makeFuzzForm, rng } from '../fuzz/fuzzForms';

const COUNT = 20;
const dir = mkdtempSync(join(tmpdir(), 'shenbao-fuzz-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it(`${COUNT} fuzzed exports convert to PDF in LibreOffice`, async () => {
  const r = rng(FUZZ_SEED);
  const files: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const file = join(dir, `fuzz-${i}.docx`);
    writeFileSync(file, (await exportDocx(makeFuzzForm(r, i), bumenZhengti2019, { appVersion: 'fuzz' })).bytes);
    files.push(file);
  }
  const out = join(dir, 'pdf');
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], {
    stdio: 'pipe',
    timeout: 170_000,
  });
  const pdfs = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.pdf')) : [];
  expect(pdfs.sort()).toEqual(files.map((f) => f.replace(/^.*[\\/]/, '').replace(/\.docx$/, '.pdf')).sort());
  for (const p of pdfs) expect(statSync(join(out, p)).size).toBeGreaterThan(1000);
});
