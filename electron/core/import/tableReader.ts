/**
 * Finds the form's table in a document and reads the printed text of each field and the rows
 * of each repeating group from it, guided by the template's layout (the one layout pass, for a
 * blank form): a label cell ("部门名称") gives the value in the cell to its right (or below it,
 * where the template prints the label above); a shared cell ("其中：一般公共预算拨款：382.21")
 * gives label：value pairs; a group's header row gives its columns, and the rows below it,
 * until a row that starts with one of the form's labels, give its rows. Grid positions are not
 * trusted, because hand-made tables rarely match ours column for column.
 */
import type { GroupRow } from '../../../shared/form';
import { blankForm, completeRow } from '../../../shared/formOps';
import { isTicked, kindOf } from '../../../shared/kinds';
import { labelsOf, normalizeLabel as normalizeText } from '../../../shared/labelJson';
import { labelText, layoutForm, type LaidCell } from '../../../shared/template/layout';
import type { FieldDef, GroupDef, TemplateDef } from '../../../shared/template/schema';
import type { DocTable, DocWalk } from './docModel';
import { cellText, gridOf, type Grid, type GridCell } from './grid';
import { labelAlternation, squash } from './looseText';
import { blockAbove, columnTag, splitHeader, type BlockTag } from './headerBlocks';
import { endsGrid } from './gridEnd';
import { isIdentityLine, wholeWidthRows } from './formSplit';
import { BY_TEXT, cellsWhere, type CellKey, type ReadGrid } from './gridIndex';

interface BlockField {
  def: FieldDef;
  labels: Set<string>;
  /** Where the value sits relative to its label cell. */
  valueAt: 'right' | 'below';
  footers: string[];
  /**
   * A value in a matrix of amounts (the 自评 money block: 年初预算数 · 全年预算数 · 全年执行数 by 资金来源),
   * with no label of its own: found where its row's label (其他资金) meets its column's header (全年执行数).
   */
  matrix?: { row: string; column: string };
}

interface GroupModel {
  group: GroupDef;
  /** Normalized header texts per column id. */
  headers: Map<string, Set<string>>;
  /** Columns laid out as boxes (ticks, a choice's options): each option's header text, normalized. */
  boxes: Map<string, string[]>;
  /** The block (中期 or 年度) each column belongs to, where the template has two. */
  tags: Map<string, BlockTag | undefined>;
}

/** A column the template does not know, found in a group's header band, and what it holds row by row. */
export interface ExtraColumn {
  group: string;
  header: string;
  values: string[];
}

/**
 * Labels as compared: a 监控表's headers name the month (1-6月执行数), the template's print 1-N月 for
 * a blank form; both read as 1-N月.
 */
const normalizeLabel = (s: string): string => normalizeText(s).replace(/1[-－—~～至]\d{1,2}月/g, '1-N月');

interface TableModel {
  /** Fields whose value has a cell of its own, next to a label cell. */
  block: BlockField[];
  /** Fields printed as label：value inside a shared cell. */
  pair: FieldDef[];
  groups: GroupModel[];
  /** Every label the table prints, normalized, for recognising label cells. */
  labelTexts: Set<string>;
  leads: string[];
  /** Leads printed before labels (其中：), normalized, so 其中：当年财政拨款 is read as 当年财政拨款. */
  labelLeads: string[];
  fieldByLabel: Map<string, FieldDef>;
}

const models = new WeakMap<TemplateDef, TableModel>();

/** The template's own label cell for a value cell: to its left on its first row, else directly above. */
function labelCellOf(cells: readonly LaidCell[], cell: LaidCell): { label: LaidCell; valueAt: 'right' | 'below' } | null {
  const labels = cells.filter((c) => c.binding.kind === 'label');
  const left = labels.find((c) => c.col + c.colSpan === cell.col && c.row === cell.row && c.rowSpan === cell.rowSpan);
  if (left) return { label: left, valueAt: 'right' };
  const above = labels.find((c) => c.row + c.rowSpan === cell.row && c.col === cell.col && c.colSpan === cell.colSpan);
  if (above) return { label: above, valueAt: 'below' };
  return null;
}

const labelOfCell = (c: LaidCell) => normalizeLabel(c.paragraphs.map((p) => p.text).join(''));

