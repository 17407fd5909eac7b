/**
 * `ticks`: a set of named boxes (偏差原因分析's 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他), a group
 * column whose options are the boxes. The value is the ticked names in the order of `options`,
 * joined by 、 (label JSON writes it so); the grid lays the column out one cell per option and
 * each cell prints √ — the tick the published forms print, a character GB2312 fonts have — when
 * its box is ticked.
 */
import { z } from 'zod';
import { defineKind, keptAsTyped, str, type KindDecl } from './types';

export const TICK = '√';
/** What a ticked box may hold in a hand-made file or pasted text. */
const TICKED = /^(?:[√✓✔☑■●]|[vVxX×✗✘]|是|有|1)$/;

const optionsOf = (d: KindDecl): readonly string[] => d.options ?? [];

/** The names in `text` (separated by 、，,；; or spaces), or null when one is not a box of the column. */
function namesIn(text: string, d: KindDecl): string[] | null {
  const names = text
    .split(/[、，,；;\s/]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const options = optionsOf(d);
  return names.every((n) => options.includes(n)) ? names : null;
}

/** The ticked names in the order of the options. */
const inOrder = (names: readonly string[], d: KindDecl): string =>
  optionsOf(d)
    .filter((o) => names.includes(o))
    .join('、');

export const ticksKind = defineKind({
  name: 'ticks',
  title: '勾选',
  description: '一组勾选框（options 为各框的名称），每框单占一格，勾选的打印为 √',
  column: true,
  declaration: z.object({ options: z.array(z.string(), { error: '是勾选类型，需要给出各框的名称（options）' }).min(1) }),
  value: z.string(),
  maxLength: 500,
  lines: 'one',
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read(text, d) {
    const t = text.trim();
    if (t === '') return { value: '' };
    const names = namesIn(t, d);
    if (names) return { value: inOrder(names, d) };
    return { value: t, problem: keptAsTyped(`不是可勾选的项（${optionsOf(d).join('、')}）`) };
  },
  print: (v) => str(v),
  check(s, d, label) {
    return namesIn(s, d) ? null : { code: 'ticks', message: `${label}只能勾选${optionsOf(d).join('、')}` };
  },
  printOption: (v, option) => (str(v).split('、').includes(option) ? TICK : ''),
  setOption(v, option, on, d) {
    const had = v.split('、').filter((s) => s !== '' && s !== option);
    return inOrder(on ? [...had, option] : had, d);
  },
});

/** Whether the text of one box (a cell of a file, a pasted cell) says it is ticked. */
export const isTicked = (text: string): boolean => TICKED.test(text.replace(/\s+/g, ''));
