/**
 * A blank form (the document model of its .docx or .xlsx) as a proposed template, with no code
 * and no manual step: the table's grid with its widths, spans and row heights; printed text as
 * label cells and the empty cell beside (or under) a label as that field's value cell; a label
 * ending in ： with no empty cell beside it as a field sharing its cell; kinds from the labels
 * (asked of the kind registry); the indicator grid from its header (indicatorGrid.ts) as a
 * repeating group; the lines above and below (blankLines.ts); the page; identity, a file name,
 * sums where 其中 rows follow a total, and the 汇总's hint. The result passes the template
 * checks, or the blank is refused with a Chinese message saying why.
 */
import { UserError } from '../../../shared/errors';
import { kindForLabel, kindOf } from '../../../shared/kinds';
import { checkTemplate } from '../../../shared/template/check';
import {
  templateDefSchema,
  type CellDef,
  type ColumnDef,
  type FieldDef,
  type GroupDef,
  type LineDef,
  type RowDef,
  type RuleDef,
  type TemplateDef,
} from '../../../shared/template/schema';
import { walkModel, type DocLook, type DocModel, type DocParagraph, type DocTable } from './docModel';
import { cellText, gridOf, type Grid, type GridCell } from './grid';
import { blankLines, fieldLabelOf } from './fromBlankLines';
import { findIndicatorGrid, squashText, type IndicatorColumn, type IndicatorGrid } from './fromBlankGrid';

/** The most columns and fixed rows a template holds (shared/template/schema.ts). */
const MAX_COLUMNS = 30;
const MAX_ROWS = 200;
const DEFAULT_ROW_TWIPS = 454;
/** A value cell this tall (or spanning rows) is for free text. */
const TALL_TWIPS = 1000;

const A4 = { widthTwips: 11906, heightTwips: 16838, margins: { top: 1440, bottom: 1440, left: 1588, right: 1474 } };

export function blankRefusal(why: string): UserError {
  return new UserError(`这个空白表不能生成表样：${why}。没有保存任何内容。`, 'blank.invalid');
}

/** What the designer shows of each cell of the blank: what it became in the template. */
export interface ProposedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  role: 'label' | 'value' | 'labelValue' | 'column' | 'empty';
  /** Where the cell's top row is in the template's grid (the indicator rows are one row there). */
  templateRow: number;
  /** For a value: the field's id, label and kind; for a column: the group column's. */
  field?: string;
  label?: string;
  kind?: string;
}

export interface BlankProposal {
  template: TemplateDef;
  cells: ProposedCell[];
  /** What was assumed or could not be placed, for the user to look at. */
  notes: string[];
}

export interface ProposeOptions {
  /** The template id; default from the file's hash. */
  id?: string;
  fileName: string;
  /** Hex digest of the file, for the default id. */
  hash: string;
}

interface Chosen {
  table: DocTable;
  above: DocParagraph[];
  below: DocParagraph[];
  page: typeof A4;
}

function chooseTable(model: DocModel): Chosen {
  const walk = walkModel(model);
  if (walk.tables.length === 0)
    throw blankRefusal('文件里没有表格，不像是一张空白申报表。请选择画有表格的 Word（.docx）或 Excel（.xlsx）空白表');
  if (walk.tables.some((t) => t.depth > 0))
    throw blankRefusal(
      '表格的单元格里又套着表格（嵌套表格），无法确定每一格在表中的位置。请在 Word 或 WPS 中把里面的表格拆成普通的行和列后再试',
    );
  let best: { table: DocTable; section: number; index: number } | null = null;
  model.sections.forEach((s, si) =>
    s.blocks.forEach((b, bi) => {
      if (b.kind === 'table' && (!best || b.cells.length > best.table.cells.length)) best = { table: b, section: si, index: bi };
    }),
  );
  const { table, section, index } = best as unknown as { table: DocTable; section: number; index: number };
  const blocks = model.sections[section].blocks;
  const paragraphsBetween = (from: number, to: number) => blocks.slice(from, to).filter((b): b is DocParagraph => b.kind === 'paragraph');
  let start = index;
  while (start > 0 && blocks[start - 1].kind === 'paragraph') start--;
  let end = index + 1;
  while (end < blocks.length && blocks[end].kind === 'paragraph') end++;
  const page = model.sections[section].page ?? A4;
  return { table, above: paragraphsBetween(start, index), below: paragraphsBetween(index + 1, end), page };
}

