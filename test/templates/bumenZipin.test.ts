/**
 * 部门整体支出绩效自评表 (shared/templates/bumen-zipin.ts): the example scores as an independent
 * computation here says (hundredths, half up), prints in Word as computed and imports back
 * (from the embedded copy and from the printed table alone), and grows by new-stage from a
 * department declaration on a real SQLite store — 部门名称, 金额合计's 年初预算数 ← 资金总额,
 * 预期目标 ← 整体绩效目标, its 产出/效益 indicators as rows. Excel and hand-made .xlsx/.xls are the
 * every-built-in tests' (test/import/xlsx*.test.ts, xlsHandmade.test.ts).
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { readDocxFormsNow } from '../../electron/core/import/readNow';
import type { Store } from '../../electron/core/store';
import type { GroupRow } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { checkTemplate } from '../../shared/template/check';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { bumenZipin as T } from '../../shared/templates/bumen-zipin';
import { validateForm } from '../../shared/validation';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';
import { storeIn, tempDir } from '../store/tempStore';

const fixture = (file: string) => JSON.parse(readFileSync(`test/fixtures/${file}`, 'utf8')) as Record<string, unknown>;
const json = fixture('bumen-zipin-example.json');
const form = () => withComputed(fromLabelJson(json, T).form, T);
const byId = (id: string): TemplateDef => BUILTIN_TEMPLATES.find((t) => t.id === id)!;

/** a ÷ b × 100 (or × k) half up to 2 places, on integers: the rounding cycle.md §7 prescribes, without the app's code. */
const halfUp2 = (num: bigint, den: bigint): string => {
  const r = ((num * 1000n) / den + 5n) / 10n;
  const s = r.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`.replace(/\.?0+$/, '');
};

describe('部门整体支出绩效自评表', () => {
  it('is sound, built in, follows the department declaration, and prints the labels of cycle.md', () => {
    expect(checkTemplate(T)).toEqual([]);
    expect(BUILTIN_TEMPLATES).toContain(T);
    expect([T.title, T.follows]).toEqual(['部门整体支出绩效自评表', 'department']);
    expect(T.groups!.map((g) => [g.label, g.columns.map((c) => c.printed ?? c.label)])).toEqual([
      [
        '年度主要任务',
        [
          '任务名称',
          '完成情况',
          '年初预算数',
          '全年预算数（A）',
          '其中：财政拨款',
          '全年执行数（B）',
          '其中：财政拨款',
          '预算执行率（B/A）',
        ],
      ],
      ['年度绩效目标完成情况', ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']],
    ]);
  });

  it('scores its example as computed by hand', () => {
    expect(fromLabelJson(json, T).notes).toEqual([]);
    const v = form().values;
    // Tasks: 68 + 40 = 108 budgeted, 63.6234 + 40 = 103.6234 spent; 执行率 per task and for the block.
    expect((v.tasks as GroupRow[]).map((r) => r.rate)).toEqual([halfUp2(636234n * 100n, 680000n), '100']);
    expect([v.sumInitial, v.sumBudget, v.sumBudgetFiscal, v.sumSpent, v.sumSpentFiscal]).toEqual([
      '100',
      '108',
      '98',
      '103.6234',
      '95.1234',
    ]);
    expect(v.execRate).toBe(halfUp2(1036234n * 100n, 1080000n)); // 95.95
    expect(v.budgetScore).toBe(halfUp2(1036234n * 10n, 1080000n)); // 9.59
    // Rows: 11 ÷ 12 × 30 = 27.5; 3 ≥ 3 full 20; 定性 typed 27; 92 ≥ 90 full 10.
    expect((v.indicators as GroupRow[]).map((r) => r.score)).toEqual([halfUp2(11n * 30n, 12n), '20', '27', '10']);
    // 总分 = 9.59 + 27.5 + 20 + 27 + 10 = 94.09: nothing 不适用, no rescaling.
    expect([v.totalPoints, v.totalScore, v.grade]).toEqual(['100', '94.09', '优']);
    expect(validateForm(form(), T)).toEqual([]);
  });

  it('prints as computed in Word and imports back, from the copy and from the table alone', async () => {
    const f = form();
    const { bytes } = await exportDocx(f, T, { appVersion: 't' });
    const grid = await readDocxGrid(bytes);
    const text = (r: number, c: number) => cellAt(grid.table, r, c)?.text;
    // 金额合计's row (grid row 5: 部门名称, two header rows, two tasks): sums, 执行率, 分值, 得分.
    expect([0, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => text(5, c))).toEqual([
      '金额合计',
      '100',
      '108',
      '98',
      '103.6234',
      '95.1234',
      '95.95%',
      '10.00',
      '9.59',
    ]);
    expect(text(3, 8)).toBe('93.56%');
    const last = grid.table.rows.length - 1;
    expect([text(last - 1, 7), text(last - 1, 8), text(last, 7)]).toEqual(['100.00', '94.09', '优']);

    const read = (b: Uint8Array) => readDocxFormsNow(b, { templates: BUILTIN_TEMPLATES })[0];
    const exact = read(bytes);
    expect([exact.source, exact.notes]).toEqual(['embedded', []]);
    expect(exact.data).toEqual(f);
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('docProps/custom.xml');
    const table = read(await zip.generateAsync({ type: 'uint8array' }));
    expect([table.source, table.data.templateId, table.notes]).toEqual(['table', T.id, []]);
    expect(table.data.values).toEqual(f.values);
  });
});

describe('new-stage: a department 自评 from the 2019 department declaration', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(() => {
    tmp = tempDir();
    store = storeIn(tmp.dir, { autoBackup: false });
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  it('takes 部门名称, 资金总额 as 年初预算数, 整体绩效目标 as 预期目标 and every 产出/效益 indicator as a row', () => {
    const dj = fixture('seed-2019-taoyuan.json');
    const decl = store.create(fromLabelJson(dj, byId('bumen-zhengti-2019')).form);
    expect(store.stagesOf(decl.id).offered.map((o) => o.templateId)).toContain('bumen-zipin');
    const self = store.newStage(decl.id, 'bumen-zipin');
    const v = self.data.values;
    expect([self.templateId, v.year, v.department, v.sumInitial, v.goal]).toEqual([
      'bumen-zipin',
      dj['年度'],
      dj['部门名称'],
      dj['资金总额'],
      dj['整体绩效目标'],
    ]);
    // What the year brought starts blank: the tasks and every actual.
    expect([v.sumBudget, v.sumSpent, v.execRate, v.achieved]).toEqual(['', '', '', '']);
    const rows = v.indicators as GroupRow[];
    // Independently of the seed: the declaration's 效益指标 names its items 指标1：…, 指标2：….
    const benefitNames = [...(dj['效益指标'] as string).matchAll(/指标\d+：\s*(.+)/g)].map((m) => m[1].trim());
    expect(rows.filter((r) => r.level1 === '效益指标').map((r) => r.name)).toEqual(benefitNames);
    expect(new Set(rows.filter((r) => r.level1 === '产出指标').map((r) => r.level2))).toEqual(
      new Set(['数量指标', '质量指标', '时效指标', '成本指标']),
    );
    for (const r of rows) expect([r.actual, r.points, r.score]).toEqual(['', '', '']);
  });
});
