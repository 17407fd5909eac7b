/**
 * The 一体化 upload file as an office PC opens it: written from a real store, converted by
 * LibreOffice Calc to CSV, and read back — one row per indicator, every value exactly as typed
 * (a 22-digit 项目代码, 0.10, 1e3, a 17-digit amount), none turned into a number Calc would round.
 * Needs `soffice` (libreoffice-calc-nogui), as CI installs it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportUpload } from '../../electron/core/export/uploadFile';
import { openStore, type Store } from '../../electron/core/store';
import { fromLabelJson } from '../../shared/labelJson';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { NATIONAL_PROFILE } from '../../shared/upload/profile';
import { parseCsv } from '../helpers/csv';

const ROOT = resolve(__dirname, '../..');
const FONTS_CONF = join(ROOT, 'scripts/fonts.conf');

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const SOFFICE = hasSoffice();

/** The first sheet as CSV: comma, double quotes, UTF-8. */
function toCsv(file: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'shenbao-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        outDir,
        file,
      ],
      { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, stdio: 'pipe', timeout: 170_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return readFileSync(file.replace(/\.xlsx$/, '.csv'), 'utf8');
}

type Json = Record<string, unknown>;
const fixture = (name: string): Json =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8')) as Json;
const template = (id: string) => BUILTIN_TEMPLATES.find((t) => t.id === id)!;

const hubei = fixture('xiangmu-hubei-2025-example.json');
const tiyu = fixture('xiangmu-2025-tiyu.json');
const numbery: Json = {
  ...hubei,
  项目名称: '数字样式的项目',
  项目编码: '0042112225000000000099',
  绩效指标: [
    { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '覆盖率', 符号: '=', 值: '0.10', 计量单位: '' },
    { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '科学计数', 符号: '定性', 值: '1e3', 计量单位: '' },
    { 一级指标: '产出指标', 二级指标: '成本指标', 三级指标: '单价', 符号: '≤', 值: '12345678901234567.89', 计量单位: '元' },
  ],
};

let dir: string;
let store: Store;
let rows: string[][] = [];
let written = 0;

beforeAll(async () => {
  if (!SOFFICE) return;
  dir = mkdtempSync(join(tmpdir(), 'shenbao-upload-e2e-'));
  store = openStore({ file: join(dir, 'shenbao.db'), appVersion: '0.0.0-test' });
  store.create(fromLabelJson(hubei, template('xiangmu-hubei-2021')).form);
  store.create(fromLabelJson(tiyu, template('xiangmu-zhichu')).form);
  store.create(fromLabelJson(numbery, template('xiangmu-hubei-2021')).form);
  const r = await exportUpload(store, { year: '2025', profile: NATIONAL_PROFILE });
  written = r.rows;
  const file = join(dir, 'upload.xlsx');
  writeFileSync(file, r.bytes);
  rows = parseCsv(toCsv(file, dir)).filter((x) => x.some((c) => c !== ''));
});
afterAll(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!SOFFICE)('the upload file opened in LibreOffice Calc (skipped: soffice is not installed)', () => {
  it('has the header and one row per indicator of the three forms', () => {
    expect(rows[0]).toEqual(NATIONAL_PROFILE.columns.map((c) => c.header));
    const indicators = [hubei, tiyu, numbery].reduce((n, j) => n + (j['绩效指标'] as unknown[]).length, 0);
    expect(written).toBe(indicators);
    expect(rows.length - 1).toBe(indicators);
  });

  it('shows every value exactly as typed: long codes, 0.10, 1e3 and a 17-digit amount stay text', () => {
    const byName = new Map(rows.slice(1).map((r) => [r[5], r]));
    expect(byName.get('覆盖率')).toEqual(['0042112225000000000099', '', '产出指标', '数量指标', '', '覆盖率', '', '=0.10', '', '']);
    expect(byName.get('科学计数')![7]).toBe('1e3');
    expect(byName.get('单价')![7]).toBe('≤12345678901234567.89元');
    const hubeiRow = byName.get('改造农村义务教育学校数量')!;
    expect(hubeiRow[0]).toBe('42112225000000000012');
    expect(hubeiRow[7]).toBe('≥12所');
    expect(hubeiRow[6]).toBe('年内完成校舍维修改造并通过验收的农村义务教育学校数量');
    expect(hubeiRow[8]).toBe('完成12所得满分，每少1所扣1分');
    expect(byName.get('开展运动种类')!.slice(0, 8)).toEqual(['', '', '产出指标', '数量指标', '', '开展运动种类', '', '1种']);
  });
});