/**
 * For a value cell with no label beside or above it: the label starting its row (one grid row
 * high, so not a side label such as 项目资金 down the block) and the nearest label above it in the
 * same column — its row and column headings in a matrix of values.
 */
function matrixOf(cells: readonly LaidCell[], cell: LaidCell): { row: string; column: string } | undefined {
  const labels = cells.filter((c) => c.binding.kind === 'label');
  const row = labels.filter((c) => c.row === cell.row && c.rowSpan === 1 && c.col < cell.col).sort((a, b) => a.col - b.col)[0];
  const column = labels
    .filter((c) => c.col === cell.col && c.colSpan === cell.colSpan && c.row + c.rowSpan <= cell.row)
    .sort((a, b) => b.row - a.row)[0];
  return row && column ? { row: labelOfCell(row), column: labelOfCell(column) } : undefined;
}

function tableModel(t: TemplateDef): TableModel {
  const cached = models.get(t);
  if (cached) return cached;
  const layout = layoutForm(t, blankForm(t, ''), { print: true });
  const cells = layout.rows.flatMap((r) => r.cells);
  const defs = new Map(t.fields.map((f) => [f.id, f]));
  const model: TableModel = {
    block: [],
    pair: [],
    groups: [],
    labelTexts: new Set(),
    leads: [],
    labelLeads: [],
    fieldByLabel: new Map(),
  };
  for (const c of t.table.cells) {
    const lead = c.content.type === 'label' || c.content.type === 'field' ? c.content.lead : undefined;
    if (lead && !model.labelLeads.includes(normalizeLabel(lead))) model.labelLeads.push(normalizeLabel(lead));
  }
  for (const cell of cells) {
    if (cell.binding.kind !== 'label') continue;
    const text = cell.paragraphs.map((p) => p.text).join('');
    model.labelTexts.add(normalizeLabel(text));
    for (const p of cell.paragraphs) model.labelTexts.add(normalizeLabel(p.text));
  }
  for (const cell of cells) {
    const b = cell.binding;
    if (b.kind !== 'field') continue;
    const def = defs.get(b.field)!;
    const labels = new Set(labelsOf(def));
    for (const l of labels) {
      model.labelTexts.add(l);
      model.fieldByLabel.set(l, def);
    }
    for (const lead of [b.lead, b.indentLead]) if (lead && !model.leads.includes(lead)) model.leads.push(lead);
    if (b.showLabel) {
      model.pair.push(def);
      continue;
    }
    const own = labelCellOf(cells, cell);
    if (own) labels.add(normalizeLabel(own.label.paragraphs.map((p) => p.text).join('')));
    const matrix = own ? undefined : matrixOf(cells, cell);
    model.block.push({ def, labels, valueAt: own?.valueAt ?? 'right', footers: (b.footer ?? []).map((f) => squash(f.text)), matrix });
  }
  for (const g of t.groups ?? []) {
    const headers = new Map(g.columns.map((c) => [c.id, new Set(labelsOf(c))]));
    // The template's header cells may print more than the column's name (指标值（中期）).
    for (const cell of t.table.cells) {
      const c = cell.content;
      if (c.type === 'label' && c.of && 'column' in c.of && c.of.group === g.id)
        headers.get(c.of.column)?.add(normalizeLabel(labelText(t, c)));
    }
    for (const set of headers.values()) for (const h of set) model.labelTexts.add(h);
    const boxes = new Map<string, string[]>();
    for (const p of g.cells) if (p.option !== undefined) boxes.set(p.column, [...(boxes.get(p.column) ?? []), p.option]);
    model.groups.push({ group: g, headers, boxes, tags: new Map(g.columns.map((c) => [c.id, columnTag(c.label)])) });
  }
  models.set(t, model);
  return model;
}

export interface TableRead {
  /** Printed text per field id, for the fields found. */
  raw: Map<string, string>;
  /** Rows per group id, as printed (each column's text), for the groups found. */
  groups: Map<string, GroupRow[]>;
  /** Fields the table should hold but did not. */
  missing: FieldDef[];
}

