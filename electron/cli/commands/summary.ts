/**
 * `summary --year Y [--template ID] [--parent KEY] [--status S] [--stage selfEvaluation|monitoring] [--out FILE.xlsx|FILE.docx] [--json]`:
 * the 汇总 of a year on the command line — printed as a table, as JSON, or written as an Excel
 * workbook or a Word table. Progress goes to stderr when it takes longer than a moment.
 */
import { resolve } from 'node:path';
import {
  checkStatusSchema,
  summaryStageSchema,
  type CheckStatus,
  type StageSummary,
  type Summary,
  type SummaryQuery,
  type SummaryStage,
} from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import { APP_VERSION } from '../../core/appInfo';
import { writeFileAtomic } from '../../core/export';
import { runSummary, type SummaryProgress } from '../../core/summary';
import { summaryDocxBytes, summaryXlsxBytes } from '../../core/summary/files';
import { CHECK_TEXT, figuresLine, shownAmount, stageCellText, STAGE_TITLES } from '../../core/summary/text';
import type { CliCommand, CliContext } from '../types';
import { flag } from './store';

/** Progress lines on stderr, at most one a second and only after the first second. */
function progressTo(ctx: CliContext, what: string): (p: SummaryProgress) => void {
  const start = Date.now();
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - start < 1000 || now - last < 1000 || p.total === 0) return;
    last = now;
    ctx.err(`${what}：${p.done} / ${p.total} 份`);
  };
}

function query(ctx: CliContext): SummaryQuery {
  const year = flag(ctx, 'year');
  if (!year || !/^\d{4}$/.test(year)) throw new UserError('请用四位数字给出年度，例如：summary --year 2025');
  const templateId = flag(ctx, 'template');
  if (templateId && !ctx.store().templates.find(templateId))
    throw new UserError(`没有编号为「${templateId}」的表样；可用 templates 命令查看全部表样`);
  const status = flag(ctx, 'status');
  if (status && !checkStatusSchema.safeParse(status).success)
    throw new UserError(`--status 只能是 ${checkStatusSchema.options.map((s) => `${s}（${CHECK_TEXT[s]}）`).join('、')}`);
  const stageText = flag(ctx, 'stage');
  const stage = stageText === undefined ? undefined : (STAGE_WORDS[stageText] ?? summaryStageSchema.safeParse(stageText).data);
  if (stageText !== undefined && !stage) throw new UserError('--stage 只能是 selfEvaluation（自评）或 monitoring（监控）');
  return { year, templateId, parent: flag(ctx, 'parent'), status: status as CheckStatus | undefined, ...(stage ? { stage } : {}) };
}

const STAGE_WORDS: Record<string, SummaryStage> = { 自评: 'selfEvaluation', 监控: 'monitoring' };

/** A stage 汇总's figures and tables, tab-separated. */
function printStage(ctx: CliContext, s: Summary, stage: StageSummary): void {
  ctx.out(`${s.year} 年度${STAGE_TITLES[stage.stage]}（金额单位：万元）`);
  ctx.out(figuresLine(stage.figures));
  for (const t of stage.tables) {
    ctx.out('');
    ctx.out(`${t.title}（${t.rows.length}）`);
    ctx.out(t.columns.map((c) => c.label).join('\t'));
    for (const r of [...t.rows.map((x) => x.cells), ...(t.total ? [t.total] : [])])
      ctx.out(t.columns.map((c) => stageCellText(c, r[c.key])).join('\t'));
  }
}

function printTable(ctx: CliContext, s: Summary): void {
  const shown = s.sections.filter((x) => x.counts.forms > 0);
  if (shown.length === 0) ctx.out(`${s.year} 年度没有符合条件的表单`);
  for (const section of shown) {
    const money = section.moneyColumns.map((c) => c.label);
    ctx.out(`${s.year} 年度${section.templateTitle}（金额单位：万元）`);
    ctx.out(['主管部门', '单位', '表单数', '指标数', ...money, '有错误', '有提示', '无法读取'].join('\t'));
    for (const p of section.parents) {
      for (const u of p.units)
        ctx.out(
          [
            p.key,
            u.code ? `${u.code} ${u.name}` : u.name,
            u.counts.forms,
            u.counts.indicators,
            ...u.totals.map(shownAmount),
            u.counts.error,
            u.counts.warning,
            u.counts.unreadable,
          ].join('\t'),
        );
      ctx.out(
        [
          p.key,
          `小计（${p.name}）`,
          p.counts.forms,
          p.counts.indicators,
          ...p.totals.map(shownAmount),
          p.counts.error,
          p.counts.warning,
          p.counts.unreadable,
        ].join('\t'),
      );
    }
    const c = section.counts;
    ctx.out(['', '合计', c.forms, c.indicators, ...section.totals.map(shownAmount), c.error, c.warning, c.unreadable].join('\t'));
  }
}

export const commands: CliCommand[] = [
  {
    name: 'summary',
    usage:
      'summary --year 年度 [--template 表样编号] [--parent 主管部门] [--status error|warning|complete|unreadable] [--stage selfEvaluation|monitoring] [--out 文件.xlsx|文件.docx] [--json]  汇总一个年度的表单（--stage：自评或监控的汇总）',
    async run(ctx) {
      const q = query(ctx);
      const out = flag(ctx, 'out');
      if (out && !/\.(xlsx|docx)$/i.test(out))
        throw new UserError(`--out 的文件名应以 .xlsx（Excel）或 .docx（Word）结尾，例如：--out ${q.year}年度汇总表.xlsx`);
      const store = ctx.store();
      const summary = await runSummary(store, q, { appVersion: APP_VERSION, onProgress: progressTo(ctx, '正在汇总') });
      if (out) {
        const target = resolve(out);
        const bytes = /\.xlsx$/i.test(out)
          ? await summaryXlsxBytes(store, summary, { onProgress: progressTo(ctx, '正在写出 Excel') })
          : await summaryDocxBytes(summary);
        await writeFileAtomic(target, bytes);
        ctx.out(`已汇总 ${summary.counts.forms} 份表单：${target}`);
      } else if (ctx.flags.json === 'true') ctx.out(JSON.stringify(summary, null, 2));
      else if (summary.stage) printStage(ctx, summary, summary.stage);
      else printTable(ctx, summary);
      return 0;
    },
  },
];
