/**
 * Hand-filled forms saved as legacy .xls (Excel 97–2003): the hand-made .xlsx of each built-in
 * layout (test/helpers/handFilledXlsx.ts) converted by LibreOffice once and frozen in
 * test/fixtures/xls/ (make-fixtures.ts). Each must import every value through the same
 * document model and template fitting as the .xlsx and the Word file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readXls } from '../../electron/core/import/xlsModel';
import { builtinForms } from '../helpers/builtinForms';
import { readDocx } from '../helpers/read';

const fixture = (id: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/xls/${id}.xls`, import.meta.url))));

describe.each(builtinForms().map((b) => [b.template.id, b] as const))('a hand-filled .xls of %s', (id, { template, form }) => {
  it('is an OLE compound file, not a zip', () => {
    expect([...fixture(id).subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
  });

  it('imports with every value, through the template fitting', async () => {
    const r = await readDocx(fixture(id));
    expect(r.source).toBe('table');
    expect(r.data.templateId).toBe(template.id);
    expect(r.data.values).toEqual(form.values);
    expect(r.uncertain).toEqual([]);
  });
});

describe('the .xls model', () => {
  it('keeps merged title rows as paragraphs and the grid as a table with spans and widths', () => {
    const { model } = readXls(fixture('xiangmu-zhichu'));
    expect(model.format).toBe('xls');
    const [sheet] = model.sections;
    expect(sheet.name).toBe('填报');
    const first = sheet.blocks[0];
    expect(first.kind).toBe('paragraph');
    const table = sheet.blocks.find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.cells.some((c) => c.colSpan > 1 || c.rowSpan > 1)).toBe(true);
    expect(table.columnWidthsTwips?.length).toBeGreaterThan(1);
    // exceljs wrote width 16 for every column: 16 characters as Excel's unit, in twips.
    expect(new Set(table.columnWidthsTwips)).toEqual(new Set([Math.round((16 * 7 + 5) * 15)]));
  });

  it('tells the grid by the border lines the .xls draws: a row of one text inside the grid stays in it', () => {
    const { model } = readXls(fixture('bumen-zhengti-hunan-2023'));
    const blocks = model.sections[0].blocks;
    expect(blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.text === '绩效指标')).toBe(false);
  });

  it('a truncated .xls is refused as damaged, not taken for a .doc', async () => {
    const bytes = fixture('xiangmu-zhichu');
    const err = await readDocx(bytes.slice(0, bytes.length >> 1)).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/不完整或已损坏.*另存为 \.xlsx/);
  });
});
