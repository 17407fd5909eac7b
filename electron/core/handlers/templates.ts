/** templates.*: the built-in and imported templates (表样管理), template files in and out. */
import { UserError } from '../../../shared/errors';
import { checkTemplate } from '../../../shared/template/check';
import { templateToFile } from '../../../shared/template/file';
import type { TemplateDef } from '../../../shared/template/schema';
import { sanitizeFileName } from '../export/fileName';
import { readBlankInWorker, readTemplateInWorker } from '../import/readWorker';
import type { Store } from '../store';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { decodeBase64, encodeBase64 } from './files';

function entry(store: Store, t: TemplateDef) {
  return { template: t, builtIn: store.templates.isBuiltIn(t.id), formCount: store.templateFormCounts().get(t.id) ?? 0 };
}

export function templateFileName(t: TemplateDef): string {
  return sanitizeFileName(`表样-${t.title}-${t.id}-v${t.version}`, '.json');
}

export function templateHandlers({ store }: CoreContext): Handlers {
  return {
    'templates.list': () => store.templates.all().map((t) => entry(store, t)),
    'templates.import': async ({ fileName, data }) => {
      const bytes = decodeBase64(data, `表样文件“${fileName}”`);
      // Read and checked in the import worker, under its time and memory limits (issue #27).
      const t = await readTemplateInWorker(bytes, fileName);
      store.importTemplate(t);
      return entry(store, t);
    },
    'templates.export': ({ id }) => {
      const t = store.templates.get(id);
      return { fileName: templateFileName(t), data: encodeBase64(new TextEncoder().encode(templateToFile(t))) };
    },
    'templates.fromBlank': ({ fileName, data }) => readBlankInWorker(decodeBase64(data, `空白表“${fileName}”`), fileName),
    'templates.save': ({ template }) => {
      const problems = checkTemplate(template);
      if (problems.length)
        throw new UserError(`这个表样还不能保存：${problems.slice(0, 3).join('；')}。没有做任何改动。`, 'template.invalid');
      // A changed template is a new version: forms made with an earlier one keep theirs.
      const had = store.templates.find(template.id);
      const saved = had ? { ...template, version: Math.max(template.version, had.version + 1) } : template;
      store.importTemplate(saved);
      return entry(store, saved);
    },
    'templates.remove': ({ id }) => {
      store.removeTemplate(id);
      return { ok: true as const };
    },
  };
}
