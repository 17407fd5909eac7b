/**
 * What the screen needs of the one layout pass (shared/template/layout.ts) beyond the grid
 * itself: millimetres for CSS, column proportions, and where Enter in a value cell goes. Pure,
 * so the tests can check it.
 */
import type { CellDef, TemplateDef } from '../../../shared/template/schema';

export const TWIPS_PER_MM = 1440 / 25.4;
export const twipsToMm = (t: number): number => t / TWIPS_PER_MM;
export const mmCss = (t: number): string => `${twipsToMm(t).toFixed(2)}mm`;

/** Column widths as percentages of the table, the same proportions as the Word export. */
export function columnPercents(t: TemplateDef): number[] {
  const total = tableWidthTwips(t);
  return t.table.columnsTwips.map((w) => (w / total) * 100);
}

export function tableWidthTwips(t: TemplateDef): number {
  return t.table.columnsTwips.reduce((a, b) => a + b, 0);
}

const fieldOf = (c: CellDef): string | null => (c.content.type === 'field' ? c.content.field : null);

/**
 * For Enter in a value cell: the first editable field below it in its column
 * (computed fields are skipped, they take no typing).
 */
export function fieldsBelow(t: TemplateDef): Map<string, string> {
  const computed = new Set(t.fields.filter((f) => f.compute).map((f) => f.id));
  const editable = t.table.cells.filter((c) => {
    const f = fieldOf(c);
    return f !== null && !computed.has(f);
  });
  const out = new Map<string, string>();
  for (const c of t.table.cells) {
    const f = fieldOf(c);
    if (!f) continue;
    const bottom = c.row + (c.rowSpan ?? 1);
    const next = editable
      .filter((d) => d.row >= bottom && d.col <= c.col && c.col < d.col + (d.colSpan ?? 1))
      .sort((a, b) => a.row - b.row)[0];
    if (next) out.set(f, fieldOf(next)!);
  }
  return out;
}

/** Field ids in reading order: above the table, the grid row by row, below the table. */
export function readingOrder(t: TemplateDef): string[] {
  const ids: string[] = [];
  const fromLines = (lines: TemplateDef['above']) => {
    for (const l of lines) for (const s of l.segments) if ('field' in s) ids.push(s.field);
  };
  fromLines(t.above);
  const cells = [...t.table.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of cells) if (c.content.type === 'field') ids.push(c.content.field);
  fromLines(t.below);
  return ids;
}
