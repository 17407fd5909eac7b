/** library.*: the 指标库 — suggestions while typing, the management list, library files in and out. */
import { inThisThread } from '../exportWorker/jobs';
import { libraryFile } from '../library/exportFile';
import { readLibraryInWorker } from '../import/readWorker';
import type { LibraryFileEntry } from '../../../shared/library/file';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { decodeBase64, encodeBase64 } from './files';

const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

export function libraryHandlers({ store, exporter = inThisThread }: CoreContext): Handlers {
  const buildXlsx = async (entries: LibraryFileEntry[]) => (await exporter.run({ kind: 'libraryXlsx', entries })).bytes;
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
    'library.export': async ({ format }) => ({
      fileName: `指标库-${stamp()}.${format}`,
      data: encodeBase64((await libraryFile(store, format, buildXlsx)).bytes),
    }),
    'library.import': async ({ fileName, data }) => {
      const bytes = decodeBase64(data, `指标库文件“${fileName}”`);
      // Read in the import worker, under its time and memory limits (issue #27).
      return { count: store.libraryImport(await readLibraryInWorker(bytes, fileName)) };
    },
  };
}
