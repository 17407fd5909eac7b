/**
 * Every built-in layout's .xlsx as an office PC prints it: LibreOffice Calc converts each to
 * PDF, and poppler reads it back: A4 in the template's orientation, the title on the first
 * page, one page wide (the grid's last column on every page), and for the 40-row project form,
 * which needs more than one page, the grid's header repeated at the top of every page. Needs
 * `soffice` (libreoffice-calc-nogui) and poppler, as CI installs them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectForm40, PROJECT_TEMPLATE } from '../../bench/projectForm';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { builtinForms } from '../helpers/builtinForms';

const ROOT = resolve(__dirname, '../..');
const FONTS_CONF = join(ROOT, 'scripts/fonts.conf');

function has(cmd: string, arg: string): boolean {
  try {
    execFileSync(cmd, [arg], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const TOOLS = has('soffice', '--version') && has('pdfinfo', '-v');

let dir: string;
const cases = [
  ...builtinForms().map((b) => ({ name: b.template.id, template: b.template, form: b.form })),
  { name: 'xiangmu-40-rows', template: PROJECT_TEMPLATE, form: projectForm40() },
];

beforeAll(async () => {
  if (!TOOLS) return;
  dir = mkdtempSync(join(tmpdir(), 'shenbao-form-xlsx-lo-'));
  for (const c of cases) writeFileSync(join(dir, `${c.name}.xlsx`), await exportFormXlsx(c.form, c.template));
  const profile = mkdtempSync(join(tmpdir(), 'shenbao-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...cases.map((c) => join(dir, `${c.name}.xlsx`)),
      ],
      { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, stdio: 'pipe', timeout: 170_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pdf = (name: string) => join(dir, `${name}.pdf`);
const pageText = (name: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf(name), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe.skipIf(!TOOLS)('form .xlsx printed by LibreOffice Calc (skipped: soffice or poppler is not installed)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: A4 in its orientation, one page wide, the header on every page', (name, c) => {
    const info = execFileSync('pdfinfo', [pdf(name)], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    const [w, h] = [Number(size[1]), Number(size[2])];
    const landscape = c.template.page.widthTwips > c.template.page.heightTwips;
    // A4 is 595 × 842 points.
    expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
    expect(w > h).toBe(landscape);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pageText(name, 1)).toContain(c.template.title.replace(/\s+/g, ''));
    const header = c.template.table.rows.some((r) => 'repeatHeader' in r && r.repeatHeader);
    if (name === 'xiangmu-40-rows') expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      const text = pageText(name, p);
      // Fitted to one page wide: no page holds only the grid's left columns.
      if (header) expect(text, `page ${p}`).toMatch(/指标值|目标值|分值|评分标准|评（扣）分标准/);
      if (header && name.startsWith('xiangmu')) expect(text, `page ${p}`).toContain('一级指标');
    }
  });
});
