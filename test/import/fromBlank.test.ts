/**
 * Issue 22: a county's blank form becomes a template with no code. Six layouts (four .docx, two
 * .xlsx; one two-block, one with 指标性质/度量单位 columns, one landscape) are written by a route of
 * their own (test/helpers/blankForms.ts), proposed with no manual correction, printed again by
 * `export-blank` and read back by the independent grid reader (widths within 2 %, every span and
 * label, the lines, the page), and two copies of each filled by hand import under the new
 * template, chosen among all the built-ins, with every typed value right.
 */
import { describe, expect, it } from 'vitest';
import type { GroupRow } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { kindOf } from '../../shared/kinds';
import { checkTemplate } from '../../shared/template/check';
import { templateDefSchema } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { exportBlankDocx } from '../../electron/core/export';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { readBlankFile } from '../../electron/core/import/fromBlank';
import { readDocxFormsNow } from '../../electron/core/import/readNow';
import { blankDocx, blankXlsx, specGrid, type Fill } from '../helpers/blankForms';
import { LAYOUTS, type Layout } from '../helpers/blankLayouts';
import { readDocxGrid } from '../helpers/docxGrid';
import { readXlsx } from '../helpers/xlsxSheets';

const squash = (s: string) => s.replace(/\s+/g, '');
const bytesOf = (l: Layout, fill: Fill | null) => (l.format === 'docx' ? blankDocx(l.spec, fill) : blankXlsx(l.spec, fill));

async function proposal(l: Layout) {
  return readBlankFile(await bytesOf(l, null), `${l.spec.name}.${l.format}`);
}

describe.each(LAYOUTS.map((l) => [`${l.spec.name}（${l.format}）`, l] as const))('blank %s', (_name, layout) => {
  it('becomes a sound template: kinds from the labels, the indicator grid as a group, identity', async () => {
    const { template: t } = await proposal(layout);
    expect(templateDefSchema.safeParse(t).success).toBe(true);
    expect(checkTemplate(t)).toEqual([]);
    for (const [label, kind] of Object.entries(layout.kinds)) expect(t.fields.find((f) => f.label === label)?.kind, label).toBe(kind);
    // Every value cell of the blank is a field named by its printed label.
    const labels = new Set(t.fields.map((f) => f.label));
    for (const label of Object.keys(layout.fills[0].values)) expect(labels.has(label), label).toBe(true);
    const g = t.groups![0];
    expect(g.columns.length).toBe(layout.fills[0].indicators![0].length);
    expect(g.indicators?.length).toBeGreaterThan(0);
    expect(t.fields.find((f) => f.id === t.identity.year)?.kind).toBe('year');
    expect(t.summary?.indicators?.group).toBe(g.id);
  });

  it('prints as the blank: export-blank gives the same grid, labels, lines and page', async () => {
    const { template: t } = await proposal(layout);
    const g = await readDocxGrid(await exportBlankDocx(t, '2025', { appVersion: 't' }));
    const spec = layout.spec;
    expect(g.table.gridCols).toHaveLength(spec.widthsTwips.length);
    g.table.gridCols.forEach((w, i) => expect(Math.abs(w - spec.widthsTwips[i]) / spec.widthsTwips[i]).toBeLessThanOrEqual(0.02));
    const want = specGrid(spec).map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]);
    const got = g.table.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, squash(c.text)]);
    expect(got).toEqual(want);
    const lines = (ps: readonly { text: string }[]) => ps.map((p) => squash(p.text).replace(/\d{4}/, '')).filter((x) => x !== '');
    const specLines = (ls: readonly string[]) =>
      ls.map((x) => squash(x.replace(/\{([^}]*日期)\}/g, '年月日').replace(/\{[^}]*\}/g, ''))).filter((x) => x !== '');
    expect(lines(g.before)).toEqual(specLines(spec.above));
    expect(lines(g.after)).toEqual(specLines(spec.below));
    const [w, h] = spec.landscape ? [16838, 11906] : [11906, 16838];
    expect([g.page.widthTwips, g.page.heightTwips]).toEqual([w, h]);
    // Word's margins exactly; Excel's (inches to two decimals) within a point.
    const margins =
      layout.format === 'docx'
        ? { top: 1417, bottom: 1417, left: 1304, right: 1247 }
        : { top: 1411, bottom: 1411, left: 1296, right: 1253 };
    for (const side of ['top', 'bottom', 'left', 'right'] as const)
      expect(Math.abs(g.page.margins[side] - margins[side])).toBeLessThanOrEqual(20);
  });

  it.each([0, 1])('imports hand-filled copy %i under the new template, every value right', async (k) => {
    const { template: t } = await proposal(layout);
    const fill = layout.fills[k];
    const results = readDocxFormsNow(await bytesOf(layout, fill), { templates: [...BUILTIN_TEMPLATES, t] });
    expect(results).toHaveLength(1);
    const [r] = results;
    expect(r.data.templateId).toBe(t.id);
    expect(r.uncertain).toEqual([]);
    for (const [label, typed] of Object.entries(fill.values)) {
      const f = t.fields.find((x) => x.label === label)!;
      expect(r.data.values[f.id], label).toEqual(kindOf(f.kind).read(typed, f).value);
    }
    const g = t.groups![0];
    const rows = r.data.values[g.id] as GroupRow[];
    const want = fill.indicators!.map((row) => row.map((x, i) => kindOf(g.columns[i].kind).read(x, g.columns[i]).value));
    expect(rows.map((row) => g.columns.map((c) => row[c.id]))).toEqual(want);
  });
});

