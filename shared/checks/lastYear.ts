/**
 * Stale-copy warnings: a form started from last year's should have been brought up to date.
 * They need last year's form (CheckContext.previous) and say nothing without it.
 */
import { z } from 'zod';
import { rowsOf, str } from '../formOps';
import { readIndicatorValue } from '../indicatorValue';
import type { Message } from '../messages';
import { amountUnits } from '../money';
import { paramList, paramText } from './params';
import { defineCheck } from './types';

const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** A text (年度目标) word for word last year's. */
export const sameAsLastYear = defineCheck({
  name: 'sameAsLastYear',
  description: '与上年表单逐字相同的文字（如年度目标）提醒更新',
  params: z.object({ field: paramText() }).strict(),
  refs: (p) => ({ fields: [{ id: p.field, kinds: ['text', 'multiline'] }] }),
  run({ form, previous, template }, p) {
    const now = str(form.values[p.field]);
    if (!previous || now.trim() === '' || !same(now, str(previous.values[p.field]))) return [];
    const label = template.fields.find((f) => f.id === p.field)?.label ?? p.field;
    return [{ field: p.field, severity: 'warning', code: 'sameAsLastYear', message: `${label}与上年的表单完全相同，请按今年的任务修改` }];
  },
});

/** The money moved by more than `percent` but a quantity indicator kept last year's value. */
export const unchangedWhileMoneyChanged = defineCheck({
  name: 'unchangedWhileMoneyChanged',
  description: '资金比上年增减超过一定比例，而数量、成本等指标值仍照抄上年时提醒',
  params: z
    .object({
      group: paramText(),
      level2: paramText(),
      names: paramList(),
      name: paramText(),
      value: paramText(),
      total: paramText(),
      percent: z.number().min(0).max(1000).optional(),
    })
    .strict(),
  refs: (p) => ({
    columns: [p.level2, p.name, p.value].map((column) => ({ group: p.group, column })),
    fields: [{ id: p.total, kinds: ['amount'] }],
  }),
  run({ form, previous }, p) {
    if (!previous) return [];
    const now = amountUnits(str(form.values[p.total]));
    const then = amountUnits(str(previous.values[p.total]));
    if (now === null || then === null || then === 0n) return [];
    const limit = BigInt(p.percent ?? 20);
    const change = now > then ? now - then : then - now;
    if (change * 100n <= then * limit) return [];
    const old = new Map(
      rowsOf(previous.values, p.group).map((r) => [`${r[p.level2]}\u0001${r[p.name]}`.replace(/\s+/g, ''), r[p.value] ?? '']),
    );
    return rowsOf(form.values, p.group).flatMap((r, i): Message[] => {
      if (!p.names.includes((r[p.level2] ?? '').trim()) || readIndicatorValue(r[p.value] ?? '').kind !== 'quantity') return [];
      const before = old.get(`${r[p.level2]}\u0001${r[p.name]}`.replace(/\s+/g, ''));
      if (before === undefined || !same(before, r[p.value] ?? '')) return [];
      return [
        {
          field: p.group,
          row: i,
          column: p.value,
          severity: 'warning',
          code: 'unchangedWhileMoneyChanged',
          message: `资金比上年变化超过 ${limit}%，但「${r[p.name]}」的指标值「${r[p.value]}」仍与上年相同，请核对`,
        },
      ];
    });
  },
});
