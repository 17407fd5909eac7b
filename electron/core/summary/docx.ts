/**
 * The 汇总's totals as a Word table for printing and stamping: A4 landscape, one table per
 * template (each on its own page), a row per unit, a 小计 per 主管部门 and the 合计, with the lines
 * to sign and stamp under it. Written the way electron/core/export/docxDocument.ts writes forms
 * (fixed layout, explicit widths on the grid and on every cell, East Asian fonts on every run,
 * zh-CN), so Word, WPS and LibreOffice lay it out alike.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { StageSummary, StageTable, Summary, SummaryCounts, SummarySection } from '../../../shared/contract';
import { mm } from '../../../shared/template/schema';
import { figuresLine, noteLine, shownAmount, stageCellText, STAGE_TITLES } from './text';
import { xmlSafe } from '../../../shared/text/xmlChars';

const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;
const TABLE_FONT = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const TITLE_FONT = { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
/** A4 landscape, 20 mm margins: 257 mm of text width. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = mm(20);
const TEXT_WIDTH = PAGE.height - 2 * MARGIN;
const CELL_PADDING = 80;

interface Column {
  header: string;
  /** Numbers: the characters they need, so they never wrap. Names: their share of what is left. */
  width: { chars: number } | { share: number };
  align: 'left' | 'center' | 'right';
}

function run(text: string, sizePt: number, bold = false, font = TABLE_FONT): TextRun {
  return new TextRun({ text: xmlSafe(text), font, size: Math.round(sizePt * 2), bold, language: LANGUAGE });
}

function columnsOf(section: SummarySection): Column[] {
  const digits = (n: number) => ({ chars: Math.max(3, String(n).length) });
  return [
    { header: '主管部门', width: { share: 11 }, align: 'left' },
    { header: '单位名称', width: { share: 13 }, align: 'left' },
    { header: '表单数', width: digits(section.counts.forms), align: 'center' },
    { header: '指标数', width: digits(section.counts.indicators), align: 'center' },
    // The 合计 is the widest amount of its column.
    ...section.moneyColumns.map((c, i) => ({
      header: c.label,
      width: { chars: Math.max(8, shownAmount(section.totals[i] ?? '0').length) },
      align: 'right' as const,
    })),
    { header: '有错误', width: digits(section.counts.error), align: 'center' },
    { header: '有提示', width: digits(section.counts.warning), align: 'center' },
    ...(section.counts.unreadable > 0 ? [{ header: '无法读取', width: digits(section.counts.unreadable), align: 'center' as const }] : []),
  ];
}

/**
 * Twips per column, adding up to the text width exactly: numbers get what their digits need in
 * bold (a digit is about 0.55 of the font size; one spare), the names share the rest, 11 : 13.
 */
function widths(columns: readonly Column[], sizePt: number): number[] {
  const fixed = columns.map((c) => ('chars' in c.width ? Math.ceil((c.width.chars + 1) * 0.55 * sizePt * 20) + 2 * CELL_PADDING : 0));
  const rest = Math.max(0, TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0));
  const shares = columns.reduce((a, c) => a + ('share' in c.width ? c.width.share : 0), 0);
  const out = columns.map((c, i) => ('share' in c.width ? Math.floor((rest * c.width.share) / shares) : fixed[i]));
  out[1] += TEXT_WIDTH - out.reduce((a, b) => a + b, 0);
  return out;
}

function row(
  texts: readonly string[],
  columns: readonly Column[],
  w: readonly number[],
  sizePt: number,
  opts: { bold?: boolean; header?: boolean } = {},
): TableRow {
  return new TableRow({
    height: { value: mm(8), rule: HeightRule.ATLEAST },
    cantSplit: true,
    tableHeader: opts.header ? true : undefined,
    children: texts.map(
      (text, i) =>
        new TableCell({
          width: { size: w[i], type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              alignment: opts.header ? AlignmentType.CENTER : AlignmentType[columns[i].align.toUpperCase() as 'LEFT' | 'CENTER' | 'RIGHT'],
              children: text ? [run(text, sizePt, opts.bold || opts.header)] : [],
            }),
          ],
        }),
    ),
  });
}

