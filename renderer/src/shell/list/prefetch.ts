/**
 * The side list's first page is asked for as the app starts, while the templates are read
 * (TemplatesProvider holds the shell back until they are), instead of after them: on a receiving
 * office's 15,000 forms the list then shows one round trip sooner. Taken once by the list.
 */
import type { FormPage } from '../../../../shared/contract';
import { api } from '../../api';
import { firstPageInput } from './pagedForms';

let first: Promise<FormPage> | null = null;

export function prefetchFirstPage(): void {
  first = api['forms.page'](firstPageInput(''));
  // A failure is met again when the list asks for the page itself.
  first.catch(() => {});
}

/** The page asked for at start, once; null when none was. */
export function takeFirstPage(): Promise<FormPage> | null {
  const p = first;
  first = null;
  return p;
}
