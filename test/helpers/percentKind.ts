/**
 * A field kind that exists only in the tests: `testPercent`, an exact percentage (stored as its
 * canonical decimal, `12.5`; typed or printed `12.5%`, `１２．５％`; at most 100). Its two modules
 * — the shared kind and the editor cell — are all it takes: nothing outside test/ names it.
 * `registerPercent()` registers both; `PERCENT_TEMPLATE` is the made-up template with a percent
 * field (执行率) and a percent column (占比).
 */
import { z } from 'zod';
import { registerKindCell } from '../../renderer/src/editor/cells/kindCells';
import { defineKind, halfDigits, isKnownKind, registerKind } from '../../shared/kinds';
import type { TemplateDef } from '../../shared/template/schema';
import { MADE_UP_TEMPLATE } from './madeUpTemplate';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** 12.50 → 12.5, 007 → 7: the one spelling of a number. */
function canonical(int: string, frac: string): string {
  const i = int.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

export const percentKind = defineKind({
  name: 'testPercent',
  title: '百分比',
  description: '百分比，精确到 0.01%，不超过 100%',
  column: true,
  declaration: z.object({
    params: z
      .object({ places: z.number().int().min(0).max(2) })
      .partial()
      .optional(),
  }),
  value: z.string().regex(/^(\d{1,3}(\.\d{1,2})?)?$/),
  maxLength: 20,
  lines: 'one',
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read(text) {
    const s = halfDigits(text)
      .replace(/．/g, '.')
      .replace(/[\s%％]/g, '');
    if (s === '') return { value: '' };
    const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
    if (m) return { value: canonical(m[1], m[2] ?? '') };
    const reason = '不是百分数（如 12.5%，最多两位小数）';
    return { value: text.trim(), problem: { reason, sentence: (label, shown) => `「${label}」「${shown}」${reason}，已原样保留，请核对` } };
  },
  print(v, decl) {
    const s = str(v).trim();
    if (!/^\d+(\.\d+)?$/.test(s)) return s;
    const places = decl.params?.places;
    if (typeof places !== 'number') return `${s}%`;
    const [i, f = ''] = s.split('.');
    return `${i}${places > 0 ? `.${f.padEnd(places, '0')}` : ''}%`;
  },
  check(s, _d, label) {
    const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
    if (!m) return { code: 'percent', message: `${label}应为百分数，如 12.5%` };
    // Exact: 100.00 is the most, compared as whole hundredths.
    const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
    return hundredths > 10_000 ? { code: 'percent', message: `${label}不能超过 100%` } : null;
  },
});

export function registerPercent(): void {
  if (!isKnownKind('testPercent')) registerKind(percentKind);
  registerKindCell('testPercent', { control: 'input', inputMode: 'decimal', placeholder: '%' });
}

/** The made-up template with 执行率 (a percent field, printed with two places) and 占比 (a percent column). */
export const PERCENT_TEMPLATE: TemplateDef = (() => {
  const t = structuredClone(MADE_UP_TEMPLATE);
  t.id = 'test-percent';
  t.title = '专项资金分配明细表（百分比测试）';
  t.fields.push({ id: 'rate', label: '执行率', kind: 'testPercent', params: { places: 2 }, newYear: 'carry' });
  const g = t.groups![0];
  g.columns.push({ id: 'share', label: '占比', kind: 'testPercent', newYear: 'carry' });
  // 完成时间 gives up half its width to 占比; 执行率 gets a row of its own above 备注.
  t.table.columnsTwips = [1600, 1600, 2906, 1600, 800, 800];
  g.cells.push({ column: 'share', col: 5, align: 'right' });
  const short = { minHeight: 500, canSplit: false };
  t.table.rows = [short, short, short, { group: 'items' }, short, short, { minHeight: 900, canSplit: true }];
  const label = (row: number, col: number, of: { field: string } | { group: string; column: string }, colSpan?: number) => ({
    row,
    col,
    ...(colSpan ? { colSpan } : {}),
    content: { type: 'label' as const, of },
  });
  const field = (row: number, col: number, colSpan: number, id: string) => ({
    row,
    col,
    colSpan,
    content: { type: 'field' as const, field: id },
  });
  t.table.cells = [
    label(0, 0, { field: 'owner' }),
    field(0, 1, 5, 'owner'),
    label(1, 0, { field: 'fundName' }),
    field(1, 1, 5, 'fundName'),
    ...['category', 'sub', 'item', 'amount', 'when', 'share'].map((column, col) => label(2, col, { group: 'items', column })),
    label(4, 0, { field: 'total' }, 3),
    { ...field(4, 3, 3, 'total'), align: 'right' as const },
    label(5, 0, { field: 'rate' }),
    field(5, 1, 5, 'rate'),
    label(6, 0, { field: 'notes' }),
    field(6, 1, 5, 'notes'),
  ];
  return t;
})();
