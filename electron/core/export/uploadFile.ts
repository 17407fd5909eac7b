/**
 * The 一体化 upload file of a year (issue 23, point 4): the indicators of the chosen project forms
 * (all of the year's when none are chosen) in a profile's columns (shared/upload), as an .xlsx,
 * with a Chinese message that names what the clerk must still fill in — the forms with no 项目代码,
 * the rows whose indicator codes the code list does not give. Forms of other roles, of another
 * year, or that cannot be read are named as left out; they never stop the export.
 */
import { isUserError, UserError } from '../../../shared/errors';
import { roleOf } from '../../../shared/template/roles';
import { codeBook } from '../../../shared/upload/codes';
import type { UploadProfile } from '../../../shared/upload/profile';
import { uploadRows } from '../../../shared/upload/rows';
import type { Store } from '../store';
import { sanitizeFileName } from './fileName';
import { MAX_UPLOAD_ROWS, uploadXlsxBytes } from './uploadXlsx';

export interface UploadQuery {
  year: string;
  ids?: readonly number[];
  profile: UploadProfile;
}

export interface UploadExport {
  fileName: string;
  bytes: Uint8Array;
  forms: number;
  rows: number;
  /** The forms (项目名称（实施单位）) whose required form-level cells (具体项目代码) are blank. */
  withoutCode: string[];
  message: string;
}

const LISTED = 20;
const list = (names: readonly string[]): string =>
  names.length <= LISTED ? names.join('、') : `${names.slice(0, LISTED).join('、')} 等 ${names.length} 份`;

/** Builds the workbook: on this thread by default; the servers pass their export worker's. */
export type UploadWriter = (profile: UploadProfile, rows: string[][]) => Promise<Uint8Array>;

export async function exportUpload(store: Store, q: UploadQuery, write: UploadWriter = uploadXlsxBytes): Promise<UploadExport> {
  const { profile } = q;
  const codes = codeBook(profile.codes ?? []);
  const chosen = q.ids !== undefined;
  const ids = q.ids ?? store.list({ year: q.year }).map((f) => f.id);
  const rows: string[][] = [];
  const blankByHeader = new Map<string, string[]>();
  const leftOut: string[] = [];
  const unreadable: string[] = [];
  const noIndicators: string[] = [];
  let forms = 0;
  for (const id of ids) {
    let record;
    let t;
    try {
      record = store.get(id);
      t = store.templates.get(record.templateId, record.templateVersion);
    } catch (e) {
      if (!isUserError(e)) throw e;
      // A chosen form that does not exist is the caller's mistake; one that cannot be read is named.
      if (chosen && (e as { code?: string }).code === 'not-found') throw e;
      unreadable.push(`编号 ${id}`);
      continue;
    }
    const name = record.unit && record.unit !== record.title ? `${record.title}（${record.unit}）` : record.title;
    if (record.deletedAt !== null || record.year !== q.year || !profile.roles.includes(roleOf(t))) {
      if (chosen) leftOut.push(name);
      continue;
    }
    const r = uploadRows(profile, t, record.data, codes);
    forms++;
    if (r.rows.length === 0) noIndicators.push(name);
    for (const h of r.blankFormColumns) blankByHeader.set(h, [...(blankByHeader.get(h) ?? []), name]);
    if (rows.length + r.rows.length > MAX_UPLOAD_ROWS)
      throw new UserError(`绩效指标超过 Excel 一张表的行数上限（${MAX_UPLOAD_ROWS} 行），请分几次选择表单导出`);
    rows.push(...r.rows);
  }
  if (forms === 0)
    throw new UserError(
      chosen
        ? `所选表单中没有 ${q.year} 年度「${profile.name}」所收的表，没有导出。${leftOut.length ? `不属于这一类的：${list(leftOut)}。` : ''}`
        : `${q.year} 年度没有「${profile.name}」所收的表，没有导出`,
    );

  const notes: string[] = [`已导出 ${forms} 份表的 ${rows.length} 行绩效指标（${profile.name}）。`];
  const withoutCode = new Set<string>();
  for (const [header, names] of blankByHeader) {
    names.forEach((n) => withoutCode.add(n));
    notes.push(`「${header}」为空的 ${names.length} 份表：${list(names)}；请先在表中填写，或在一体化系统中补填。`);
  }
  profile.columns.forEach((c, i) => {
    if (!c.required || blankByHeader.has(c.header)) return;
    const blank = rows.filter((r) => r[i] === '').length;
    if (blank > 0) notes.push(`「${c.header}」有 ${blank} 行为空，请在一体化系统中补填。`);
  });
  if (noIndicators.length) notes.push(`没有绩效指标的表：${list(noIndicators)}。`);
  if (leftOut.length) notes.push(`未导出（不是 ${q.year} 年度「${profile.name}」所收的表，或已删除）：${list(leftOut)}。`);
  if (unreadable.length) notes.push(`无法读取、未导出：${list(unreadable)}。`);

  return {
    fileName: sanitizeFileName(`${q.year}年度${profile.name}`, '.xlsx'),
    bytes: await write(profile, rows),
    forms,
    rows: rows.length,
    withoutCode: [...withoutCode],
    message: notes.join(''),
  };
}
