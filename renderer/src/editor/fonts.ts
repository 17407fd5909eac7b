/**
 * The template's fonts as CSS: the family stack starts with the template's ascii and East Asian
 * font names (so Latin text and digits take the Latin face, as in Word), then the names the same
 * Chinese face goes by on other systems, then fonts that are always there.
 */
import type { CSSProperties } from 'react';
import type { FontSpec } from '../../../shared/template/schema';

/** Other names of the Chinese faces a template names, so Windows, macOS and Linux each find theirs. */
const ALIASES: Record<string, readonly string[]> = {
  仿宋_GB2312: ['FangSong_GB2312', 'FangSong', '仿宋'],
  仿宋: ['FangSong', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong'],
  宋体: ['SimSun', 'NSimSun', 'STSong', 'Songti SC'],
  黑体: ['SimHei', 'STHeiti', 'Heiti SC'],
  楷体_GB2312: ['KaiTi_GB2312', 'KaiTi', '楷体', 'STKaiti'],
  楷体: ['KaiTi', 'KaiTi_GB2312', '楷体_GB2312', 'STKaiti'],
  方正小标宋简体: ['FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05'],
  微软雅黑: ['Microsoft YaHei'],
};

/** What a 仿宋 or 楷体 table always fell back to (the faces the tests and CI machines install). */
export const FALLBACK_STACK = ['AR PL UKai CN', 'Noto Serif CJK SC', 'serif'];
/** The title's fallbacks: a bold serif like 小标宋. */
export const TITLE_FALLBACK_STACK = ['Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', 'serif'];
/** A 宋体 stands in as a Song (Ming) serif, a 黑体 as a sans: never as a brush face. */
const SONG_FALLBACK = ['Noto Serif CJK SC', 'Source Han Serif SC', 'AR PL SungtiL GB', 'serif'];
const HEI_FALLBACK = ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'sans-serif'];

/** The fallbacks for a face by its kind, as the Chinese name says it. */
function fallbacks(eastAsia: string, title: boolean): readonly string[] {
  if (/黑|Hei|雅黑|YaHei/i.test(eastAsia)) return HEI_FALLBACK;
  if (title) return TITLE_FALLBACK_STACK;
  if (/仿宋|FangSong|楷|Kai/i.test(eastAsia)) return FALLBACK_STACK;
  if (/宋|Song|明|Ming/i.test(eastAsia)) return SONG_FALLBACK;
  return FALLBACK_STACK;
}

const GENERIC = new Set(['serif', 'sans-serif', 'monospace']);
const quote = (name: string): string => (GENERIC.has(name) ? name : `'${name.replace(/['\\]/g, '')}'`);

export function fontFamily(f: FontSpec, title = false): string {
  const names = [f.ascii, f.eastAsia, ...(ALIASES[f.eastAsia] ?? []), ...fallbacks(f.eastAsia, title)];
  return [...new Set(names)].map(quote).join(', ');
}

/**
 * CSS for a template font. A title (the line with role 'title') is drawn bold: 小标宋 is a bold
 * face by itself, and the serif that stands in for it where it is missing is not.
 */
export function fontStyle(f: FontSpec, title = false): CSSProperties {
  return { fontFamily: fontFamily(f, title), fontSize: `${f.sizePt}pt`, fontWeight: f.bold || title ? 700 : 400 };
}
