/**
 * Reads one Word or Excel file: our own export from its embedded copy (checked against the printed
 * table), any other file from its printed tables — one form per form table, so a file holding
 * a unit's projects one after another gives each. Every failure is a UserError with a Chinese
 * message; nothing here touches the store. Synchronous: it runs inside the import worker
 * (readWorker.ts), which bounds its time and memory from outside as well.
 */
import { UserError } from '../../../shared/errors';
import { quoteText } from '../../../shared/text/quote';
import type { FormData } from '../../../shared/form';
import { capFieldText, MAX_FIELD_CHARS } from '../../../shared/limits';
import { kindOf } from '../../../shared/kinds';
import { MAX_AMOUNT_CHARS } from '../../../shared/money';
import type { TemplateDef } from '../../../shared/template/schema';
import { BUILT_IN_IDS } from './builtInIds';
import { readBody, readCustomProperties } from './docxParts';
import { deadlineOf, withDeadline } from './deadline';
import { reconcile, readEmbedded } from './embeddedForm';
import type { ReadNotes } from './fieldValues';
import { formFromRead, formFromTable, type ReadScope, type TableForm, type TableScan } from './formFromTable';
import { coverageOf, readFormTable } from './tableReader';
import { splitForms } from './formSplit';
import { sourceTable, type SourceTable } from './sourceGrid';
import type { Unplaced } from './tableReader';
import { walkModel, type DocModel, type DocWalk } from './docModel';
import { wordModel } from './wordModel';
import { isLegacyXls } from './sniff';
import { readXls } from './xlsModel';
import { isWorkbook, readWorkbook } from './xlsxModel';
import { openZip } from './zipReader';

