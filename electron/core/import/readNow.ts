/**
 * Reads one Word file of a form: our own export from its embedded copy (checked against
 * the printed table), any other file from the printed table. Every failure is a UserError
 * with a Chinese message; nothing here touches the store.
 */
import { UserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import { TEMPLATES } from '../../../shared/templates';
import { readBody, readCustomProperties } from './docxParts';
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

export async function readDocxForm(bytes: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<ReadResult> {
  const deadline = deadlineOf(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const zip = openZip(bytes);
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
