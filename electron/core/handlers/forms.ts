/** forms.*, trash.* and app.info: thin mappings onto the store, which enforces the rules. */
import { UserError } from '../../../shared/errors';
import { blankForm } from '../../../shared/formOps';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';

export function formHandlers({ store, appVersion, mode }: CoreContext): Handlers {
  return {
    'app.info': () => ({ version: appVersion, schemaVersion: store.schemaVersion, mode, notices: [...store.notices] }),
    'forms.list': (q) => store.list(q),
    'forms.page': (q) => store.listPage(q),
    'forms.get': ({ id }) => store.get(id),
    'forms.create': ({ templateId, year, values }) => {
      const template = templateId ? store.templates.find(templateId) : store.templates.defaultTemplate();
      if (!template) throw new UserError(`没有编号为“${templateId}”的表样，请从列表中选择要新建的表`);
      const data = blankForm(template, year);
      // Only plain text fields can be given up front (the identity the 新建 dialog asks for).
      for (const [id, v] of Object.entries(values ?? {})) {
        const def = template.fields.find((f) => f.id === id);
        if (def && (def.kind === 'text' || def.kind === 'multiline') && !def.compute) data.values[id] = v;
      }
      return store.create(data);
    },
    'forms.save': ({ id, data, baseRevision }) => store.save(id, data, { baseRevision }),
    'forms.finalize': ({ id }) => store.finalize(id),
    'forms.unlock': ({ id, reason }) => store.unlock(id, reason),
    'forms.delete': ({ id }) => {
      store.delete(id);
      return { ok: true as const };
    },
    'forms.revisions': ({ id }) => store.revisions(id),
    'forms.related': ({ id }) => store.related(id),
    'forms.lastYear': ({ id }) => store.lastYear(id),
    'forms.restoreRevision': ({ id, revision }) => store.restoreRevision(id, revision),
    'forms.newYearPreview': ({ id, year }) => store.newYearPreview(id, year),
    'forms.newYear': ({ id, year }) => store.newYear(id, year),
    'forms.stages': ({ id }) => store.stagesOf(id),
    'forms.newStage': ({ id, templateId, month }) => store.newStage(id, templateId, { month }),
    'trash.list': () => store.listTrash(),
    'trash.restore': ({ id }) => store.restoreFromTrash(id),
    'trash.empty': () => ({ removed: store.emptyTrash() }),
  };
}
