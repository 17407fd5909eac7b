/**
 * `export-upload --year Y [--ids 1,2,…] [--profile 格式.json] --out F.xlsx`: the year's project
 * indicators as the province's 一体化 upload file; `upload-profile --out 格式.json` writes the
 * national column set as a file a province edits for its own columns.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import { MAX_PROFILE_BYTES, NATIONAL_PROFILE, readUploadProfile, uploadProfileToJson } from '../../../shared/upload/profile';
import { writeFileAtomic } from '../../core/export';
import { exportUpload } from '../../core/export/uploadFile';
import type { CliCommand, CliContext } from '../types';
import { flag } from './store';

function profileFrom(ctx: CliContext) {
  const file = flag(ctx, 'profile');
  if (!file) return NATIONAL_PROFILE;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UserError(`找不到上传表格式文件：${file}`);
  }
  if (size > MAX_PROFILE_BYTES)
    throw new UserError(`上传表格式文件过大（最多 ${MAX_PROFILE_BYTES / 1_000_000} MB）：${file}`, 'upload.invalid');
  return readUploadProfile(readFileSync(file, 'utf8'));
}

function ids(ctx: CliContext): number[] | undefined {
  const raw = flag(ctx, 'ids');
  if (raw === undefined) return undefined;
  const parts = raw.split(/[,，\s]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d{1,15}$/.test(p) || Number(p) === 0))
    throw new UserError('--ids 应是以逗号分隔的表单编号，例如：--ids 3,5,8');
  return parts.map(Number);
}

export const commands: CliCommand[] = [
  {
    name: 'export-upload',
    usage: 'export-upload --year 年度 [--ids 编号,编号…] [--profile 格式.json] --out 文件.xlsx  导出一体化系统的绩效指标上传表',
    async run(ctx) {
      const year = flag(ctx, 'year');
      if (!year || !/^\d{4}$/.test(year)) throw new UserError('请用四位数字给出年度，例如：export-upload --year 2025 --out 上传表.xlsx');
      const out = flag(ctx, 'out');
      if (!out || !/\.xlsx$/i.test(out))
        throw new UserError(`请用 --out 给出以 .xlsx 结尾的文件名，例如：--out ${year}年度绩效指标上传表.xlsx`);
      const r = await exportUpload(ctx.store(), { year, ids: ids(ctx), profile: profileFrom(ctx) });
      const target = resolve(out);
      await writeFileAtomic(target, r.bytes);
      ctx.out(r.message);
      ctx.out(target);
      return 0;
    },
  },
  {
    name: 'upload-profile',
    usage: 'upload-profile --out 格式.json  写出全国通用的上传表格式（各省可改列后用 --profile 使用）',
    async run(ctx) {
      const out = flag(ctx, 'out');
      if (!out || !/\.json$/i.test(out)) throw new UserError('请用 --out 给出以 .json 结尾的文件名，例如：--out 上传表格式.json');
      const target = resolve(out);
      await writeFileAtomic(target, new TextEncoder().encode(uploadProfileToJson(NATIONAL_PROFILE)));
      ctx.out(target);
      return 0;
    },
  },
];
