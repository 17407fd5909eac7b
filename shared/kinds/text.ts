/** `text`: one line of text (a name, a code, a person). */
import { z } from 'zod';
import { joinWrapped } from '../text/trim';
import { defineKind, str } from './types';

export const textKind = defineKind({
  name: 'text',
  title: '文字',
  description: '一行文字',
  column: true,
  value: z.string(),
  maxLength: 500,
  lines: 'one',
  holdsName: true,
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  // A line break in one line of text only wrapped it.
  read: (text) => ({ value: joinWrapped(text.trim()) }),
  print: (v) => str(v),
});
