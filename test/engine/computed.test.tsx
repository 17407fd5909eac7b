// @vitest-environment jsdom
/**
 * Computed cells as data (shared/compute): a 自评 template nothing else knows, loaded from a
 * template file (test/fixtures/templates/zipin-test.json), scores its indicator rows, its budget
 * part, 总分 and grade by formulas the file states. The expected scores come from an independent
 * computation written here (integers scaled by hand, rounded half-up by hand); 20/80 weights and
 * band scoring are other template files, with no code. The same values reach the editor (live,
 * read-only), validation, Word and Excel, the import of the export, label JSON and new year.
 */
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { readDocxFormsNow } from '../../electron/core/import/readNow';
import { FormStore } from '../../renderer/src/editor/formStore';
import { PaperForm } from '../../renderer/src/editor/PaperForm';
import type { FormData, GroupRow } from '../../shared/form';
import { blankForm, withComputed } from '../../shared/formOps';
import { fromLabelJson, toLabelJson } from '../../shared/labelJson';
import { carryToNewYear } from '../../shared/newYear';
import { checkTemplate } from '../../shared/template/check';
import { templateFromFile } from '../../shared/template/file';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { validateForm } from '../../shared/validation';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';
import { readXlsx } from '../helpers/xlsxSheets';
import { stubBrowserLayout } from '../renderer/jsdomApi';

const load = (name: string): TemplateDef => templateFromFile(readFileSync(`test/fixtures/templates/${name}`, 'utf8'));
const T = load('zipin-test.json');
const T2080 = load('zipin-test-20-80.json');
const TBAND = load('zipin-test-band.json');

beforeAll(() => stubBrowserLayout());
afterEach(cleanup);

