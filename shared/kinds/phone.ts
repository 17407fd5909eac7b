/** `phone`: a mobile number or a landline with its area code. */
import { z } from 'zod';
import { joinWrapped } from '../text/trim';
import { defineKind, halfDigits, str } from './types';

const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with area code: 0736-7221234, (0736)7221234, 073 6722 1234, with an optional extension. */
const LANDLINE = /^0\d{2,3}\d{7,8}(?:转\d{1,6}|-\d{1,6})?$/;

export function isValidPhone(raw: string): boolean {
  if (raw.length > 100) return false;
  const s = raw
    .replace(/[\s（）()]/g, '')
    .replace(/^(0\d{2,3})-/, '$1')
    .replace(/^\+?86-?/, '');
  return MOBILE.test(s) || LANDLINE.test(s);
}

export const phoneKind = defineKind({
  name: 'phone',
  title: '电话',
  description: '手机号或带区号的固定电话',
  column: false,
  labelHint: { pattern: /^(?:联系)?电话|联系电话|手机|联系方式/, weight: 4 },
  value: z.string(),
  maxLength: 100,
  lines: 'one',
  empty: () => '',
  isBlank: (v) => str(v).trim() === '',
  read: (text) => ({ value: joinWrapped(halfDigits(text).trim()) }),
  print: (v) => str(v),
  check: (s, _d, label) =>
    isValidPhone(s) ? null : { code: 'phone', message: `${label}应为11位手机号或带区号的固定电话，如 0736-6621234` },
});
