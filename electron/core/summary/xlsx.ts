/**
 * The 汇总 as an Excel workbook (.xlsx), written as a stream (exceljs' WorkbookWriter): rows go
 * out as they are made and each form is read, listed and let go, so 15,000 forms with 25
 * indicators each never sit in memory as a sheet. Per template: a 汇总 sheet (one row per unit,
 * a 小计 row per 主管部门, the 合计) and a 明细 sheet (the list of published system exports, see
 * listRows.ts). Amounts are the exact totals of the summary (amountValue explains the cells).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../xlsx/cells';
import type { Writable } from 'node:stream';
import type { StageColumn, StageTable, Summary, SummaryStage, SummaryCounts, SummaryForm, SummarySection } from '../../../shared/contract';
import type { FormData } from '../../../shared/form';
import type { Store } from '../store';
import { decodeContent } from '../store/scan';
import { AMOUNT_FORMAT, amountValue, fitWidth, safeCells, sheetName } from '../xlsx/cells';
import { extraColumns, formListRows } from './listRows';
import { coded, figuresLine, noteLine, shownAmount, STAGE_TITLES } from './text';
import type { SummaryProgress } from './run';

export interface SummaryXlsxOptions {
  onProgress?: (p: SummaryProgress) => void;
}

type Sheet = ExcelJS.Worksheet;
type Cells = ExcelJS.CellValue[];

const FONT = { name: '宋体', size: 11 };
const BOLD = { ...FONT, bold: true };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/**
 * Every cell gets one of these objects whole, never a copy: exceljs recognises a style object it
 * has seen and reuses its id, where a style built per cell is serialised to be looked up, which
 * was most of the time of writing a 350,000-row list. So they are never changed after this.
 */
