/** `diff ID [--against ID] [--json]`: 年度对比 of a form with last year's (or a chosen) form. */
import type { FormDiff } from '../../../shared/compare/formDiff';
import { compareStored } from '../../core/compare';
import { UserError } from '../../../shared/errors';
import type { CliCommand } from '../types';

/** A text difference as one line: [-removed-]{+added+}, the way diff tools print words. */
function inline(d: FormDiff['texts'][number]): string {
  return d.ops.map((o) => (o.op === 'equal' ? o.text : o.op === 'delete' ? `[-${o.text}-]` : `{+${o.text}+}`)).join('');
}

const STATUS = { added: '新增', removed: '删除', changed: '修改', unchanged: '未变' } as const;

export const commands: CliCommand[] = [
  {
    name: 'diff',
    usage: 'diff 编号 [--against 编号] [--json]   与上年（或指定的）表单对比：金额、文字和指标的变化',
    run(ctx) {
      const raw = ctx.args[0];
      if (!raw || !/^\d+$/.test(raw)) throw new UserError('请给出表单编号，例如：diff 5，或 diff 5 --against 2');
      const against = ctx.flags.against && ctx.flags.against !== 'true' ? ctx.flags.against : undefined;
      if (against !== undefined && !/^\d+$/.test(against)) throw new UserError('--against 后面应是表单编号');
      const {
        before: previous,
        after: current,
        diff: d,
      } = compareStored(ctx.store(), Number(raw), against === undefined ? undefined : Number(against));
      if (ctx.flags.json === 'true') {
        ctx.out(
          JSON.stringify(
            { before: { id: previous.id, year: previous.year }, after: { id: current.id, year: current.year }, ...d },
            null,
            2,
          ),
        );
        return 0;
      }
      ctx.out(`对比：编号 ${previous.id}（${previous.year} 年）→ 编号 ${current.id}（${current.year} 年）「${current.title}」`);
      for (const m of d.money.filter((x) => x.before !== x.after))
        ctx.out(
          `金额 ${m.label}：${m.before || '空'} → ${m.after || '空'}${m.change ? `（${m.change.startsWith('-') ? '' : '+'}${m.change}${m.percent ? `，${m.percent}%` : ''}）` : ''}`,
        );
      for (const t of d.texts.filter((x) => !x.same)) ctx.out(`文字 ${t.label}：${inline(t)}`);
      for (const g of d.groups) {
        ctx.out(`${g.label}：新增 ${g.counts.added}，删除 ${g.counts.removed}，修改 ${g.counts.changed}，未变 ${g.counts.unchanged}`);
        for (const r of g.rows.filter((x) => x.status !== 'unchanged'))
          ctx.out(
            `  ${STATUS[r.status]} ${r.key.filter(Boolean).join(' / ')}${r.changes.map((c) => `；${c.label}：${c.before} → ${c.after}`).join('')}`,
          );
      }
      return 0;
    },
  },
];