/** Built pair patterns by label set; each template's tables mostly leave the same fields pending. */
const pairRegexes = new Map<string, RegExp>();
const PAIR_REGEXES_KEPT = 256;

function pairRegex(labels: readonly string[]): RegExp {
  const key = labels.join('\u0001');
  let re = pairRegexes.get(key);
  if (re) return re;
  // A label counts only at the start of a line or after a separator, so words inside
  // running text ("其中基本支出393.21万元") are not taken for labels.
  // A note after the label (年度绩效目标（90分）：…) belongs to the label, not to the value.
  re = new RegExp(
    `(?:^|(?<=[\\s：:；;，,、。]))(${labelAlternation(labels)})\\s*(?:[（(][^（）()\\n]{0,20}[）)](?=\\s*(?:[：:]|$)))?\\s*[：:]?`,
    'gm',
  );
  if (pairRegexes.size >= PAIR_REGEXES_KEPT) pairRegexes.clear();
  pairRegexes.set(key, re);
  return re;
}

function stripLeads(value: string, leads: readonly string[]): string {
  let v = value.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const lead of leads) {
      const l = lead.trim();
      if (l && v.endsWith(l)) {
        v = v.slice(0, -l.length).trim();
        changed = true;
      }
      if (l && v.startsWith(l)) {
        v = v.slice(l.length).trim();
        changed = true;
      }
    }
  }
  return v;
}

function stripFooters(paragraphs: string[], footers: readonly string[]): string[] {
  const out = [...paragraphs];
  for (let i = footers.length - 1; i >= 0; i--) {
    while (out.length && squash(out[out.length - 1]) === '') out.pop();
    if (out.length && squash(out[out.length - 1]) === footers[i]) out.pop();
  }
  return out;
}

/** The value cell of a label cell: right of it on its first row, or below it. */
function valueCellOf(grid: Grid, cell: GridCell, at: 'right' | 'below'): GridCell | undefined {
  return at === 'right' ? grid.owner[cell.row]?.[cell.col + cell.colSpan] : grid.owner[cell.row + cell.rowSpan]?.[cell.col];
}

interface Scan {
  raw: Map<string, string>;
  groups: Map<string, GroupRow[]>;
  found: number;
  /** The cells read (labels, values, headers, rows, lines). */
  claimed: Set<GridCell>;
  extras: ExtraColumn[];
  /** Title, year and sign rows printed inside the table above the form's first label. */
  lines: string[];
  grid: ReadGrid;
  /** Per group found: the share of its columns whose header the grid printed (0–1). */
  columnShare: Map<string, number>;
}

/** A label printed with a note after it: 年度绩效目标（90分）, 项目名称（全称）. */
const LABEL_SUFFIX = /（[^（）]{0,20}）$/;
/** Labels are short: longer text is never tried as a label with a note (nor costs a regex per field). */
const LABEL_CHARS = 60;

/** A cell's text without its note, as a lookup key (only where there is a note). */
const BY_BARE: CellKey = (text) => {
  const bare = bareLabel(text);
  return bare === text ? undefined : bare;
};

/** A header's base word (二级指标（中期） → 二级指标), as a lookup key. */
const BY_BASE: CellKey = (text) => (text.length > LABEL_CHARS ? undefined : splitHeader(text).base);

/** Per lead (其中：): the text after it, and that without its note, as lookup keys. */
const leadKeys = new Map<string, CellKey[]>();
function keysAfterLead(lead: string): CellKey[] {
  let keys = leadKeys.get(lead);
  if (!keys) {
    const rest = (text: string) => (text.startsWith(lead) ? text.slice(lead.length) : undefined);
    keys = [rest, (text) => (rest(text) === undefined ? undefined : BY_BARE(rest(text)!))];
    leadKeys.set(lead, keys);
  }
  return keys;
}

/** The cells that print one of `labels`: as it is, with a note after it, or after a lead (其中：). In grid order. */
function labelCells(grid: ReadGrid, model: TableModel, labels: Iterable<string>): readonly GridCell[] {
  return cellsWhere(grid, [BY_TEXT, BY_BARE, ...model.labelLeads.flatMap(keysAfterLead)], labels);
}

