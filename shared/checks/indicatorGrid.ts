/**
 * Checks of an indicator grid (一级 / 二级 / 三级 / 指标值 rows in a repeating group). They know
 * only the column ids and names they are given, so a 4-column county grid, the national
 * two-block grid and a 9-column provincial grid all use them through their template's data.
 */
import { z } from 'zod';
import { str, rowsOf } from '../formOps';
import { amountInWanYuan, isPercentAbove100, readIndicatorValue, yearsNamed } from '../indicatorValue';
import type { Message } from '../messages';
import { amountUnits } from '../money';
import { paramList, paramText } from './params';
import { defineCheck } from './types';

const columns = (group: string, ...ids: (string | undefined)[]) => ids.filter((c): c is string => !!c).map((column) => ({ group, column }));

const filled = (v: string | undefined): boolean => (v ?? '').trim() !== '';

/** Each named 一级 (产出指标, 效益指标, 满意度指标) has at least one row with a 三级指标 written. */
export const levelsFilled = defineCheck({
  name: 'levelsFilled',
  description: '每个一级指标下至少填写一条三级指标',
  params: z
    .object({
      group: paramText(),
      level: paramText(),
      name: paramText(),
      levels: paramList(),
      severity: z.enum(['error', 'warning']).optional(),
    })
    .strict(),
  refs: (p) => ({ columns: columns(p.group, p.level, p.name) }),
  run({ form }, p) {
    const rows = rowsOf(form.values, p.group);
    const out: Message[] = [];
    for (const level of p.levels) {
      const mine = rows.map((r, i) => ({ r, i })).filter(({ r }) => (r[p.level] ?? '').trim() === level);
      if (mine.some(({ r }) => filled(r[p.name]))) continue;
      out.push({
        field: p.group,
        ...(mine.length ? { row: mine[0].i, column: p.level } : {}),
        severity: p.severity ?? 'error',
        code: 'levelEmpty',
        message: `${level}下至少要填写一条三级指标`,
      });
    }
    return out;
  },
});

const level2Rows = (p: { group: string; level2: string; names: string[] }, rows: Record<string, string>[]) =>
  rows.map((r, i) => ({ r, i })).filter(({ r }) => p.names.includes((r[p.level2] ?? '').trim()));

/** A 成本指标 stated in 万元 (or 元) should not exceed the form's 年度资金总额. */
export const costWithinTotal = defineCheck({
  name: 'costWithinTotal',
  description: '成本指标中以万元（或元）写出的指标值不应超过资金总额',
  params: z
    .object({
      group: paramText(),
      level2: paramText(),
      names: paramList(),
      name: paramText(),
      value: paramText(),
      total: paramText(),
    })
    .strict(),
  refs: (p) => ({ columns: columns(p.group, p.level2, p.name, p.value), fields: [{ id: p.total, kinds: ['amount'] }] }),
  run({ form, template }, p) {
    const total = amountUnits(str(form.values[p.total]));
    if (total === null) return [];
    const label = template.fields.find((f) => f.id === p.total)?.label ?? p.total;
    return level2Rows(p, rowsOf(form.values, p.group)).flatMap(({ r, i }): Message[] => {
      const wan = amountInWanYuan(readIndicatorValue(r[p.value] ?? ''));
      const units = wan === null ? null : amountUnits(wan);
      if (units === null || units <= total) return [];
      return [
        {
          field: p.group,
          row: i,
          column: p.value,
          severity: 'warning',
          code: 'costAboveTotal',
          message: `成本指标「${r[p.name] || '（未填三级指标）'}」的指标值 ${wan} 万元超过了${label} ${str(form.values[p.total])} 万元，请核对`,
        },
      ];
    });
  },
});

/** A 时效指标 that names a year should name the form's budget year. */
export const yearInDeadline = defineCheck({
  name: 'yearInDeadline',
  description: '时效指标中写到的年份应是预算年度',
  params: z.object({ group: paramText(), level2: paramText(), names: paramList(), value: paramText() }).strict(),
  refs: (p) => ({ columns: columns(p.group, p.level2, p.value) }),
  run({ form, year }, p) {
    if (!/^\d{4}$/.test(year)) return [];
    return level2Rows(p, rowsOf(form.values, p.group)).flatMap(({ r, i }): Message[] => {
      const other = yearsNamed(r[p.value] ?? '').filter((y) => y !== year);
      if (other.length === 0) return [];
      return [
        {
          field: p.group,
          row: i,
          column: p.value,
          severity: 'warning',
          code: 'deadlineYear',
          message: `时效指标「${r[p.value]}」写的是 ${other.join('、')} 年，不是预算年度 ${year} 年，请核对（是否从上年复制后未改）`,
        },
      ];
    });
  },
});

/** A percentage's unit is exactly % or ％ (indicatorValue.ts); ％ reads as %. */
const PERCENT_SIGN = /[%％]/;

/** A percentage with ≥ or > above 100 % cannot be reached (≥100% is fine). */
export const percentAtMost100 = defineCheck({
  name: 'percentAtMost100',
  description: '以 ≥ 或 > 写出的百分比不应超过 100%',
  params: z.object({ group: paramText(), value: paramText() }).strict(),
  refs: (p) => ({ columns: columns(p.group, p.value) }),
  run({ form }, p) {
    return rowsOf(form.values, p.group).flatMap((r, i): Message[] =>
      // Only a value with a percent sign can be a percentage: the others need no reading, which
      // was half the time of checking a project form (the 汇总 checks 15,000 at once).
      PERCENT_SIGN.test(r[p.value] ?? '') && isPercentAbove100(readIndicatorValue(r[p.value] ?? ''))
        ? [
            {
              field: p.group,
              row: i,
              column: p.value,
              severity: 'warning',
              code: 'percentAbove100',
              message: `指标值「${r[p.value]}」超过了 100%，无法达到，请核对`,
            },
          ]
        : [],
    );
  },
});

/** Where a type column says 定量, the 指标值 is a number (its unit has a column of its own). */
export const quantitativeIsNumber = defineCheck({
  name: 'quantitativeIsNumber',
  description: '指标值类型为定量时，指标值应是数字（计量单位另填一栏）',
  params: z.object({ group: paramText(), type: paramText(), when: paramText(), value: paramText() }).strict(),
  refs: (p) => ({ columns: columns(p.group, p.type, p.value) }),
  run({ form }, p) {
    return rowsOf(form.values, p.group).flatMap((r, i): Message[] => {
      if ((r[p.type] ?? '').trim() !== p.when || !filled(r[p.value])) return [];
      const v = readIndicatorValue(r[p.value] ?? '');
      if (v.kind === 'quantity' && v.unit === '') return [];
      return [
        {
          field: p.group,
          row: i,
          column: p.value,
          severity: 'error',
          code: 'notANumber',
          message: `第${i + 1}行是${p.when}指标，指标值「${r[p.value]}」应只填数字（可带 ≥、≤ 等），计量单位填在计量单位一栏`,
        },
      ];
    });
  },
});
