/**
 * Reads one Word file of a form: our own export from its embedded copy (checked against
 * the printed table), any other file from the printed table. Every failure is a UserError
 * with a Chinese message; nothing here touches the store.
 */
import { UserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import type { TemplateDef } from '../../../shared/template/schema';
import { readBody, readCustomProperties } from './docxParts';
import { reconcile, readEmbedded } from './embeddedForm';
import type { ReadNotes } from './fieldValues';
import { formFromTable, type ReadScope, type TableForm } from './formFromTable';
import { walkDocument, type DocWalk } from './wordText';
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

/**
 * The work is synchronous and bounded by the size limits; the deadline is checked between
 * steps so that a pathological file ends with a message instead of holding a batch up.
 */
function deadlineOf(timeoutMs: number): () => void {
  const end = performance.now() + timeoutMs;
  return () => {
    if (performance.now() > end) {
      throw new UserError(
        '读取这个文件用时过长，已停止。文件可能过于复杂或已损坏，请在 Word 或 WPS 中另存为 .docx 后再试',
        'import.timeout',
      );
    }
  };
}

/** How much of a form a table showed: its fields and its groups' rows. */
const coverage = (r: TableForm): number => r.raw.size + [...r.groups.values()].reduce((n, rows) => n + 1 + rows.length / 100, 0);

function bestTableForm(walk: DocWalk, templates: readonly TemplateDef[], deadline: () => void, scope: ReadScope = {}): TableForm | null {
  let best: TableForm | null = null;
  for (const t of templates) {
    const read = formFromTable(walk, t, deadline, scope);
    if (read && (!best || coverage(read) > coverage(best))) best = read;
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

function noForm(templates: readonly TemplateDef[]): string {
  const titles = [...new Set(templates.map((t) => t.title))].join('、');
  return `这个 Word 文件里没有找到认识的申报表表格，无法导入。本程序能读的表有：${titles}。请确认选择的是这些表的 Word 文件`;
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

/** The first form of a file (most files hold one). */
export async function readDocxForm(bytes: Uint8Array, opts: ReadOptions): Promise<ReadResult> {
  return (await readDocxForms(bytes, opts))[0];
}

/** Every form of a file: our own export (one, exactly), or each form table of a hand-made file. */
export async function readDocxForms(bytes: Uint8Array, opts: ReadOptions): Promise<ReadResult[]> {
  const deadline = deadlineOf(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const zip = openZip(bytes);
  const body = readBody(zip);
  deadline();
  const walk = walkDocument(body);
  deadline();
  const embedded = readEmbedded(readCustomProperties(zip), opts.templates);

  if (embedded.status === 'ok') {
    const acc: ReadNotes = { notes: [], uncertain: new Set() };
    const extra = embedded.carried ? { newTemplate: embedded.template } : {};
    if (embedded.carried) acc.notes.push(`文件使用的表样「${embedded.template.title}」本机还没有，导入时会一并加入「表样管理」`);
    const table = formFromTable(walk, embedded.template, deadline);
    if (!table) {
      acc.notes.push('文件中找不到打印的表格，已按文件内嵌的数据导入，请核对');
      return [{ source: 'embedded', data: embedded.form, notes: acc.notes, uncertain: [], ...extra }];
    }
    const data = reconcile(embedded.form, embedded.template, table, acc);
    return [{ source: 'embedded', data, notes: acc.notes, uncertain: [...acc.uncertain], ...extra }];
  }

  const tables = tableForms(walk, newest(opts.templates), deadline);
  if (tables.length === 0) throw new UserError(noForm(opts.templates), 'import.noForm');
  return tables.map((table, i) => {
    const notes = [...table.notes];
    if (embedded.status === 'unusable') notes.unshift(`文件内嵌的数据无法使用（${embedded.reason}），已改为读取表格内容，请核对`);
    if (tables.length > 1) notes.unshift(`这个文件里有 ${tables.length} 份表，这是第 ${i + 1} 份`);
    return { source: 'table' as const, data: table.data, notes, uncertain: [...table.uncertain] };
  });
}
