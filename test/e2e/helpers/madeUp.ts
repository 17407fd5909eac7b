/**
 * The made-up template (test/helpers/madeUpTemplate.ts) as the files a clerk would have: the
 * template file a finance bureau hands out, and a filled form of it as label-keyed JSON.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateToFile } from '../../../shared/template/file';
import { MADE_UP_TEMPLATE, MADE_UP_VALUES } from '../../helpers/madeUpTemplate';

/** Writes the template file into `dir`; returns its path. */
export function writeMadeUpTemplateFile(dir: string): string {
  const path = join(dir, '专项资金分配明细表.json');
  writeFileSync(path, templateToFile(MADE_UP_TEMPLATE));
  return path;
}

/** Writes MADE_UP_VALUES as label-keyed JSON (the shape `cli import-json` reads); returns its path. */
export function writeMadeUpFormJson(dir: string): string {
  const t = MADE_UP_TEMPLATE;
  const json: Record<string, unknown> = { 表: t.title };
  for (const f of t.fields) {
    const v = (MADE_UP_VALUES as Record<string, unknown>)[f.id];
    if (typeof v === 'string') json[f.label] = v;
  }
  const g = t.groups![0];
  json[g.label] = MADE_UP_VALUES.items.map((r) =>
    Object.fromEntries(g.columns.map((c) => [c.label, (r as Record<string, string>)[c.id] ?? ''])),
  );
  const path = join(dir, 'made-up-form.json');
  writeFileSync(path, JSON.stringify(json, null, 2));
  return path;
}
