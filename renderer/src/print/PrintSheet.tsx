/**
 * The form as printed, from the same layout pass as the Word export (layoutForm with print):
 * the same rows, spans and widths, each cell's paragraphs with their alignment and indents, the
 * lines above and below with their runs — so the print view prints what Word prints. The page
 * is the template's (size, orientation and margins through @page).
 */
import type { CSSProperties } from 'react';
import type { FormData } from '../../../shared/form';
import {
  CELL_PADDING_TWIPS,
  layoutForm,
  type LaidCell,
  type LaidRow,
  type PrintedLine,
  type PrintedParagraph,
} from '../../../shared/template/layout';
import type { TemplateDef } from '../../../shared/template/schema';
import { fontStyle } from '../editor/fonts';
import { columnPercents, mmCss } from '../editor/layout';

/** Word's A4 in twips (210 × 297 mm, rounded by Word to whole twips). */
const A4_TWIPS = { width: 11906, height: 16838 };
const near = (a: number, b: number) => Math.abs(a - b) <= 30; // half a millimetre

export const isLandscape = (t: TemplateDef): boolean => t.page.widthTwips > t.page.heightTwips;

/** The paper size by name when it is A4, so print dialogs pick the A4 sheet rather than a custom size. */
export function pageSizeCss(t: TemplateDef): string {
  const { widthTwips: w, heightTwips: h } = t.page;
  const orientation = isLandscape(t) ? 'landscape' : 'portrait';
  if ((near(w, A4_TWIPS.width) && near(h, A4_TWIPS.height)) || (near(w, A4_TWIPS.height) && near(h, A4_TWIPS.width)))
    return `A4 ${orientation}`;
  return `${mmCss(w)} ${mmCss(h)}`;
}

/** The @page rule of a template, so the browser's print and Electron's printToPDF use its paper and margins. */
export function pageCss(t: TemplateDef): string {
  const m = t.page.marginsTwips;
  return `@page { size: ${pageSizeCss(t)}; margin: ${mmCss(m.top)} ${mmCss(m.right)} ${mmCss(m.bottom)} ${mmCss(m.left)}; }`;
}

const VALIGN = { top: 'top', center: 'middle', bottom: 'bottom' } as const;

function paragraphStyle(p: PrintedParagraph): CSSProperties {
  return {
    textAlign: p.align,
    textIndent: p.firstLineChars ? `${p.firstLineChars}em` : undefined,
    paddingLeft: p.leftChars ? `${p.leftChars}em` : undefined,
    paddingRight: p.rightChars ? `${p.rightChars}em` : undefined,
  };
}

function Paragraphs({ list }: { list: readonly PrintedParagraph[] }) {
  return (
    <>
      {list.map((p, i) => (
        <p key={i} className="pp" style={paragraphStyle(p)}>
          {p.text === '' ? '\u200b' : p.text}
        </p>
      ))}
    </>
  );
}

function Cell({ cell }: { cell: LaidCell }) {
  return (
    <td
      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
      className={`pc pc-${cell.binding.kind}`}
      style={{ verticalAlign: VALIGN[cell.valign] }}
    >
      <Paragraphs list={cell.paragraphs} />
    </td>
  );
}

function Row({ row }: { row: LaidRow }) {
  return (
    <tr style={{ height: mmCss(row.minHeightTwips), breakInside: row.canSplit ? 'auto' : 'avoid' }}>
      {row.cells.map((c) => (
        <Cell key={c.col} cell={c} />
      ))}
    </tr>
  );
}

function Line({ line }: { line: PrintedLine }) {
  return (
    <div
      className={`print-line line-${line.id}`}
      style={{ ...fontStyle(line.font, line.role === 'title'), textAlign: line.align, marginBottom: `${line.spaceAfterPt}pt` }}
    >
      {line.runs.map((r) => r.text).join('')}
    </div>
  );
}

/**
 * How many rows at the top of the grid repeat on every page: the leading rows marked
 * repeatHeader, as long as no cell of theirs reaches below them (a <thead> cannot hold half a cell).
 */
export function headerRowCount(rows: readonly LaidRow[]): number {
  let n = 0;
  while (n < rows.length && rows[n].repeatHeader) n++;
  while (n > 0 && rows.slice(0, n).some((r, i) => r.cells.some((c) => i + c.rowSpan > n))) n--;
  return n;
}

export function PrintSheet({ template: t, data }: { template: TemplateDef; data: FormData }) {
  const layout = layoutForm(t, data, { print: true });
  const head = headerRowCount(layout.rows);
  const tableStyle: CSSProperties = {
    ...fontStyle(t.fonts.table),
    ['--bw' as string]: `${t.table.borderPt}pt`,
    ['--cell-pad' as string]: mmCss(CELL_PADDING_TWIPS),
  };
  return (
    <div className={`print-sheet${isLandscape(t) ? ' print-landscape' : ''}`} data-testid="print-sheet">
      <style>{pageCss(t)}</style>
      {layout.above.map((l) => (
        <Line key={l.id} line={l} />
      ))}
      <table className="paper-table print-table" style={tableStyle}>
        <colgroup>
          {columnPercents(t).map((p, i) => (
            <col key={i} style={{ width: `${p.toFixed(3)}%` }} />
          ))}
        </colgroup>
        {head > 0 && (
          <thead>
            {layout.rows.slice(0, head).map((r, i) => (
              <Row key={i} row={r} />
            ))}
          </thead>
        )}
        <tbody>
          {layout.rows.slice(head).map((r, i) => (
            <Row key={i + head} row={r} />
          ))}
        </tbody>
      </table>
      {layout.below.map((l) => (
        <Line key={l.id} line={l} />
      ))}
    </div>
  );
}
