/** Default names for exported files, safe on Windows (the users' platform). */
import type { FormData } from '../../../shared/form';
import { str } from '../../../shared/formOps';
import type { TemplateDef } from '../../../shared/template/types';
import { getTemplate } from '../../../shared/templates';
import { trimDotsAndSpaces } from '../../../shared/text/trim';

// Windows forbids these in a name, and control characters; trailing dots and spaces are
// silently dropped by Explorer, so they are removed here too.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001F]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** NTFS allows 255 UTF-16 units per name; leave room for a " (2)" the user's shell may add. */
const MAX_NAME = 200;

export function sanitizeFileName(base: string, ext = '.docx'): string {
  let s = base
    .replace(/[\r\n\t]+/g, ' ')
    .replace(ILLEGAL, '_')
    .replace(/\s+/g, ' ')
    .trim();
  s = trimDotsAndSpaces(s);
  if (s.length > MAX_NAME - ext.length) s = s.slice(0, MAX_NAME - ext.length).replace(/[\uD800-\uDBFF]$/, '');
  if (s === '' || RESERVED.test(s)) s = `_${s}`;
  return s + ext;
}

function fill(t: TemplateDef, year: string, department: string): string {
  return t.fileName.replaceAll('{year}', year.trim()).replaceAll('{department}', department.trim());
}

export function exportFileName(form: FormData): string {
  const t = getTemplate(form.templateId);
  return sanitizeFileName(fill(t, str(form.values[t.identity.year]), str(form.values[t.identity.name])));
}

export function blankExportFileName(templateId: string, year: string): string {
  return sanitizeFileName(`${fill(getTemplate(templateId), year, '')}（空白）`);
}
