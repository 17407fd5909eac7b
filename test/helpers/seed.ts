import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormData } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';

export const SEED_JSON_PATH = fileURLToPath(new URL('../fixtures/seed-2019-taoyuan.json', import.meta.url));
export const HANDMADE_DOCX_PATH = fileURLToPath(new URL('../fixtures/handmade-seed-2019.docx', import.meta.url));

/** The 2019 department form's template, which the seed is filled in. */
export const T2019 = bumenZhengti2019;

/** What the importer needs to know: every template the app ships with. */
export const BUILT_IN = { templates: BUILTIN_TEMPLATES };

export function seedJson(): Record<string, string> {
  return JSON.parse(readFileSync(SEED_JSON_PATH, 'utf8'));
}

/** The filled 2019 form of the seed, as a FormData. */
export function seedForm(): FormData {
  return fromLabelJson(seedJson(), T2019).form;
}
