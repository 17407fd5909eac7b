/** forms.*, trash.* and app.info: thin mappings onto the store, which enforces the rules. */
import { blankForm } from '../../../shared/formOps';
import { DEFAULT_TEMPLATE_ID, TEMPLATES } from '../../../shared/templates';
import { UserError } from '../../../shared/errors';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';

export function formHandlers({ store, appVersion, mode }: CoreContext): Handlers {
  return {
    'app.info': () => ({ version: appVersion, schemaVersion: store.schemaVersion, mode }),
    'forms.list': (q) => store.list(q),
    'forms.get': ({ id }) => store.get(id),
    'forms.create': ({ templateId, year, department }) => {
      const template = TEMPLATES.find((t) => t.id === (templateId ?? DEFAULT_TEMPLATE_ID));
      if (!template) throw new UserError(`没有名为“${templateId}”的表格模板，请从列表中选择表格类型`);
      const data = blankForm(template.id, year);
      if (department !== undefined) data.values[template.identity.name] = department;
      return store.create(data);
    },
    'forms.save': ({ id, data }) => store.save(id, data),
    'forms.finalize': ({ id }) => store.finalize(id),
    'forms.unlock': ({ id, reason }) => store.unlock(id, reason),
    'forms.delete': ({ id }) => {
      store.delete(id);
      return { ok: true as const };
    },
    'forms.revisions': ({ id }) => store.revisions(id),
    'forms.restoreRevision': ({ id, revision }) => store.restoreRevision(id, revision),
    'forms.newYearPreview': ({ id, year }) => store.newYearPreview(id, year),
    'forms.newYear': ({ id, year }) => store.newYear(id, year),
    'trash.list': () => store.listTrash(),
    'trash.restore': ({ id }) => store.restoreFromTrash(id),
    'trash.empty': () => ({ removed: store.emptyTrash() }),
  };
}