describe('Excel blanks', () => {
  it.each(LAYOUTS.filter((l) => l.format === 'xlsx').map((l) => [l.spec.name, l] as const))(
    '%s: the template exports to .xlsx in the blank’s layout (merges, widths)',
    async (_name, layout) => {
      const { template: t } = await proposal(layout);
      const blank = (await readXlsx(await blankXlsx(layout.spec)))[0];
      const out = (await readXlsx(await exportFormXlsx(blankForm(t, '2025'), t))).find((s) => s.name !== 'shenbao.form')!;
      const last = String.fromCharCode(64 + layout.spec.widthsTwips.length);
      // The grid's merged ranges (a line above or below is one range across the width), rows counted from the grid's first.
      const gridMerges = (refs: readonly string[]) => {
        const parsed = refs
          .map((m) => /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m)!)
          .filter((m) => !(m[1] === 'A' && m[3] === last && m[2] === m[4]))
          .map((m) => ({ a: m[1], r1: Number(m[2]), b: m[3], r2: Number(m[4]) }));
        const top = Math.min(...parsed.map((m) => m.r1));
        return parsed.map((m) => `${m.a}${m.r1 - top}:${m.b}${m.r2 - top}`).sort();
      };
      expect(gridMerges(out.merges).length).toBeGreaterThan(3);
      expect(gridMerges(out.merges)).toEqual(gridMerges(blank.merges));
      layout.spec.widthsTwips.forEach((_, i) =>
        expect(Math.abs(out.columnWidths[i]! - blank.columnWidths[i]!) / blank.columnWidths[i]!).toBeLessThanOrEqual(0.02),
      );
    },
  );
});

describe('a template from a blank', () => {
  it('keeps the page of a landscape blank and the 指标性质/度量单位 columns as their kinds', async () => {
    const landscape = LAYOUTS.find((l) => l.spec.landscape)!;
    const { template: t } = await proposal(landscape);
    expect(t.page.widthTwips).toBeGreaterThan(t.page.heightTwips);
    const withUnits = LAYOUTS.find((l) => l.spec.rows.flat().some((c) => c.t === '指标性质'))!;
    const cols = (await proposal(withUnits)).template.groups![0].columns;
    expect(cols.map((c) => c.kind)).toEqual(['text', 'text', 'text', 'comparator', 'text', 'unit', 'score']);
  });

  it('proposes the sums where 其中 rows follow a total, as warnings', async () => {
    const { template: t } = await proposal(LAYOUTS[1]);
    const id = (label: string) => t.fields.find((f) => f.label === label)!.id;
    expect(t.rules).toContainEqual(
      expect.objectContaining({
        type: 'sum',
        total: id('年度资金总额'),
        parts: [id('年度财政拨款'), id('年度其他资金')],
        severity: 'warning',
      }),
    );
  });

  it('names the template by the given id, else by the file', async () => {
    const bytes = await blankDocx(LAYOUTS[0].spec);
    expect(readBlankFile(bytes, 'a.docx', 'my-county').template.id).toBe('my-county');
    expect(readBlankFile(bytes, 'a.docx').template.id).toMatch(/^blank-[0-9a-f]{10}$/);
    expect(() => readBlankFile(bytes, 'a.docx', 'Bad Id')).toThrow(/表样编号/);
  });
});