/** The label without its note: 年度绩效目标（90分） → 年度绩效目标; other text as it is. */
function bareLabel(text: string): string {
  return text.length <= LABEL_CHARS && text.endsWith('）') ? text.replace(LABEL_SUFFIX, '') : text;
}

/** The rows at the top of the grid that are one cell across the whole width (title, year, unit lines). */
function leadingWholeRows(grid: Grid): number[] {
  const width = grid.owner.reduce((n, r) => Math.max(n, r.length), 0);
  const out: number[] = [];
  if (width < 2) return out;
  for (let r = 0; r < grid.owner.length; r++) {
    const line = grid.owner[r];
    const cell = line[0];
    if (!cell || cell.row !== r || cell.rowSpan !== 1 || cell.colSpan !== width) break;
    if (cellText(cell).length > 200) break;
    out.push(r);
  }
  return out;
}

/**
 * A group's rows under its header: the header cells give each column's grid position; the
 * rows after the header band belong to the group until a row that starts with a label of the
 * form (金额合计, 年度总体目标) or the grid ends. A merged cell (一级指标 down its rows) gives its
 * text to every row it covers; a row with nothing in it is no row.
 */
function scanGroup(
  grid: ReadGrid,
  gm: GroupModel,
  norm: Map<GridCell, string>,
  model: TableModel,
  claimed: Set<GridCell>,
  extras: ExtraColumn[],
): { rows: GroupRow[]; columnShare: number } | null {
  const headerOf = new Map<string, GridCell>();
  const taken = new Set<GridCell>();
  const twoBlocks = [...gm.tags.values()].some((t) => t !== undefined);
  // Whether a file's header cell may stand for a column: same word, and a block it names (its
  // own suffix, or a block header above) that is the column's — a single-year template takes
  // only a 年度 block or one that names none, never a 中期/长期 one.
  const fits = (colId: string, x: GridCell): boolean => {
    const text = norm.get(x)!;
    if (text.length > LABEL_CHARS) return false;
    const headers = gm.headers.get(colId)!;
    if (!headers.has(text) && !text.endsWith('）') && !/^(中期|长期|年度|当年)/.test(text)) return false;
    const own = splitHeader(text);
    if (!headers.has(text) && !headers.has(own.base)) return false;
    const tag = own.tag ?? blockAbove(grid, x, norm);
    if (tag === undefined) return true;
    const want = gm.tags.get(colId);
    return want === undefined ? (!twoBlocks ? tag === 'year' : true) : want === tag;
  };
  // In column order, each header takes the first free cell that names it: two blocks that print
  // the same header (二级指标 under 中期 and under 年度) get their cells left to right.
  // The header row is the one naming most of the group's columns: a money block above it may print
  // some of the same words (分值, 得分 in a 自评 form's budget part).
  const naming = (c: { id: string }) => cellsWhere(grid, [BY_TEXT], gm.headers.get(c.id)!).filter((x) => !claimed.has(x));
  const perRow = new Map<number, number>();
  for (const c of gm.group.columns) for (const r of new Set(naming(c).map((x) => x.row))) perRow.set(r, (perRow.get(r) ?? 0) + 1);
  const best = Math.max(0, ...perRow.values());
  const band = [...perRow].filter(([, n]) => n === best).map(([r]) => r)[0] ?? 0;
  for (const c of gm.group.columns) {
    // The header band that names most columns is preferred; within it, the first free cell that fits.
    const free = (x: GridCell) => !claimed.has(x) && !taken.has(x) && fits(c.id, x);
    const named = cellsWhere(grid, [BY_TEXT, BY_BASE], gm.headers.get(c.id)!);
    const cell = named.find((x) => x.row >= band && x.row <= band + 2 && free(x)) ?? named.find(free);
    if (cell) {
      headerOf.set(c.id, cell);
      taken.add(cell);
    }
  }
  if (headerOf.size < Math.max(1, Math.ceil(gm.group.columns.length / 2))) return null;
  const top = Math.min(...[...headerOf.values()].map((c) => c.row));
  // One header band: cells more than three rows below the first header are another group's.
  for (const [id, cell] of headerOf) if (cell.row > top + 2) headerOf.delete(id);
  // A column of boxes is read box by box under each option's header, not under the column's own.
  const boxOf: { column: string; option: string; cell: GridCell }[] = [];
  for (const [column, options] of gm.boxes) {
    const head = headerOf.get(column);
    headerOf.delete(column);
    for (const option of options) {
      const cell = cellsWhere(grid, [BY_TEXT], [normalizeLabel(option)]).find(
        (x) =>
          !claimed.has(x) &&
          !taken.has(x) &&
          x.row >= top &&
          x.row <= top + 2 &&
          (!head || x.row > head.row) &&
          norm.get(x) === normalizeLabel(option),
      );
      if (cell) {
        boxOf.push({ column, option, cell });
        taken.add(cell);
      }
    }
  }
  const start = Math.max(...[...headerOf.values(), ...boxOf.map((b) => b.cell)].map((c) => c.row + c.rowSpan));
  // A template column the grid does not print (调整后指标值 on a declaration) makes the template fit less.
  const columnShare = (headerOf.size + new Set(boxOf.map((b) => b.column)).size) / gm.group.columns.length;
  // A single-year template on a grid that prints the same header twice with no block named
  // cannot tell which is the year's: it reads none rather than perhaps the wrong one.
  if (!twoBlocks) {
    for (const [id, cell] of headerOf) {
      const row = new Set(grid.owner[cell.row]);
      for (const x of row) if (x && x !== cell && x.row === cell.row && !claimed.has(x) && !taken.has(x) && fits(id, x)) return null;
    }
  }
  for (const cell of taken) claimed.add(cell);
  // Header cells of the band that name no column of ours (备注, 分值, 指标解释, a 中期 block in a
  // single-year template): their columns are kept aside and listed, never dropped unseen.
  const usedCols = new Set(
    [...headerOf.values(), ...boxOf.map((b) => b.cell)].flatMap((c) => Array.from({ length: c.colSpan }, (_, k) => c.col + k)),
  );
  const extraCols: { cell: GridCell; extra: ExtraColumn }[] = [];
  for (const x of grid.cells) {
    if (x.row < top || x.row >= start || claimed.has(x) || taken.has(x)) continue;
    const text = norm.get(x)!;
    if (text === '' || model.labelTexts.has(text)) continue;
    const cols = Array.from({ length: x.colSpan }, (_, k) => x.col + k);
    if (cols.some((k) => usedCols.has(k))) continue;
    if (x.row + x.rowSpan < start && grid.owner[start - 1]?.[x.col] !== x) continue; // a heading over other headers
    claimed.add(x);
    const extra: ExtraColumn = { group: gm.group.id, header: cellText(x).trim(), values: [] };
    extras.push(extra);
    extraCols.push({ cell: x, extra });
  }
  const rows: GroupRow[] = [];
  for (let r = start; r < grid.owner.length; r++) {
    const line = grid.owner[r] ?? [];
    const startsHere = line.filter((c, i) => c && c.row === r && (i === 0 || line[i - 1] !== c)) as GridCell[];
    if (startsHere.some((c) => model.labelTexts.has(norm.get(c)!) && ![...gm.headers.values()].some((h) => h.has(norm.get(c)!)))) break;
    if (endsGrid(line, startsHere, norm)) break;
    const row = completeRow(gm.group);
    let any = false;
    for (const [id, header] of headerOf) {
      const cell = line[header.col];
      if (!cell) continue;
      claimed.add(cell);
      const text = cellText(cell).trim();
      row[id] = text;
      if (text !== '') any = true;
    }
    for (const b of boxOf) {
      const cell = line[b.cell.col];
      if (!cell || !isTicked(cellText(cell))) continue;
      claimed.add(cell);
      const def = gm.group.columns.find((c) => c.id === b.column)!;
      row[b.column] = kindOf(def.kind).setOption!(row[b.column], b.option, true, def);
      any = true;
    }
    const extraTexts = extraCols.map(({ cell }) => {
      const c = line[cell.col];
      if (!c || claimed.has(c)) return '';
      claimed.add(c);
      return cellText(c).trim();
    });
    if (any || extraTexts.some((x) => x !== '')) {
      rows.push(row);
      extraCols.forEach(({ extra }, k) => extra.values.push(extraTexts[k]));
    }
  }
  return { rows, columnShare };
}

