/**
 * The exporter is driven by the template alone: a made-up template with vertical merges
 * next to column spans (where the docx library's rowSpan bookkeeping goes wrong) comes out
 * exactly as described.
 */
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import type { FormData } from '../../shared/form';
import type { TemplateDef } from '../../shared/template/schema';
import { buildDocument } from '../../electron/core/export/docxDocument';
import { printForm } from '../../electron/core/export/printedForm';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';

const font = { eastAsia: '宋体', ascii: 'Arial', sizePt: 10.5 };
const row = { minHeight: 400, canSplit: true };

const t: TemplateDef = {
  id: 'test-grid',
  version: 3,
  title: '测试表',
  description: '',
  fileName: '{y}',
  page: { widthTwips: 16838, heightTwips: 11906, marginsTwips: { top: 1000, bottom: 1000, left: 1200, right: 1200 } },
  fonts: { table: font },
  fields: [
    { id: 'y', label: '年', kind: 'year' },
    { id: 'a', label: '甲', kind: 'amount' },
    { id: 'b', label: '乙', kind: 'amount' },
    { id: 's', label: '合计', kind: 'amount', compute: { sum: ['a', 'b'] } },
    { id: 'n', label: '说明', kind: 'multiline' },
    { id: 'd', label: '日期', kind: 'date' },
  ],
  identity: { year: 'y', key: ['n'], title: ['n'], unit: 'n' },
  above: [{ id: 'h', segments: [{ text: '表头' }, { field: 'y' }], align: 'right', font }],
  table: {
    columnsTwips: [1000, 2000, 3000, 4000, 4438],
    rows: [row, row, row, row],
    borderPt: 1,
    cells: [
      // A 3-row merge in column 0, then a 2-row merge spanning columns 1–2 beside it.
      { row: 0, col: 0, rowSpan: 3, content: { type: 'label', lines: ['纵', '合并'] } },
      { row: 0, col: 1, colSpan: 2, rowSpan: 2, content: { type: 'field', field: 'n' } },
      { row: 0, col: 3, colSpan: 2, content: { type: 'field', field: 'a', showLabel: true } },
      { row: 1, col: 3, content: { type: 'field', field: 'b', showLabel: true, indentLead: '其中：' } },
      { row: 1, col: 4, rowSpan: 3, content: { type: 'field', field: 's', showLabel: true, lead: '共计' }, align: 'right', valign: 'top' },
      { row: 2, col: 1, colSpan: 3, content: { type: 'field', field: 'd' } },
      { row: 3, col: 0, colSpan: 4, content: { type: 'empty' } },
    ],
  },
  below: [],
  rules: [],
};

const form: FormData = {
  templateId: t.id,
  values: { y: '2030', a: '1.5', b: '2.25', n: '第一行\n第二行', d: '2030-01-02' },
  options: { twoDecimals: true, blankZero: false },
};

describe('a made-up template', () => {
  it('is laid out exactly as described', async () => {
    const doc = buildDocument(t, printForm(t, form), { title: 't', creator: 'c', customProperties: [{ name: 'k', value: 'v' }] });
    const g = await readDocxGrid(await Packer.toBuffer(doc));
    expect(g.page).toMatchObject({ widthTwips: 16838, heightTwips: 11906, margins: t.page.marginsTwips });
    expect(g.table.gridCols).toEqual(t.table.columnsTwips);
    const got = g.table.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text, c.width?.w]);
    expect(got).toEqual([
      [0, 0, 3, 1, '纵\n合并', 1000],
      [0, 1, 2, 2, '第一行\n第二行', 5000],
      [0, 3, 1, 2, '甲：1.50', 8438],
      [1, 3, 1, 1, '乙：2.25', 4000],
      [1, 4, 3, 1, '共计合计：3.75', 4438],
      [2, 1, 1, 3, '2030年1月2日', 9000],
      [3, 0, 1, 4, '', 10000],
    ]);
    for (const r of g.table.rows) expect(r.coveredCols).toBe(5);
    expect(cellAt(g.table, 1, 4)!.paragraphs[0].align).toBe('right');
    expect(cellAt(g.table, 1, 4)!.vAlign).toBe('top');
    expect(cellAt(g.table, 1, 3)!.paragraphs[0].indent.left).toBe(630); // three 10.5 pt characters
    expect(cellAt(g.table, 0, 1)!.paragraphs.map((p) => p.indent.firstLineChars)).toEqual([200, 200]);
    expect(g.before.map((p) => [p.text, p.align])).toEqual([['表头2030', 'right']]);
    expect(g.fonts.eastAsia).toContain('宋体');
    expect(g.customProperties.get('k')).toBe('v');
  });
});
