/** templates.*: the built-in and imported templates (表样管理), template files in and out. */
import { UserError } from '../../../shared/errors';
import { templateFromFile, templateToFile } from '../../../shared/template/file';
import type { TemplateDef } from '../../../shared/template/schema';
import { sanitizeFileName } from '../export/fileName';
import type { Store } from '../store';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { decodeBase64, encodeBase64 } from './files';

function entry(store: Store, t: TemplateDef) {
  return { template: t, builtIn: store.templates.isBuiltIn(t.id), formCount: store.templateFormCounts().get(t.id) ?? 0 };
}

/** A template file's text; a file that is not UTF-8 text is refused like any other bad file. */
export function templateFileText(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`“${fileName}”不是文字格式的表样文件（JSON），没有做任何改动。`, 'template.invalid');
  }
}

export function templateFileName(t: TemplateDef): string {
  return sanitizeFileName(`表样-${t.title}-${t.id}-v${t.version}`, '.json');
}

export function templateHandlers({ store }: CoreContext): Handlers {
  return {
    'templates.list': () => store.templates.all().map((t) => entry(store, t)),
    'templates.import': ({ fileName, data }) => {
      const bytes = decodeBase64(data, `表样文件“${fileName}”`);
      if (bytes.length > 2_000_000)
        throw new UserError(`“${fileName}”过大（${Math.round(bytes.length / 1024 / 1024)} MB），不是表样文件，没有做任何改动。`);
      const t = templateFromFile(templateFileText(bytes, fileName));
      store.importTemplate(t);
      return entry(store, t);
    },
    'templates.export': ({ id }) => {
      const t = store.templates.get(id);
      return { fileName: templateFileName(t), data: encodeBase64(new TextEncoder().encode(templateToFile(t))) };
    },
    'templates.remove': ({ id }) => {
      store.removeTemplate(id);
      return { ok: true as const };
    },
  };
}
