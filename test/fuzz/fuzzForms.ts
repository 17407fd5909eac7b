/** Forms for round-trip fuzzing, generated deterministically from a seed. */
import { OUTPUT_PARTS, type FieldValue, type FormData } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { formatUnits } from '../../shared/money';
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';

export const FUZZ_SEED = 20191126;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOLS = [
  '部门整体支出绩效目标申报表湖南省桃源县看守所保障安全教育改造年度预算一二三四五六七八九十',
  'abcXYZ0123456789 .,;:!?-_/()[]{}',
  '<>&"\'&amp;&lt;]]><![CDATA[',
  '😀🎉𠀀𪚥👨‍👩‍👧',
  '\u0001\u0002\u000b\u000c\u001f\uffff',
  '\t\n　 ',
  '（）：；，。、“”《》％＆',
];

export function makeFuzzForm(r: () => number, i: number): FormData {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const text = (max: number): string => {
    const roll = r();
    const len = roll < 0.15 ? 0 : roll < 0.17 ? Math.floor(r() * 5000) : Math.floor(r() * max);
    let s = '';
    while (s.length < len) {
      const pool = [...pick(POOLS)];
      s += pool[Math.floor(r() * pool.length)];
    }
    return s;
  };
  const line = (max: number) => text(max).replace(/[\n\t]/g, ' ');
  const amount = (): string => {
    const roll = r();
    if (roll < 0.1) return '';
    if (roll < 0.2) return '0';
    if (roll < 0.25) return '100000000000';
    if (roll < 0.3) return '0.0001';
    return formatUnits(BigInt(Math.floor(r() * 1e9)) * (r() < 0.5 ? 1n : 100n));
  };
  const t = bumenZhengti2019;
  const form = blankForm(t, String(2000 + Math.floor(r() * 100)));
  const values: Record<string, FieldValue> = form.values;
  for (const def of t.fields) {
    if (def.compute || def.id === t.identity.year) continue;
    switch (def.kind) {
      case 'amount':
        values[def.id] = amount();
        break;
      case 'multiline':
        values[def.id] = text(400);
        break;
      case 'date':
        values[def.id] = r() < 0.3 ? '' : `20${String(10 + Math.floor(r() * 20))}-0${1 + Math.floor(r() * 9)}-${10 + Math.floor(r() * 18)}`;
        break;
      case 'outputIndicators':
        values[def.id] =
          r() < 0.2
            ? { mode: 'text', text: text(300) }
            : {
                mode: 'parts',
                parts: Object.fromEntries(
                  OUTPUT_PARTS.map((p) => [p, Array.from({ length: Math.floor(r() * 4) }, () => line(80))]),
                ) as never,
              };
        break;
      case 'benefitIndicators':
        values[def.id] =
          r() < 0.2
            ? { mode: 'text', text: text(300) }
            : { mode: 'items', items: Array.from({ length: Math.floor(r() * 4) }, () => ({ name: line(30), description: text(200) })) };
        break;
      default:
        values[def.id] = line(def.kind === 'phone' ? 15 : 40);
    }
  }
  // One live form per year and 部门名称: the index keeps them apart.
  values[t.identity.key[0]] = `${values[t.identity.key[0]] as string}#${i}`;
  return { ...form, options: { twoDecimals: r() < 0.5, blankZero: r() < 0.5 } };
}
