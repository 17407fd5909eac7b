/** `multiline`: free text that may be long and keeps its line breaks (主要内容, 年度目标). */
import { z } from 'zod';
import { tidyBlock } from '../text/trim';
import { defineKind, str } from './types';

export const multilineKind = defineKind({
  name: 'multiline',
  title: '多行文字',
  description: '多行文字，保留换行',
  column: true,
  labelHint: { pattern: /目标|概述|概况|职责|职能|依据|任务|说明|措施|计划|意见/, weight: 3 },
  value: z.string(),
  maxLength: 20_000,
  lines: 'many',
  block: true,
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  // Spaces at the end of a line and blank lines at either end are layout, not content.
  read: (text) => ({ value: tidyBlock(text) }),
  print: (v) => str(v),
});
