/**
 * A blank form to its proposed template (issue 22): blank_proposal_ms_p95, the six test layouts
 * (four .docx, two .xlsx; test/helpers/blankLayouts.ts) each read in the import worker and
 * proposed, as `template from-blank` and 表样管理 do it — the worker's round trip included.
 * Files are built before the clock starts.
 */
import { readBlankInWorker } from '../electron/core/import/readWorker';
import { blankDocx, blankXlsx } from '../test/helpers/blankForms';
import { LAYOUTS } from '../test/helpers/blankLayouts';

const WARMUP = 2;
const RUNS = 10;

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

export async function run(): Promise<Record<string, number>> {
  const files = await Promise.all(
    LAYOUTS.map(async (l) => ({
      name: `${l.spec.name}.${l.format}`,
      bytes: l.format === 'docx' ? await blankDocx(l.spec) : await blankXlsx(l.spec),
    })),
  );
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++)
    for (const f of files) {
      const t0 = performance.now();
      const p = await readBlankInWorker(f.bytes, f.name);
      if (i >= WARMUP) times.push(performance.now() - t0);
      if (!p.template.groups?.length) throw new Error(`${f.name} 没有识别出指标表`);
    }
  return { blank_proposal_ms_p95: percentile(times, 95) };
}
