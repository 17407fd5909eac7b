import { beforeAll, describe, expect, it } from 'vitest';
import { decodeEmbedded } from '../../shared/embedded';
import { withComputed } from '../../shared/formOps';
import { renderBenefit, renderOutput } from '../../shared/indicators';
import type { BenefitIndicators, OutputIndicators } from '../../shared/form';
import { labelText } from '../../shared/template/layout';
import type { CellDef, FixedRowDef, TemplateDef } from '../../shared/template/schema';
import { exportDocx } from '../../electron/core/export';
import { cellAt, readDocxGrid, type DocxGrid } from '../helpers/docxGrid';
import { seedForm, seedJson, T2019 } from '../helpers/seed';

const t: TemplateDef = T2019;
const json = seedJson();
const form = seedForm();

/** What the paper shows in a cell, worked out from the template and the seed's printed values. */
function expectedText(cell: CellDef): string {
  const c = cell.content;
  if (c.type === 'empty') return '';
  if (c.type === 'label') return labelText(t, c);
  const def = t.fields.find((f) => f.id === c.field)!;
  let value = json[def.label];
  if (def.kind === 'outputIndicators') value = renderOutput(form.values[def.id] as OutputIndicators);
  if (def.kind === 'benefitIndicators') value = renderBenefit(form.values[def.id] as BenefitIndicators);
  const main = c.showLabel ? `${c.lead ?? ''}${def.label}：${value}` : value;
  return [main, ...(c.footer ?? []).map((f) => f.text)].join('\n');
}