/**
 * A table's grid does not depend on the template it is read for, and every known template is
 * tried on every table: read once per table (a joined run of tables is read each time; rare).
 */
const singleTableGrids = new WeakMap<DocTable, ReadGrid>();

function readGridOf(els: readonly DocTable[]): ReadGrid {
  const cached = els.length === 1 ? singleTableGrids.get(els[0]) : undefined;
  if (cached) return cached;
  const grid = gridOf(els);
  const read: ReadGrid = Object.assign(grid, { norm: new Map(grid.cells.map((c) => [c, normalizeLabel(cellText(c))])) });
  if (els.length === 1) singleTableGrids.set(els[0], read);
  return read;
}

function scanGrid(grid: ReadGrid, model: TableModel): Scan {
  const raw = new Map<string, string>();
  const groups = new Map<string, GroupRow[]>();
  const norm = grid.norm;
  const claimed = new Set<GridCell>();
  const extras: ExtraColumn[] = [];
  const columnShare = new Map<string, number>();
  // The title, year and sign rows printed inside the table, above its first label: lines of the form.
  const lines: string[] = [];
  for (const r of leadingWholeRows(grid)) {
    const cell = grid.owner[r][0]!;
    claimed.add(cell);
    lines.push(cellText(cell));
  }
  let found = 0;
  for (const gm of model.groups) {
    const read = scanGroup(grid, gm, norm, model, claimed, extras);
    if (!read) continue;
    groups.set(gm.group.id, read.rows);
    columnShare.set(gm.group.id, read.columnShare);
    found += 1 + read.rows.length;
  }
  for (const bf of model.block) {
    if (bf.matrix) {
      const { row, column } = bf.matrix;
      const rowCell = labelCells(grid, model, [row])[0];
      // The nearest header above the row: a money block and the grid below it both print 得分.
      const colCell = rowCell
        ? cellsWhere(grid, [BY_TEXT], [column])
            .filter((c) => c.row < rowCell.row)
            .sort((a, b) => b.row - a.row)[0]
        : undefined;
      const valueCell = rowCell && colCell ? grid.owner[rowCell.row]?.[colCell.col] : undefined;
      if (valueCell && valueCell !== rowCell && !claimed.has(valueCell)) {
        claimed.add(valueCell);
        raw.set(bf.def.id, model.labelTexts.has(norm.get(valueCell)!) ? '' : stripFooters(valueCell.paragraphs, bf.footers).join('\n'));
      }
      continue;
    }
    const candidates = labelCells(grid, model, bf.labels);
    const first = candidates.find((c) => !claimed.has(c));
    if (!first) continue;
    // Two cells for one field (资金总额 ‖ 当年资金总额): the field's own label, else the year's; the other is listed as unplaced.
    const own = normalizeLabel(bf.def.printed ?? bf.def.label);
    const preferred = (c: GridCell) => norm.get(c) === own || /^(其中)?(年度|当年|本年)/.test(norm.get(c)!);
    const labelCell = norm.get(first) === own ? first : (candidates.find((c) => c !== first && !claimed.has(c) && preferred(c)) ?? first);
    claimed.add(labelCell);
    let valueCell = valueCellOf(grid, labelCell, bf.valueAt);
    // 总体目标 | 年度目标 over the text: a label beside another label of the same field is read
    // with the value under that one; a label across the whole width, with the value under it.
    if (valueCell && valueCell !== labelCell && bf.labels.has(bareLabel(norm.get(valueCell)!))) {
      claimed.add(valueCell);
      valueCell = valueCellOf(grid, valueCell, 'below');
    } else if (!valueCell && bf.valueAt === 'right') valueCell = valueCellOf(grid, labelCell, 'below');
    if (!valueCell || valueCell === labelCell || claimed.has(valueCell)) {
      raw.set(bf.def.id, '');
      continue;
    }
    if (model.labelTexts.has(norm.get(valueCell)!)) {
      raw.set(bf.def.id, ''); // the next cell is another label: this value was left blank
      continue;
    }
    claimed.add(valueCell);
    raw.set(bf.def.id, stripFooters(valueCell.paragraphs, bf.footers).join('\n'));
  }
  // Pairs: every remaining cell, every field not yet found (also 部门名称：… typed in one cell).
  const pending = [...model.pair, ...model.block.map((b) => b.def)].filter((d) => !raw.has(d.id));
  const labels = [...model.fieldByLabel].filter(([, d]) => pending.includes(d)).map(([l]) => l);
  if (labels.length) {
    const re = pairRegex(labels);
    // A hostile grid repeats a few texts many times: each text is matched once.
    const matchesOf = new Map<string, RegExpExecArray[]>();
    for (const cell of grid.cells) {
      if (claimed.has(cell)) continue;
      const text = cellText(cell);
      let matches = matchesOf.get(text);
      if (!matches) matchesOf.set(text, (matches = [...text.matchAll(re)]));
      matches.forEach((m, i) => {
        const def = model.fieldByLabel.get(normalizeLabel(m[1]));
        if (!def || raw.has(def.id)) return;
        const end = i + 1 < matches.length ? matches[i + 1].index : text.length;
        raw.set(def.id, stripLeads(text.slice(m.index + m[0].length, end), model.leads));
      });
    }
  }
  return { raw, groups, found: found + raw.size, claimed, extras, lines, grid, columnShare };
}

