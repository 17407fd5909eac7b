/**
 * What every indicator quality check reads: the rows of one indicator block with their 一级,
 * 二级, 三级 and 指标值 (joined when the template splits it), the 指标值 read once. A check runs
 * on every key press, and the eleven quality checks of a 40-row grid read the same rows, so the
 * reading is kept per rows array (a new array after every edit) and done once for all of them.
 */
import { z } from 'zod';
import type { GroupRow } from '../../form';
import { rowsOf } from '../../formOps';
import { combinedValue, type IndicatorColumns } from '../../indicatorSplit';
import { readIndicatorValue, type IndicatorValue } from '../../indicatorValue';
import type { Message } from '../../messages';
import type { CheckContext, CheckRefs } from '../types';
import { paramText } from '../params';

/** The indicator block a quality check reads: the group and its columns, as the template's `indicators` set names them. */
export const qualityParams = z
  .object({
    group: paramText(),
    level1: paramText(),
    level2: paramText(),
    name: paramText(),
    value: paramText(),
    comparator: paramText().optional(),
    unit: paramText().optional(),
  })
  .strict();
export type QualityParams = z.infer<typeof qualityParams>;

export const qualityRefs = (p: QualityParams): CheckRefs => ({
  columns: [p.level1, p.level2, p.name, p.value, p.comparator, p.unit]
    .filter((c): c is string => c !== undefined)
    .map((column) => ({ group: p.group, column })),
});

export interface IndicatorRow {
  /** The row's index in the group. */
  index: number;
  level1: string;
  level2: string;
  name: string;
  /** The 指标值 as one text (`≥95%`), joined from 指标性质 | 值 | 计量单位 when split. */
  value: string;
  read: IndicatorValue;
  /** What the clerk chose as 指标性质 when the template splits it ('' otherwise). */
  comparator: string;
}

const cache = new WeakMap<readonly GroupRow[], Map<string, IndicatorRow[]>>();

/** The block's rows that have a 三级指标 or a 指标值, read once per rows array and block. */
export function indicatorRows(ctx: CheckContext, p: QualityParams): IndicatorRow[] {
  const rows = rowsOf(ctx.form.values, p.group);
  const key = [p.level1, p.level2, p.name, p.value, p.comparator ?? '', p.unit ?? ''].join('\u0000');
  let byBlock = cache.get(rows);
  if (!byBlock) cache.set(rows, (byBlock = new Map()));
  const kept = byBlock.get(key);
  if (kept) return kept;
  const set: IndicatorColumns = p;
  const out: IndicatorRow[] = [];
  rows.forEach((r, index) => {
    const name = (r[p.name] ?? '').trim();
    const value = combinedValue(r, set).trim();
    if (name === '' && value === '') return;
    out.push({
      index,
      level1: (r[p.level1] ?? '').trim(),
      level2: (r[p.level2] ?? '').trim(),
      name,
      value,
      read: readIndicatorValue(value),
      comparator: p.comparator ? (r[p.comparator] ?? '').trim() : '',
    });
  });
  byBlock.set(key, out);
  return out;
}

/** 一级 by their usual names (产出指标, 效益指标, 满意度指标), however a county words them. */
export const isOutput = (r: IndicatorRow) => r.level1.startsWith('产出');
export const isBenefit = (r: IndicatorRow) => r.level1.startsWith('效益');
export const isSatisfactionLevel = (r: IndicatorRow) => r.level1.startsWith('满意度');
export const level2Is = (r: IndicatorRow, word: string) => r.level2.includes(word);

/**
 * One finding: what is wrong and why, then what to do — the same sentence on the cell and in the
 * checks panel. Always a reminder (warning): a reviewer's rule of thumb, never a refusal.
 */
export function finding(
  p: QualityParams,
  r: IndicatorRow,
  column: 'name' | 'value' | 'unit' | 'level1' | 'level2',
  code: string,
  why: string,
  fix: string,
): Message {
  const col = column === 'unit' ? (p.unit ?? p.value) : p[column];
  return { field: p.group, row: r.index, column: col, severity: 'warning', code, message: `${why}。建议：${fix}` };
}

/** How a message names a row: its 三级指标, or its 指标值 when the 三级 is blank. */
export const named = (r: IndicatorRow) => (r.name ? `「${r.name}」` : `指标值「${r.value}」`);
