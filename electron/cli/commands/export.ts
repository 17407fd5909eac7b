/** `export ID --out FILE.docx` and `export-blank --year YYYY --out FILE.docx`: Word files of the form. */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { TemplateDef } from '../../../shared/template/schema';
import { DEFAULT_TEMPLATE_ID } from '../../../shared/templates';
import { APP_VERSION } from '../../core/appInfo';
import { blankExportFileName, exportBlankDocx, writeFileAtomic } from '../../core/export';
import { exportForm } from '../../core/handlers/files';
import type { CliCommand, CliContext } from '../types';

/** --out as given; a folder (or no --out) gets the default file name inside it. */
function targetPath(ctx: CliContext, defaultName: string): string {
  const out = ctx.flags.out;
  if (out === undefined || out === 'true') return resolve(defaultName);
  const full = resolve(out);
  const isDir = (() => {
    try {
      return statSync(full).isDirectory();
    } catch {
      return false;
    }
  })();
  if (isDir) return join(full, defaultName);
  if (!/\.docx$/i.test(full)) throw new UserError(`导出的文件名应以 .docx 结尾，例如：--out ${defaultName}`);
  return full;
}

function templateOf(ctx: CliContext): TemplateDef {
  const id = ctx.flags.template ?? DEFAULT_TEMPLATE_ID;
  const t = ctx.store().templates.find(id);
  if (!t) throw new UserError(`没有编号为「${id}」的表样；可用 templates 命令查看全部表样，或不加 --template 使用默认表样`);
  return t;
}

export const commands: CliCommand[] = [
  {
    name: 'export',
    usage: 'export 编号 [--out 文件.docx]       导出 Word 申报表（不给 --out 时按默认文件名存到当前文件夹）',
    async run(ctx) {
      const raw = ctx.args[0];
      if (!raw || !/^\d+$/.test(raw)) throw new UserError('请给出表单编号，例如：export 1 --out 申报表.docx');
      const { bytes, dropped, fileName, record } = await exportForm(ctx.store(), Number(raw), APP_VERSION);
      const target = targetPath(ctx, fileName);
      for (const note of dropped) ctx.err(`提示：${note}`);
      await writeFileAtomic(target, bytes);
      ctx.out(`已导出：${record.year} 年度「${record.title}」`);
      ctx.out(target);
      return 0;
    },
  },
  {
    name: 'export-blank',
    usage: 'export-blank --year 年度 [--template 表样编号] [--out 文件.docx]  导出某年度的空白表，供手工填写',
    async run(ctx) {
      const year = ctx.flags.year;
      if (!year || !/^\d{4}$/.test(year)) throw new UserError('请用四位数字给出年度，例如：export-blank --year 2026 --out 空白表.docx');
      const t = templateOf(ctx);
      const target = targetPath(ctx, blankExportFileName(t, year));
      await writeFileAtomic(target, await exportBlankDocx(t, year, { appVersion: APP_VERSION }));
      ctx.out(`已导出 ${year} 年度空白${t.title}`);
      ctx.out(target);
      return 0;
    },
  },
];
