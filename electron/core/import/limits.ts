/**
 * What the importer will read, and the Chinese refusals past it. A form's document.xml has
 * about 1,000 elements, 10 levels deep, one table of 40 cells; every limit here is hundreds of
 * times that, yet low enough that no file within them can cost more than a few hundred MB
 * or a few seconds (issue #16: 16 million empty paragraphs in 146 KB, a span of two billion
 * columns in 1 KB, 5,000 nested elements). The worker that reads a file also has a hard
 * memory and time limit (readWorker.ts); these make a hostile file end with a message that
 * says what is wrong instead of with that limit.
 */
import { UserError } from '../../../shared/errors';
import { MAX_FIELD_CHARS } from '../../../shared/limits';

/** Uncompressed size of one XML part we parse (document.xml, custom.xml, .rels). */
export const MAX_XML_PART_BYTES = 25 * 1024 * 1024;
/** Elements in one XML part. */
export const MAX_XML_ELEMENTS = 200_000;
/** Nesting depth of elements in one XML part. */
export const MAX_XML_DEPTH = 256;
/** Grid columns of one table row, spans and gridBefore/gridAfter included (Word itself stops at 63). */
export const MAX_TABLE_COLUMNS = 1000;
/** Grid positions (rows × columns) of one table. */
export const MAX_TABLE_POSITIONS = 100_000;
/**
 * A paragraph outside tables holds at most the sign line's fields (填报人, 联系电话, 填报日期),
 * each at most MAX_FIELD_CHARS; it is cut there, and runs of whitespace in it are cut to
 * MAX_LINE_SPACE_RUN characters: the line patterns (lineReader.ts) try every position of a
 * whitespace run against the rest of it, so a long run costs its length squared.
 */
export const MAX_LINE_CHARS = 3 * MAX_FIELD_CHARS + 1000;
export const MAX_LINE_SPACE_RUN = 64;
/** Characters of one field's text; longer text is cut and the user told (shared/limits.ts). */
export { MAX_FIELD_CHARS };

const REFUSED = '不像是一份申报表，已拒绝导入';

/** The program to fix a file in, by the part that failed: a workbook's parts live under xl/. */
const app = (part: string): { office: string; ext: string } =>
  part.startsWith('xl/') ? { office: 'Excel 或 WPS', ext: '.xlsx' } : { office: 'Word 或 WPS', ext: '.docx' };

export function partTooLarge(part: string): UserError {
  return new UserError(
    `文件中的 ${part} 解压后超过 ${MAX_XML_PART_BYTES / 1024 / 1024} MB，${REFUSED}。请在 ${app(part).office} 中删除表格以外的内容并另存为 ${app(part).ext} 后再试`,
    'import.tooComplex',
  );
}

export function tooManyElements(part: string, max = MAX_XML_ELEMENTS): UserError {
  return new UserError(
    `文件中的 ${part} 内容过多（超过 ${max.toLocaleString('en-US')} 个元素），${REFUSED}。请在 ${app(part).office} 中删除表格以外的内容并另存为 ${app(part).ext} 后再试`,
    'import.tooComplex',
  );
}

export function tooDeep(part: string): UserError {
  return new UserError(
    `文件中的 ${part} 嵌套层数过多（超过 ${MAX_XML_DEPTH} 层），${REFUSED}。文件可能已损坏，请在 ${app(part).office} 中打开并另存为 ${app(part).ext} 后再试`,
    'import.tooComplex',
  );
}

export function tableTooLarge(): UserError {
  return new UserError(
    `文件中有表格过大或已损坏（一行超过 ${MAX_TABLE_COLUMNS} 列，或一个表格超过 ${MAX_TABLE_POSITIONS.toLocaleString('en-US')} 格），${REFUSED}。请在 Word 或 WPS 中检查表格并另存为 .docx 后再试`,
    'import.tooComplex',
  );
}