type Row = { level1: string; level2: string; name: string; target: string; actual: string; points: string; score?: string };
/** Every case: ≥ partly met, a row at 0, %, no sign, a date (scored by hand), ≤ over target, ≥ exceeded, ＜ met, 定性, 不适用. */
const ROWS: Row[] = [
  { level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥200人次', actual: '190人次', points: '10' },
  { level1: '产出指标', level2: '数量指标', name: '覆盖乡镇', target: '≥3个', actual: '0个', points: '5' },
  { level1: '产出指标', level2: '质量指标', name: '合格率', target: '≥95%', actual: '90%', points: '10' },
  { level1: '产出指标', level2: '质量指标', name: '验收次数', target: '2次', actual: '1次', points: '8.35' },
  {
    level1: '产出指标',
    level2: '时效指标',
    name: '完成时限',
    target: '2026年12月底前',
    actual: '2026年11月',
    points: '6.65',
    score: '6.65',
  },
  { level1: '产出指标', level2: '成本指标', name: '人均成本', target: '≤500元', actual: '550元', points: '10.65' },
  { level1: '效益指标', level2: '社会效益', name: '群众知晓率', target: '≥90%', actual: '95%', points: '15' },
  { level1: '效益指标', level2: '社会效益', name: '投诉次数', target: '＜3次', actual: '0次', points: '5' },
  { level1: '效益指标', level2: '可持续影响', name: '长效机制', target: '显著改善', actual: '基本建立', points: '10', score: '8' },
  { level1: '满意度指标', level2: '服务对象满意度', name: '满意度', target: '≥90%', actual: '不适用', points: '10' },
];

function formOf(t: TemplateDef, budget: string, exec: string, rows: Row[] = ROWS): FormData {
  const f = blankForm(t, '2026');
  Object.assign(f.values, { project: '全民健身赛事', unit: '某某县体育局', budgetYear: budget, exec });
  f.values.indicators = rows.map((r) => ({ ...r, score: r.score ?? '', reason: '' }));
  return f;
}

// ---- The independent computation: decimals as (digits, scale) integers, half-up by hand. ----
/** A plain decimal as an integer count of 10^-6. */
const micro = (s: string): bigint => {
  const [i, f = ''] = s.split('.');
  return BigInt(i) * 1_000_000n + BigInt(f.padEnd(6, '0'));
};
/** num/den in hundredths, half-up. */
const hundredthsHalfUp = (num: bigint, den: bigint): bigint => (num * 100n * 2n + den) / (2n * den);
const fmt = (h: bigint): string => {
  const s = `${h / 100n}.${(h % 100n).toString().padStart(2, '0')}`;
  return s.replace(/\.?0+$/, '') || '0';
};
const numberIn = (s: string): string => /\d+(\.\d+)?/.exec(s)![0];

/** A row's 得分 in hundredths by the ratio method, or null when it is not computed (定性, 不适用). */
function expectedRow(r: Row): bigint | null {
  if (r.actual === '不适用') return null;
  if (r.score !== undefined) return micro(r.score) / 10_000n;
  const p = micro(r.points);
  const t = micro(numberIn(r.target));
  const a = micro(numberIn(r.actual));
  const reverse = /^[≤＜<]/.test(r.target);
  if (reverse) return a <= t ? p / 10_000n : hundredthsHalfUp(p * t, a * 1_000_000n);
  if (a >= t) return p / 10_000n;
  return hundredthsHalfUp(p * a, t * 1_000_000n);
}

function expected(budget: string, exec: string, weight: bigint) {
  const rows = ROWS.map(expectedRow);
  const b = micro(budget);
  const e = micro(exec);
  const budgetScore = e >= b ? weight * 100n : hundredthsHalfUp(e * weight, b);
  const rate = hundredthsHalfUp(e * 100n, b);
  const sum = rows.reduce<bigint>((a, x) => a + (x ?? 0n), 0n) + budgetScore;
  const left = ROWS.filter((r) => r.actual === '不适用').reduce((a, r) => a + micro(r.points) / 10_000n, 0n);
  const total = hundredthsHalfUp(sum * 100n, 100n * 100n - left);
  const t = Number(total) / 100;
  const grade = t >= 90 ? '优' : t >= 80 ? '良' : t >= 60 ? '中' : '差';
  return { rows: rows.map((x) => (x === null ? '' : fmt(x))), budgetScore: fmt(budgetScore), rate: fmt(rate), total: fmt(total), grade };
}

const scores = (f: FormData) =>
  (withComputed(f, f.templateId === T.id ? T : f.templateId === T2080.id ? T2080 : TBAND).values.indicators as GroupRow[]).map(
    (r) => r.score,
  );

describe('scoring as data: the 自评 formulas of a template file', () => {
  it('are a sound template, and a formula that does not exist or names a missing column is refused', () => {
    expect(checkTemplate(T)).toEqual([]);
    const bad = structuredClone(T);
    bad.groups![0].columns.find((c) => c.id === 'score')!.compute = {
      indicatorScore: { target: 'target', actual: 'nope', points: 'points' },
    };
    expect(checkTemplate(bad).join()).toMatch(/列「nope」/);
    const unknown = structuredClone(T) as unknown as { fields: { compute?: unknown }[] };
    unknown.fields[5].compute = { sqrt: { a: 'exec' } };
    expect(() => templateFromFile(JSON.stringify({ format: 'shenbao-template', schemaVersion: 1, template: unknown }))).toThrow(/sqrt/);
  });

  it('give the scores of an independent computation: every rounding case, ≥ ≤ ＜ %, 定性, a row at 0, 不适用 rescaled, 执行率 over 100 %', () => {
    const want = expected('100', '120', 10n);
    const got = withComputed(formOf(T, '100', '120'), T).values;
    expect((got.indicators as GroupRow[]).map((r) => r.score)).toEqual(want.rows);
    // Spelled out, so the independent computation is itself checked: 4.175 rounds up to 4.18 (a float gives 4.17).
    expect(want.rows).toEqual(['9.5', '0', '9.47', '4.18', '6.65', '9.68', '15', '5', '8', '']);
    expect([got.execRate, got.budgetScore, got.total, got.grade]).toEqual([want.rate, want.budgetScore, want.total, want.grade]);
    expect([got.execRate, got.total, got.grade]).toEqual(['120', '86.09', '良']);
    expect(validateForm(formOf(T, '100', '120'), T)).toEqual([]);

    // Spending under budget: the budget part 8.3335 → 8.33.
    const under = expected('100', '83.335', 10n);
    const u = withComputed(formOf(T, '100', '83.335'), T).values;
    expect([u.execRate, u.budgetScore, u.total, u.grade]).toEqual([under.rate, under.budgetScore, under.total, under.grade]);
    expect(u.budgetScore).toBe('8.33');
  });

  it('change with the template file alone: 20/80 weights', () => {
    const want = expected('100', '83.335', 20n);
    const got = withComputed(formOf(T2080, '100', '83.335'), T2080).values;
    expect([got.budgetScore, got.total, got.grade]).toEqual([want.budgetScore, want.total, want.grade]);
    expect(got.budgetScore).toBe('16.67');
    expect(got.total).not.toBe(withComputed(formOf(T, '100', '83.335'), T).values.total);
  });

  it('change with the template file alone: band scoring leaves each row to the clerk within its band', () => {
    const form = formOf(TBAND, '100', '100');
    const rows = form.values.indicators as GroupRow[];
    rows[0].score = '9'; // 95 % done: 8–10 of 10
    rows[1].score = '3.5'; // 0 % done: 0–3 of 5 — too high
    const messages = validateForm(form, TBAND).filter((m) => m.code === 'computedRange');
    expect(messages.map((m) => [m.row, m.message])).toEqual([
      [1, '绩效指标第2行的得分应在 0 到 3 之间（完成程度落在分值的 0%–60% 档（区间法），由填报人在此档内打分）'],
    ]);
    expect(scores(form).slice(0, 2)).toEqual(['9', '3.5']);
    const store = new FormStore(TBAND, form);
    expect(store.cellLocked('indicators', 0, 'score')).toBe(false);
    expect(new FormStore(T, formOf(T, '100', '100')).cellLocked('indicators', 0, 'score')).toBe(true);
  });

  it('a 定性 row is scored by the clerk within its 分值, no more', () => {
    const form = formOf(T, '100', '100');
    (form.values.indicators as GroupRow[])[8].score = '10.5';
    expect(validateForm(form, T).map((m) => m.message)).toEqual(['绩效指标第9行的得分应在 0 到 10 之间（定性指标由填报人在分值内打分）']);
  });

  it('recompute live in the editor, whose score cells are read-only except a 定性 row', () => {
    const store = new FormStore(T, formOf(T, '100', '120'));
    render(
      <MantineProvider>
        <PaperForm store={store} readOnly={false} onLeaveCell={() => {}} />
      </MantineProvider>,
    );
    const score1 = screen.getByRole('textbox', { name: '绩效指标第1行 得分' }) as HTMLTextAreaElement;
    expect(score1.readOnly).toBe(true);
    expect((screen.getByRole('textbox', { name: '绩效指标第9行 得分' }) as HTMLTextAreaElement).readOnly).toBe(false);
    expect((screen.getByRole('textbox', { name: '总分' }) as HTMLInputElement).readOnly).toBe(true);
    store.setGroupCell('indicators', [0], 'actual', '200人次');
    expect(store.rows('indicators')[0].score).toBe('10');
    expect(store.get('total')).toBe('86.64'); // (67.98 + 10) × 100 / 90 = 86.644…
    store.set('exec', '50');
    expect([store.get('execRate'), store.get('budgetScore'), store.get('total'), store.get('grade')]).toEqual(['50', '5', '81.09', '良']);
  });

  it('print as computed in Word and Excel, import back exactly, go through label JSON (a differing score noted) and new year', async () => {
    const form = withComputed(formOf(T, '100', '120'), T);
    const { bytes } = await exportDocx(form, T, { appVersion: 't', carryTemplate: true });
    const grid = await readDocxGrid(bytes);
    expect(cellAt(grid.table, 1, 5)!.text).toBe('120.00%');
    expect(cellAt(grid.table, 1, 7)!.text).toBe('10.00');
    expect(cellAt(grid.table, 3, 6)!.text).toBe('9.50');
    expect(cellAt(grid.table, 6, 6)!.text).toBe('4.18');
    expect(cellAt(grid.table, 12, 6)!.text).toBe('');
    expect(cellAt(grid.table, 13, 6)!.text).toBe('86.09');
    expect(cellAt(grid.table, 14, 6)!.text).toBe('良');

    // Excel: scores are exact numbers formatted as printed; a percentage stays its printed text (the
    // workbook reader would take 0.00% for two decimals of a plain number).
    const [sheet] = await readXlsx(await exportFormXlsx(form, T));
    const cell = (text: string) => sheet.cells.find((c) => c.text === text);
    expect([cell('86.09')?.type, cell('86.09')?.format]).toEqual(['n', '0.00']);
    expect([cell('4.18')?.type, cell('4.18')?.format]).toEqual(['n', '0.00']);
    expect(cell('120.00%')?.type).not.toBe('n');
    expect(cell('良')?.type).not.toBe('n');

    const readDocx = async (b: Uint8Array) => readDocxFormsNow(b, { templates: [...BUILTIN_TEMPLATES, T] })[0];
    const exact = await readDocx(bytes);
    expect(exact.source).toBe('embedded');
    expect(exact.data).toEqual(form);
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('docProps/custom.xml');
    const table = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(table.source).toBe('table');
    expect(table.data).toEqual(form);

    const json = toLabelJson(form, T);
    expect(json['总分']).toBe('86.09');
    expect((json['绩效指标'] as Record<string, string>[])[0]['得分']).toBe('9.50');
    const back = fromLabelJson(JSON.parse(JSON.stringify(json)), T);
    expect(back.notes).toEqual([]);
    expect(withComputed(back.form, T)).toEqual(form);
    (json['绩效指标'] as Record<string, string>[])[0]['得分'] = '10';
    json['总分'] = '95';
    const tampered = fromLabelJson(JSON.parse(JSON.stringify(json)), T);
    expect(tampered.notes).toEqual([
      '「总分」文件中为 95，按公式计算为 86.09，已采用计算结果，请核对',
      '「绩效指标」第 1 行的「得分」文件中为 10，按公式计算为 9.5，已采用计算结果，请核对',
    ]);
    expect(withComputed(tampered.form, T)).toEqual(form);

    const next = withComputed(carryToNewYear(form, T, '2027').form, T);
    expect((next.values.indicators as GroupRow[]).map((r) => [r.points, r.score])[0]).toEqual(['10', '']);
  });
});
