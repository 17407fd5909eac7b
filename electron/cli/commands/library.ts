/** `library list|export|import` and `suggest`: the 指标库 from the command line. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../../shared/errors';
import { MAX_LIBRARY_BYTES } from '../../../shared/library/file';
import { writeFileAtomic } from '../../core/export';
import { readLibraryInWorker } from '../../core/import/readWorker';
import { libraryFile } from '../../core/library/exportFile';
import type { CliCommand } from '../types';

const SOURCE = {
  user: '自编',
  imported: '导入',
  learned: '本机表单',
  starter: '自带',
  unit: '本单位',
  library: '指标库',
  store: '其他单位',
} as const;

export const commands: CliCommand[] = [
  {
    name: 'library',
    usage: 'library list [--search 文字] [--json] | library export --out 文件.xlsx|文件.json | library import 文件.xlsx|文件.json   指标库',
    async run(ctx) {
      const [action, arg] = ctx.args;
      const store = ctx.store();
      switch (action) {
        case 'list': {
          const search = ctx.flags.search && ctx.flags.search !== 'true' ? ctx.flags.search : '';
          const entries = store.libraryList(search);
          if (ctx.flags.json === 'true') ctx.out(JSON.stringify(entries, null, 2));
          else
            for (const e of entries)
              ctx.out(`${e.level1}\t${e.level2}\t${e.name}\t${e.value}\t${SOURCE[e.source]}${e.uses ? `\t用过 ${e.uses} 次` : ''}`);
          return 0;
        }
        case 'export': {
          const out = ctx.flags.out && ctx.flags.out !== 'true' ? resolve(ctx.flags.out) : resolve('指标库.xlsx');
          const { bytes, count } = await libraryFile(store, /\.json$/i.test(out) ? 'json' : 'xlsx');
          await writeFileAtomic(out, bytes);
          ctx.out(`已导出指标库 ${count} 条`);
          ctx.out(out);
          return 0;
        }
        case 'import': {
          if (!arg) throw new UserError('请给出指标库文件，例如：library import 指标库.xlsx');
          let size: number;
          try {
            size = statSync(resolve(arg)).size;
          } catch {
            throw new UserError(`读不到文件：${arg}，请检查路径`);
          }
          if (size > MAX_LIBRARY_BYTES)
            throw new UserError(`这个指标库文件不能导入：文件过大（${Math.round(size / 1024 / 1024)} MB）。没有做任何改动。`);
          const count = store.libraryImport(await readLibraryInWorker(readFileSync(resolve(arg)), arg));
          ctx.out(`已导入指标库 ${count} 条`);
          return 0;
        }
        default:
          throw new UserError(
            '用法：library list [--search 文字] [--json]，library export --out 文件.xlsx，或 library import 文件.xlsx（也可用 .json）',
          );
      }
    },
  },
  {
    name: 'suggest',
    usage: 'suggest 文字 [--form 编号] [--level2 二级指标] [--json]   输入三级指标时的推荐',
    run(ctx) {
      const text = ctx.args[0];
      if (!text) throw new UserError('请给出正在输入的文字，例如：suggest 培训 --form 3');
      const form = ctx.flags.form && /^\d+$/.test(ctx.flags.form) ? Number(ctx.flags.form) : undefined;
      const level2 = ctx.flags.level2 && ctx.flags.level2 !== 'true' ? ctx.flags.level2 : undefined;
      const list = ctx.store().suggest({ text, formId: form, level2 });
      if (ctx.flags.json === 'true') ctx.out(JSON.stringify(list, null, 2));
      else for (const c of list) ctx.out(`${c.name}\t${c.value}\t${c.level1}/${c.level2}\t${SOURCE[c.source]}`);
      return 0;
    },
  },
];