const STYLE = {
  text: { font: FONT, border: BORDER, alignment: { vertical: 'top' } },
  wrap: { font: FONT, border: BORDER, alignment: { vertical: 'top', wrapText: true } },
  amount: { font: FONT, border: BORDER, numFmt: AMOUNT_FORMAT, alignment: { vertical: 'top', horizontal: 'right' } },
  totalText: { font: BOLD, border: BORDER, fill: TOTAL_FILL, alignment: { vertical: 'top' } },
  totalAmount: { font: BOLD, border: BORDER, fill: TOTAL_FILL, numFmt: AMOUNT_FORMAT, alignment: { vertical: 'top', horizontal: 'right' } },
  header: { font: BOLD, border: BORDER, fill: HEADER_FILL, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  percent: { font: FONT, border: BORDER, numFmt: '0.00"%"', alignment: { vertical: 'top', horizontal: 'right' } },
  score: { font: FONT, border: BORDER, numFmt: '0.00', alignment: { vertical: 'top', horizontal: 'right' } },
  count: { font: FONT, border: BORDER, numFmt: '0', alignment: { vertical: 'top', horizontal: 'right' } },
  totalPercent: { font: BOLD, border: BORDER, fill: TOTAL_FILL, numFmt: '0.00"%"', alignment: { vertical: 'top', horizontal: 'right' } },
  totalScore: { font: BOLD, border: BORDER, fill: TOTAL_FILL, numFmt: '0.00', alignment: { vertical: 'top', horizontal: 'right' } },
  totalCount: { font: BOLD, border: BORDER, fill: TOTAL_FILL, numFmt: '0', alignment: { vertical: 'top', horizontal: 'right' } },
  title: { font: { ...FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  note: { font: FONT },
} as const satisfies Record<string, Partial<ExcelJS.Style>>;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sheet XML written but not yet taken by the zip. exceljs' sheet stream hands its data on to the
 * zip's input without waiting, and making rows is faster than deflating them, so without a
 * check the whole 200 MB of a year's list would wait in memory. This looks at exceljs' internals
 * (version pinned in package.json): what its sheet stream's `pipes` hold; should they change, it reads 0
 * and writing simply goes on unthrottled.
 */
function backlog(ws: Sheet): number {
  type Buffered = { _writableState?: { length?: number }; _readableState?: { length?: number } };
  const s = (ws as unknown as { stream?: { pipes?: Buffered[] } }).stream;
  return (s?.pipes ?? []).reduce((n, p) => n + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0);
}
const MAX_BACKLOG = 8 * 1024 * 1024;

const styled = (c: ExcelJS.Cell, style: Partial<ExcelJS.Style>) => {
  c.style = style as ExcelJS.Style;
};

function titleRows(ws: Sheet, title: string, note: string, width: number): void {
  const t = ws.addRow(safeCells([title]));
  t.height = 28;
  styled(t.getCell(1), STYLE.title);
  ws.mergeCells(1, 1, 1, width);
  t.commit();
  const n = ws.addRow(safeCells([note]));
  styled(n.getCell(1), STYLE.note);
  ws.mergeCells(2, 1, 2, width);
  n.commit();
}

function headerRow(ws: Sheet, headers: string[]): void {
  const r = ws.addRow(safeCells(headers));
  for (let i = 1; i <= headers.length; i++) styled(r.getCell(i), STYLE.header);
  r.commit();
}

/** A data row: borders everywhere, amounts in their columns formatted, totals rows bold and shaded. */
function dataRow(
  ws: Sheet,
  cells: Cells,
  amountColumns: ReadonlySet<number>,
  opts: { total?: boolean; wrap?: ReadonlySet<number> } = {},
): void {
  const r = ws.addRow(safeCells(cells));
  for (let i = 1; i <= cells.length; i++) {
    const amount = amountColumns.has(i);
    const style = opts.total
      ? amount
        ? STYLE.totalAmount
        : STYLE.totalText
      : amount
        ? STYLE.amount
        : opts.wrap?.has(i)
          ? STYLE.wrap
          : STYLE.text;
    styled(r.getCell(i), style);
  }
  r.commit();
}

const countCells = (c: SummaryCounts): Cells => [c.forms, c.indicators];
const statusCells = (c: SummaryCounts): Cells => [c.error, c.warning, c.complete, c.unreadable];

function writeTotals(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, summary: Summary, section: SummarySection, note: string): void {
  const money = section.moneyColumns.map((c) => c.label);
  const headers = [
    '主管部门代码',
    '主管部门',
    '单位代码',
    '单位名称',
    '表单数',
    '指标数',
    ...money,
    '有错误',
    '有提示',
    '完整',
    '无法读取',
  ];
  const amountCols = new Set(money.map((_, i) => 7 + i));
  const units = section.parents.flatMap((p) => p.units);
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    { width: fitWidth(['主管部门代码', ...section.parents.map((p) => p.code)], 8, 14) },
    { width: fitWidth(['主管部门', '合计', ...section.parents.map((p) => p.name)], 10, 40) },
    { width: fitWidth(['单位代码', ...units.map((u) => u.code)], 8, 14) },
    { width: fitWidth(['单位名称', ...units.map((u) => u.name)], 10, 44) },
    { width: 8 },
    { width: 8 },
    ...money.map((m, i) => ({ width: fitWidth([m, shownAmount(section.totals[i] ?? '0')], 12, 24) })),
    { width: 8 },
    { width: 8 },
    { width: 8 },
    { width: 9 },
  ];
  titleRows(ws, `${summary.year}年度${section.templateTitle}汇总表`, note, headers.length);
  headerRow(ws, headers);
  for (const p of section.parents) {
    for (const u of p.units)
      dataRow(
        ws,
        [p.code, p.name, u.code, u.name, ...countCells(u.counts), ...u.totals.map(amountValue), ...statusCells(u.counts)],
        amountCols,
      );
    dataRow(ws, [p.code, p.name, '', '小计', ...countCells(p.counts), ...p.totals.map(amountValue), ...statusCells(p.counts)], amountCols, {
      total: true,
    });
  }
  dataRow(
    ws,
    ['', '合计', '', '', ...countCells(section.counts), ...section.totals.map(amountValue), ...statusCells(section.counts)],
    amountCols,
    {
      total: true,
    },
  );
  ws.commit();
}

function checkText(f: SummaryForm): string {
  if (f.check === 'complete') return '完整';
  if (f.check === 'unreadable') return `无法读取：${f.problems.join('；')}`;
  const counts = [f.errors ? `错误 ${f.errors} 处` : '', f.warnings ? `提示 ${f.warnings} 处` : ''].filter(Boolean).join('，');
  return `${counts}：${f.problems.join('；')}`;
}

async function writeList(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  store: Store,
  summary: Summary,
  section: SummarySection,
  note: string,
  progress: () => void,
): Promise<void> {
  const t = store.templates.find(section.templateId);
  const extras = t ? extraColumns(t) : [];
  const titleLabel = t ? (t.fields.find((f) => f.id === t.identity.title[0])?.label ?? '名称') : '名称';
  const headers = ['单位名称', titleLabel, '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标值', ...extras, '检查结果'];
  const amountCols = new Set([3]);
  const wrap = new Set(headers.map((_, i) => i + 1).filter((i) => i === 4 || i >= 7));
  const units = section.parents.flatMap((p) => p.units);
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    {
      width: fitWidth(
        ['单位名称', ...section.parents.map((p) => coded(p.code, p.name)), ...units.map((u) => coded(u.code, u.name))],
        12,
        44,
      ),
    },
    { width: fitWidth([titleLabel, ...units.flatMap((u) => u.forms.map((f) => f.title))], 12, 40) },
    { width: 16 },
    { width: 40 },
    { width: 12 },
    { width: 16 },
    { width: 30 },
    { width: 18 },
    ...extras.map((e) => ({ width: fitWidth([e], 12, 30) })),
    { width: 40 },
  ];
  titleRows(ws, `${summary.year}年度${section.templateTitle}明细表`, note, headers.length);
  headerRow(ws, headers);
  const blank = (n: number): Cells => Array.from({ length: n }, () => null);
  let sinceTurn = 0;
  for (const p of section.parents) {
    dataRow(ws, [coded(p.code, p.name), '', amountValue(p.totals[0] ?? ''), ...blank(headers.length - 3)], amountCols, { total: true });
    for (const u of p.units) {
      dataRow(ws, [coded(u.code, u.name), '', amountValue(u.totals[0] ?? ''), ...blank(headers.length - 3)], amountCols, { total: true });
      const contents = store.formContents(u.forms.map((f) => f.id));
      for (const f of u.forms) {
        let list: ReturnType<typeof formListRows> | null = null;
        try {
          const c = contents.get(f.id);
          const ft = c && store.templates.find(c.templateId, c.templateVersion);
          const { content } = decodeContent(c?.blob ?? null);
          if (ft && content !== null) list = formListRows(content as FormData, ft);
        } catch {
          // Damaged since the summary was made, or never readable: listed with its status below.
        }
        const head = [u.name, f.title, amountValue(f.money[0] ?? '')];
        const status = checkText(f);
        const indicators = list?.indicators ?? [];
        if (indicators.length === 0)
          dataRow(ws, [...head, list?.goal ?? '', '', '', '', '', ...extras.map(() => ''), status], amountCols, { wrap });
        indicators.forEach((r, i) =>
          dataRow(
            ws,
            [
              ...(i === 0 ? head : [u.name, f.title, null]),
              i === 0 ? (list?.goal ?? '') : '',
              r.level1,
              r.level2,
              r.name,
              r.value,
              ...extras.map((e) => r.extra[e] ?? ''),
              i === 0 ? status : '',
            ],
            amountCols,
            { wrap },
          ),
        );
        progress();
        // A turn for the rest of the app now and then, and time for the zip to catch up.
        if (++sinceTurn >= 100) {
          sinceTurn = 0;
          await nextTurn();
          while (backlog(ws) > MAX_BACKLOG) await pause(5);
        }
      }
    }
  }
  ws.commit();
}

const STAGE_STYLE: Record<StageColumn['kind'], [Partial<ExcelJS.Style>, Partial<ExcelJS.Style>]> = {
  text: [STYLE.wrap, STYLE.totalText],
  amount: [STYLE.amount, STYLE.totalAmount],
  percent: [STYLE.percent, STYLE.totalPercent],
  score: [STYLE.score, STYLE.totalScore],
  count: [STYLE.count, STYLE.totalCount],
};

/** A stage table's cell: numbers as the exact decimals they are (amountValue), text as text. */
const stageValue = (c: StageColumn, v: string | undefined): ExcelJS.CellValue => (c.kind === 'text' ? (v ?? '') : amountValue(v ?? ''));

/** One sheet per stage table (stageTables.ts): its title, the 汇总's figures, the header its columns name, a row per form, the 合计. */
async function writeStageTable(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  summary: Summary,
  stage: SummaryStage,
  table: StageTable,
  note: string,
): Promise<void> {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = table.columns.map((c) => ({
    width:
      c.kind === 'text'
        ? fitWidth([c.label, ...table.rows.slice(0, 2000).map((r) => r.cells[c.key] ?? '')], 8, c.key === 'reasons' ? 80 : 40)
        : fitWidth([c.label, shownAmount(table.total?.[c.key] || '0')], 8, 20),
  }));
  titleRows(ws, `${summary.year}年度${STAGE_TITLES[stage]}`, `${table.title}\u3000\u3000${note}`, table.columns.length);
  headerRow(
    ws,
    table.columns.map((c) => c.label),
  );
  const write = (cells: Record<string, string>, total: boolean) => {
    const r = ws.addRow(safeCells(table.columns.map((c) => stageValue(c, cells[c.key]))));
    table.columns.forEach((c, i) => styled(r.getCell(i + 1), STAGE_STYLE[c.kind][total ? 1 : 0]));
    r.commit();
  };
  let sinceTurn = 0;
  for (const row of table.rows) {
    write(row.cells, false);
    if (++sinceTurn >= 500) {
      sinceTurn = 0;
      await nextTurn();
      while (backlog(ws) > MAX_BACKLOG) await pause(5);
    }
  }
  if (table.total) write(table.total, true);
  ws.commit();
}

/** Writes the workbook of `summary` to `out`, reading each listed form from `store` once. */
export async function writeSummaryXlsx(store: Store, summary: Summary, out: Writable, opts: SummaryXlsxOptions = {}): Promise<void> {
  const { stream } = await loadExcelJs();
  // Shared strings, as Excel writes them: the list repeats unit, project and indicator names on
  // every row, and the file is a fifth smaller for it (the strings are kept until the end: a few MB).
  const wb = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = '绩效目标申报';
  const taken = new Set<string>();
  const single = summary.sections.length === 1;
  const total = summary.counts.forms;
  let done = 0;
  const progress = () => opts.onProgress?.({ done: ++done, total });
  if (summary.sections.length === 0) {
    const ws = wb.addWorksheet('汇总表');
    ws.addRow(safeCells([`${summary.year}年度没有表单`])).commit();
    ws.commit();
  }
  if (summary.stage) {
    const note = ['金额单位：万元', figuresLine(summary.stage.figures)].join('　　');
    for (const table of summary.stage.tables)
      await writeStageTable(
        wb,
        sheetName(table.title.replace(/^[一二三四五六七八九十]+、/, ''), taken),
        summary,
        summary.stage.stage,
        table,
        note,
      );
  }
  for (const section of summary.sections) {
    // One template: 汇总表 and 明细表; several: each template's title in front (项目支出绩效目标表汇总表).
    const prefix = single ? '' : section.templateTitle;
    const note = noteLine(summary, section);
    writeTotals(wb, sheetName(`${prefix}汇总表`, taken), summary, section, note);
    await writeList(wb, sheetName(`${prefix}明细表`, taken), store, summary, section, note, progress);
  }
  await wb.commit();
}