/** Excel workbooks (xlsxModel.ts): sheets read, shared strings, and where a cell may be. */
export const MAX_XLSX_SHEETS = 200;
/** Entries of the shared string table, and their characters together. */
export const MAX_SHARED_STRINGS = 100_000;
export const MAX_SHARED_STRING_CHARS = 10_000_000;
/** Merged ranges of one sheet. */
export const MAX_MERGED_RANGES = 10_000;
/** Excel's own last cell, XFD1048576: a reference past it is no cell of any workbook. */
export const XLSX_MAX_COLUMN = 16_384;
export const XLSX_MAX_ROW = 1_048_576;

export function sharedStringsTooLarge(): UserError {
  return new UserError(
    `文件中的共享文本过多（超过 ${MAX_SHARED_STRINGS.toLocaleString('en-US')} 条或 ${MAX_SHARED_STRING_CHARS.toLocaleString('en-US')} 个字），${REFUSED}。请在 Excel 或 WPS 中删除表格以外的内容并另存为 .xlsx 后再试`,
    'import.tooComplex',
  );
}

export function cellOutOfRange(ref: string): UserError {
  return new UserError(
    `文件中的单元格位置「${ref.slice(0, 20)}」超出了 Excel 的范围（最大为 XFD1048576），文件已损坏，${REFUSED}。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试`,
    'import.damaged',
  );
}

export function sheetTooLarge(sheet: string): UserError {
  return new UserError(
    `工作表「${sheet.slice(0, 31)}」的内容范围过大（超过 ${MAX_TABLE_COLUMNS} 列，或超过 ${MAX_TABLE_POSITIONS.toLocaleString('en-US')} 格，或合并单元格过多），${REFUSED}。请在 Excel 或 WPS 中删除表格以外的内容并另存为 .xlsx 后再试`,
    'import.tooComplex',
  );
}

export function tooManySheets(): UserError {
  return new UserError(`文件中的工作表过多（超过 ${MAX_XLSX_SHEETS} 个），${REFUSED}`, 'import.tooComplex');
}

/** The kinds of user file the import worker reads (userFiles.ts). */
export type UserFileKind = 'docx' | 'library' | 'template' | 'labelJson' | 'blank';

/**
 * A read stopped by the worker's limits (`reason`: too long, too much memory), in the words of
 * the kind of file it was: a 指标库 workbook is not a Word file, a template file is not a form.
 */
export function readRefusal(kind: UserFileKind, reason: string): string {
  switch (kind) {
    case 'library':
      return `这个指标库文件不能导入：${reason}。文件可能过于复杂或已损坏，请在 Excel 或 WPS 表格中打开并另存为 .xlsx 后再试。没有做任何改动。`;
    case 'template':
      return `这个表样文件不能导入：${reason}。它不像是本程序导出的表样文件，请向发给您表样的单位重新索取。没有做任何改动。`;
    case 'labelJson':
      return `这个 JSON 文件不能导入：${reason}。它不像是一份表单的 JSON 文件，请检查文件内容`;
    case 'blank':
      return `这个空白表不能生成表样：${reason}。文件可能过于复杂或已损坏，请在 Word、Excel 或 WPS 中另存为 .docx 或 .xlsx 后再试。没有保存任何内容。`;
    default:
      return `${reason}。文件可能过于复杂或已损坏，请在 Word 或 WPS 中另存为 .docx 后再试`;
  }
}

/**
 * Legacy .xls workbooks (xlsModel.ts), read whole by SheetJS: a form's .xls is 20–100 KB. Ten
 * MB of the densest cell records (MULRK, 6 bytes a number) is under two million cells, which
 * SheetJS holds in well under the worker's heap; rows past XLS_MAX_ROWS are not kept at all
 * (BIFF8 itself stops at 65,536 rows and 256 columns), and a sheet reaching them is refused.
 */
export const MAX_XLS_BYTES = 10 * 1024 * 1024;
export const XLS_MAX_ROWS = 10_000;

export function xlsTooLarge(): UserError {
  return new UserError(
    `这个旧版 Excel 工作簿（.xls）超过 ${MAX_XLS_BYTES / 1024 / 1024} MB，${REFUSED}。请在 Excel 或 WPS 中删除表格以外的内容并另存为 .xlsx 后再试`,
    'import.tooLarge',
  );
}
