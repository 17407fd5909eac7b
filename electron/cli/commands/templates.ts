/** `templates`, `template export|import|remove`: the built-in and imported templates (表样). */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import { templateToFile } from '../../../shared/template/file';
import type { TemplateDef } from '../../../shared/template/schema';
import { writeFileAtomic } from '../../core/export';
import { templateFileName } from '../../core/handlers/templates';
import { readBlankInWorker, readTemplateInWorker } from '../../core/import/readWorker';
import { MAX_TEMPLATE_FILE_BYTES } from '../../core/import/userFiles';
import type { CliCommand, CliContext } from '../types';

/** A template file, read and checked in the import worker (issue #27). */
function readTemplateFile(file: string | undefined): Promise<TemplateDef> {
  if (!file) throw new UserError('请给出表样文件，例如：template import 表样.json');
  const path = resolve(file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UserError(`读不到文件：${file}，请检查路径`);
  }
  // Checked before reading, so a huge file is refused without loading it.
  if (size > MAX_TEMPLATE_FILE_BYTES)
    throw new UserError(
      `这个表样文件不能导入：文件过大（${Math.round(size / 1024 / 1024)} MB，表样文件一般只有几十 KB）。没有做任何改动。`,
    );
  return readTemplateInWorker(readFileSync(path), file);
}

function templateExport(ctx: CliContext, id: string | undefined): Promise<number> | number {
  if (!id) throw new UserError('请给出表样编号，例如：template export bumen-zhengti-2019 --out 表样.json（编号见 templates 命令）');
  const t = ctx.store().templates.find(id);
  if (!t) throw new UserError(`没有编号为「${id}」的表样（运行 templates 命令查看全部表样）`);
  const out = ctx.flags.out && ctx.flags.out !== 'true' ? resolve(ctx.flags.out) : resolve(templateFileName(t));
  return writeFileAtomic(out, new TextEncoder().encode(templateToFile(t))).then(() => {
    ctx.out(`已导出表样「${t.title}」（${t.id}，第 ${t.version} 版）`);
    ctx.out(out);
    return 0;
  });
}

/** The most a blank form's file may be: as a Word file to import (zipReader.ts). */
const MAX_BLANK_BYTES = 20 * 1024 * 1024;

/**
 * `template from-blank 空白表.docx|.xlsx --out 表样.json [--id 编号]`: the blank read in the import
 * worker and proposed as a template (fromBlankPropose.ts), written as a template file. Nothing is
 * stored: `template import` stores it, as any template file.
 */
async function templateFromBlank(ctx: CliContext, file: string | undefined): Promise<number> {
  if (!file) throw new UserError('请给出空白表文件，例如：template from-blank 空白表.docx --out 表样.json');
  const path = resolve(file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UserError(`读不到文件：${file}，请检查路径`);
  }
  if (size > MAX_BLANK_BYTES)
    throw new UserError(`这个空白表不能生成表样：文件超过 20 MB，不像是一张空白表。没有保存任何内容。`, 'blank.invalid');
  const id = ctx.flags.id && ctx.flags.id !== 'true' ? ctx.flags.id : undefined;
  const { template, notes } = await readBlankInWorker(readFileSync(path), basename(path), id);
  const out = ctx.flags.out && ctx.flags.out !== 'true' ? resolve(ctx.flags.out) : resolve(templateFileName(template));
  await writeFileAtomic(out, new TextEncoder().encode(templateToFile(template)));
  for (const note of notes) ctx.err(`提示：${note}`);
  const groups = (template.groups ?? []).map((g) => `「${g.label}」${g.columns.length} 列`).join('，');
  ctx.out(`已由空白表生成表样「${template.title}」（${template.id}）：${template.fields.length} 个填写项${groups ? `，${groups}` : ''}`);
  ctx.out(out);
  return 0;
}

export const commands: CliCommand[] = [
  {
    name: 'templates',
    usage: 'templates [--json]                列出全部表样（程序自带的和导入的）',
    run(ctx) {
      const store = ctx.store();
      const counts = store.templateFormCounts();
      const rows = store.templates.all().map((t) => ({
        id: t.id,
        title: t.title,
        description: t.description,
        version: t.version,
        builtIn: store.templates.isBuiltIn(t.id),
        forms: counts.get(t.id) ?? 0,
      }));
      if (ctx.flags.json === 'true') ctx.out(JSON.stringify(rows, null, 2));
      else
        for (const r of rows)
          ctx.out(`${r.id}\t${r.title}\t第 ${r.version} 版\t${r.builtIn ? '自带' : '导入'}\t${r.forms} 份表单\t${r.description}`);
      return 0;
    },
  },
  {
    name: 'template',
    usage:
      'template export 编号 [--out 文件.json] | template import 文件.json | template remove 编号 | template from-blank 空白表.docx|.xlsx [--out 表样.json] [--id 编号]   导出、导入、删除表样，由空白表生成表样',
    async run(ctx) {
      const [action, arg] = ctx.args;
      switch (action) {
        case 'export':
          return templateExport(ctx, arg);
        case 'import': {
          const t = await readTemplateFile(arg);
          ctx.store().importTemplate(t);
          ctx.out(`已导入表样「${t.title}」（${t.id}，第 ${t.version} 版）`);
          return 0;
        }
        case 'from-blank':
          return templateFromBlank(ctx, arg);
        case 'remove': {
          if (!arg) throw new UserError('请给出表样编号，例如：template remove 我的表样');
          ctx.store().removeTemplate(arg);
          ctx.out(`已删除表样 ${arg}`);
          return 0;
        }
        default:
          throw new UserError(
            '用法：template export 编号 [--out 文件.json]，template import 文件.json，template remove 编号，或 template from-blank 空白表.docx [--out 表样.json]',
          );
      }
    },
  },
];
