/**
 * Finds the form's table in a document and reads the printed text of each field from it,
 * guided only by the template: a label cell ("部门名称") gives the value in the cell to its
 * right; a shared cell ("其中：一般公共预算拨款：382.21") gives label：value pairs. Grid
 * positions are not trusted, because hand-made tables rarely match ours column for column.
 */
import { labelsOf, normalizeLabel } from '../../../shared/labelJson';
import type { CellDef, FieldDef, TemplateDef } from '../../../shared/template/types';
import { cellText, readGrid, type Grid, type GridCell } from './grid';
import { labelAlternation, squash } from './looseText';
import type { DocWalk } from './wordText';
import type { El } from './xml';

interface BlockField {
  def: FieldDef;
  labels: Set<string>;
  footers: string[];
}

interface TableModel {
  /** Fields whose value has a cell of its own, next to a label cell. */
  block: BlockField[];
  /** Fields printed as label：value inside a shared cell. */
  pair: FieldDef[];
  /** Every label the table prints, normalized, for recognising label cells. */
  labelTexts: Set<string>;
  leads: string[];
  fieldByLabel: Map<string, FieldDef>;
}

const models = new WeakMap<TemplateDef, TableModel>();

function leftLabelCell(t: TemplateDef, cell: CellDef): string | null {
  const left = t.table.cells.find(
    (c) => c.content.type === 'label' && c.row <= cell.row && cell.row < c.row + (c.rowSpan ?? 1) && c.col + (c.colSpan ?? 1) === cell.col,
  );
  return left && left.content.type === 'label' && (left.rowSpan ?? 1) === 1 ? normalizeLabel(left.content.lines.join('')) : null;
}

function tableModel(t: TemplateDef): TableModel {
  const cached = models.get(t);
  if (cached) return cached;
  const defs = new Map(t.fields.map((f) => [f.id, f]));
  const model: TableModel = { block: [], pair: [], labelTexts: new Set(), leads: [], fieldByLabel: new Map() };
  for (const cell of t.table.cells) {
    const c = cell.content;
    if (c.type === 'label') {
      model.labelTexts.add(normalizeLabel(c.lines.join('')));
      for (const l of c.lines) model.labelTexts.add(normalizeLabel(l));
      continue;
    }
    if (c.type !== 'field') continue;
    const def = defs.get(c.field);
    if (!def) continue;
    const labels = new Set(labelsOf(def));
    if (c.label) labels.add(normalizeLabel(c.label));
    for (const l of labels) {
      model.labelTexts.add(l);
      model.fieldByLabel.set(l, def);
    }
    for (const lead of [c.lead, c.indentLead]) if (lead && !model.leads.includes(lead)) model.leads.push(lead);
    if (c.label) model.pair.push(def);
    else {
      const left = leftLabelCell(t, cell);
      if (left) labels.add(left);
      model.block.push({ def, labels, footers: (c.footer ?? []).map((f) => squash(f.text)) });
    }
  }
  models.set(t, model);
  return model;
}

export interface TableRead {
  /** Printed text per field id, for the fields found. */
  raw: Map<string, string>;
  /** Fields the table should hold but did not. */
  missing: FieldDef[];
}

function pairRegex(labels: readonly string[]): RegExp {
  // A label counts only at the start of a line or after a separator, so words inside
  // running text ("其中基本支出393.21万元") are not taken for labels.
  return new RegExp(`(?:^|(?<=[\\s：:；;，,、。]))(${labelAlternation(labels)})\\s*[：:]?`, 'gm');
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

/** The cell right of a label cell, on the label's first row. */
function rightOf(grid: Grid, cell: GridCell): GridCell | undefined {
  return grid.owner[cell.row]?.[cell.col + cell.colSpan];
}

interface Scan {
  raw: Map<string, string>;
  found: number;
}

function scanGrid(grid: Grid, model: TableModel): Scan {
  const raw = new Map<string, string>();
  const norm = new Map(grid.cells.map((c) => [c, normalizeLabel(cellText(c))]));
  const claimed = new Set<GridCell>();
  for (const bf of model.block) {
    const labelCell = grid.cells.find((c) => bf.labels.has(norm.get(c)!));
    if (!labelCell) continue;
    claimed.add(labelCell);
    const valueCell = rightOf(grid, labelCell);
    if (!valueCell || valueCell === labelCell) {
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
    for (const cell of grid.cells) {
      if (claimed.has(cell)) continue;
      const text = cellText(cell);
      const matches = [...text.matchAll(re)];
      matches.forEach((m, i) => {
        const def = model.fieldByLabel.get(normalizeLabel(m[1]));
        if (!def || raw.has(def.id)) return;
        const end = i + 1 < matches.length ? matches[i + 1].index : text.length;
        raw.set(def.id, stripLeads(text.slice(m.index + m[0].length, end), model.leads));
      });
    }
  }
  return { raw, found: raw.size };
}

/** The table that follows `i` directly (same container, only blank paragraphs between), if any. */
function nextAdjacent(walk: DocWalk, i: number): number {
  const a = walk.tables[i];
  const j = walk.tables.findIndex((b, k) => k > i && b.parent === a.parent && b.start >= a.end);
  if (j < 0) return -1;
  const between = walk.paragraphs.slice(a.end, walk.tables[j].start);
  return between.every((p) => p.trim() === '') ? j : -1;
}

/**
 * Chooses the table holding the form: the one where most of the template's fields are
 * found; on a tie the innermost (a form table inside a layout table). A form split into
 * several tables (Enter pressed inside the table, or a page break) is read as one: a table
 * right after is joined while its rows add fields of the form.
 */
export function readFormTable(walk: DocWalk, t: TemplateDef, deadline: () => void): (TableRead & { first: El; last: El }) | null {
  const model = tableModel(t);
  const total = model.block.length + model.pair.length;
  let best: { scan: Scan; els: El[]; depth: number } | null = null;
  walk.tables.forEach((tbl, i) => {
    deadline();
    const els = [tbl.el];
    let scan = scanGrid(readGrid(els), model);
    // Only a table that already holds part of the form is continued: an unrelated table
    // just above the form must not take its place as the form's start.
    for (let j = scan.found > 0 ? nextAdjacent(walk, i) : -1; j >= 0; j = nextAdjacent(walk, j)) {
      deadline();
      const joined = scanGrid(readGrid([...els, walk.tables[j].el]), model);
      if (joined.found <= scan.found) break;
      els.push(walk.tables[j].el);
      scan = joined;
    }
    const better =
      !best ||
      scan.found > best.scan.found ||
      (scan.found === best.scan.found && (tbl.depth > best.depth || (tbl.depth === best.depth && els.length < best.els.length)));
    if (better) {
      best = { scan, els, depth: tbl.depth };
    }
  });
  const chosen = best as { scan: Scan; els: El[]; depth: number } | null;
  if (!chosen || chosen.scan.found < Math.max(3, Math.ceil(total / 2))) return null;
  const all = [...model.block.map((b) => b.def), ...model.pair];
  return {
    raw: chosen.scan.raw,
    missing: all.filter((d) => !chosen.scan.raw.has(d.id)),
    first: chosen.els[0],
    last: chosen.els[chosen.els.length - 1],
  };
}

export function tableFieldIds(t: TemplateDef): string[] {
  const m = tableModel(t);
  return [...m.block.map((b) => b.def.id), ...m.pair.map((d) => d.id)];
}
