/** `choice`: one of the declaration's `options`. */
import { z } from 'zod';
import { joinWrapped } from '../text/trim';
import { TICK } from './ticks';
import { defineKind, str } from './types';

export const choiceKind = defineKind({
  name: 'choice',
  title: '选择',
  description: '从给定的可选项（options）中选一项',
  column: true,
  declaration: z.object({ options: z.array(z.string(), { error: '是选择类型，需要给出可选项（options）' }).min(1) }),
  value: z.string(),
  maxLength: 100,
  lines: 'one',
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read: (text) => ({ value: joinWrapped(text.trim()) }),
  print: (v) => str(v),
  check: (s, d, label) => (d.options && !d.options.includes(s) ? { code: 'choice', message: `${label}应为${d.options.join('或')}` } : null),
  requiredMessage: (label) => `请选择${label}`,
  // Laid out as boxes (完成目标可能性's 确定能 | 有可能 | 完全不可能): the chosen option's box is ticked.
  printOption: (v, option) => (str(v) === option ? TICK : ''),
  setOption: (v, option, on) => (on ? option : v === option ? '' : v),
});
