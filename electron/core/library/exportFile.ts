/**
 * The whole 指标库 as one library file, as the dialog's 导出 and `cli library export` write it:
 * every entry (deleted ones left out, the starter set included), never the dialog's first 2,000,
 * and never a file the next import would refuse (issue #27): past MAX_LIBRARY_ENTRIES entries or
 * MAX_LIBRARY_BYTES the export is refused, saying how many and what to do.
 */
import { UserError } from '../../../shared/errors';
import { libraryToJson, type LibraryFileEntry } from '../../../shared/library/file';
import { MAX_LIBRARY_BYTES, MAX_LIBRARY_ENTRIES } from '../../../shared/limits';
import type { Store } from '../store';
import { libraryToXlsx } from './xlsx';

export type LibraryFormat = 'json' | 'xlsx';

/** Why a library of `count` entries (`starters` of them the program's own) cannot be exported, or null. */
export function libraryExportRefusal(count: number, starters: number): string | null {
  if (count <= MAX_LIBRARY_ENTRIES) return null;
  const own = starters > 0 ? `（其中程序自带 ${starters} 条）` : '';
  return `指标库共有 ${count} 条${own}，一个指标库文件最多只能导入 ${MAX_LIBRARY_ENTRIES} 条，导出的文件将无法导入，所以没有导出。请在「指标库」中删除不用的条目，减到 ${MAX_LIBRARY_ENTRIES} 条以内再导出`;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** `buildXlsx`: where the workbook is built (the servers: the export worker; 20,000 entries take seconds). */
export async function libraryFile(
  store: Store,
  format: LibraryFormat,
  buildXlsx: (entries: LibraryFileEntry[]) => Promise<Uint8Array> = libraryToXlsx,
): Promise<{ bytes: Uint8Array; count: number }> {
  const list = store.libraryList('', Number.POSITIVE_INFINITY);
  const refusal = libraryExportRefusal(list.length, list.filter((e) => e.source === 'starter').length);
  if (refusal) throw new UserError(refusal, 'library.tooMany');
  const entries: LibraryFileEntry[] = list.map((e) => ({ level1: e.level1, level2: e.level2, name: e.name, value: e.value, note: e.note }));
  const bytes = format === 'json' ? new TextEncoder().encode(libraryToJson(entries)) : await buildXlsx(entries);
  if (bytes.length > MAX_LIBRARY_BYTES)
    throw new UserError(
      `导出的指标库文件有 ${mb(bytes.length)} MB，一个指标库文件最多只能导入 ${mb(MAX_LIBRARY_BYTES)} MB，所以没有导出。${format === 'json' ? '请改为导出 Excel 文件（更小），或' : '请'}删减过长的指标值和说明后再导出`,
      'library.tooLarge',
    );
  return { bytes, count: entries.length };
}