/** The table that follows `i` directly (same container, only blank paragraphs between), if any. */
function nextAdjacent(walk: DocWalk, i: number): number {
  const a = walk.tables[i];
  const j = walk.tables.findIndex((b, k) => k > i && b.parent === a.parent && b.start >= a.end);
  if (j < 0) return -1;
  const between = walk.paragraphs.slice(a.end, walk.tables[j].start);
  return between.every((p) => p.trim() === '') ? j : -1;
}

/** How many of a template's fields and group columns a table could show. */
function expectedCount(model: TableModel): number {
  return model.block.length + model.pair.length + model.groups.length;
}

/**
 * How much of a form a table showed: its fields, and per group the share of its columns printed
 * and a little for each row — so a template with columns the grid lacks fits less than one without.
 */
export function coverageOf(r: {
  raw: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, GroupRow[]>;
  columnShare: ReadonlyMap<string, number>;
}): number {
  let n = r.raw.size;
  for (const [id, rows] of r.groups) n += (r.columnShare.get(id) ?? 1) + rows.length / 100;
  return n;
}

/** Something the file holds that the template has no place for, by where it was printed. */
export interface Unplaced {
  /** Chinese: the label beside it, the column it is under, or its row. */
  where: string;
  text: string;
}

const SIDE_HEADING_CHARS = 12;

