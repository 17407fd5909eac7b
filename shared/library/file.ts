/**
 * A 指标库 file a 主管部门 hands its units: JSON with Chinese column names, the same columns as the
 * .xlsx version (一级指标 | 二级指标 | 三级指标 | 指标值 | 说明), so a clerk can read and edit either.
 */
import { UserError } from '../errors';
import { MAX_LIBRARY_BYTES, MAX_LIBRARY_ENTRIES } from '../limits';
import type { IndicatorEntry } from './entries';

export const LIBRARY_FORMAT = 'shenbao-indicator-library';
export const LIBRARY_COLUMNS = ['一级指标', '二级指标', '三级指标', '指标值', '说明'] as const;
export { MAX_LIBRARY_BYTES, MAX_LIBRARY_ENTRIES };

export type LibraryFileEntry = IndicatorEntry & { note: string };

/** One entry a line: as readable as an indented file, at about half its size (20,000 ordinary entries: ~2.5 MB of MAX_LIBRARY_BYTES). */
export function libraryToJson(entries: readonly LibraryFileEntry[]): string {
  const rows = entries.map((e) =>
    JSON.stringify({ 一级指标: e.level1, 二级指标: e.level2, 三级指标: e.name, 指标值: e.value, 说明: e.note }),
  );
  const head = JSON.stringify({ format: LIBRARY_FORMAT, version: 1 }).slice(0, -1);
  return rows.length === 0 ? `${head},"entries":[]}\n` : `${head},"entries":[\n${rows.join(',\n')}\n]}\n`;
}

const refuse = (why: string) => new UserError(`这个指标库文件不能导入：${why}。没有做任何改动。`, 'library.invalid');

const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).replace(/\s+/g, ' ').trim().slice(0, 500);

/** Rows keyed by the Chinese column names (from JSON or from a sheet) as entries; wrong columns are refused. */
export function libraryFromRows(rows: readonly Record<string, unknown>[]): LibraryFileEntry[] {
  if (rows.length > MAX_LIBRARY_ENTRIES) throw refuse(`条目过多（${rows.length} 条，最多 ${MAX_LIBRARY_ENTRIES} 条）`);
  const out: LibraryFileEntry[] = [];
  rows.forEach((r, i) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw refuse(`第 ${i + 1} 条不是以列名为键的一行`);
    const missing = ['三级指标'].filter((k) => !(k in r));
    if (missing.length) throw refuse(`缺少「${missing.join('、')}」列（应有列：${LIBRARY_COLUMNS.join('、')}）`);
    const e = {
      level1: cell(r['一级指标']),
      level2: cell(r['二级指标']),
      name: cell(r['三级指标']),
      value: cell(r['指标值']),
      note: cell(r['说明']),
    };
    if (e.name !== '') out.push(e);
  });
  if (out.length === 0) throw refuse('里面没有一条写了三级指标的条目');
  return out;
}

export function libraryFromJson(text: string): LibraryFileEntry[] {
  if (text.length > MAX_LIBRARY_BYTES) throw refuse('文件过大');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw refuse('它不是 JSON 或 Excel 格式的指标库文件');
  }
  const f = json as { format?: unknown; version?: unknown; entries?: unknown };
  if (!f || f.format !== LIBRARY_FORMAT || !Array.isArray(f.entries))
    throw refuse('它不是本程序导出的指标库文件（缺少 format 或 entries）');
  if (typeof f.version !== 'number' || f.version > 1) throw refuse('它来自更新版本的程序，请升级后再导入');
  return libraryFromRows(f.entries as Record<string, unknown>[]);
}
