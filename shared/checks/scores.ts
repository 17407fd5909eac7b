/**
 * 分值 / 权重 fixed at declaration (Zhejiang's 部门整体 grid, declarations-newer.md pattern iii):
 * the scores of a grid add up to the total the template states (100 分, or 100 for 权重 in
 * percent), and, where it says so, each 一级's scores to that 一级's share (产出 50, 效益 30,
 * 满意度 10 …). Exact: compared in hundredths as integers (shared/kinds/score.ts).
 */
import { z } from 'zod';
import { rowsOf } from '../formOps';
import { scoreHundredths } from '../kinds/score';
import type { Message } from '../messages';
import { paramText } from './params';
import { defineCheck } from './types';

const points = z
  .number()
  .min(0)
  .max(100_000)
  .refine((n) => scoreHundredths(String(n)) !== null, '最多两位小数');

const show = (h: bigint) => {
  const frac = (h % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return frac ? `${h / 100n}.${frac}` : `${h / 100n}`;
};

export const scoresSum = defineCheck({
  name: 'scoresSum',
  description: '分值（权重）合计应等于表样给出的总分，按一级指标给出时每个一级指标的分值合计也应相符',
  params: z
    .object({
      group: paramText(),
      score: paramText(),
      /** The total all rows' scores make (100). */
      total: points,
      /** With `shares`: the column whose value names the part (一级指标). */
      by: paramText().optional(),
      /** Each part's share of the total, by the part's name (产出指标: 50). */
      shares: z.record(paramText(), points).optional(),
      /** A name for the scores in messages (分值, 权重); the column's label by default. */
      word: paramText().optional(),
    })
    .strict()
    .refine((p) => (p.by === undefined) === (p.shares === undefined), { message: 'by 与 shares 要一起给出' }),
  refs: (p) => ({ columns: [p.score, p.by].filter((c): c is string => !!c).map((column) => ({ group: p.group, column })) }),
  run({ form, template }, p) {
    const rows = rowsOf(form.values, p.group);
    const word = p.word ?? template.groups?.find((g) => g.id === p.group)?.columns.find((c) => c.id === p.score)?.label ?? '分值';
    const scored = rows.map((r, i) => ({ r, i, h: scoreHundredths((r[p.score] ?? '').trim()) })).filter((x) => x.h !== null);
    // Nothing scored yet: the form is not that far; a half-scored grid is told its sum.
    if (scored.length === 0) return [];
    const out: Message[] = [];
    const sum = (xs: typeof scored) => xs.reduce((a, x) => a + x.h!, 0n);
    const total = scoreHundredths(String(p.total))!;
    const all = sum(scored);
    if (all !== total)
      out.push({
        field: p.group,
        row: scored[scored.length - 1].i,
        column: p.score,
        severity: 'error',
        code: 'scoreSum',
        message: `各行${word}合计 ${show(all)}，应为 ${show(total)}，${all > total ? `多了 ${show(all - total)}` : `还差 ${show(total - all)}`}，请调整`,
      });
    if (p.by && p.shares)
      for (const [part, share] of Object.entries(p.shares)) {
        const mine = scored.filter((x) => (x.r[p.by!] ?? '').trim() === part);
        const want = scoreHundredths(String(share))!;
        const got = sum(mine);
        if (got === want) continue;
        const at = mine[mine.length - 1] ?? scored[scored.length - 1];
        out.push({
          field: p.group,
          row: at.i,
          column: p.score,
          severity: 'error',
          code: 'scoreShare',
          message: `${part}的${word}合计 ${show(got)}，应为 ${show(want)}，请调整`,
        });
      }
    return out;
  },
});
