/**
 * forms.page over an array in memory, as the store answers it (store/listing.ts): the same order
 * (year newest first, then unit, title, id, compared as plain strings), `after` a row's key or an
 * `offset`, one page of `limit` rows, `total` only without `after`, `next` when more rows follow.
 * Search is a substring of the year, unit or title.
 */
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import type { FormPage, FormSummary, Input, PageKey } from '../../shared/contract';

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
export const storeOrder = (a: PageKey, b: PageKey): number =>
  cmp(b.year, a.year) || cmp(a.unit, b.unit) || cmp(a.title, b.title) || a.id - b.id;

export const UNIT_COUNT = 300;
export const FORMS_PER_UNIT = 50;

/** 15,000 forms of 2025: 300 units, each with its 部门整体 form (named after it) and 49 projects. */
export function countyForms(year = '2025', units = UNIT_COUNT, perUnit = FORMS_PER_UNIT, firstId = 1): FormSummary[] {
  const out: FormSummary[] = [];
  let id = firstId;
  for (let u = 0; u < units; u++) {
    const unit = `县第${String(u + 1).padStart(3, '0')}单位`;
    for (let k = 0; k < perUnit; k++) {
      const t = k === 0 ? bumenZhengti2019 : xiangmuZhichu;
      out.push({
        id: id++,
        templateId: t.id,
        templateVersion: t.version,
        year,
        title: k === 0 ? unit : `${k % 7 === 0 ? '体育' : '教育'}项目${String(k).padStart(2, '0')}`,
        unit,
        status: k % 10 === 3 ? 'final' : 'draft',
        updatedAt: `${year}-02-01T08:00:00.000Z`,
        deletedAt: null,
      });
    }
  }
  return out;
}

export function fakeFormPages(all: readonly FormSummary[]): (input: Input<'forms.page'>) => FormPage {
  const sorted = [...all].sort(storeOrder);
  return (input) => {
    const s = (input.search ?? '').trim();
    const rows = s ? sorted.filter((f) => f.year.includes(s) || f.unit.includes(s) || f.title.includes(s)) : sorted;
    const limit = input.limit ?? 100;
    let start: number;
    if (input.after) {
      const a = input.after;
      start = rows.findIndex((f) => storeOrder(f, a) > 0);
      if (start < 0) start = rows.length;
    } else start = input.offset ?? 0;
    const items = rows.slice(start, start + limit);
    const last = items[items.length - 1];
    return {
      items,
      total: input.after ? null : rows.length,
      next: start + limit < rows.length && last ? { year: last.year, unit: last.unit, title: last.title, id: last.id } : null,
    };
  };
}
