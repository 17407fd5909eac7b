import { T2019 } from '../helpers/seed';
import { describe, expect, it } from 'vitest';
import { emptyBenefit, emptyOutput } from '../../shared/form';
import { renderBenefit, renderOutput } from '../../shared/indicators';
import { printedLabel } from '../../shared/formOps';
import { labelText } from '../../shared/template/layout';
import { exportBlankDocx } from '../../electron/core/export';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';

describe('blank form export', () => {
  const t = T2019;

  it('prints the whole grid with labels and no values, for the chosen year', async () => {
    const g = await readDocxGrid(await exportBlankDocx(t, '2026', { appVersion: '0.1.0' }));
    expect(g.before[1].text.replace(/\s/g, '')).toBe('（2026年度）');
    expect(g.before[2].text.startsWith('填报单位（盖章）：')).toBe(true);
    expect(g.table.gridCols).toEqual(t.table.columnsTwips);
    expect(g.table.cells).toHaveLength(t.table.cells.length);
    for (const cell of t.table.cells) {
      const got = cellAt(g.table, cell.row, cell.col)!;
      expect(got.rowSpan).toBe(cell.rowSpan ?? 1);
      expect(got.colSpan).toBe(cell.colSpan ?? 1);
      const c = cell.content;
      if (c.type === 'label') expect(got.text).toBe(labelText(t, c));
      else if (c.type === 'field' && c.showLabel)
        expect(got.paragraphs[0].text).toBe(`${c.lead ?? ''}${printedLabel(t.fields.find((f) => f.id === c.field)!)}：`);
      else if (c.type === 'field') {
        const kind = t.fields.find((f) => f.id === c.field)!.kind;
        // Indicator cells keep their part headings (一、数量指标： …) as a guide for writing by hand.
        const blank =
          kind === 'outputIndicators' ? renderOutput(emptyOutput()) : kind === 'benefitIndicators' ? renderBenefit(emptyBenefit()) : '';
        expect(got.text).toBe([blank, ...(c.footer ?? []).map((f) => f.text)].join('\n'));
      }
    }
    // Room to write by hand: the date line keeps its 年 月 日.
    expect(g.after[0].text).toMatch(/^填报人：\s+联系电话：\s+填报日期：\s+年\s+月\s+日$/);
    // No embedded copy: once filled in by hand only the table tells what the form holds.
    expect([...g.customProperties.keys()].filter((k) => k.startsWith('shenbao.'))).toEqual([]);
  });
});
