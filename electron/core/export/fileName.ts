/** Default names for exported files, safe on Windows (the users' platform). */
import type { FormData } from '../../../shared/form';
import { str } from '../../../shared/formOps';
import type { TemplateDef } from '../../../shared/template/schema';
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

/** The template's file name pattern with each {fieldId} replaced by the field's value. */
function fill(t: TemplateDef, values: FormData['values']): string {
  return t.fileName.replace(/\{([A-Za-z][A-Za-z0-9_]{0,63})\}/g, (_m, id: string) => str(values[id]).replace(/\s+/g, ' ').trim());
}

export function exportFileName(form: FormData, t: TemplateDef): string {
  return sanitizeFileName(fill(t, form.values));
}

export function blankExportFileName(t: TemplateDef, year: string): string {
  return sanitizeFileName(`${fill(t, { [t.identity.year]: year })}（空白）`);
}

/**
 * A name not yet used in a folder being filled (compared as Windows does, ignoring case): two
 * forms may give the same name — two units' 办公经费 projects — and the later one gets （2）.
 */
export function uniqueName(fileName: string, taken: Set<string>): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot) : '';
  const stem = fileName.slice(0, fileName.length - ext.length);
  let name = fileName;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}（${n}）${ext}`;
  taken.add(name.toLowerCase());
  return name;
}