/** What the chosen grid holds that was not read: unknown columns, and cells no label of the template claimed. */
function unplacedOf(scan: Scan, model: TableModel): Unplaced[] {
  const out: Unplaced[] = [];
  for (const x of scan.extras) {
    const filled = x.values.map((v, i) => (v === '' ? '' : `第 ${i + 1} 行：${v}`)).filter((v) => v !== '');
    const label = model.groups.find((g) => g.group.id === x.group)?.group.label ?? x.group;
    out.push({ where: `${label}的「${x.header}」列`, text: filled.length ? filled.join('\n') : '（该列为空）' });
  }
  const { grid, claimed, norm } = { grid: scan.grid, claimed: scan.claimed, norm: scan.grid.norm };
  const done = new Set<GridCell>();
  const isLabelText = (t: string) => model.labelTexts.has(t) || model.labelTexts.has(bareLabel(t));
  for (const c of grid.cells) {
    if (claimed.has(c) || done.has(c)) continue;
    const text = cellText(c).trim();
    if (text === '') continue;
    done.add(c);
    const right = grid.owner[c.row]?.[c.col + c.colSpan];
    const short = norm.get(c)!.length <= 20;
    const label = isLabelText(norm.get(c)!);
    // A label of ours left over (资金总额 beside the 当年资金总额 read) still names the value beside it.
    if (label && !(right && !claimed.has(right) && !done.has(right) && !isLabelText(norm.get(right)!))) continue;
    if (short && right && right !== c && !claimed.has(right) && !done.has(right)) {
      done.add(right);
      const value = cellText(right).trim();
      // A label with nothing beside it (项目责任人：___) holds nothing to lose.
      if (value !== '') out.push({ where: `「${text.replace(/[:：]\s*$/, '')}」`, text: value });
      continue;
    }
    if (short && (/[:：]$/.test(text) || (c.rowSpan > 1 && norm.get(c)!.length <= SIDE_HEADING_CHARS))) continue;
    out.push({ where: `表格第 ${c.row + 1} 行`, text });
  }
  return out;
}

