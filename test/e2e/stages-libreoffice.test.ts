/**
 * The 调整 and 监控 templates' Word and Excel exports rendered by LibreOffice (issue 24): every label
 * and indicator row is on the page, the month is in the headers, the tick boxes print √, the
 * pages are A4 in the template's orientation; PNGs in test-output/stages-render to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import type { FormData, GroupRow } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';

const ROOT = resolve(__dirname, '../..');
const FONTS_CONF = join(ROOT, 'scripts/fonts.conf');
const OUT = join(ROOT, 'test-output/stages-render');
const IDS = ['xiangmu-tiaozheng', 'xiangmu-jiankong', 'bumen-jiankong'];
const FIXTURE: Record<string, string> = {
  'xiangmu-tiaozheng': 'xiangmu-tiaozheng-example.json',
  'xiangmu-jiankong': 'xiangmu-jiankong-example.json',
  'bumen-jiankong': 'bumen-jiankong-example.json',
};
const template = (id: string): TemplateDef => BUILTIN_TEMPLATES.find((t) => t.id === id)!;
const formOf = (id: string): FormData =>
  withComputed(fromLabelJson(JSON.parse(readFileSync(join(ROOT, 'test/fixtures', FIXTURE[id]), 'utf8')), template(id)).form, template(id));
const squash = (s: string) => s.replace(/\s+/g, '');

let dir: string;
const pdf = (name: string) => join(dir, `${name}.pdf`);
const text = (name: string) => execFileSync('pdftotext', ['-raw', pdf(name), '-'], { encoding: 'utf8' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-stages-lo-'));
  const files: string[] = [];
  for (const id of IDS) {
    writeFileSync(join(dir, `${id}.docx`), (await exportDocx(formOf(id), template(id), { appVersion: 'e2e' })).bytes);
    writeFileSync(join(dir, `${id}-xlsx.xlsx`), await exportFormXlsx(formOf(id), template(id)));
    files.push(join(dir, `${id}.docx`), join(dir, `${id}-xlsx.xlsx`));
  }
  const profile = mkdtempSync(join(tmpdir(), 'shenbao-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
      stdio: 'pipe',
      timeout: 170_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  mkdirSync(OUT, { recursive: true });
  for (const id of IDS) for (const n of [id, `${id}-xlsx`]) execFileSync('pdftoppm', ['-r', '60', '-png', pdf(n), join(OUT, n)]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(IDS)('%s rendered by LibreOffice', (id) => {
  it.each(['', '-xlsx'])('from Word%s: every label, every indicator row, the month, the ticks', (suffix) => {
    const t = template(id);
    const f = formOf(id);
    const all = squash(text(`${id}${suffix}`));
    expect(all).toContain(squash(t.title));
    for (const fd of t.fields.filter((x) => x.seed?.from === 'title')) expect(all).toContain(squash(String(f.values[fd.id])));
    const rows = f.values.indicators as GroupRow[];
    // An Excel row is at most 409 pt high: a row holding a whole 效益指标 description (the 2019 form's
    // items, hundreds of characters) is cut in the sheet's print, so only shorter rows are looked for there.
    for (const r of rows) if (suffix === '' || Object.values(r).join('').length < 300) expect(all).toContain(squash(r.name));
    if (id.endsWith('jiankong')) {
      expect(all).toContain('1-6月执行情况');
      expect(all).toContain('1-6月执行数');
      for (const h of ['经费保障', '硬件条件保障', '确定能', '完全不可能']) expect(all).toContain(h);
      const ticks = rows.reduce((n, r) => n + (r.causes ? r.causes.split('、').length : 0) + (r.likelihood ? 1 : 0), 0);
      const clipped = suffix !== '' && rows.some((r) => Object.values(r).join('').length >= 300);
      if (clipped) expect((all.match(/√/g) ?? []).length).toBeLessThanOrEqual(ticks);
      else expect((all.match(/√/g) ?? []).length).toBe(ticks);
    } else {
      for (const h of ['数据状态', '调整后指标值', '新增', '删除']) expect(all).toContain(h);
    }
    const info = execFileSync('pdfinfo', [pdf(`${id}${suffix}`)], { encoding: 'utf8' });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.map(Number);
    const landscape = t.page.widthTwips > t.page.heightTwips;
    expect(Math.round(landscape ? w : h)).toBe(842);
    expect(Math.round(landscape ? h : w)).toBe(595);
  });
});
