/**
 * The exported .docx as an office PC would open it: converted to PDF by LibreOffice, read
 * back with pdftotext. Every label and value of the seed must be there, on a sensible number
 * of pages, and the awkward exports (markup characters, emoji, 4-decimal and blank-zero
 * amounts, a 20-item 效益指标) must convert too. PNG renders go to test-output/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormData } from '../../shared/form';
import { renderBenefit, renderOutput } from '../../shared/indicators';
import type { BenefitIndicators, OutputIndicators } from '../../shared/form';
import { printedLabel } from '../../shared/formOps';
import { labelText } from '../../shared/template/layout';
import { exportBlankDocx, exportDocx } from '../../electron/core/export';
import { seedForm, seedJson, T2019 } from '../helpers/seed';

const ROOT = resolve(__dirname, '../..');
const FONTS_CONF = join(ROOT, 'scripts/fonts.conf');
const RENDER_OUT = join(ROOT, 'test-output/export-e2e');
const t = T2019;

const squash = (s: string) => s.replace(/\s+/g, '');

function variants(): Record<string, FormData> {
  const markup = seedForm();
  markup.values.department = '桃源县<看守所> & "监管" \'大队\'';
  markup.values.functions = '1、职责 a<b && c>d "引号" \'单引号\' 😀🚓👮🏻‍♀️\n2、第二行';
  const money = seedForm();
  money.values.generalBudget = '382.2134';
  money.values.basicExpenditure = '393.2134';
  money.options = { twoDecimals: true, blankZero: true };
  const zeros = seedForm();
  zeros.options = { twoDecimals: false, blankZero: true };
  const long = seedForm();
  long.values.benefit = {
    mode: 'items',
    items: Array.from({ length: 20 }, (_, i) => ({
      name: `第${i + 1}项效益`,
      description: `效益说明${i + 1}：`.padEnd(900, '提高社会公众满意度'),
    })),
  };
  return { markup, money, zeros, long };
}

function convert(files: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'shenbao-lo-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      {
        env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
        stdio: 'pipe',
        timeout: 150_000,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const pdfText = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
const pdfPages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

describe('exports opened in LibreOffice', () => {
  let dir: string;
  const docx: Record<string, string> = {};
  const pdf = (name: string) => join(dir, `${name}.pdf`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shenbao-export-e2e-'));
    const all: Record<string, FormData> = { seed: seedForm(), ...variants() };
    for (const [name, form] of Object.entries(all)) {
      docx[name] = join(dir, `${name}.docx`);
      writeFileSync(docx[name], (await exportDocx(form, t, { appVersion: '0.1.0' })).bytes);
    }
    docx.blank = join(dir, 'blank.docx');
    writeFileSync(docx.blank, await exportBlankDocx(t, '2026', { appVersion: '0.1.0' }));
    convert(Object.values(docx), dir);
  });

  afterAll(() => {
    if (process.env.KEEP_E2E) console.log(dir);
    else rmSync(dir, { recursive: true, force: true });
  });

  it('converts every export without error', () => {
    for (const name of Object.keys(docx)) expect(existsSync(pdf(name)), name).toBe(true);
  });

  it('shows every label and value of the seed, on a sensible number of pages', () => {
    const json = seedJson();
    const form = seedForm();
    const expected: string[] = ['部门整体支出绩效目标申报表', '（2019年度）', '填报单位（盖章）：湖南省桃源县看守所'];
    for (const c of t.table.cells) {
      const k = c.content;
      if (k.type === 'label') expected.push(...labelText(t, k).split('\n'));
      if (k.type !== 'field') continue;
      const def = t.fields.find((f) => f.id === k.field)!;
      let value = json[def.label];
      if (def.kind === 'outputIndicators') value = renderOutput(form.values[def.id] as OutputIndicators);
      if (def.kind === 'benefitIndicators') value = renderBenefit(form.values[def.id] as BenefitIndicators);
      if (k.showLabel) expected.push(`${k.lead ?? ''}${printedLabel(def)}：${value}`);
      else expected.push(...value.split('\n'));
      for (const f of k.footer ?? []) expected.push(f.text);
    }
    expected.push('填报人：郭明胜', '联系电话：13973666908', '填报日期：2019年11月26日');
    // pdftotext may put a label cell's text in the middle of a value that runs past a page
    // end, so the labels are checked first and then taken out of both sides.
    const labels = t.table.cells.flatMap((c) => (c.content.type === 'label' ? labelText(t, c.content).split('\n') : [])).map(squash);
    let text = squash(pdfText(pdf('seed')));
    expect(labels.filter((l) => !text.includes(l))).toEqual([]);
    const strip = (s: string) => labels.reduce((acc, l) => acc.replaceAll(l, ''), s);
    text = strip(text);
    const missing = expected.map((e) => strip(squash(e))).filter((e) => e && !text.includes(e));
    expect(missing).toEqual([]);
    const pages = pdfPages(pdf('seed'));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(5);
  });

  it('shows the awkward values as typed', () => {
    const markup = squash(pdfText(pdf('markup')));
    expect(markup).toContain(squash('桃源县<看守所> & "监管" \'大队\''));
    expect(markup).toContain(squash('1、职责 a<b && c>d "引号" \'单引号\''));
    const money = squash(pdfText(pdf('money')));
    // Long amounts may wrap after the colon, never inside the number.
    for (const s of ['其中：一般公共预算拨款：', '382.2134', '其中：基本支出：', '393.2134']) expect(money).toContain(s);
    expect(money).toContain('资金总额：442.21');
    expect(money).toContain('其他资金：60.00');
    expect(money).toContain('政府性基金拨款：');
    expect(money).not.toContain('政府性基金拨款：0');
    const zeros = squash(pdfText(pdf('zeros')));
    expect(zeros).not.toContain('政府性基金拨款：0');
    const long = squash(pdfText(pdf('long')));
    for (let i = 1; i <= 20; i++) expect(long).toContain(`指标${i}：第${i}项效益`);
    expect(pdfPages(pdf('long'))).toBeGreaterThan(pdfPages(pdf('seed')));
    const blank = squash(pdfText(pdf('blank')));
    expect(blank).toContain('（2026年度）');
    expect(pdfPages(pdf('blank'))).toBe(1);
  });

  it('renders the seed to PNG pages to look at', () => {
    // The same as scripts/render-docx.sh, reusing the PDF converted above.
    mkdirSync(RENDER_OUT, { recursive: true });
    for (const name of ['seed', 'blank', 'money', 'long']) {
      execFileSync('pdftoppm', ['-r', '80', '-png', pdf(name), join(RENDER_OUT, name)]);
      expect(readdirSync(RENDER_OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).length, name).toBe(pdfPages(pdf(name)));
    }
  });

  it('renders with scripts/render-docx.sh', () => {
    const out = execFileSync('bash', [join(ROOT, 'scripts/render-docx.sh'), docx.seed, join(RENDER_OUT, 'script')], {
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(out).toContain('seed-1.png');
  });
});
