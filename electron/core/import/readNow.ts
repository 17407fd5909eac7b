/**
 * Reads one Word or Excel file: our own export from its embedded copy (checked against the printed
 * table), any other file from its printed tables — one form per form table, so a file holding
 * a unit's projects one after another gives each. Every failure is a UserError with a Chinese
 * message; nothing here touches the store. Synchronous: it runs inside the import worker
 * (readWorker.ts), which bounds its time and memory from outside as well.
 */
import { UserError } from '../../../shared/errors';
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
import { formFromTable, type ReadScope, type TableForm } from './formFromTable';
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
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** How much of a form a table showed: its fields and its groups' rows. */
const coverage = (r: TableForm): number => r.raw.size + [...r.groups.values()].reduce((n, rows) => n + 1 + rows.length / 100, 0);

function bestTableForm(walk: DocWalk, templates: readonly TemplateDef[], deadline: () => void, scope: ReadScope = {}): TableForm | null {
  let best: TableForm | null = null;
  for (const t of templates) {
    const read = formFromTable(walk, t, deadline, scope);
    // On a tie a bureau's own template (one made from its blank) reads its units' files, not the built-in it resembles.
    const tieWon = () => coverage(read!) === coverage(best!) && BUILT_IN_IDS.has(best!.template.id) && !BUILT_IN_IDS.has(t.id);
    if (read && (!best || coverage(read) > coverage(best) || tieWon())) best = read;
  }
  return best;
}

/** A file may hold several forms one after another (a unit's project forms): each is found in turn. */
const MAX_FORMS_PER_FILE = 100;

function tableForms(walk: DocWalk, templates: readonly TemplateDef[], deadline: () => void): TableForm[] {
  const used = new Set<number>();
  const regions: { start: number; end: number }[] = [];
  const found: TableForm[] = [];
  // A table inside a form's region, or one around it (a layout table holding the form), is that form's.
  const inRegion = (i: number) => regions.some((r) => walk.tables[i].start < r.end && r.start < walk.tables[i].end);
  while (found.length < MAX_FORMS_PER_FILE) {
    const next = bestTableForm(walk, templates, deadline, { allowed: (i) => !used.has(i) && !inRegion(i) });
    if (!next) break;
    for (const i of next.tables) used.add(i);
    regions.push({ start: walk.tables[next.tables[0]].start, end: walk.tables[next.tables[next.tables.length - 1]].end });
    found.push(next);
  }
  if (found.length <= 1) return found;
  // Read again with each form's own stretch of text for its title and sign lines.
  const order = found.map((f, i) => ({ f, r: regions[i] })).sort((a, b) => a.r.start - b.r.start);
  return order.map(({ f }, k) => {
    const from = k === 0 ? 0 : order[k - 1].r.end;
    const to = k === order.length - 1 ? walk.paragraphs.length : order[k + 1].r.start;
    const mine = new Set(f.tables);
    return formFromTable(walk, f.template, deadline, { allowed: (i) => mine.has(i), paragraphsFrom: from, paragraphsTo: to }) ?? f;
  });
}

function noForm(templates: readonly TemplateDef[], format: DocModel['format']): string {
  const titles = [...new Set(templates.map((t) => t.title))].join('、');
  const kind = format === 'docx' ? 'Word' : 'Excel';
  return `这个 ${kind} 文件里没有找到认识的申报表表格，无法导入。本程序能读的表有：${titles}。请确认选择的是这些表的 Word 或 Excel 文件`;
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
  const walk = walkModel(model, deadline);
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

  const tables = tableForms(walk, newest(opts.templates), deadline);
  if (tables.length === 0) throw new UserError(noForm(opts.templates, model.format), 'import.noForm');
  return tables.map((table, i) => {
    const notes = [...table.notes];
    if (embedded.status === 'unusable') notes.unshift(`文件内嵌的数据无法使用（${embedded.reason}），已改为读取表格内容，请核对`);
    if (tables.length > 1) notes.unshift(`这个文件里有 ${tables.length} 份表，这是第 ${i + 1} 份`);
    return { source: 'table' as const, data: table.data, notes, uncertain: [...table.uncertain] };
  });
}
