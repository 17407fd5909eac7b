/** `original ID [--out FILE|FOLDER]`: the file a form was imported from (原始文件), as the unit sent it. */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import { writeFileAtomic } from '../../core/export';
import { safeBaseName } from '../../core/handlers/files';
import { sizeText } from '../../core/store';
import type { CliCommand, CliContext } from '../types';

const USAGE = 'original 编号 [--out 文件|文件夹]   查看表单导入时的原始文件；给出 --out 时把原件另存出来（文件夹时用原文件名）';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function original(ctx: CliContext): Promise<number> {
  const raw = ctx.args[0];
  const id = Number(raw);
  if (!raw || !Number.isSafeInteger(id) || id <= 0) throw new UserError('请给出表单编号，例如：original 3 --out 原件.docx');
  const store = ctx.store();
  const info = store.original(id);
  if (!info) throw new UserError(`编号 ${id} 的表单没有保存原始文件（不是从文件导入的，或文件超过 10 MB 未保存）`, 'original.none');
  const shared = info.forms > 1 ? `，同一文件读出 ${info.forms} 份表单` : '';
  ctx.out(`原始文件：${info.fileName}（${sizeText(info.size)}），${info.keptAt.slice(0, 10)} 导入${shared}`);
  const out = ctx.flags.out;
  if (out === undefined || out === 'true') return 0;
  const full = resolve(out);
  const target = isDirectory(full) ? join(full, safeBaseName(info.fileName, `原始文件-${id}`)) : full;
  await writeFileAtomic(target, store.originalFile(id).bytes);
  ctx.out(`已保存到 ${target}`);
  return 0;
}

export const commands: CliCommand[] = [{ name: 'original', usage: USAGE, run: original }];