export interface ReadResult {
  source: 'embedded' | 'table';
  data: FormData;
  /** A template the file brought with it, which the store does not have yet (commit stores it). */
  newTemplate?: TemplateDef;
  /** Chinese notes for the review screen (what was uncertain, what differed, what was dropped). */
  notes: string[];
  /** Field ids whose value is uncertain. */
  uncertain: string[];
  /** What the file holds that the chosen template has no place for, by where it was printed (table reads). */
  unplaced?: Unplaced[];
  /** The tables the form was read from, cells marked read or unplaced, for the review (table reads; sourceGrid.ts). */
  sourceTables?: SourceTable[];
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * How well a template fits what a table showed: what it read, less what the table holds that it
 * has no place for — so a two-block template does not win a single-year grid by taking its
 * year's amounts for the 中期 ones, nor the other way round.
 */
const fit = (r: TableForm): number => coverageOf(r) - r.unplacedInGrid / 2;

/**
 * Whether a weak read may stand as the form: it names the form (a title field of the template's
 * identity, 项目名称 or 部门名称, was found with a value) and holds a grid with rows or most of
 * the particulars; a department form read as a project form without one is refused instead.
 */
function soundNearest(t: TemplateDef, r: Pick<TableScan, 'raw' | 'groups'>): boolean {
  const named = t.identity.title.some((id) => (r.raw.get(id) ?? '').trim() !== '');
  const grid = [...r.groups.values()].some((rows) => rows.length > 0);
  return named && (grid || r.raw.size >= 3);
}

interface Fits {
  best: TableForm | null;
  /** The best of the scans that found fewer than half a template's fields, read only if no template fits well. */
  nearest: { t: TemplateDef; scan: TableScan } | null;
}

/** On a tie a bureau's own template (one made from its blank) reads its units' files, not the built-in it resembles. */
const ownOverBuiltIn = (a: TableForm, b: TableForm): boolean => BUILT_IN_IDS.has(b.template.id) && !BUILT_IN_IDS.has(a.template.id);

const better = (a: TableForm, b: TableForm | null): boolean =>
  !b || fit(a) > fit(b) || (fit(a) === fit(b) && (ownOverBuiltIn(a, b) || (!ownOverBuiltIn(b, a) && a.share > b.share)));

function bestTableForm(walk: DocWalk, templates: readonly TemplateDef[], deadline: () => void, scope: ReadScope = {}): Fits {
  const out: Fits = { best: null, nearest: null };
  for (const t of templates) {
    // One scan per template serves both: a weak scan is kept in case no template fits well.
    const scan = readFormTable(walk, t, deadline, scope.allowed, true);
    if (!scan) continue;
    if (scan.weak) {
      if (!out.nearest || coverageOf(scan) > coverageOf(out.nearest.scan)) out.nearest = { t, scan };
      continue;
    }
    const read = formFromRead(walk, t, scan, scope);
    if (better(read, out.best)) out.best = read;
  }
  return out;
}

/** A file may hold several forms one after another (a unit's project forms): each is found in turn. */
const MAX_FORMS_PER_FILE = 100;

/**
 * The forms of the file; when no template fits any table well, the nearest template's read of
 * the best table (`nearest`), if it holds a readable grid or most of a form's particulars.
 */
function tableForms(
  walk: DocWalk,
  templates: readonly TemplateDef[],
  deadline: () => void,
): { forms: TableForm[]; nearest: TableForm | null } {
  const used = new Set<number>();
  const regions: { start: number; end: number }[] = [];
  const found: TableForm[] = [];
  let nearest: Fits['nearest'] = null;
  // A table inside a form's region, or one around it (a layout table holding the form), is that form's.
  const inRegion = (i: number) => regions.some((r) => walk.tables[i].start < r.end && r.start < walk.tables[i].end);
  while (found.length < MAX_FORMS_PER_FILE) {
    const fits = bestTableForm(walk, templates, deadline, { allowed: (i) => !used.has(i) && !inRegion(i) });
    if (found.length === 0) nearest = fits.nearest;
    const next = fits.best;
    if (!next) break;
    for (const i of next.tables) used.add(i);
    regions.push({ start: walk.tables[next.tables[0]].start, end: walk.tables[next.tables[next.tables.length - 1]].end });
    found.push(next);
  }
  const readable =
    found.length === 0 && nearest && soundNearest(nearest.t, nearest.scan)
      ? formFromRead(walk, nearest.t, nearest.scan, { loose: true })
      : null;
  if (found.length <= 1) return { forms: found, nearest: readable };
  // Read again with each form's own stretch of text for its title and sign lines.
  const order = found.map((f, i) => ({ f, r: regions[i] })).sort((a, b) => a.r.start - b.r.start);
  const forms = order.map(({ f }, k) => {
    const from = k === 0 ? 0 : order[k - 1].r.end;
    const to = k === order.length - 1 ? walk.paragraphs.length : order[k + 1].r.start;
    const mine = new Set(f.tables);
    return formFromTable(walk, f.template, deadline, { allowed: (i) => mine.has(i), paragraphsFrom: from, paragraphsTo: to }) ?? f;
  });
  return { forms, nearest: readable };
}

function noForm(templates: readonly TemplateDef[], format: DocModel['format'], walk: DocWalk): string {
  const titles = [...new Set(templates.map((t) => t.title))].join('、');
  const kind = format === 'docx' ? 'Word' : 'Excel';
  const found = foundInFile(walk);
  return `这个 ${kind} 文件里没有找到认识的申报表表格，无法导入${found ? `（文件中${found}）` : ''}。本程序能读的表有：${titles}。请确认选择的是这些表的 Word 或 Excel 文件；如果这是另一种版式的申报表，请先在「表样管理」中加入这种版式的表样`;
}

/** What a refused file visibly holds, for the refusal: its title line and how many tables and rows. */
function foundInFile(walk: DocWalk): string {
  const title = walk.paragraphs.map((p) => p.trim()).find((p) => p !== '' && p.length <= 40 && /表/.test(p));
  const top = walk.tables.filter((t) => t.depth === 0);
  const rows = top.reduce((n, t) => n + t.table.rows, 0);
  const parts = [title ? `标题为「${quoteText(title)}」` : '', top.length ? `有 ${top.length} 个表格、共 ${rows} 行` : '没有表格'];
  return parts.filter((p) => p !== '').join('，');
}

/** What the review screen says of a template the file brings: new here, or a newer version of one here. */
function carriedNote(t: TemplateDef, storedVersion: number | undefined): string {
  return storedVersion === undefined
    ? `文件使用的表样「${t.title}」本机还没有，导入时会一并加入「表样管理」`
    : `本机的表样「${t.title}」是第 ${storedVersion} 版，文件使用的是第 ${t.version} 版，导入时会一并加入「表样管理」`;
}

/** The newest version of each template (a hand-made file is read as the current layout). */
function newest(templates: readonly TemplateDef[]): TemplateDef[] {
  const byId = new Map<string, TemplateDef>();
  for (const t of templates) if ((byId.get(t.id)?.version ?? -1) < t.version) byId.set(t.id, t);
  return [...byId.values()];
}

export interface ReadOptions {
  timeoutMs?: number;
  /** Every template the store knows (built-in and imported, all versions). */
  templates: readonly TemplateDef[];
}

/**
 * Field texts longer than MAX_FIELD_CHARS are cut, marked uncertain and explained: a save of
 * such a text would be refused, and nothing real is that long.
 */
function capTexts(r: ReadResult, templates: readonly TemplateDef[]): ReadResult {
  const uncertain = new Set(r.uncertain);
  const notes = [...r.notes];
  const values = { ...r.data.values };
  const t = r.newTemplate ?? templates.find((x) => x.id === r.data.templateId);
  for (const def of [...(t?.fields ?? []), ...(t?.groups ?? []).map((g) => ({ id: g.id, label: g.label, kind: 'group' as const }))]) {
    const v = values[def.id];
    if (v === undefined) continue;
    if (kindOf(def.kind).money && typeof v === 'string' && v.length > MAX_AMOUNT_CHARS) {
      // Kept as typed when unreadable, but an "amount" this long is only noise.
      values[def.id] = v.slice(0, MAX_AMOUNT_CHARS);
      uncertain.add(def.id);
      notes.push(`「${def.label}」的金额超过 ${MAX_AMOUNT_CHARS} 个字符，无法识别，只保留了前 ${MAX_AMOUNT_CHARS} 个字符，请核对后改正`);
      continue;
    }
    const { value, cut } = capFieldText(v);
    if (!cut) continue;
    values[def.id] = value;
    uncertain.add(def.id);
    notes.push(`「${def.label}」的内容超过 ${MAX_FIELD_CHARS} 字，只导入了前 ${MAX_FIELD_CHARS} 字，请核对`);
  }
  return { ...r, data: { ...r.data, values }, notes, uncertain: [...uncertain] };
}

/** The reading, synchronous, in the calling thread: for the worker (and tests of the reader itself). */
export function readDocxFormsNow(bytes: Uint8Array, opts: ReadOptions): ReadResult[] {
  const deadline = deadlineOf(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return withDeadline(deadline, () => readWithDeadline(bytes, opts, deadline)).map((r) => capTexts(r, opts.templates));
}

function readWithDeadline(bytes: Uint8Array, opts: ReadOptions, deadline: () => void): ReadResult[] {
  // The same document model from every kind of file; our own exports carry their copy in each.
  let model: DocModel;
  let carried: Map<string, string>;
  const zip = isLegacyXls(bytes) ? null : openZip(bytes);
  deadline();
  if (!zip) {
    const book = readXls(bytes);
    model = book.model;
    carried = book.embedded;
  } else if (isWorkbook(zip)) {
    const book = readWorkbook(zip);
    model = book.model;
    carried = book.embedded;
  } else {
    model = wordModel(readBody(zip));
    deadline();
    carried = readCustomProperties(zip);
  }
  deadline();
  // Read the document first: a table holding several forms (title rows inside it) is cut into one per form.
  const walk = walkModel(
    splitForms(
      model,
      opts.templates.map((t) => t.title),
    ),
    deadline,
  );
  deadline();
  const embedded = readEmbedded(carried, opts.templates);

  if (embedded.status === 'ok') {
    const acc: ReadNotes = { notes: [], uncertain: new Set() };
    const extra = embedded.carried ? { newTemplate: embedded.template } : {};
    if (embedded.carried) acc.notes.push(carriedNote(embedded.template, embedded.storedVersion));
    const table = formFromTable(walk, embedded.template, deadline);
    if (!table) {
      acc.notes.push('文件中找不到打印的表格，已按文件内嵌的数据导入，请核对');
      return [{ source: 'embedded', data: embedded.form, notes: acc.notes, uncertain: [], ...extra }];
    }
    const data = reconcile(embedded.form, embedded.template, table, acc, model.format === 'docx' ? 'Word' : 'Excel');
    return [{ source: 'embedded', data, notes: acc.notes, uncertain: [...acc.uncertain], ...extra }];
  }

  const read = tableForms(walk, newest(opts.templates), deadline);
  // No template fits well: the nearest one takes what it can, said so; otherwise the refusal says what was found.
  const nearest = read.forms.length === 0;
  const tables = nearest && read.nearest ? [read.nearest] : read.forms;
  if (tables.length === 0) throw new UserError(noForm(opts.templates, model.format, walk), 'import.noForm');
  return tables.map((table, i) => {
    const notes = [...table.notes];
    if (nearest)
      notes.unshift(
        `这份表的版式与本机的表样都不一致，已按最接近的「${table.template.title}」导入（只认出了它约 ${Math.round(table.share * 100)}% 的栏目）；表中没有位置的内容列在未归位内容中。如常收到这种版式，可在「表样管理」中加入它的表样`,
      );
    if (embedded.status === 'unusable') notes.unshift(`文件内嵌的数据无法使用（${embedded.reason}），已改为读取表格内容，请核对`);
    if (tables.length > 1) notes.unshift(`这个文件里有 ${tables.length} 份表，这是第 ${i + 1} 份`);
    const sourceTables = table.tables.map((k) => sourceTable(walk.tables[k].table, table.data.values, table.unplaced));
    return { source: 'table' as const, data: table.data, notes, uncertain: [...table.uncertain], unplaced: table.unplaced, sourceTables };
  });
}
