/** Command-line access to the local store: import/show/list/validate forms, new year, trash, backups. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FormSummary } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import { labelJsonRefusal, toLabelJson } from '../../../shared/labelJson';
import { hasErrors, validateForm } from '../../../shared/validation';
import { describeNewYear } from '../../../shared/newYear';
import { describeSource } from '../../../shared/history';
import { APP_VERSION } from '../../core/appInfo';
import { defaultDatabasePath } from '../../core/paths';
import { readLabelJsonInWorker } from '../../core/import/readWorker';
import { MAX_LABEL_JSON_BYTES, type LabelJsonFile } from '../../core/import/userFiles';
import { DamagedDatabaseError, restoreDamaged } from '../../core/store';
import type { CliCommand, CliContext } from '../types';

function idArg(ctx: CliContext, usage: string): number {
  const raw = ctx.args[0];
  if (!raw || !/^\d+$/.test(raw)) throw new UserError(`请给出表单编号，例如：${usage}`);
  return Number(raw);
}

/** A form's label-keyed JSON file, read in the import worker under its limits (issue #27). */
function readJsonFile(ctx: CliContext, file: string | undefined): Promise<LabelJsonFile> {
  if (!file) throw new UserError('请给出 JSON 文件，例如：import-json 表单.json');
  const path = resolve(file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UserError(`读不到文件：${file}，请检查路径`);
  }
  if (size > MAX_LABEL_JSON_BYTES)
    throw labelJsonRefusal(`文件过大（${Math.round(size / 1024 / 1024)} MB，一份表单的 JSON 一般只有几十 KB）`);
  return readLabelJsonInWorker(readFileSync(path), file, ctx.store().templates.all(), flag(ctx, 'template'));
}

/** A --flag's value; a bare --flag (no value) counts as not given. */
export const flag = (ctx: CliContext, name: string): string | undefined => {
  const v = ctx.flags[name];
  return v === undefined || v === 'true' ? undefined : v;
};

const statusText = (s: FormSummary['status']) => (s === 'final' ? '已定稿' : '草稿');

function printSummaries(ctx: CliContext, rows: FormSummary[], empty: string): void {
  if (ctx.flags.json === 'true') {
    ctx.out(
      JSON.stringify(
        rows.map((r) => ({
          id: r.id,
          template: r.templateId,
          year: r.year,
          title: r.title,
          unit: r.unit,
          status: r.status,
          updatedAt: r.updatedAt,
          ...(r.deletedAt ? { deletedAt: r.deletedAt } : {}),
        })),
        null,
        2,
      ),
    );
    return;
  }
  if (rows.length === 0) ctx.out(empty);
  for (const r of rows)
    ctx.out(
      `${r.id}\t${r.year}\t${r.unit}\t${r.title}\t${r.templateId}\t${statusText(r.status)}\t${r.updatedAt}${r.deletedAt ? `\t删除于 ${r.deletedAt}` : ''}`,
    );
}

