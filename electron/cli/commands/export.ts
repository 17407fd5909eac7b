/** `export ID --out FILE.docx` and `export-blank --year YYYY --out FILE.docx`: Word files of the form. */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { TemplateDef } from '../../../shared/template/schema';
import { DEFAULT_TEMPLATE_ID } from '../../../shared/templates';
import { APP_VERSION } from '../../core/appInfo';
import { blankExportFileName, exportBlankDocx, writeFileAtomic } from '../../core/export';
import { uniqueName } from '../../core/export/fileName';
import { exportForm } from '../../core/handlers/files';
import type { CliCommand, CliContext } from '../types';

/** --out as given; a folder (or no --out) gets the default file name inside it. */
function targetPath(ctx: CliContext, defaultName: string): string {
  const out = ctx.flags.out;
  if (out === undefined || out === 'true') return resolve(defaultName);
  const full = resolve(out);
  if (isDirectory(full)) return join(full, defaultName);
  if (!/\.docx$/i.test(full)) throw new UserError(`导出的文件名应以 .docx 结尾，例如：--out ${defaultName}`);
  return full;
}

const flagValue = (ctx: CliContext, name: string): string | undefined =>
  ctx.flags[name] === undefined || ctx.flags[name] === 'true' ? undefined : ctx.flags[name];

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
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
    usage: 'export 编号... [--out 文件.docx|文件夹]   导出 Word（多份时 --out 给文件夹，文件名按表样自动取，同名自动加序号）',
    async run(ctx) {
      if (ctx.args.length === 0 || ctx.args.some((a) => !/^\d+$/.test(a)))
        throw new UserError('请给出表单编号，例如：export 1 --out 申报表.docx，或 export 1 2 3 --out 导出文件夹');
      if (ctx.args.length === 1) {
        const { bytes, dropped, fileName, record } = await exportForm(ctx.store(), Number(ctx.args[0]), APP_VERSION);
        const target = targetPath(ctx, fileName);
        for (const note of dropped) ctx.err(`提示：${note}`);
        await writeFileAtomic(target, bytes);
        ctx.out(`已导出：${record.year} 年度「${record.title}」`);
        ctx.out(target);
        return 0;
      }
      const dir = resolve(flagValue(ctx, 'out') ?? '.');
      if (!isDirectory(dir)) throw new UserError(`导出多份时 --out 应是一个已有的文件夹：${dir}`);
      const taken = new Set<string>();
      for (const raw of ctx.args) {
        const { bytes, dropped, fileName, record } = await exportForm(ctx.store(), Number(raw), APP_VERSION);
        const target = join(dir, uniqueName(fileName, taken));
        for (const note of dropped) ctx.err(`编号 ${raw}：提示：${note}`);
        await writeFileAtomic(target, bytes);
        ctx.out(`已导出：${record.year} 年度「${record.title}」 → ${target}`);
      }
      ctx.out(`共导出 ${ctx.args.length} 份到 ${dir}`);
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
