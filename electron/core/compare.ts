/** 年度对比 of a stored form: with last year's form of its identity, or with a chosen one. */
import { diffForms, type FormDiff } from '../../shared/compare/formDiff';
import { UserError } from '../../shared/errors';
import type { Store } from './store';

export interface Comparison {
  before: { id: number; year: string; title: string };
  after: { id: number; year: string; title: string };
  diff: FormDiff;
}

export function compareStored(store: Store, id: number, against?: number): Comparison {
  const current = store.get(id);
  const otherId = against ?? store.predecessor(current.id)?.id;
  if (otherId === undefined)
    throw new UserError(
      `没有找到「${current.title || '这份表单'}」的上年（${Number(current.year) - 1} 年）表单，无法对比；可以指定要对比的表单`,
      'no-predecessor',
    );
  const previous = store.get(otherId);
  if (previous.templateId !== current.templateId) throw new UserError('只能对比同一种表样的两份表单');
  return {
    before: { id: previous.id, year: previous.year, title: previous.title },
    after: { id: current.id, year: current.year, title: current.title },
    diff: diffForms(store.templates.get(current.templateId, current.templateVersion), previous.data, current.data),
  };
}