export const commands: CliCommand[] = [
  {
    name: 'import-json',
    usage: 'import-json 文件.json [--template 表样编号]  从以项目名称为键的 JSON 新建表单（按 "表" 选表样；最后一行输出新编号）',
    async run(ctx) {
      const { form, templateId, notes } = await readJsonFile(ctx, ctx.args[0]);
      const store = ctx.store();
      const template = store.templates.get(templateId);
      for (const n of notes) ctx.err(`提示：${n}`);
      const record = store.create(form, { note: '从 JSON 导入' });
      ctx.out(`已新建${template.title}：${record.year} 年度「${record.title}」`);
      ctx.out(String(record.id));
      return 0;
    },
  },
  {
    name: 'show',
    usage: 'show 编号 [--json]                显示表单（--json：以项目名称为键的 JSON）',
    run(ctx) {
      const store = ctx.store();
      const record = store.get(idArg(ctx, 'show 1 --json'));
      const labels = toLabelJson(record.data, store.templates.get(record.templateId, record.templateVersion));
      if (ctx.flags.json === 'true') ctx.out(JSON.stringify(labels, null, 2));
      else {
        ctx.out(`编号 ${record.id}（${statusText(record.status)}，第 ${record.revision} 版${record.deletedAt ? '，在回收站中' : ''}）`);
        for (const [label, value] of Object.entries(labels)) {
          if (typeof value === 'string') ctx.out(`${label}：${value}`);
          else {
            ctx.out(`${label}：共 ${value.length} 行`);
            value.forEach((row, i) => ctx.out(`  ${i + 1}. ${Object.values(row).join(' | ')}`));
          }
        }
      }
      return 0;
    },
  },
  {
    name: 'list',
    usage: 'list [--json] [--year 年度] [--search 文字] [--template 表样编号]   列出表单',
    run(ctx) {
      const rows = ctx.store().list({ year: flag(ctx, 'year'), search: flag(ctx, 'search'), templateId: flag(ctx, 'template') });
      printSummaries(ctx, rows, '还没有表单');
      return 0;
    },
  },
  {
    name: 'validate',
    usage: 'validate 编号                     检查表单（有错误时退出码为 1）',
    run(ctx) {
      const store = ctx.store();
      const record = store.get(idArg(ctx, 'validate 1'));
      const messages = validateForm(record.data, store.templates.get(record.templateId, record.templateVersion), {
        related: store.related(record.id),
        lastYear: store.lastYear(record.id).indicators,
      });
      for (const m of messages) ctx.out(`${m.severity === 'error' ? '错误' : '提示'}：${m.message}`);
      if (messages.length === 0) ctx.out('检查通过，没有发现问题');
      return hasErrors(messages) ? 1 : 0;
    },
  },
  {
    name: 'new-year',
    usage: 'new-year 编号 --year 年度          以此表单为底稿新建下一年度草稿（最后一行输出新编号）',
    run(ctx) {
      const id = idArg(ctx, 'new-year 1 --year 2020');
      const year = ctx.flags.year;
      if (!year || year === 'true') throw new UserError('请用 --year 给出新的年度，例如：new-year 1 --year 2020');
      const { record, changes, history } = ctx.store().newYear(id, year);
      for (const c of changes) ctx.out(`已改年份 ${c.label}：${c.before} → ${c.after}`);
      for (const h of history) ctx.out(`已填历史指标值 ${h}`);
      const t = ctx.store().templates.get(record.templateId, record.templateVersion);
      const { cleared } = describeNewYear(t);
      ctx.out(`已新建 ${record.year} 年度「${record.title}」草稿${cleared.length ? `，请重新填写：${cleared.join('、')}` : ''}`);
      ctx.out(String(record.id));
      return 0;
    },
  },
  {
    name: 'new-stage',
    usage: 'new-stage 编号 --template 表样 [--month N]  由申报表生成调整表、监控表（--month 监控月份）或自评表（最后一行输出新编号）',
    run(ctx) {
      const id = idArg(ctx, 'new-stage 1 --template xiangmu-jiankong --month 6');
      const templateId = ctx.flags.template;
      const store = ctx.store();
      if (!templateId || templateId === 'true') {
        const { offered } = store.stagesOf(id);
        throw new UserError(
          offered.length
            ? `请用 --template 给出要生成的表样：${offered.map((o) => `${o.templateId}（${o.title}）`).join('、')}`
            : '这份表没有可以由它生成的表样（调整、监控、自评表样要写明 follows）',
        );
      }
      const month = ctx.flags.month;
      const record = store.newStage(id, templateId, { month: month && month !== 'true' ? month : undefined });
      const t = store.templates.get(record.templateId, record.templateVersion);
      ctx.out(`已由编号 ${id} 的申报表生成 ${record.year} 年度「${record.title}」${t.title}草稿`);
      ctx.out(String(record.id));
      return 0;
    },
  },
  {
    name: 'history',
    usage: 'history 编号                      按本单位往年表单重新填写历史指标值（近两年指标值）并保存',
    run(ctx) {
      const { record, sources } = ctx.store().refreshHistory(idArg(ctx, 'history 1'));
      for (const s of sources) ctx.out(`已填历史指标值 ${describeSource(s)}`);
      if (sources.length === 0) ctx.out('没有找到本单位往年同一指标的指标值（或本表样没有历史指标值栏）');
      ctx.out(String(record.id));
      return 0;
    },
  },
  {
    name: 'delete',
    usage: 'delete 编号                       把表单移到回收站',
    run(ctx) {
      const id = idArg(ctx, 'delete 1');
      ctx.store().delete(id);
      ctx.out(`表单 ${id} 已移到回收站（可用 undelete ${id} 恢复）`);
      return 0;
    },
  },
  {
    name: 'trash',
    usage: 'trash [--json]                    列出回收站',
    run(ctx) {
      printSummaries(ctx, ctx.store().listTrash(), '回收站是空的');
      return 0;
    },
  },
  {
    name: 'undelete',
    usage: 'undelete 编号                     从回收站恢复表单',
    run(ctx) {
      const record = ctx.store().restoreFromTrash(idArg(ctx, 'undelete 1'));
      ctx.out(`已恢复 ${record.year} 年度「${record.title}」`);
      ctx.out(String(record.id));
      return 0;
    },
  },
  {
    name: 'backup',
    usage: 'backup --out 文件                 把全部数据备份到一个文件',
    async run(ctx) {
      const out = ctx.flags.out;
      if (!out || out === 'true') throw new UserError('请用 --out 给出备份文件，例如：backup --out 备份.db');
      const m = await ctx.store().backupTo(resolve(out));
      ctx.out(`已备份 ${m.formCount} 份表单到 ${resolve(out)}`);
      return 0;
    },
  },
  {
    name: 'restore-backup',
    usage: 'restore-backup 文件               用备份替换当前数据（当前数据会先自动备份）',
    async run(ctx) {
      const file = ctx.args[0];
      if (!file) throw new UserError('请给出备份文件，例如：restore-backup 备份.db');
      try {
        const m = await ctx.store().restoreFrom(resolve(file));
        ctx.out(`已从备份恢复 ${m.formCount} 份表单（备份时间 ${m.createdAt}）；恢复前的数据已自动备份`);
      } catch (e) {
        if (!(e instanceof DamagedDatabaseError)) throw e;
        // The current database will not even open: keep it aside and install the backup.
        const store = restoreDamaged({ file: ctx.flags.db ?? defaultDatabasePath(), appVersion: APP_VERSION }, resolve(file));
        store.close();
        ctx.out(`当前数据库已损坏，已另存为 *.damaged-* 文件；已从备份恢复`);
      }
      return 0;
    },
  },
];
