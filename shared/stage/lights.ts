/**
 * Monitoring lights (../shared/forms/cycle.md §7, the vendor rule `perf_t_warnset`), month m of 12,
 * exact: every comparison is made on integers (numbers scaled by 10⁶), never on binary floats.
 *  - 正向 indicator (≥, ＞, =, no sign): v = 实际 ÷ (目标 ÷ 12 × m) × 100 — red < 60, yellow < 80,
 *    green < 120, blue from 120 (the bands are template data).
 *  - 反向: ≤ green when 实际 ≤ 目标, ＜ green when 实际 < 目标, else red.
 *  - 定性: the words of each light (达成目标 green …), template data too.
 *  - spending: v = 执行数 ÷ 预算数 × 100 ÷ (m ÷ 12 × 100) × 100 — red < 60, yellow < 80, else green.
 *  - the project's light is its worst: red, yellow, green, blue.
 * A value that does not read as a number (a date, free text, blank) gets no light.
 */
import { readIndicatorValue } from '../indicatorValue';

export type Light = 'red' | 'yellow' | 'green' | 'blue';
export const LIGHT_NAMES: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯' };
const WORST: readonly Light[] = ['red', 'yellow', 'green', 'blue'];

export interface LightBands {
  /** 正向: below [0] red, below [1] yellow, below [2] green, else blue (percent of the pro-rata target). */
  forward: readonly [number, number, number];
  /** Spending: below [0] red, below [1] yellow, else green (percent of the time elapsed). */
  spending: readonly [number, number];
  /** 定性: the 执行情况 text that gives each light. */
  qualitative: { green: readonly string[]; yellow: readonly string[]; red: readonly string[] };
}

export const DEFAULT_BANDS: LightBands = {
  forward: [60, 80, 120],
  spending: [60, 80],
  qualitative: { green: ['达成目标'], yellow: ['部分达成目标并具有一定效果'], red: ['未达成目标且效果较差'] },
};

const SCALE = 6;
/** A canonical decimal (1000.5, -3) as an integer of millionths; null when it is not one. */
export function millionths(s: string): bigint | null {
  const m = /^(-?)(\d{1,30})(?:\.(\d{1,30}))?$/.exec(s.trim());
  if (!m) return null;
  const frac = (m[3] ?? '').slice(0, SCALE).padEnd(SCALE, '0');
  const v = BigInt(m[2]) * 10n ** BigInt(SCALE) + BigInt(frac);
  return m[1] ? -v : v;
}

const band = (bands: readonly number[], lights: readonly Light[], ge: (threshold: number) => boolean): Light => {
  for (let i = 0; i < bands.length; i++) if (!ge(bands[i])) return lights[i];
  return lights[bands.length];
};

/** Whether a/b ≥ t/100 × k for integers, b and k positive: a·100 ≥ t·b·k (t with up to 2 decimals). */
const atLeast = (a: bigint, b: bigint, t: number, k: bigint): boolean => a * 10000n >= BigInt(Math.round(t * 100)) * b * k;

export interface IndicatorLight {
  light: Light;
  /** What it was measured by, for the message: 序时进度的 45%, or 反向指标. */
  why: string;
}

/** The light of one indicator at month `m`: its 年度指标值 and 1-m月 执行情况 as written. */
export function indicatorLight(target: string, actual: string, m: number, bands: LightBands = DEFAULT_BANDS): IndicatorLight | null {
  const a = actual.trim();
  if (a === '') return null;
  for (const light of ['green', 'yellow', 'red'] as const)
    if (bands.qualitative[light].includes(a)) return { light, why: `执行情况为“${a}”` };
  const tv = readIndicatorValue(target);
  const av = readIndicatorValue(a);
  if (tv.kind !== 'quantity' || av.kind !== 'quantity') return null;
  const t = millionths(tv.number);
  const x = millionths(av.number);
  if (t === null || x === null) return null;
  if (tv.comparator === '≤') return { light: x <= t ? 'green' : 'red', why: `目标为不超过 ${tv.number}` };
  if (tv.comparator === '<') return { light: x < t ? 'green' : 'red', why: `目标为低于 ${tv.number}` };
  if (t <= 0n || m < 1 || m > 12) return null;
  // v = x ÷ (t ÷ 12 × m) × 100 ≥ threshold ⇔ x·12 ÷ (t·m) ≥ threshold ÷ 100.
  const light = band(bands.forward, WORST, (th) => atLeast(x * 12n, t, th, BigInt(m)));
  return { light, why: `为序时进度的 ${percentText(x * 12n, t * BigInt(m))}` };
}

/** The spending light at month `m`: 执行数 against 预算数 and the time elapsed. */
export function spendingLight(spent: string, budget: string, m: number, bands: LightBands = DEFAULT_BANDS): IndicatorLight | null {
  const s = millionths(spent);
  const b = millionths(budget);
  if (s === null || b === null || b <= 0n || m < 1 || m > 12) return null;
  // v = (s ÷ b × 100) ÷ (m ÷ 12 × 100) × 100 = s·12 ÷ (b·m) × 100.
  const light = band(bands.spending, ['red', 'yellow', 'green'], (th) => atLeast(s * 12n, b, th, BigInt(m)));
  return { light, why: `执行率 ${percentText(s, b)}，为序时进度的 ${percentText(s * 12n, b * BigInt(m))}` };
}

/** a ÷ b as a percentage rounded half up to one decimal (for messages only). */
function percentText(a: bigint, b: bigint): string {
  const tenths = (a * 1000n * 2n + b) / (2n * b);
  return `${tenths / 10n}${tenths % 10n ? `.${tenths % 10n}` : ''}%`;
}

/** The worst of the lights (red before yellow before green before blue); null when there are none. */
export function worstLight(lights: readonly (Light | null | undefined)[]): Light | null {
  for (const l of WORST) if (lights.includes(l)) return l;
  return null;
}