const isBlank = (c: GridCell): boolean => squashText(cellText(c)) === '';
const LEAD = /^(其中[：:])\s*/;
/** A word over a column of the money rows that tells two equal labels apart (中期 财政拨款, 年度 财政拨款). */
const CONTEXT = /^(中期|长期|年度|实施期|当年|本年|上年)/;
const TOTAL = /总额|合计|总计|小计/;

function firstLook(table: DocTable): DocLook | undefined {
  for (const c of table.cells) for (const b of c.blocks) if (b.kind === 'paragraph' && b.text.trim() !== '' && b.look) return b.look;
  return undefined;
}

/** Cell alignment as the blank draws it: the first paragraph's, where the file says. */
function alignOf(table: DocTable, cell: GridCell): 'left' | 'center' | 'right' | undefined {
  const src = table.cells.find((c) => c.row === cell.row && c.col === cell.col);
  const p = src?.blocks.find((b): b is DocParagraph => b.kind === 'paragraph' && b.text.trim() !== '');
  return p?.look?.align;
}

export function proposeTemplate(model: DocModel, opts: ProposeOptions): BlankProposal {
  const chosen = chooseTable(model);
  const { table } = chosen;
  const grid: Grid = gridOf(table);
  const columns = Math.max(0, ...grid.cells.map((c) => c.col + c.colSpan));
  if (columns > MAX_COLUMNS)
    throw blankRefusal(
      `表格有 ${columns} 列，表样最多 ${MAX_COLUMNS} 列。请确认选择的是申报表的空白表，或在 Word、Excel 中删去多余的列后再试`,
    );
  for (const line of grid.owner)
    if (line.length < columns || line.some((c) => !c))
      throw blankRefusal('表格的各行列数不一致（有的行缺格），无法确定每一格的位置。请在 Word 或 WPS 中把表格补齐后再试');
  if (!grid.cells.some(isBlank))
    throw blankRefusal('表格里没有空白格，找不到填写的位置（空白表的填写处应是空着的单元格）。请选择还没有填写的空白表');

  const notes: string[] = [];
  const fields: FieldDef[] = [];
  const labels = new Set<string>(['表']);
  let nextId = 0;
  const ids = {
    next: (hint: string) => `${/^[a-z]+$/i.test(hint) ? hint : 'f'}${++nextId}`,
    label(wanted: string): string {
      let l = wanted.slice(0, 96) || '未命名';
      for (let k = 2; labels.has(l); k++) l = `${wanted.slice(0, 90)}（${k}）`;
      labels.add(l);
      return l;
    },
  };

  // The indicator grid, if the blank has one, and how grid rows map to template rows.
  const ind = findIndicatorGrid(grid, columns);
  const dataRows = ind ? Math.max(0, ind.last - ind.first + 1) : 0;
  const slotRow = ind ? ind.bottom + 1 : -1;
  const tRow = (r: number): number => (!ind || r <= ind.bottom ? r : r > ind.last ? r - dataRows + 1 : slotRow);
  const inData = (c: GridCell) => !!ind && c.row >= ind.first && c.row <= ind.last;
  if (grid.owner.length - dataRows + 1 > MAX_ROWS) throw blankRefusal(`表格的行数过多（表样最多 ${MAX_ROWS} 行）`);

  const cells: CellDef[] = [];
  const proposed: ProposedCell[] = [];
  const place = (c: GridCell, content: CellDef['content'], extra: Partial<CellDef> = {}) => {
    const row = tRow(c.row);
    const lastRow = tRow(c.row + c.rowSpan - 1);
    const def: CellDef = { row, col: c.col, content, ...extra };
    if (lastRow - row + 1 > 1) def.rowSpan = lastRow - row + 1;
    if (c.colSpan > 1) def.colSpan = c.colSpan;
    const align = alignOf(table, c);
    if (align && !def.align) def.align = align;
    cells.push(def);
  };
  const describe = (c: GridCell, p: Omit<ProposedCell, 'row' | 'col' | 'rowSpan' | 'colSpan' | 'text' | 'templateRow'>) =>
    proposed.push({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: cellText(c), templateRow: tRow(c.row), ...p });

  let group: GroupDef | undefined;
  const groupCells = new Set<GridCell>();
  if (ind) {
    group = indicatorGroup(grid, ind, dataRows, ids, notes);
    for (const c of ind.columns) groupCells.add(c.leaf);
  }

  // Fixed cells: labels and the values beside or under them.
  const fixed = grid.cells.filter(
    (c) => !inData(c) && !(ind && ind.side.includes(c)) && !groupCells.has(c) && !(ind && ind.band.includes(c)),
  );
  const valueOf = new Map<GridCell, { label: GridCell; at: 'right' | 'below' }>();
  const labelled = new Set<GridCell>();
  const isLabel = (c: GridCell | undefined): c is GridCell => !!c && fixed.includes(c) && !isBlank(c);
  for (const l of fixed) {
    if (isBlank(l)) continue;
    const e = grid.owner[l.row]?.[l.col + l.colSpan];
    if (e && fixed.includes(e) && isBlank(e) && e.row === l.row && !valueOf.has(e)) {
      valueOf.set(e, { label: l, at: 'right' });
      labelled.add(l);
    }
  }
  for (const e of fixed) {
    if (!isBlank(e) || valueOf.has(e)) continue;
    const l = grid.owner[e.row - 1]?.[e.col];
    if (isLabel(l) && !labelled.has(l) && l.col === e.col && l.colSpan === e.colSpan) {
      valueOf.set(e, { label: l, at: 'below' });
      labelled.add(l);
    }
  }

  const heightOf = (c: GridCell) => {
    let h = 0;
    for (let r = c.row; r < c.row + c.rowSpan; r++) h += table.rowHeightsTwips?.[r] ?? DEFAULT_ROW_TWIPS;
    return h;
  };
  /** Money printed for a whole block: a label to the left spanning rows (项目资金（万元）), or a header over the value's column (金额(元)). */
  const MONEY_WORDS = /万元|[（(]元[）)]|金额|单位[：:]元/;
  const moneyContext = (l: GridCell, e: GridCell | undefined) => {
    for (let c = 0; c < l.col; c++) {
      const left = grid.owner[l.row]?.[c];
      if (left && left.rowSpan > 1 && MONEY_WORDS.test(squashText(cellText(left)))) return true;
    }
    for (let r = (e ?? l).row - 1; e && r >= 0; r--) {
      const above = grid.owner[r]?.[e.col];
      if (!above || above.col !== e.col) break;
      if (isBlank(above) || valueOf.has(above)) continue;
      if (MONEY_WORDS.test(squashText(cellText(above)))) return true;
      if (!labelled.has(above)) break;
    }
    return false;
  };
  const contextWord = (l: GridCell): string | null => {
    for (let r = l.row - 1; r >= 0; r--) {
      const above = grid.owner[r]?.[l.col];
      if (!above || above.col !== l.col) return null;
      const m = CONTEXT.exec(squashText(cellText(above)));
      if (m) return m[1];
    }
    return null;
  };
  const fieldOfLabel = new Map<GridCell, FieldDef>();
  // Names printed more than once (财政拨款 under 中期 and under 年度) are told apart by the word over their column.
  const nameOf = (l: GridCell) => fieldLabelOf(cellText(l).trim().replace(LEAD, ''));
  const nameCount = new Map<string, number>();
  for (const l of labelled) nameCount.set(nameOf(l), (nameCount.get(nameOf(l)) ?? 0) + 1);
  const makeField = (l: GridCell, e: GridCell | undefined, shared: boolean): { def: FieldDef; lead?: string } => {
    const tall = !!e && (heightOf(e) >= TALL_TWIPS || e.rowSpan > 1);
    const paragraphs = cellText(l)
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    let text = paragraphs.join('\n');
    const lead = LEAD.exec(text)?.[1];
    if (lead) text = text.replace(LEAD, '');
    const name = fieldLabelOf(text);
    let kind = kindForLabel(name);
    // In a block of money rows every row is an amount (特定目标类项目 under 总体资金情况（元）).
    if (!tall && !kindOf(kind).money && kind !== 'year' && moneyContext(l, e)) kind = kindForLabel('金额');
    if (tall && !kindOf(kind).money && kindOf(kind).lines === 'one' && kind !== 'year') kind = kindForLabel('目标');
    let wanted = name;
    if ((nameCount.get(name) ?? 0) > 1 || labels.has(wanted)) {
      const word = contextWord(l);
      if (word && !name.startsWith(word)) wanted = `${word}${name}`;
    }
    const label = ids.label(wanted);
    // A cell shared by label and value prints its own ：; a label cell prints its text as it is.
    const printed = shared ? text.replace(/[：:]\s*$/, '') : text;
    const def: FieldDef = { id: ids.next('f'), label, kind };
    if (printed !== label) def.printed = printed.slice(0, 100);
    fields.push(def);
    fieldOfLabel.set(l, def);
    return { def, lead };
  };

  for (const c of fixed) {
    const value = valueOf.get(c);
    if (value) continue; // placed with its label
    if (isBlank(c)) {
      place(c, { type: 'empty' });
      describe(c, { role: 'empty' });
      notes.push(`第 ${c.row + 1} 行第 ${c.col + 1} 列的空白格旁边没有标签，当作不填写的空白格`);
      continue;
    }
    const own = [...valueOf].find(([, v]) => v.label === c);
    if (own) {
      const [e] = own;
      const { def, lead } = makeField(c, e, false);
      place(c, { type: 'label', of: { field: def.id }, ...(lead ? { lead } : {}) });
      place(e, { type: 'field', field: def.id }, kindOf(def.kind).block ? { valign: 'top' } : {});
      describe(c, { role: 'label', field: def.id, label: def.label, kind: def.kind });
      describe(e, { role: 'value', field: def.id, label: def.label, kind: def.kind });
      continue;
    }
    const text = cellText(c).trim();
    if (/[：:]$/.test(text) && !text.includes('\n')) {
      const { def, lead } = makeField(c, undefined, true);
      place(c, { type: 'field', field: def.id, showLabel: true, ...(lead ? { lead } : {}) });
      describe(c, { role: 'labelValue', field: def.id, label: def.label, kind: def.kind });
      continue;
    }
    const lines = text
      .split('\n')
      .slice(0, 10)
      .map((l) => l.slice(0, 200));
    place(c, { type: 'label', lines });
    describe(c, { role: 'label' });
  }

  // The indicator grid's band: headers, blocks over them, the side label.
  if (ind && group) {
    for (const c of ind.band) {
      if (isBlank(c)) place(c, { type: 'empty' });
      else place(c, { type: 'label', lines: cellText(c).trim().split('\n').slice(0, 10) });
      describe(c, { role: isBlank(c) ? 'empty' : 'label' });
    }
    ind.columns.forEach((col, i) => {
      const column = group.columns[i];
      place(col.leaf, { type: 'label', of: { group: group.id, column: column.id } });
      describe(col.leaf, { role: 'column', field: column.id, label: column.label, kind: column.kind });
    });
    for (const s of ind.side) {
      if (s.row + s.rowSpan - 1 !== ind.last && dataRows > 0)
        notes.push(`「${squashText(cellText(s)).slice(0, 20)}」一格没有恰好覆盖到指标表的最后一行，已让它随指标行伸展`);
      const text = squashText(cellText(s));
      const lastRow = slotRow;
      const def: CellDef = {
        row: tRow(s.row),
        col: s.col,
        content:
          text === group.label
            ? { type: 'label', of: { group: group.id } }
            : isBlank(s)
              ? { type: 'empty' }
              : { type: 'label', lines: cellText(s).trim().split('\n').slice(0, 10) },
      };
      if (lastRow - def.row + 1 > 1) def.rowSpan = lastRow - def.row + 1;
      if (s.colSpan > 1) def.colSpan = s.colSpan;
      cells.push(def);
      describe(s, { role: isBlank(s) ? 'empty' : 'label' });
    }
    for (const c of grid.cells.filter(inData)) describe(c, { role: 'column' });
  }

  // Rows: the blank's heights; the indicator rows become the group's slot.
  const rows: RowDef[] = [];
  const multilineRows = new Set(
    cells
      .filter((c) => c.content.type === 'field' && kindOf(fields.find((f) => f.id === (c.content as { field: string }).field)!.kind).block)
      .map((c) => c.row),
  );
  for (let r = 0; r < grid.owner.length; r++) {
    if (ind && r >= ind.first && r <= ind.last) continue;
    const h = Math.min(40_000, table.rowHeightsTwips?.[r] ?? DEFAULT_ROW_TWIPS);
    const row: RowDef = { minHeight: h, canSplit: multilineRows.has(rows.length) };
    if (ind && r >= ind.top && r <= ind.bottom) row.repeatHeader = true;
    rows.push(row);
    if (ind && r === ind.bottom) rows.push({ group: group!.id });
  }

  // Lines above and below, the year among them.
  const yearInTable = fields.find((f) => kindOf(f.kind) === kindOf('year'));
  const yearId = yearInTable?.id ?? 'year';
  const lines = blankLines(chosen.above, chosen.below, ids, yearId);
  const lineFields = lines.fields;
  if (yearInTable) {
    for (const l of lines.lines) for (const s of l.segments) if ('field' in s && s.field === yearId) s.echo = true;
  } else {
    fields.unshift({ id: yearId, label: ids.label('年度'), kind: 'year', required: true });
    if (!lines.hasYear) {
      const yearLine: LineDef = {
        id: 'yearLine',
        segments: [{ text: '（' }, { field: yearId, minChars: 4 }, { text: '年度）' }],
        align: 'center',
        font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', sizePt: 14 },
        spaceAfterPt: 6,
      };
      lines.above.splice(lines.title ? 1 : 0, 0, yearLine);
      notes.push('空白表上没有写年度的地方，已在标题下加了一行「（    年度）」');
    }
  }
  fields.push(...lineFields);

  // Identity, title, file name.
  const byLabel = (re: RegExp) => fields.find((f) => re.test(f.label) && kindOf(f.kind).holdsName);
  const project = byLabel(/^项目名称$|项目名称/);
  const unit =
    byLabel(/实施单位|执行单位/) ??
    byLabel(/^(?:部门|单位|部门（单位）|部门\(单位\))(?:名称)?(?:及代码|及编码)?$/) ??
    byLabel(/单位名称|部门名称|填报单位|预算单位/) ??
    byLabel(/单位|部门/) ??
    project ??
    fields.find((f) => kindOf(f.kind).holdsName);
  if (!unit) throw blankRefusal('表中找不到可以填写单位或项目名称的文字格，无法确定一份表是谁的');
  const named = project ?? unit;
  for (const f of fields) if (f === named || f === unit || f.id === yearId) f.required = true;
  const date = fields.find((f) => kindOf(f.kind) === kindOf('date') && /填报|日期/.test(f.label));
  const title = (lines.title ?? opts.fileName.replace(/\.[^.]+$/, '')).slice(0, 100) || '空白表生成的表样';

  const rules: RuleDef[] = sumRules(grid, fieldOfLabel);
  const money = fields.filter((f) => kindOf(f.kind).money).slice(0, 20);
  const parent = fields.find((f) => /主管部门/.test(f.label) && f.kind === 'text');
  const goal = fields.find((f) => /目标/.test(f.label) && kindOf(f.kind).block);
  const set = group?.indicators?.[0];

  const page = chosen.page;
  let widths = table.columnWidthsTwips && table.columnWidthsTwips.length === columns ? [...table.columnWidthsTwips] : null;
  const textWidth = page.widthTwips - page.margins.left - page.margins.right;
  if (!widths) {
    widths = new Array<number>(columns).fill(Math.floor(textWidth / columns));
    notes.push('文件没有给出列宽，各列按版心宽度平分');
  }
  widths = widths.map((w) => Math.max(100, Math.min(30_000, Math.round(w))));
  const sum = widths.reduce((a, b) => a + b, 0);
  if (sum > page.widthTwips) {
    const k = textWidth / sum;
    widths = widths.map((w) => Math.max(100, Math.floor(w * k)));
    notes.push('表格比纸张还宽，各列已按比例缩到版心宽度');
  }
  const look = firstLook(table);

  const template: TemplateDef = {
    id: opts.id ?? `blank-${opts.hash.slice(0, 10).toLowerCase()}`,
    version: 1,
    title,
    role: project ? 'project' : 'department',
    description: `由空白表「${opts.fileName.slice(0, 80)}」生成`,
    fileName: `{${yearId}}年{${named.id}}${title}`.slice(0, 200),
    page: {
      widthTwips: clamp(page.widthTwips, 2000, 40_000),
      heightTwips: clamp(page.heightTwips, 2000, 40_000),
      marginsTwips: {
        top: clamp(page.margins.top, 0, 40_000),
        bottom: clamp(page.margins.bottom, 0, 40_000),
        left: clamp(page.margins.left, 0, 40_000),
        right: clamp(page.margins.right, 0, 40_000),
      },
    },
    fonts: {
      table: {
        eastAsia: look?.eastAsia ?? '仿宋_GB2312',
        ascii: look?.ascii ?? 'Times New Roman',
        // Excel's own default is 11 pt where the sheet says nothing; Word's blanks say theirs.
        sizePt: clamp(look?.sizePt ?? (model.format === 'docx' ? 12 : 11), 5, 72),
      },
    },
    fields,
    ...(group ? { groups: [group] } : {}),
    identity: {
      year: yearId,
      key: project && unit !== project ? [unit.id, project.id] : [named.id],
      title: [named.id],
      unit: unit.id,
      ...(date ? { date: date.id } : {}),
    },
    above: lines.above,
    table: { columnsTwips: widths, rows, cells, borderPt: clamp(table.borderPt ?? 0.5, 0, 6) },
    below: lines.below,
    rules,
    summary: {
      money: money.map((f) => f.id),
      ...(parent ? { parent: parent.id } : {}),
      ...(goal ? { goal: goal.id } : {}),
      ...(group && set ? { indicators: { group: group.id, ...set } } : {}),
    },
  };
  const parsed = templateDefSchema.safeParse(template);
  const problems = parsed.success
    ? checkTemplate(parsed.data)
    : parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}：${i.message}`);
  if (problems.length) throw blankRefusal(`按这个空白表生成的表样不完整（${problems.slice(0, 3).join('；')}）`);
  return { template: parsed.data!, cells: proposed, notes };
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.round(v)));

/** The indicator grid's columns as a repeating group; pre-printed 一级/二级 rows as its default rows. */
function indicatorGroup(grid: Grid, ind: IndicatorGrid, dataRows: number, ids: { label(w: string): string }, notes: string[]): GroupDef {
  const side = ind.side.find((s) => !isBlank(s));
  const groupLabel = ids.label(side ? squashText(cellText(side)).slice(0, 50) : '绩效指标');
  const blocks = [...new Set(ind.columns.map((c) => c.block))];
  // The annual block (or the only one, or the last) gets the plain ids; the others a block prefix.
  const main = blocks.includes('年度') ? '年度' : blocks[blocks.length - 1];
  const used = new Set<string>();
  const columnLabels = new Set<string>();
  const idOf = (col: IndicatorColumn, i: number): string => {
    const base = col.role ?? kindNameId(col.header) ?? 'col';
    const prefix = col.role === 'level1' || col.block === main || col.block === null ? '' : `b${blocks.indexOf(col.block) + 1}`;
    let id = prefix ? `${prefix}${base[0].toUpperCase()}${base.slice(1)}` : base;
    if (used.has(id)) id = `${id}${i + 1}`;
    used.add(id);
    return id;
  };
  const level1 = ind.columns.find((c) => c.role === 'level1');
  const columns: ColumnDef[] = ind.columns.map((col, i) => {
    const header = squashText(col.header) || `第${col.col + 1}列`;
    const kind = col.role ? 'text' : kindForLabel(header, true);
    let label = header.slice(0, 100);
    if (col.block && col.role !== 'level1' && !label.startsWith(col.block) && blocks.length > 1) label = `${col.block}${label}`;
    for (let k = 2; columnLabels.has(label); k++) label = `${header.slice(0, 90)}（${k}）`;
    columnLabels.add(label);
    const def: ColumnDef = { id: idOf(col, i), label, kind };
    if (col.header.trim() !== label) def.printed = col.header.trim().slice(0, 100);
    return def;
  });
  const idAt = (role: string, block: string | null) =>
    columns[ind.columns.findIndex((c) => c.role === role && (role === 'level1' || c.block === block))]?.id;
  // Merged down where the blank merges, or (no pre-printed rows) as indicator grids do.
  const rowsText: Record<string, string>[] = [];
  let merged = false;
  for (let r = ind.first; r <= ind.last; r++) {
    const row: Record<string, string> = {};
    ind.columns.forEach((col, i) => {
      const cell = grid.owner[r][col.col]!;
      if (cell.rowSpan > 1) merged = true;
      const text = cellText(cell).trim();
      if (text !== '') row[columns[i].id] = text.slice(0, 200);
    });
    rowsText.push(row);
  }
  const preprinted = rowsText.some((r) => Object.keys(r).length > 0);
  if (preprinted && !merged && dataRows > 1) notes.push('指标表的一级、二级指标在空白表中没有合并单元格，表样也逐行打印');
  const mergeDown = !preprinted || merged;
  for (const [i, col] of ind.columns.entries()) {
    if (!mergeDown) break;
    if (col.role === 'level1') columns[i].merge = {};
    if (col.role === 'level2') columns[i].merge = level1 ? { within: [columns[ind.columns.indexOf(level1)].id] } : {};
  }
  const sets = blocks
    .map((b) => ({ level1: idAt('level1', b), level2: idAt('level2', b), name: idAt('name', b), value: idAt('value', b) }))
    .filter((s): s is { level1: string; level2: string; name: string; value: string } => !!(s.level1 && s.level2 && s.name && s.value));
  sets.sort((a, b) => (a.name === 'name' ? -1 : b.name === 'name' ? 1 : 0));
  const group: GroupDef = {
    id: 'indicators',
    label: groupLabel,
    columns,
    cells: ind.columns.map((col, i) => ({
      column: columns[i].id,
      col: col.col,
      ...(col.colSpan > 1 ? { colSpan: col.colSpan } : {}),
      ...(col.role === 'name' ? {} : { align: 'center' as const }),
    })),
    minRows: Math.max(1, Math.min(200, dataRows)),
    maxRows: 500,
    row: { minHeight: 454, canSplit: false },
    newYear: 'carry',
  };
  if (preprinted) group.defaultRows = rowsText.slice(0, 200);
  if (sets.length) group.indicators = sets.slice(0, 4);
  return group;
}

/** A column id from its kind's hint (指标性质 → comparator), for the extra columns. */
function kindNameId(header: string): string | null {
  const kind = kindForLabel(squashText(header), true);
  return kind === 'text' || kind === 'multiline' ? null : kind;
}

/**
 * Sums the blank implies: a total (总额, 合计) whose next rows, in the same column, hold amounts
 * with the first of them printed 其中： — proposed as a warning, never an error.
 */
function sumRules(grid: Grid, fieldOfLabel: Map<GridCell, FieldDef>): RuleDef[] {
  const rules: RuleDef[] = [];
  const money = (f: FieldDef | undefined) => !!f && kindOf(f.kind).money;
  for (const [label, total] of fieldOfLabel) {
    if (!money(total) || !TOTAL.test(total.label)) continue;
    const parts: FieldDef[] = [];
    let r = label.row + label.rowSpan;
    for (;;) {
      const next = grid.owner[r]?.[label.col];
      const f = next ? fieldOfLabel.get(next) : undefined;
      if (!next || next.col !== label.col || !money(f)) break;
      if (parts.length === 0 && !LEAD.test(cellText(next).trim())) break;
      parts.push(f!);
      r = next.row + next.rowSpan;
    }
    if (parts.length === 0) continue;
    const names = parts.map((p) => p.label).join('、');
    rules.push(
      parts.length === 1
        ? { type: 'atMost', a: parts[0].id, b: total.id, message: `${parts[0].label}不应大于${total.label}`, severity: 'warning' }
        : { type: 'sum', total: total.id, parts: parts.map((p) => p.id), message: `${total.label}应等于${names}之和`, severity: 'warning' },
    );
  }
  return rules.slice(0, 50);
}