function sectionBlocks(summary: Summary, section: SummarySection, first: boolean): (Paragraph | Table)[] {
  const columns = columnsOf(section);
  const sizePt = columns.length > 10 ? 9 : 10.5;
  const w = widths(columns, sizePt);
  const counts = (c: SummaryCounts) => [String(c.forms), String(c.indicators)];
  const problems = (c: SummaryCounts) => [
    String(c.error),
    String(c.warning),
    ...(section.counts.unreadable > 0 ? [String(c.unreadable)] : []),
  ];
  const money = (totals: readonly string[]) => totals.map(shownAmount);
  const rows = [
    row(
      columns.map((c) => c.header),
      columns,
      w,
      sizePt,
      { header: true },
    ),
  ];
  for (const p of section.parents) {
    const parentName = p.code ? `${p.code} ${p.name}` : p.name;
    p.units.forEach((u, i) =>
      rows.push(
        row(
          [
            i === 0 ? parentName : '',
            u.code ? `${u.code} ${u.name}` : u.name,
            ...counts(u.counts),
            ...money(u.totals),
            ...problems(u.counts),
          ],
          columns,
          w,
          sizePt,
        ),
      ),
    );
    rows.push(row(['', '小计', ...counts(p.counts), ...money(p.totals), ...problems(p.counts)], columns, w, sizePt, { bold: true }));
  }
  rows.push(
    row(['合计', '', ...counts(section.counts), ...money(section.totals), ...problems(section.counts)], columns, w, sizePt, { bold: true }),
  );
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: !first,
      spacing: { after: 120 },
      children: [run(`${summary.year}年度${section.templateTitle}汇总表`, 18, false, TITLE_FONT)],
    }),
    new Paragraph({ spacing: { after: 80 }, children: [run(noteLine(summary, section), 10.5)] }),
    new Table({
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: w,
      margins: { top: 0, bottom: 0, left: CELL_PADDING, right: CELL_PADDING },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows,
    }),
    new Paragraph({
      spacing: { before: 240 },
      children: [run('制表单位（盖章）：　　　　　　　　　　　　制表人：　　　　　　　　审核人：　　　　　　　　　　年　　月　　日', 12)],
    }),
  ];
}

/** A stage table's columns (stageTables.ts) as printed: names share the width, figures get what their digits need. */
function stageColumnsOf(table: StageTable): Column[] {
  const SHARE: Record<string, number> = { parent: 10, unit: 12, title: 14, reasons: 30, reason: 10, note: 6, check: 6 };
  return table.columns.map((c): Column => {
    if (c.kind === 'text') return { header: c.label, width: { share: SHARE[c.key] ?? 5 }, align: 'left' };
    const longest = Math.max(
      c.label.length,
      ...[table.total, ...table.rows.map((r) => r.cells)].map((x) => stageCellText(c, x?.[c.key]).length),
    );
    return { header: c.label, width: { chars: Math.max(4, longest) }, align: c.kind === 'count' ? 'center' : 'right' };
  });
}

function stageBlocks(summary: Summary, stage: StageSummary, table: StageTable, first: boolean): (Paragraph | Table)[] {
  const columns = stageColumnsOf(table);
  const sizePt = columns.length > 10 ? 9 : 10.5;
  const w = widths(columns, sizePt);
  const texts = (cells: Record<string, string>) => table.columns.map((c) => stageCellText(c, cells[c.key]));
  const rows = [
    row(
      columns.map((c) => c.header),
      columns,
      w,
      sizePt,
      { header: true },
    ),
  ];
  for (const r of table.rows) rows.push(row(texts(r.cells), columns, w, sizePt));
  if (table.total) rows.push(row(texts(table.total), columns, w, sizePt, { bold: true }));
  if (table.rows.length === 0)
    rows.push(
      row(
        table.columns.map((_, i) => (i === 0 ? '无' : '')),
        columns,
        w,
        sizePt,
      ),
    );
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return [
    ...(first
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [run(`${summary.year}年度${STAGE_TITLES[stage.stage]}`, 18, false, TITLE_FONT)],
          }),
          new Paragraph({ spacing: { after: 80 }, children: [run(`金额单位：万元\u3000\u3000${figuresLine(stage.figures)}`, 10.5)] }),
        ]
      : []),
    new Paragraph({ spacing: { before: first ? 0 : 240, after: 80 }, keepNext: true, children: [run(table.title, 12, true)] }),
    new Table({
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: w,
      margins: { top: 0, bottom: 0, left: CELL_PADDING, right: CELL_PADDING },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows,
    }),
  ];
}

export async function summaryDocx(summary: Summary): Promise<Uint8Array> {
  const stage = summary.stage;
  const stageParts = stage ? stage.tables.flatMap((t, i) => stageBlocks(summary, stage, t, i === 0)) : [];
  if (stageParts.length > 0)
    stageParts.push(
      new Paragraph({
        spacing: { before: 240 },
        children: [run('制表单位（盖章）：　　　　　　　　　　　　制表人：　　　　　　　　审核人：　　　　　　　　　　年　　月　　日', 12)],
      }),
    );
  const sectionParts =
    summary.sections.length === 0
      ? stage
        ? []
        : [new Paragraph({ children: [run(`${summary.year}年度没有表单`, 12)] })]
      : summary.sections.flatMap((s, i) => sectionBlocks(summary, s, i === 0 && stageParts.length === 0));
  const children = [...stageParts, ...sectionParts];
  const doc = new Document({
    title: `${summary.year}年度汇总表`,
    creator: '绩效目标申报',
    styles: {
      default: {
        document: {
          paragraph: { spacing: { before: 0, after: 0 } },
          run: { font: TABLE_FONT, size: 21, language: LANGUAGE },
        },
      },
    },
    sections: [
      {
        properties: {
          // The docx library swaps width and height for landscape: it is given the portrait size.
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 851, footer: 992, gutter: 0 },
          },
        },
        children,
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
