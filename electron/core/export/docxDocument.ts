/**
 * Turns the printed form into a Word document with the `docx` library. Everything that
 * WPS and LibreOffice need to lay the table out like Word is spelled out: fixed layout,
 * the grid in tblGrid, an absolute width on every cell, explicit vMerge restart/continue
 * cells (the library's rowSpan bookkeeping misplaces continue cells next to column spans,
 * so it is never used), East Asian fonts on every run and zh-CN as the language.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { CustomProperty } from '../../../shared/embedded';
import { rowPositions, type RowPosition } from '../../../shared/template/layout';
import type { Align, FontSpec, TemplateDef } from '../../../shared/template/schema';
import { CELL_PADDING_TWIPS, type PrintedForm, type PrintedLine, type PrintedParagraph } from './printedForm';
import { xmlSafe } from '../../../shared/text/xmlChars';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const VALIGN = { top: VerticalAlignTable.TOP, center: VerticalAlignTable.CENTER, bottom: VerticalAlignTable.BOTTOM } as const;
/**
 * What Chinese Word itself writes: zh-CN for East Asian text, en-US for Latin text. Tagging
 * digits zh-CN too lets LibreOffice break a number such as 393.2134 in the middle.
 */
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

export interface DocumentMeta {
  title: string;
  creator: string;
  customProperties: readonly CustomProperty[];
}

function runOptions(text: string, font: FontSpec): IRunOptions {
  return {
    // The form's values were sanitised already (xmlText.ts); the template's own text is too.
    text: xmlSafe(text),
    font: { eastAsia: font.eastAsia, ascii: font.ascii, hAnsi: font.ascii },
    size: Math.round(font.sizePt * 2),
    bold: font.bold,
    language: LANGUAGE,
  };
}

function alignOf(a: Align) {
  return ALIGN[a];
}

function cellParagraph(p: PrintedParagraph, font: FontSpec, keepNext = false): Paragraph {
  // One character of this font is sizePt points = sizePt × 20 twips; the *Chars values are
  // what Word uses, the twips are the fallback for suites that ignore them.
  const charTwips = font.sizePt * 20;
  const indent =
    p.firstLineChars || p.leftChars || p.rightChars
      ? {
          ...(p.firstLineChars
            ? { firstLine: Math.round(p.firstLineChars * charTwips), firstLineChars: Math.round(p.firstLineChars * 100) }
            : {}),
          ...(p.leftChars ? { left: Math.round(p.leftChars * charTwips) } : {}),
          ...(p.rightChars ? { right: Math.round(p.rightChars * charTwips) } : {}),
        }
      : undefined;
  return new Paragraph({
    alignment: alignOf(p.align),
    indent,
    keepNext: keepNext || undefined,
    // An empty paragraph's height comes from its mark, which takes the document default:
    // the table font, so the mark needs no properties of its own.
    children: p.text ? [new TextRun(runOptions(p.text, font))] : [],
  });
}

/** A cell, or a covered position under a vertical merge (an empty continue cell, so every row spells out its whole grid). */
function tableCell({ cell: c, continues }: RowPosition, font: FontSpec, keepNext = false): TableCell {
  const merged = c.rowSpan > 1;
  return new TableCell({
    width: { size: c.widthTwips, type: WidthType.DXA },
    columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
    verticalMerge: !merged ? undefined : continues ? VerticalMergeType.CONTINUE : VerticalMergeType.RESTART,
    verticalAlign: VALIGN[c.valign],
    children: continues
      ? [cellParagraph({ text: '', align: c.paragraphs[0]?.align ?? 'left' }, font, keepNext)]
      : c.paragraphs.map((p) => cellParagraph(p, font, keepNext)),
  });
}

function lineParagraph(l: PrintedLine): Paragraph {
  return new Paragraph({
    alignment: alignOf(l.align),
    spacing: { before: 0, after: Math.round(l.spaceAfterPt * 20) },
    children: l.runs.filter((r) => r.text !== '').map((r) => new TextRun(runOptions(r.text, l.font))),
  });
}

