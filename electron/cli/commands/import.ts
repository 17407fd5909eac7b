/** `import FILE... [--on-conflict replace|copy|skip]`: Word and Excel files of forms into the store, mixed in one batch. */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { onConflictSchema, type OnConflict } from '../../../shared/contract';
import { isUserError, UserError } from '../../../shared/errors';
import { hasErrors, validateForm } from '../../../shared/validation';
import { commitImport, readDocxForms, storeTemplates } from '../../core/import';
import type { CliCommand, CliContext } from '../types';

const USAGE =
  'import 文件.docx|文件.xlsx... [--on-conflict replace|copy|skip]  导入 Word 或 Excel 申报表（同年度同部门已有表单时默认跳过）';

function onConflictOf(ctx: CliContext): OnConflict {
  const raw = ctx.flags['on-conflict'] ?? 'skip';
  const parsed = onConflictSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`--on-conflict 只能是 replace（替换）、copy（保留两份）或 skip（跳过），而不是「${raw}」`);
  return parsed.data;
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(resolve(file));
  } catch {
    throw new UserError('读不到这个文件，请检查路径和文件名');
  }
}

async function importFiles(ctx: CliContext): Promise<number> {
  if (ctx.args.length === 0) throw new UserError('请给出要导入的 Word 或 Excel 文件，例如：import 2019年申报表.docx 项目表.xlsx');
  const onConflict = onConflictOf(ctx);
  const ids: number[] = [];
  let failed = 0;
  let forms = 0;
  for (const file of ctx.args) {
    const name = basename(file);
    try {
      const store = ctx.store();
      const bytes = readBytes(file);
      const reads = await readDocxForms(bytes, { templates: storeTemplates(store) });
      reads.forEach((read, i) => {
        forms++;
        const where = reads.length > 1 ? `${name}（第 ${i + 1} 份）` : name;
        for (const note of read.notes) ctx.err(`${where}：提示：${note}`);
        // What the form has no place for is listed whole, so that nothing the unit sent goes unseen.
        for (const u of read.unplaced ?? []) ctx.err(`${where}：未归位：${u.where}：${u.text.replace(/\n/g, '；')}`);
        const template = read.newTemplate ?? store.templates.get(read.data.templateId);
        const errors = validateForm(read.data, template).filter((m) => m.severity === 'error');
        if (hasErrors(errors))
          ctx.err(`${where}：提示：导入后请核对并改正 ${errors.length} 处问题（${errors.map((m) => m.message).join('；')}）`);
        // The file is kept with each form read from it (stored once), so the office can look at what the unit sent.
        const outcome = commitImport(store, read.data, onConflict, read.newTemplate, { fileName: name, bytes });
        ctx.out(`${where}：${outcome.message}`);
        if (outcome.id !== null && outcome.outcome !== 'skipped') ids.push(outcome.id);
      });
    } catch (e) {
      // One file's failure, whatever it is, never stops the batch: the next file is still imported.
      failed++;
      forms++;
      if (isUserError(e)) ctx.err(`${name}：导入失败：${(e as Error).message}`);
      else {
        const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);
        ctx.err(`${name}：导入失败：读取或保存这个文件时发生意外错误（${detail}），已跳过，其余文件照常导入。请把这个文件交给技术支持`);
      }
    }
  }
  if (forms > 1)
    ctx.out(
      `共 ${ctx.args.length} 个文件、${forms} 份表：导入 ${ids.length} 份，失败 ${failed} 个，跳过 ${forms - ids.length - failed} 份`,
    );
  // The new ids come last, one per line, so scripts can take them from the tail.
  for (const id of ids) ctx.out(String(id));
  return failed > 0 ? 1 : 0;
}

export const commands: CliCommand[] = [{ name: 'import', usage: USAGE, run: importFiles }];
