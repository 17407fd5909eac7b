import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormData } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';

export const SEED_JSON_PATH = fileURLToPath(new URL('../fixtures/seed-2019-taoyuan.json', import.meta.url));
export const HANDMADE_DOCX_PATH = fileURLToPath(new URL('../fixtures/handmade-seed-2019.docx', import.meta.url));

export function seedJson(): Record<string, string> {
  return JSON.parse(readFileSync(SEED_JSON_PATH, 'utf8'));
}

/** The filled 2019 form of the seed, as a FormData. */
export function seedForm(): FormData {
  return fromLabelJson(seedJson()).form;
}
