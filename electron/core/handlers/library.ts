/** library.*: the 指标库 — suggestions while typing, the management list, library files in and out. */
import { UserError } from '../../../shared/errors';
import { libraryFromJson, libraryFromRows, libraryToJson, MAX_LIBRARY_BYTES, type LibraryFileEntry } from '../../../shared/library/file';
import { libraryRowsFromXlsx, libraryToXlsx } from '../library/xlsx';
import type { Store } from '../store';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { decodeBase64, encodeBase64 } from './files';

const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

/** What a library file holds: the whole 指标库 as the dialog lists it, deleted entries left out. */
export function libraryEntries(store: Store): LibraryFileEntry[] {
  return store.libraryList('').map((e) => ({ level1: e.level1, level2: e.level2, name: e.name, value: e.value, note: e.note }));
}

/** Entries from a library file's bytes: an Excel workbook (a zip) or our JSON; anything else is refused in Chinese. */
export function libraryFileEntries(bytes: Uint8Array, fileName: string): LibraryFileEntry[] {
  if (bytes.length > MAX_LIBRARY_BYTES)
    throw new UserError(
      `指标库文件“${fileName}”过大（${Math.round(bytes.length / 1024 / 1024)} MB），不像是指标库，没有做任何改动。`,
      'library.invalid',
    );
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return libraryFromRows(libraryRowsFromXlsx(bytes));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`“${fileName}”不是指标库文件（不是 Excel 表格，也不是 JSON），没有做任何改动。`, 'library.invalid');
  }
  return libraryFromJson(text);
}

export function libraryHandlers({ store }: CoreContext): Handlers {
  return {
    'library.suggest': (q) => store.suggest(q),
    'library.list': ({ search }) => store.libraryList(search),
    'library.save': ({ entry, previous }) => {
      store.librarySave(entry, previous);
      return { ok: true as const };
    },
    'library.remove': ({ entry }) => {
      store.libraryRemove(entry);
      return { ok: true as const };
    },
    'library.export': async ({ format }) => {
      const entries = libraryEntries(store);
      if (format === 'xlsx') return { fileName: `指标库-${stamp()}.xlsx`, data: encodeBase64(await libraryToXlsx(entries)) };
      return { fileName: `指标库-${stamp()}.json`, data: encodeBase64(new TextEncoder().encode(libraryToJson(entries))) };
    },
    'library.import': ({ fileName, data }) => {
      const bytes = decodeBase64(data, `指标库文件“${fileName}”`);
      return { count: store.libraryImport(libraryFileEntries(bytes, fileName)) };
    },
  };
}
