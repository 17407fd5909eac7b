/**
 * The budget years the store holds, newest first, for the 汇总's year choice. No channel lists
 * them, so forms.page is asked for one row at a time, each time after the very last key a year
 * can have (a unit name of the highest characters): the store's keyset paging then skips to the
 * first row of the year before. One request per year, each a range of the list's index.
 */
import type { FormPage, Input } from '../../../shared/contract';

type Fetch = (input: Input<'forms.page'>) => Promise<FormPage>;

/** Sorts after every unit name the store can hold (U+10FFFF is the last character of UTF-8). */
const AFTER_EVERY_UNIT = '\u{10FFFF}'.repeat(8);

export async function storeYears(fetchPage: Fetch, max = 100): Promise<string[]> {
  const years: string[] = [];
  let page = await fetchPage({ limit: 1 });
  while (page.items.length > 0 && years.length < max) {
    const year = page.items[0].year;
    // A year seen already: the skip did not move on (should not happen); stop rather than loop.
    if (years.includes(year)) break;
    years.push(year);
    page = await fetchPage({ after: { year, unit: AFTER_EVERY_UNIT, title: '', id: 0 }, limit: 1 });
  }
  return years;
}
