/**
 * The column set of a province's 一体化 upload file, as data: a province (or a finance bureau)
 * whose system takes other columns hands its units a profile file, and the export follows it with
 * no change to code. A column names its header, exactly as the receiving system's import template
 * prints it, and where its cells come from:
 *
 * - `field`: a form field, found by its label, printed text or aliases (项目编码 / 项目代码);
 * - `identity`: the form's year, title (项目名称) or unit (实施单位), as the template's identity says;
 * - `indicator`: a part of the indicator row by its meaning — 一级, 二级, 三级, 指标值 (the whole
 *   value, joined when the template keeps it split), or its 指标性质 / 值 / 计量单位 parts;
 * - `column`: another column of the indicator grid, by its header (绩效指标说明, 评（扣）分标准, 备注);
 * - `code`: the code of the row's 一级, 二级 or 三级 from the profile's code list (`codes`);
 * - `join`: several sources joined by a separator, blanks left out (二级 as `代码-名称`);
 * - `constant`: the same text in every row.
 *
 * A template that has no such field or column leaves the cell blank; nothing is guessed.
 */
import { z } from 'zod';
import { UserError } from '../errors';

export const UPLOAD_PROFILE_FORMAT = 'shenbao-upload-profile';
/** A profile file larger than this is refused unread (a code list of 20,000 entries is about 2 MB). */
export const MAX_PROFILE_BYTES = 3_000_000;
export const MAX_PROFILE_CODES = 20_000;

const label = z.string().min(1).max(100);
const labels = z.array(label).min(1).max(20);

export const indicatorPartSchema = z.enum(['level1', 'level2', 'name', 'value', 'comparator', 'number', 'unit']);
export const codeLevelSchema = z.enum(['level1', 'level2', 'name']);

type Source =
  | { field: string[] }
  | { identity: 'year' | 'title' | 'unit' }
  | { indicator: z.infer<typeof indicatorPartSchema> }
  | { column: string[] }
  | { code: z.infer<typeof codeLevelSchema> }
  | { join: Source[]; separator: string }
  | { constant: string };

export const sourceSchema: z.ZodType<Source> = z.lazy(() =>
  z.union([
    z.object({ field: labels }).strict(),
    z.object({ identity: z.enum(['year', 'title', 'unit']) }).strict(),
    z.object({ indicator: indicatorPartSchema }).strict(),
    z.object({ column: labels }).strict(),
    z.object({ code: codeLevelSchema }).strict(),
    z
      .object({
        join: z
          .array(z.lazy(() => sourceSchema))
          .min(2)
          .max(5),
        separator: z.string().max(10),
      })
      .strict(),
    z.object({ constant: z.string().max(500) }).strict(),
  ]),
);

export const uploadColumnSchema = z
  .object({
    /** The header exactly as the receiving system's template prints it (`*` included where it marks a required column). */
    header: label,
    source: sourceSchema,
    /** The receiving system refuses a row with this cell blank: the export says how many rows (or which forms) lack it. */
    required: z.boolean().optional(),
  })
  .strict();

/** One entry of a bureau's code list: the names of a 三级 indicator and its parents with their codes. */
export const codeEntrySchema = z
  .object({
    level1: z.string().max(100).optional(),
    level1Code: z.string().max(50).optional(),
    level2: z.string().max(100).optional(),
    level2Code: z.string().max(50).optional(),
    name: z.string().max(200).optional(),
    code: z.string().max(50).optional(),
  })
  .strict();

export const uploadProfileSchema = z
  .object({
    /** Shown in messages and the file name. */
    name: z.string().min(1).max(100),
    /** The sheet's name as the receiving system expects it (Excel allows 31 characters). */
    sheet: z.string().min(1).max(31),
    /** Forms of templates in these roles are exported (shared/template/roles.ts); others named as left out. */
    roles: z.array(z.string().min(1).max(32)).min(1).max(10),
    columns: z.array(uploadColumnSchema).min(1).max(50),
    codes: z.array(codeEntrySchema).max(MAX_PROFILE_CODES).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    for (const c of p.columns) {
      if (seen.has(c.header)) ctx.addIssue({ code: 'custom', message: `列「${c.header}」出现了两次` });
      seen.add(c.header);
    }
  });

