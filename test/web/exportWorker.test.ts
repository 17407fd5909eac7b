/**
 * A long export does not hold up browser mode's other requests (issue #27 item 8): `npm run web`
 * as a real process serves a form whose text fields hold many thousand lines (seconds of Word and
 * Excel building); while its export.docx and export.formXlsx run, app.info asked every 50 ms is
 * answered, again and again, before the export's reply arrives (built on the request thread, the
 * Word export answered none). The files that come back are whole: read by JSZip, they hold the form.
 */
import JSZip from 'jszip';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import { blankForm } from '../../shared/formOps';
import { STARTER_LIBRARY } from '../../shared/library/starter';
import { bumenZhengti2019 as T2019 } from '../../shared/templates/bumen-zhengti-2019';
import { readXlsx, rowTexts } from '../helpers/xlsxSheets';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let child: ChildProcess;
let base: URL;
let token: string;
let longId: number;
let smallId: number;
const stderr: string[] = [];

async function post<T>(channel: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${channel}`, base), {
    method: 'POST',
    headers: { 'X-Shenbao-Token': token, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const reply = (await res.json()) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error}`);
  return reply.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-web-export-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>绩效目标申报</title>');
  const db = join(dir, 'web.db');
  const store = openStore({ file: db, appVersion: 'test', autoBackup: false });
  const long = blankForm(T2019, '2024');
  long.values.department = '很长的部门';
  // Three free-text fields of 8,000 lines each (seconds of Word building).
  for (const id of ['functions', 'overallGoal', 'reviewOpinion']) long.values[id] = '一行\n'.repeat(8_000).trim();
  longId = store.create(long).id;
  const small = blankForm(T2019, '2024');
  small.values.department = '预热的部门';
  smallId = store.create(small).id;
  store.close();

  child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/server.ts', '--db', db, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, SHENBAO_RENDERER_DIR: rendererDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => stderr.push(c.toString('utf8')));
  for (let i = 0; i < 600 && !/http:\/\/127\.0\.0\.1:\S+/.test(stdout); i++) await new Promise((r) => setTimeout(r, 50));
  const url = new URL(/http:\/\/127\.0\.0\.1:\S+/.exec(stdout)![0]);
  token = url.searchParams.get('token')!;
  base = url;
  // The first export starts the worker (from source: bundled in memory); the measured ones find it running.
  await post('export.docx', { id: smallId });
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the export and asks app.info every 50 ms meanwhile: how many answers came before the export's. */
async function answeredDuring(channel: string): Promise<{ during: number; file: { fileName: string; data: string } }> {
  let done = false;
  let during = 0;
  const exporting = post<{ fileName: string; data: string }>(channel, { id: longId }).finally(() => (done = true));
  const asking = (async () => {
    while (!done) {
      await post('app.info', {});
      if (!done) during++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const file = await exporting;
  await asking;
  return { during, file };
}

async function partText(data: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(data, 'base64'));
  return zip.file(part)!.async('string');
}

describe('browser mode during a long export', () => {
  it('answers other requests while a long Word export is built, and the file is whole', { timeout: 180_000 }, async () => {
    const { during, file } = await answeredDuring('export.docx');
    expect(during, stderr.join('')).toBeGreaterThanOrEqual(3);
    const xml = await partText(file.data, 'word/document.xml');
    expect(xml).toContain('很长的部门');
    expect(xml.split('一行').length - 1).toBeGreaterThanOrEqual(24_000);
  });

  it('answers other requests while a long Excel export is built, and the file is whole', { timeout: 180_000 }, async () => {
    const { during, file } = await answeredDuring('export.formXlsx');
    expect(during, stderr.join('')).toBeGreaterThanOrEqual(3);
    const zip = await JSZip.loadAsync(Buffer.from(file.data, 'base64'));
    const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(strings + sheets.join('')).toContain('很长的部门');
  });

  it('builds the 指标库 workbook there too, every entry in it', { timeout: 60_000 }, async () => {
    const file = await post<{ fileName: string; data: string }>('library.export', { format: 'xlsx' });
    const [sheet] = await readXlsx(new Uint8Array(Buffer.from(file.data, 'base64')));
    expect(rowTexts(sheet, 1)).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '说明']);
    expect(sheet.rows.size).toBe(STARTER_LIBRARY.length + 1);
  });
});
