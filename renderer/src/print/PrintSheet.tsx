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

/** Which border a cell cut in two at a table part's edge leaves open (see `tableParts`). */
type Cut = 'bottom' | 'top';

interface PartCell {
  cell: LaidCell;
  rowSpan: number;
  cut?: Cut;
}

function Cell({ part: { cell, rowSpan, cut } }: { part: PartCell }) {
  return (
    <td
      rowSpan={rowSpan > 1 ? rowSpan : undefined}
      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
      className={`pc pc-${cell.binding.kind}${cut ? ` pc-cut-${cut}` : ''}`}
      style={{ verticalAlign: VALIGN[cell.valign] }}
    >
      <div className="pc-body">{cut !== 'top' && <Paragraphs list={cell.paragraphs} />}</div>
    </td>
  );
}

/**
 * A row Word may not split (cantSplit) keeps its one-row cells whole on a page. Not through
 * break-inside on the row: Chromium then keeps whole every cell the row starts, so a merged 一级
 * cell would make its entire run one unbreakable block and push the grid to the next page.
 */
function Row({ row, cells }: { row: LaidRow; cells: readonly PartCell[] }) {
  return (
    <tr style={{ height: mmCss(row.minHeightTwips) }} className={row.canSplit ? undefined : 'pr-keep'}>
      {cells.map((c) => (
        <Cell key={c.cell.col} part={c} />
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
 * Where the grid is cut into two tables, as the Word export cuts it (headerSplit in
 * electron/core/export/docxDocument.ts): at the first row marked repeatHeader when it is not the
 * first row and no cell from above crosses into it; -1 when the grid stays one table.
 */
export function headerSplit(rows: readonly LaidRow[]): number {
  const k = rows.findIndex((r) => r.repeatHeader);
  if (k <= 0) return -1;
  const crosses = rows.slice(0, k).some((r, i) => r.cells.some((c) => i + c.rowSpan > k));
  return crosses ? -1 : k;
}

/** Only a label or a blank cell may be cut at the end of the header: the label stays in the header. */
const cuttable = (c: LaidCell) => c.binding.kind === 'label' || c.binding.kind === 'empty';

/**
 * How many rows at the top of a table (`rows`, the table's own) repeat on every page: the
 * leading rows marked repeatHeader. A label reaching below them is cut there (its text in the
 * header); a value cell reaching below them keeps its rows out of the header instead.
 */
export function headerRowCount(rows: readonly LaidRow[]): number {
  let n = 0;
  while (n < rows.length && rows[n].repeatHeader) n++;
  while (n > 0 && rows.slice(0, n).some((r, i) => r.cells.some((c) => i + c.rowSpan > n && !cuttable(c)))) n--;
  return n;
}

export interface TablePart {
  /** Rows that repeat at the top of every printed page (<thead>). */
  head: { row: LaidRow; cells: PartCell[] }[];
  body: { row: LaidRow; cells: PartCell[] }[];
}

/**
 * The tables the print view draws, each with its header rows: two when the Word export makes
 * two (the grid's header sits in the middle: 绩效指标 below the project's particulars), so that
 * the browser repeats the indicator grid's header on every page as Word does. A label cell that
 * starts in the header and reaches into the rows below (绩效指标 down the side of the grid) is
 * cut in two: a <thead> cannot hold part of a cell. Its text stays in the header; the part below
 * has no top border, so on paper it reads as one cell.
 */
export function tableParts(rows: readonly LaidRow[]): TablePart[] {
  const split = headerSplit(rows);
  const part = (from: number, to: number, withHead: boolean): TablePart => {
    const own = rows.slice(from, to);
    const h = withHead ? headerRowCount(own) : 0;
    const head = own.slice(0, h).map((row, i) => ({
      row,
      cells: row.cells.map((cell): PartCell =>
        i + cell.rowSpan > h ? { cell, rowSpan: h - i, cut: 'bottom' } : { cell, rowSpan: cell.rowSpan },
      ),
    }));
    const body = own.slice(h).map((row) => ({ row, cells: row.cells.map((cell): PartCell => ({ cell, rowSpan: cell.rowSpan })) }));
    if (body.length) {
      // The lower parts of the cut cells start the body.
      head.forEach(({ row }, i) => {
        for (const cell of row.cells) if (i + cell.rowSpan > h) body[0].cells.push({ cell, rowSpan: i + cell.rowSpan - h, cut: 'top' });
      });
      body[0].cells.sort((a, b) => a.cell.col - b.cell.col);
    }
    return { head, body };
  };
  return split < 0 ? [part(0, rows.length, true)] : [part(0, split, false), part(split, rows.length, true)];
}

/**
 * How far the second table moves up so that its top border is drawn over the first table's
 * bottom border: the border's width as Chromium draws it (whole CSS pixels, at least one).
 */
export const jointOverlapPx = (borderPt: number): number => Math.max(1, Math.floor((borderPt * 96) / 72));

export function PrintSheet({ template: t, data }: { template: TemplateDef; data: FormData }) {
  const layout = layoutForm(t, data, { print: true });
  const parts = tableParts(layout.rows);
  const tableStyle: CSSProperties = {
    ...fontStyle(t.fonts.table),
    ['--bw' as string]: `${t.table.borderPt}pt`,
    ['--cell-pad' as string]: mmCss(CELL_PADDING_TWIPS),
  };
  const cols = columnPercents(t);
  return (
    <div className={`print-sheet${isLandscape(t) ? ' print-landscape' : ''}`} data-testid="print-sheet">
      <style>{pageCss(t)}</style>
      {layout.above.map((l) => (
        <Line key={l.id} line={l} />
      ))}
      {parts.map((p, k) => (
        <table
          key={k}
          className="paper-table print-table"
          style={k > 0 ? { ...tableStyle, marginTop: `-${jointOverlapPx(t.table.borderPt)}px` } : tableStyle}
          data-part={k}
        >
          <colgroup>
            {cols.map((w, i) => (
              <col key={i} style={{ width: `${w.toFixed(3)}%` }} />
            ))}
          </colgroup>
          {p.head.length > 0 && (
            <thead>
              {p.head.map((r, i) => (
                <Row key={i} row={r.row} cells={r.cells} />
              ))}
            </thead>
          )}
          <tbody>
            {p.body.map((r, i) => (
              <Row key={i} row={r.row} cells={r.cells} />
            ))}
          </tbody>
          {/* Repeated by the browser at the foot of every page the table breaks over: it closes
              the merged cells there with a line, as Word does. */}
          <tfoot aria-hidden="true">
            <tr>
              <td className="pc-foot" colSpan={cols.length} />
            </tr>
          </tfoot>
        </table>
      ))}
      {layout.below.map((l) => (
        <Line key={l.id} line={l} />
      ))}
    </div>
  );
}
