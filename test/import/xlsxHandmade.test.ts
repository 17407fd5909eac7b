/**
 * Hand-filled Excel files of every built-in layout, written cell by cell with exceljs the way a
 * clerk builds the form in Excel or WPS 表格 — not by our exporter: no embedded copy, no number
 * formats of ours, amounts typed as numbers, dates typed as Excel dates, the title and year
 * lines merged across the sheet, a blank row before and after the grid, the grid drawn with
 * lines, widths of the clerk's own. Where each label and value goes is the paper's layout (the
 * template's layout pass for a blank of the form); every value must come back through the same
 * document model and template fitting as a Word file.
 */
import { describe, expect, it } from 'vitest';
import { builtinForms } from '../helpers/builtinForms';
import { handFilled } from '../helpers/handFilledXlsx';
import { readDocx } from '../helpers/read';

describe.each(builtinForms().map((b) => [b.template.id, b] as const))('a hand-filled .xlsx of %s', (_id, { template, form }) => {
  it('imports with every value, through the template fitting', async () => {
    const bytes = await handFilled(form, template);
    const r = await readDocx(bytes);
    expect(r.source).toBe('table');
    expect(r.data.templateId).toBe(template.id);
    expect(r.data.values).toEqual(form.values);
    expect(r.uncertain).toEqual([]);
  });
});
