/**
 * Computed cells on every keystroke: zipin_keystroke_handling_ms_p95 is the editor's own handling
 * of one keystroke (the form store: recompute every computed cell — 40 rows' 得分, 执行率, the
 * budget part, 总分, the grade — then validate the whole form and notify) while 实际完成值 is typed
 * into a 自评 grid of 40 rows (xiangmu-zipin). No DOM: the cell's re-render is counted by the
 * editor figures.
 *   npx tsx -e "import('./bench/computed.ts').then(m => m.run()).then(console.log)"
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FormStore } from '../renderer/src/editor/formStore';
import type { GroupRow } from '../shared/form';
import { withComputed } from '../shared/formOps';
import { fromLabelJson } from '../shared/labelJson';
import { xiangmuZipin as T } from '../shared/templates/xiangmu-zipin';

const here = dirname(fileURLToPath(import.meta.url));
const round = (n: number): number => Math.round(n * 1000) / 1000;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

export async function run(): Promise<Record<string, number>> {
  const json = JSON.parse(readFileSync(join(here, '../test/fixtures/xiangmu-zipin-example.json'), 'utf8'));
  const form = withComputed(fromLabelJson(json, T).form, T);
  const base = form.values.indicators as GroupRow[];
  // 40 rows: the example's 8 five times, 分值 halved so each 一级 still adds up.
  form.values.indicators = Array.from({ length: 40 }, (_, i) => ({
    ...base[i % base.length],
    points: String(Number(base[i % base.length].points) / 5),
  }));
  const store = new FormStore(T, form);
  const times: number[] = [];
  const typed = ['1', '11', '11场', '1', '12', '120', '1200', '1200人', '1200人次'];
  for (let round2 = 0; round2 < 10; round2++)
    for (let row = 0; row < 40; row += 4)
      for (const text of typed) {
        const t0 = performance.now();
        store.setGroupCell('indicators', [row], 'actual', text, { coalesceKey: `r${row}` });
        times.push(performance.now() - t0);
      }
  return { zipin_keystroke_handling_ms_p95: round(p95(times.slice(50))) };
}