describe('seed export read back as a grid', () => {
  let g: DocxGrid;
  let dropped: string[];
  beforeAll(async () => {
    const r = await exportDocx(form, T2019, { appVersion: '9.8.7' });
    dropped = r.dropped;
    g = await readDocxGrid(r.bytes);
  });

  it('has A4 portrait pages with the template margins', () => {
    expect(g.page.widthTwips).toBe(t.page.widthTwips);
    expect(g.page.heightTwips).toBe(t.page.heightTwips);
    expect(g.page.orient === null || g.page.orient === 'portrait').toBe(true);
    expect(g.page.margins).toEqual(t.page.marginsTwips);
  });

  it('has one table with a fixed layout and the template grid', () => {
    expect(g.tableCount).toBe(1);
    expect(g.table.layout).toBe('fixed');
    expect(g.table.gridCols).toEqual(t.table.columnsTwips);
    expect(g.table.width).toEqual({ w: 8845, type: 'dxa' });
    expect(g.table.rows).toHaveLength(t.table.rows.length);
    for (const r of g.table.rows) expect(r.coveredCols).toBe(t.table.columnsTwips.length);
  });

  it('puts every template cell at its position with its spans, text and absolute width', () => {
    expect(g.table.cells).toHaveLength(t.table.cells.length);
    for (const cell of t.table.cells) {
      const got = cellAt(g.table, cell.row, cell.col);
      const where = `cell ${cell.row},${cell.col}`;
      expect(got, where).toBeDefined();
      expect(got!.rowSpan, where).toBe(cell.rowSpan ?? 1);
      expect(got!.colSpan, where).toBe(cell.colSpan ?? 1);
      expect(got!.text, where).toBe(expectedText(cell));
      expect(got!.continuedText, where).toBe('');
      const span = t.table.columnsTwips.slice(cell.col, cell.col + (cell.colSpan ?? 1));
      expect(got!.width, where).toEqual({ w: span.reduce((a, b) => a + b, 0), type: 'dxa' });
    }
  });

  it('prints the budget cells as on the paper form', () => {
    expect(cellAt(g.table, 3, 1)!.text).toBe('其中：一般公共预算拨款：382.21');
    expect(cellAt(g.table, 3, 3)!.text).toBe('其中：基本支出：393.21');
    expect(cellAt(g.table, 4, 1)!.text).toBe('政府性基金拨款：0');
    expect(cellAt(g.table, 1, 1)!.text).toBe('资金总额：442.21');
    // Later sub-items are indented to line up under 其中：(three 12 pt characters = 720 twips).
    expect(cellAt(g.table, 4, 3)!.paragraphs[0].indent.left).toBe(720);
    expect(cellAt(g.table, 6, 1)!.paragraphs[0].indent.left).toBe(720);
    expect(cellAt(g.table, 3, 1)!.paragraphs[0].indent.left).toBeNull();
    // 纳入专户管理的非税收入拨款：0 would wrap under a full 3-character indent; it gets 1.5.
    expect(cellAt(g.table, 5, 1)!.paragraphs[0].indent.left).toBe(360);
  });

  it('centres labels and left-aligns free text with a two-character first-line indent, one paragraph per line', () => {
    for (const cell of t.table.cells) {
      const got = cellAt(g.table, cell.row, cell.col)!;
      if (cell.content.type === 'label') {
        expect(got.paragraphs.map((p) => p.align)).toEqual(
          labelText(t, cell.content)
            .split('\n')
            .map(() => 'center'),
        );
        expect(got.vAlign).toBe('center');
      }
    }
    const functions = t.table.cells.find((c) => c.content.type === 'field' && c.content.field === 'functions')!;
    const p = cellAt(g.table, functions.row, functions.col)!.paragraphs;
    expect(p[0].align).toBe('left');
    expect(p[0].indent.firstLineChars).toBe(200);
    expect(p[0].indent.firstLine).toBe(480);
    const output = t.table.cells.find((c) => c.content.type === 'field' && c.content.field === 'output')!;
    const op = cellAt(g.table, output.row, output.col)!.paragraphs;
    const lines = renderOutput(form.values.output as OutputIndicators).split('\n');
    expect(op.map((x) => x.text)).toEqual(lines);
    expect(op[0].text).toBe('一、数量指标：');
  });

  it('lets long rows break across pages and keeps short rows together, with minimum heights', () => {
    (t.table.rows as FixedRowDef[]).forEach((r, i) => {
      expect(g.table.rows[i].cantSplit, `row ${i}`).toBe(!r.canSplit);
      expect(g.table.rows[i].heightTwips, `row ${i}`).toBe(r.minHeight);
      expect(g.table.rows[i].heightRule, `row ${i}`).toBe('atLeast');
    });
  });

  it('prints the lines above and below the table', () => {
    expect(g.before.map((p) => p.text)).toEqual(['部门整体支出绩效目标申报表', '（ 2019 年度）', '填报单位（盖章）：湖南省桃源县看守所']);
    expect(g.before[0].align).toBe('center');
    expect(g.before[1].align).toBe('center');
    expect(g.before[0].runs[0]).toMatchObject({ eastAsia: '方正小标宋简体', sizeHalfPt: 44 });
    expect(g.after.map((p) => p.text)).toEqual(['填报人：郭明胜　联系电话：13973666908　填报日期：2019年11月26日']);
  });

  it('names East Asian fonts and zh-CN on every run', () => {
    expect(g.fonts.eastAsia).toContain('仿宋_GB2312');
    expect(g.fonts.eastAsia).toContain('方正小标宋简体');
    expect(g.fonts.ascii).toContain('Times New Roman');
    expect(g.eastAsiaLangs).toContain('zh-CN');
    const runs = [...g.before, ...g.after, ...g.table.cells.flatMap((c) => c.paragraphs)].flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) {
      expect(r.eastAsia, r.text).toBeTruthy();
      expect(r.ascii, r.text).toBe('Times New Roman');
      expect(r.hAnsi, r.text).toBe('Times New Roman');
      expect(r.langEastAsia, r.text).toBe('zh-CN');
    }
    const tableRuns = g.table.cells.flatMap((c) => c.paragraphs).flatMap((p) => p.runs);
    for (const r of tableRuns) expect(r).toMatchObject({ eastAsia: '仿宋_GB2312', sizeHalfPt: 24 });
  });

  it('carries the exact form as versioned JSON in ≤255-character custom properties', () => {
    expect(dropped).toEqual([]);
    for (const v of g.customProperties.values()) expect(v.length).toBeLessThanOrEqual(255);
    const r = decodeEmbedded(g.customProperties);
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.embedded.appVersion).toBe('9.8.7');
    expect(r.embedded.templateId).toBe(t.id);
    expect(r.embedded.templateVersion).toBe(t.version);
    expect(r.embedded.form).toEqual(withComputed(form, T2019));
  });
});
