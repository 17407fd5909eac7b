/**
 * The user files other than Word forms, read synchronously inside the import worker (workerEntry.ts)
 * like a Word file, so that whatever one holds costs at most the worker's time and memory, never
 * the desktop main process, the browser-mode server or a command-line batch (issue #27):
 *   - 指标库 files: an Excel workbook (libraryXlsx.ts) or our JSON;
 *   - template files (JSON, checked in full);
 *   - label-keyed JSON of one form (the command line's import-json).
 * Each returns plain data that crosses to the calling thread; each refusal is a Chinese UserError
 * that says which file it was and what to do.
 */
import { UserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import { fromLabelJson, labelJsonRefusal, templateForLabelJson } from '../../../shared/labelJson';
import { libraryFromJson, libraryFromRows, MAX_LIBRARY_BYTES, type LibraryFileEntry } from '../../../shared/library/file';
import { MAX_TEMPLATE_FILE_CHARS, templateFromFile } from '../../../shared/template/file';
import { TemplateRegistry } from '../../../shared/template/registry';
import type { TemplateDef } from '../../../shared/template/schema';
import { BUILT_IN_IDS } from './builtInIds';
import { libraryRowsFromXlsx } from './libraryXlsx';

export type { UserFileKind } from './limits';

/** Entries from a library file's bytes: an Excel workbook (a zip) or our JSON; anything else is refused in Chinese. */
export function readLibraryFile(bytes: Uint8Array, fileName: string): LibraryFileEntry[] {
  if (bytes.length > MAX_LIBRARY_BYTES)
    throw new UserError(
      `指标库文件“${fileName}”过大（${Math.round(bytes.length / 1024 / 1024)} MB），不像是指标库，没有做任何改动。`,
      'library.invalid',
    );
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return libraryFromRows(libraryRowsFromXlsx(bytes));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`“${fileName}”不是指标库文件（不是 Excel 表格，也不是 JSON），没有做任何改动。`, 'library.invalid');
  }
  return libraryFromJson(text);
}

/** Bytes of a template file; a real one is a few tens of KB (MAX_TEMPLATE_FILE_CHARS characters at most). */
export const MAX_TEMPLATE_FILE_BYTES = MAX_TEMPLATE_FILE_CHARS * 3;

/** A checked template from a template file's bytes. */
export function readTemplateFile(bytes: Uint8Array, fileName: string): TemplateDef {
  if (bytes.length > MAX_TEMPLATE_FILE_BYTES)
    throw new UserError(
      `这个表样文件不能导入：“${fileName}”过大（${Math.round(bytes.length / 1024 / 1024)} MB，表样文件一般只有几十 KB）。没有做任何改动。`,
      'template.invalid',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`这个表样文件不能导入：“${fileName}”不是文字格式（UTF-8 编码的 JSON）。没有做任何改动。`, 'template.invalid');
  }
  return templateFromFile(text);
}

/** A form's label-keyed JSON is at most tens of KB; every value within its limit is still far below this. */
export const MAX_LABEL_JSON_BYTES = 20 * 1024 * 1024;

export interface LabelJsonFile {
  form: FormData;
  templateId: string;
  notes: string[];
}

/**
 * A form from label-keyed JSON: its template chosen by `templateId` or by its "表" among
 * `templates` (the store's), its values read and cut to their limits with a note for each cut.
 */
export function readLabelJsonFile(
  bytes: Uint8Array,
  fileName: string,
  templates: readonly TemplateDef[],
  templateId?: string,
): LabelJsonFile {
  if (bytes.length > MAX_LABEL_JSON_BYTES)
    throw labelJsonRefusal(`“${fileName}”过大（${Math.round(bytes.length / 1024 / 1024)} MB，一份表单的 JSON 一般只有几十 KB）`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw labelJsonRefusal(`文件 ${fileName} 不是有效的 JSON，请检查格式`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw labelJsonRefusal(`文件 ${fileName} 应是以项目名称为键的 JSON 对象`);
  const builtIn = BUILT_IN_IDS;
  const registry = new TemplateRegistry(
    templates.filter((t) => builtIn.has(t.id)),
    templates.filter((t) => !builtIn.has(t.id)),
  );
  const template = templateForLabelJson(json as Record<string, unknown>, registry, templateId);
  const { form, notes } = fromLabelJson(json as Record<string, unknown>, template);
  return { form, templateId: template.id, notes };
}