export const uploadProfileFileSchema = z
  .object({ format: z.literal(UPLOAD_PROFILE_FORMAT), version: z.number().int().min(1), profile: z.unknown() })
  .strict();

export type UploadSource = Source;
export type UploadColumn = z.infer<typeof uploadColumnSchema>;
export type CodeEntry = z.infer<typeof codeEntrySchema>;
export type UploadProfile = z.infer<typeof uploadProfileSchema>;

/**
 * The national column set of the 一体化 performance-indicator import (the sheet 国债资金项目绩效指标
 * of a provincial system, ../shared/forms/declarations-newer.md §C): 二级 in one cell as `代码-名称`.
 * Codes come from the receiving system; without a code list they stay blank for the clerk.
 */
export const NATIONAL_PROFILE: UploadProfile = {
  name: '一体化项目绩效指标导入',
  sheet: '国债资金项目绩效指标',
  roles: ['project'],
  columns: [
    { header: '*具体项目代码', required: true, source: { field: ['具体项目代码', '项目代码', '项目编码'] } },
    { header: '一级绩效指标代码', source: { code: 'level1' } },
    { header: '一级绩效指标名称', source: { indicator: 'level1' } },
    { header: '*二级绩效指标', required: true, source: { join: [{ code: 'level2' }, { indicator: 'level2' }], separator: '-' } },
    { header: '*三级绩效指标代码', required: true, source: { code: 'name' } },
    { header: '*三级绩效指标名称', required: true, source: { indicator: 'name' } },
    { header: '绩效指标说明', source: { column: ['绩效指标说明', '指标解释', '指标说明', '备注（指标解释等）'] } },
    { header: '*指标值', required: true, source: { indicator: 'value' } },
    { header: '评（扣）分标准', source: { column: ['评（扣）分标准', '评分标准', '指标值说明（评分标准等）', '赋分原则'] } },
    { header: '备注', source: { column: ['备注'] } },
  ],
};

const refuse = (why: string) => new UserError(`这个上传表格式文件不能使用：${why}。`, 'upload.invalid');

function where(path: readonly PropertyKey[]): string {
  return path.length ? `（位置：${path.map(String).join('.')}）` : '';
}

const MAX_PROFILE_DEPTH = 12;

/** Whether `v` nests deeper than `max` arrays or objects (walked without recursion). */
function depthOver(v: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (typeof x !== 'object' || x === null) continue;
    if (d >= max) return true;
    for (const child of Object.values(x)) stack.push([child, d + 1]);
  }
  return false;
}

/** A profile file (JSON: `{ format, version, profile }`) read and checked; every mistake refused in Chinese. */
export function readUploadProfile(text: string): UploadProfile {
  if (text.length > MAX_PROFILE_BYTES) throw refuse(`文件过大（最多 ${MAX_PROFILE_BYTES / 1_000_000} MB）`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw refuse('它不是 JSON 文件');
  }
  // A profile is a few levels deep (a join inside a column); a file nested deeper is not one, and
  // would make the recursive schema walk it all.
  if (depthOver(json, MAX_PROFILE_DEPTH)) throw refuse(`嵌套过深（最多 ${MAX_PROFILE_DEPTH} 层）`);
  const file = uploadProfileFileSchema.safeParse(json);
  if (!file.success) throw refuse(`它不是上传表格式文件（应有 format: "${UPLOAD_PROFILE_FORMAT}"、version 和 profile）`);
  if (file.data.version > 1) throw refuse('它来自更新版本的程序，请升级后再使用');
  const p = uploadProfileSchema.safeParse(file.data.profile);
  if (!p.success) {
    const issue = p.error.issues[0];
    throw refuse(`${issue.message}${where(issue.path)}`);
  }
  return p.data;
}

/** A profile as a file to hand out (the national one, as a start for a province's own). */
export function uploadProfileToJson(p: UploadProfile): string {
  return `${JSON.stringify({ format: UPLOAD_PROFILE_FORMAT, version: 1, profile: p }, null, 2)}\n`;
}