/**
 * Whether table `j` names a form of its own, so that it does not continue the form before it:
 * a title or year row in it, or an identity field (项目名称, 部门名称) the form already has.
 */
function hasOwnIdentity(walk: DocWalk, j: number, t: TemplateDef, model: TableModel, scan: Scan): boolean {
  const table = walk.tables[j].table;
  if ([...wholeWidthRows(table).values()].some((text) => isIdentityLine(text, new Set([squash(t.title)])))) return true;
  const alone = scanGrid(readGridOf([table]), model);
  return [...t.identity.key, ...t.identity.title].some((id) => alone.raw.has(id) && (alone.raw.get(id) ?? '') !== '' && scan.raw.has(id));
}

/**
 * Chooses the table holding the form: the one where most of the template's fields are
 * found; on a tie the innermost (a form table inside a layout table). A form split into
 * several tables (Enter pressed inside the table, or a page break) is read as one: a table
 * right after is joined while its rows add fields of the form and it names no form of its own.
 * `loose`: take the best table even when fewer than half the template's fields were found (a
 * layout unlike every template, read into the nearest one and said so).
 */
export function readFormTable(
  walk: DocWalk,
  t: TemplateDef,
  deadline: () => void,
  allowed: (tableIndex: number) => boolean = () => true,
  loose = false,
):
  | (TableRead & {
      first: DocTable;
      last: DocTable;
      tables: number[];
      lines: string[];
      unplaced: Unplaced[];
      share: number;
      weak: boolean;
      columnShare: Map<string, number>;
    })
  | null {
  const model = tableModel(t);
  let best: { scan: Scan; els: DocTable[]; depth: number; tables: number[] } | null = null;
  walk.tables.forEach((tbl, i) => {
    if (!allowed(i)) return;
    deadline();
    const els = [tbl.table];
    const tables = [i];
    let scan = scanGrid(readGridOf(els), model);
    // Only a table that already holds part of the form is continued: an unrelated table
    // just above the form must not take its place as the form's start.
    for (let j = scan.found > 0 ? nextAdjacent(walk, i) : -1; j >= 0 && allowed(j); j = nextAdjacent(walk, j)) {
      deadline();
      if (hasOwnIdentity(walk, j, t, model, scan)) break;
      const joined = scanGrid(readGridOf([...els, walk.tables[j].table]), model);
      if (joined.found <= scan.found) break;
      els.push(walk.tables[j].table);
      tables.push(j);
      scan = joined;
    }
    const better =
      !best ||
      scan.found > best.scan.found ||
      (scan.found === best.scan.found && (tbl.depth > best.depth || (tbl.depth === best.depth && els.length < best.els.length)));
    if (better) best = { scan, els, depth: tbl.depth, tables };
  });
  const chosen = best as { scan: Scan; els: DocTable[]; depth: number; tables: number[] } | null;
  if (!chosen) return null;
  const fieldsFound = chosen.scan.raw.size + chosen.scan.groups.size;
  const share = fieldsFound / Math.max(1, expectedCount(model));
  const weak = fieldsFound < Math.max(3, Math.ceil(expectedCount(model) / 2));
  if ((weak && !loose) || fieldsFound === 0) return null;
  const all = [...model.block.map((b) => b.def), ...model.pair];
  let listed: Unplaced[] | undefined;
  return {
    raw: chosen.scan.raw,
    groups: chosen.scan.groups,
    columnShare: chosen.scan.columnShare,
    missing: all.filter((d) => !chosen.scan.raw.has(d.id)),
    first: chosen.els[0],
    last: chosen.els[chosen.els.length - 1],
    tables: chosen.tables,
    lines: chosen.scan.lines,
    // Listed only when asked: a weak scan of a large table is compared by what it read alone.
    get unplaced() {
      listed ??= unplacedOf(chosen.scan, model);
      return listed;
    },
    share,
    weak,
  };
}