/**
 * Where the table is cut so that the grid's header rows can repeat on every page: Word repeats
 * header rows only at the top of a table, so a header in the middle of the form (the indicator
 * grid's 一级指标 | 二级指标 | …) starts a second table. No cut when no header is marked, when it is
 * already the first row, or when a merged cell would have to be cut.
 */
export function headerSplit(printed: PrintedForm): number {
  const k = printed.rows.findIndex((r) => r.repeatHeader);
  if (k <= 0) return -1;
  const crosses = printed.rows.slice(0, k).some((r) => r.cells.some((c) => c.row + c.rowSpan > k));
  return crosses ? -1 : k;
}

/**
 * A paragraph one twip high: two tables need something between them, but the page should show
 * one table. It keeps with the next table, as the first table's last row keeps with it, so the
 * cut never falls at a page end, where the first table (drawn without its bottom rule) would
 * end open.
 */
function joint(): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    keepNext: true,
    run: { size: 2 },
    children: [],
  });
}

export function buildDocument(t: TemplateDef, printed: PrintedForm, meta: DocumentMeta): Document {
  const font = t.fonts.table;
  const border = { style: BorderStyle.SINGLE, size: Math.round(t.table.borderPt * 8), color: '000000' };
  const positions = rowPositions(printed);
  const split = headerSplit(printed);
  // Where the table is cut, the first part has no bottom rule: the second part's top rule, a
  // twip below, is the one line there. (Both rules drawn looked like a double rule.)
  const open = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const makeTable = (from: number, to: number, cut = false) =>
    new Table({
      layout: TableLayoutType.FIXED,
      // Centred on the text block: Word versions and WPS disagree on outdenting a left-aligned table.
      alignment: AlignmentType.CENTER,
      width: { size: t.table.columnsTwips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: [...t.table.columnsTwips],
      margins: { top: 0, bottom: 0, left: CELL_PADDING_TWIPS, right: CELL_PADDING_TWIPS },
      borders: { top: border, bottom: cut ? open : border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: positions.slice(from, to).map((cells, j) => {
        const row = printed.rows[from + j];
        // Header rows repeat only from the top of their table, contiguous.
        const header = row.repeatHeader && printed.rows.slice(from, from + j).every((r) => r.repeatHeader);
        return new TableRow({
          height: { value: row.minHeightTwips, rule: HeightRule.ATLEAST },
          // Omitted rather than written as val="off", which older WPS builds misread.
          cantSplit: row.canSplit ? undefined : true,
          tableHeader: header ? true : undefined,
          children: cells.map((p) => tableCell(p, font, cut && from + j === to - 1)),
        });
      }),
    });
  const tables =
    split < 0 ? [makeTable(0, printed.rows.length)] : [makeTable(0, split, true), joint(), makeTable(split, printed.rows.length)];

  const { widthTwips, heightTwips, marginsTwips } = t.page;
  // The docx library swaps width and height for landscape: it is given the portrait size.
  const landscape = widthTwips > heightTwips;
  const size = landscape
    ? { width: heightTwips, height: widthTwips, orientation: PageOrientation.LANDSCAPE }
    : { width: widthTwips, height: heightTwips };
  return new Document({
    title: meta.title,
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    customProperties: meta.customProperties,
    styles: {
      default: {
        document: {
          // Table paragraphs sit tight; set once here instead of on each of them.
          paragraph: { spacing: { before: 0, after: 0 } },
          run: {
            font: { eastAsia: font.eastAsia, ascii: font.ascii, hAnsi: font.ascii },
            size: Math.round(font.sizePt * 2),
            language: LANGUAGE,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size,
            margin: { ...marginsTwips, header: 851, footer: 992, gutter: 0 },
          },
        },
        children: [...printed.above.map(lineParagraph), ...tables, ...printed.below.map(lineParagraph)],
      },
    ],
  });
}
