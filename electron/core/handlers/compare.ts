/** compare.*: 年度对比 as data for the view, and as a Word document. */
import { compareStored } from '../compare';
import { sanitizeFileName } from '../export/fileName';
import { inThisThread } from '../exportWorker/jobs';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { encodeBase64 } from './files';

export function compareHandlers({ store, exporter = inThisThread }: CoreContext): Handlers {
  return {
    'compare.get': ({ id, against }) => compareStored(store, id, against),
    'compare.docx': async ({ id, against }) => {
      const c = compareStored(store, id, against);
      const { bytes } = await exporter.run({
        kind: 'compareDocx',
        diff: c.diff,
        meta: { title: c.after.title, before: c.before, after: c.after },
      });
      return { fileName: sanitizeFileName(`${c.after.year}年${c.after.title}年度对比`), data: encodeBase64(bytes) };
    },
  };
}
