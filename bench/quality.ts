/**
 * What the indicator quality checks (issue 25) add to a keystroke. The editor re-validates the
 * form on every key; each key here is a new rows array (as the editor makes one) of the 40-row
 * project form with one 指标值 changed, and the eleven checks are run as validateForm runs a rule
 * (parameters parsed, then run). quality_keystroke_ms_p95: the 95th percentile of their time per
 * key. validate_keystroke_ms_p50 / validate_quality_keystroke_ms_p50: the whole validateForm
 * without and with them, for scale (on a shared machine the p95 of a whole validation is mostly
 * other processes and garbage collection, so the medians are what compare).
 *   npx tsx -e "import('./bench/quality.ts').then(m => m.run()).then(console.log)"
 */
import { performance } from 'node:perf_hooks';
import { builtinCheck } from '../shared/checks';
import type { FormData, GroupRow } from '../shared/form';
import type { RuleDef, TemplateDef } from '../shared/template/schema';
import { qualityChecks } from '../shared/templates/parts/quality';
import { validateForm } from '../shared/validation';
import { PROJECT_TEMPLATE, projectForm40 } from './projectForm';

const KEYS = 400;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (n: number) => Math.round(n * 1000) / 1000;

/** The form after the k-th key: a new rows array, one 指标值 changed. */
function typed(form: FormData, k: number): FormData {
  const next = (form.values.indicators as GroupRow[]).map((r) => ({ ...r }));
  next[k % next.length].value = `≥${k}人次`;
  return { ...form, values: { ...form.values, indicators: next } };
}

function timeValidate(form: FormData, t: TemplateDef): number[] {
  const times: number[] = [];
  for (let k = 0; k < KEYS; k++) {
    const f = typed(form, k);
    const t0 = performance.now();
    validateForm(f, t);
    times.push(performance.now() - t0);
  }
  return times;
}

function timeQuality(form: FormData, t: TemplateDef, rules: readonly RuleDef[]): number[] {
  const times: number[] = [];
  for (let k = 0; k < KEYS; k++) {
    const f = typed(form, k);
    const t0 = performance.now();
    for (const r of rules) {
      if (r.type !== 'check') continue;
      const check = builtinCheck(r.check)!;
      const params = check.params.safeParse(r.params ?? {});
      if (params.success) check.run({ template: t, form: f, year: '2025' }, params.data);
    }
    times.push(performance.now() - t0);
  }
  return times;
}

export async function run(): Promise<Record<string, number>> {
  const form = projectForm40();
  const rules = qualityChecks({ group: 'indicators', level1: 'level1', level2: 'level2', name: 'name', value: 'value' });
  const withQuality: TemplateDef = { ...PROJECT_TEMPLATE, rules: [...PROJECT_TEMPLATE.rules, ...rules] };
  const base: number[] = [];
  const whole: number[] = [];
  const quality: number[] = [];
  for (let pass = 0; pass < 4; pass++) {
    // The first pass warms up; later ones alternate, so other work on the machine falls on all three.
    const b = timeValidate(form, PROJECT_TEMPLATE);
    const w = timeValidate(form, withQuality);
    const q = timeQuality(form, withQuality, rules);
    if (pass === 0) continue;
    base.push(...b);
    whole.push(...w);
    quality.push(...q);
  }
  return {
    quality_keystroke_ms_p95: round(percentile(quality, 0.95)),
    validate_keystroke_ms_p50: round(percentile(base, 0.5)),
    validate_quality_keystroke_ms_p50: round(percentile(whole, 0.5)),
  };
}
