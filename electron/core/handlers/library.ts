/** library.*: the 指标库 — suggestions while typing, the management list, library files in and out. */
import { libraryToJson, type LibraryFileEntry } from '../../../shared/library/file';
import { readLibraryInWorker } from '../import/readWorker';
import { libraryToXlsx } from '../library/xlsx';
import type { Store } from '../store';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { decodeBase64, encodeBase64 } from './files';

const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

/**
 * What a library file holds: the whole 指标库 as the dialog lists it, deleted entries left out —
 * every entry, not the dialog's first 2,000 (issue #27: a 主管部门's file lost the rest).
 */
export function libraryEntries(store: Store): LibraryFileEntry[] {
  return store
    .libraryList('', Number.POSITIVE_INFINITY)
    .map((e) => ({ level1: e.level1, level2: e.level2, name: e.name, value: e.value, note: e.note }));
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
    'library.import': async ({ fileName, data }) => {
      const bytes = decodeBase64(data, `指标库文件“${fileName}”`);
      // Read in the import worker, under its time and memory limits (issue #27).
      return { count: store.libraryImport(await readLibraryInWorker(bytes, fileName)) };
    },
  };
}
