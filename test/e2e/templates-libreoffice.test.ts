/**
 * Every built-in template as an office PC would open it: a filled example of each exported,
 * converted by LibreOffice, read back with pdftotext and pdfinfo — labels and values present,
 * page orientation as the template says, the indicator grid's header on every page of a long
 * project form, and the 2019 form's sign line on one line. PNG pages go to test-output/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import type { FormData } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { seedForm } from '../helpers/seed';

const ROOT = resolve(__dirname, '../..');
const FONTS_CONF = join(ROOT, 'scripts/fonts.conf');
const RENDER_OUT = join(ROOT, 'test-output/templates-e2e');
const template = (id: string): TemplateDef => BUILTIN_TEMPLATES.find((t) => t.id === id)!;
const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures', name), 'utf8')) as Record<string, unknown>;
const squash = (s: string) => s.replace(/\s+/g, '');

function fromJson(name: string, id: string, patch: (j: Record<string, unknown>) => void = () => {}): FormData {
  const j = fixture(name);
  patch(j);
  const t = template(id);
  return withComputed(fromLabelJson(j, t).form, t);
}

/** The project fixture with 30 more 数量指标 rows: 41 rows, three pages. */
function longProject(): FormData {
  return fromJson('xiangmu-2025-tiyu.json', 'xiangmu-zhichu', (j) => {
    const rows = j['绩效指标'] as Record<string, string>[];
    for (let i = 0; i < 30; i++)
      rows.splice(2, 0, { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: `举办社区健身活动第${i + 1}场`, 指标值: '≥1场' });
  });
}

const EXAMPLES: Record<string, { id: string; form: () => FormData }> = {
  seed: {
    id: 'bumen-zhengti-2019',
    form: () => {
      const f = seedForm();
      f.values.filler = '欧阳明胜'; // a four-character name: the longest sign line
      return f;
    },
  },
  project: { id: 'xiangmu-zhichu', form: () => fromJson('xiangmu-2025-tiyu.json', 'xiangmu-zhichu') },
  longProject: { id: 'xiangmu-zhichu', form: longProject },
  dept2015: { id: 'bumen-zhengti-2015', form: () => fromJson('bumen-2015-example.json', 'bumen-zhengti-2015') },
  hunan: { id: 'bumen-zhengti-hunan-2023', form: () => fromJson('bumen-hunan-2023-example.json', 'bumen-zhengti-hunan-2023') },
  hubei: { id: 'xiangmu-hubei-2021', form: () => fromJson('xiangmu-hubei-2025-example.json', 'xiangmu-hubei-2021') },
  guangxi: { id: 'xiangmu-guangxi-2024', form: () => fromJson('xiangmu-guangxi-2025-example.json', 'xiangmu-guangxi-2024') },
};

let dir: string;
const pdf = (name: string) => join(dir, `${name}.pdf`);
// -raw keeps each cell's text together (in -layout mode wrapped cells interleave side by side).
const text = (name: string) => execFileSync('pdftotext', ['-raw', pdf(name), '-'], { encoding: 'utf8' });
const pageTexts = (name: string) =>
  text(name)
    .split('\f')
    .filter((p) => p.trim() !== '');
function pageSize(name: string): { w: number; h: number; pages: number } {
  const info = execFileSync('pdfinfo', [pdf(name)], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  return { w: Number(m[1]), h: Number(m[2]), pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shenbao-templates-e2e-'));
  const files: string[] = [];
  for (const [name, ex] of Object.entries(EXAMPLES)) {
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, (await exportDocx(ex.form(), template(ex.id), { appVersion: 'e2e' })).bytes);
    files.push(file);
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
  mkdirSync(RENDER_OUT, { recursive: true });
  for (const name of Object.keys(EXAMPLES)) execFileSync('pdftoppm', ['-r', '60', '-png', pdf(name), join(RENDER_OUT, name)]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('built-in templates rendered by LibreOffice', () => {
  it.each(Object.keys(EXAMPLES))('%s shows every label of its template and every indicator row', (name) => {
    const { id, form } = EXAMPLES[name];
    const t = template(id);
    const all = squash(text(name));
    expect(all).toContain(squash(t.title));
    const f = form();
    for (const g of t.groups ?? [])
      for (const row of f.values[g.id] as Record<string, string>[])
        for (const c of g.columns)
          if (!c.merge && (row[c.id] ?? '') !== '') expect(all, `${g.label}·${c.label}`).toContain(squash(row[c.id]));
  });

  it('prints portrait forms on portrait A4 and the 9-column Hunan form on landscape A4', () => {
    for (const name of ['seed', 'project', 'dept2015', 'guangxi']) {
      const { w, h } = pageSize(name);
      expect([Math.round(w), Math.round(h)], name).toEqual([595, 842]);
    }
    const { w, h, pages } = pageSize('hunan');
    expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);
    expect(pages).toBe(1);
    const hubei = pageSize('hubei');
    expect([Math.round(hubei.w), Math.round(hubei.h), hubei.pages]).toEqual([842, 595, 1]);
    // The split 指标值 heading over its three columns, and the printed note on the fixed 成本 row.
    expect(squash(text('hubei'))).toMatch(/指标值.*\*符号\*值计量单位/);
    expect(squash(text('hubei'))).toContain('系统已固化“项目或定额成本控制率”指标');
  });

  it('repeats the indicator grid header on every page of a long project form', () => {
    const pages = pageTexts('longProject');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(squash(p)).toMatch(/一级指标二级指标三级指标指标值/);
  });

  it('keeps the 2019 sign line on one line with a four-character name, an 11-digit phone and a full date', () => {
    const line = text('seed')
      .split('\n')
      .find((l) => l.includes('填报人'))!;
    expect(squash(line)).toBe('填报人：欧阳明胜联系电话：13973666908填报日期：2019年11月26日');
  });
});
