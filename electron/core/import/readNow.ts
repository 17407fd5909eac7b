/**
 * Reads one Word file of a form: our own export from its embedded copy (checked against
 * the printed table), any other file from the printed table. Every failure is a UserError
 * with a Chinese message; nothing here touches the store. Synchronous: it runs inside the
 * import worker (readWorker.ts), which bounds its time and memory from outside as well.
 */
import { UserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import { capFieldText, MAX_FIELD_CHARS } from '../../../shared/limits';
import { MAX_AMOUNT_CHARS } from '../../../shared/money';
import { TEMPLATES } from '../../../shared/templates';
import { readBody, readCustomProperties } from './docxParts';
import { deadlineOf, withDeadline } from './deadline';
import { reconcile, readEmbedded } from './embeddedForm';
import type { ReadNotes } from './fieldValues';
import { formFromTable, type TableForm } from './formFromTable';
import { walkDocument, type DocWalk } from './wordText';
import { openZip } from './zipReader';

export interface ReadResult {
  source: 'embedded' | 'table';
  data: FormData;
  /** Chinese notes for the review screen (what was uncertain, what differed, what was dropped). */
  notes: string[];
  /** Field ids whose value is uncertain. */
  uncertain: string[];
}

export const DEFAULT_TIMEOUT_MS = 10_000;

function bestTableForm(walk: DocWalk, deadline: () => void): TableForm | null {
  let best: TableForm | null = null;
  for (const t of TEMPLATES) {
    const read = formFromTable(walk, t, deadline);
    if (read && (!best || read.raw.size > best.raw.size)) best = read;
  }
  return best;
}

const NO_FORM =
  '这个 Word 文件里没有找到申报表的表格（应有「部门名称」「资金总额」「产出指标」等栏目），无法导入。请确认选择的是部门整体支出绩效目标申报表的 Word 文件';

/**
 * Field texts longer than MAX_FIELD_CHARS are cut, marked uncertain and explained: a save of
 * such a text would be refused, and nothing real is that long.
 */
function capTexts(r: ReadResult): ReadResult {
  const uncertain = new Set(r.uncertain);
  const notes = [...r.notes];
  const values = { ...r.data.values };
  for (const def of TEMPLATES.find((t) => t.id === r.data.templateId)?.fields ?? []) {
    const v = values[def.id];
    if (v === undefined) continue;
    if (def.kind === 'amount' && typeof v === 'string' && v.length > MAX_AMOUNT_CHARS) {
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
export function readDocxFormNow(bytes: Uint8Array, opts: { timeoutMs?: number } = {}): ReadResult {
  const deadline = deadlineOf(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return capTexts(withDeadline(deadline, () => readWithDeadline(bytes, deadline)));
}

function readWithDeadline(bytes: Uint8Array, deadline: () => void): ReadResult {
  const zip = openZip(bytes);
  deadline();
  const body = readBody(zip);
  deadline();
  const walk = walkDocument(body);
  deadline();
  const embedded = readEmbedded(readCustomProperties(zip));

  if (embedded.status === 'ok') {
    const acc: ReadNotes = { notes: [], uncertain: new Set() };
    const table = formFromTable(walk, embedded.template, deadline);
    if (!table) {
      acc.notes.push('文件中找不到打印的表格，已按文件内嵌的数据导入，请核对');
      return { source: 'embedded', data: embedded.form, notes: acc.notes, uncertain: [] };
    }
    const data = reconcile(embedded.form, embedded.template, table.raw, acc);
    return { source: 'embedded', data, notes: acc.notes, uncertain: [...acc.uncertain] };
  }

  const table = bestTableForm(walk, deadline);
  if (!table) throw new UserError(NO_FORM, 'import.noForm');
  const notes =
    embedded.status === 'unusable'
      ? [`文件内嵌的数据无法使用（${embedded.reason}），已改为读取表格内容，请核对`, ...table.notes]
      : table.notes;
  return { source: 'table', data: table.data, notes, uncertain: [...table.uncertain] };
}
