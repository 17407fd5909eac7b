/** library.*: the 指标库 — suggestions while typing, the management list, library files in and out. */
import { UserError } from '../../../shared/errors';
import { libraryFromJson, libraryToJson, MAX_LIBRARY_BYTES } from '../../../shared/library/file';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { decodeBase64, encodeBase64 } from './files';

const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

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
    'library.export': ({ format }) => {
      if (format !== 'json') throw new UserError('Excel 格式的指标库导出还在准备中，请先选 JSON 格式');
      const entries = store
        .libraryList('')
        .map((e) => ({ level1: e.level1, level2: e.level2, name: e.name, value: e.value, note: e.note }));
      return { fileName: `指标库-${stamp()}.json`, data: encodeBase64(new TextEncoder().encode(libraryToJson(entries))) };
    },
    'library.import': ({ fileName, data }) => {
      const bytes = decodeBase64(data, `指标库文件“${fileName}”`);
      if (bytes.length > MAX_LIBRARY_BYTES)
        throw new UserError(
          `指标库文件“${fileName}”过大（${Math.round(bytes.length / 1024 / 1024)} MB），不像是指标库，没有做任何改动。`,
          'library.invalid',
        );
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new UserError(`“${fileName}”不是指标库文件（不是文字，也不是 Excel），没有做任何改动。`, 'library.invalid');
      }
      return { count: store.libraryImport(libraryFromJson(text)) };
    },
  };
}
