/**
 * `npm run bench [-- --json] [-- --only store,export]`: runs every area's benchmark module in turn
 * and reports each figure against its target. A module that is missing or fails becomes an error
 * line, so one broken area never hides the others' figures. With --json stdout carries exactly one
 * JSON object (the modules' own chatter is sent to stderr).
 */
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const AREAS = [
  'store',
  'export',
  'import',
  'editor',
  'summary',
  'library',
  'computed',
  'stages',
  'blank',
  'quality',
  'lastYear',
  'upload',
] as const;

/** Upper bounds; every figure here is "smaller is better". */
export const TARGETS: Record<string, number> = {
  store_save_ms_p50: 2,
  store_save_ms_p99: 10,
  store_open_ms_5000: 100,
  store_list_ms_5000: 20,
  export_ms_p50: 15,
  export_vs_floor: 3,
  import_ms_p50: 15,
  import_batch_200_ms: 5000,
  xiangmu_export_ms_p50: 20,
  xiangmu_import_ms_p50: 15,
  xiangmu_xlsx_export_ms_p50: 30,
  xiangmu_xlsx_import_ms_p50: 20,
  xiangmu_editor_ready_ms: 500,
  xiangmu_keystroke_ms_p95: 16,
  // From a keystroke to the list drawn, 120 ms of it the wait for typing to pause.
  suggest_roundtrip_ms_p95: 200,
  suggest_ms_p95: 30,
  diff_ms_p50: 10,
  // The form store's handling of one keystroke in a 自评 grid of 40 rows: every computed cell and the checks.
  zipin_keystroke_handling_ms_p95: 8,
  new_stage_ms_p50: 50,
  // Last year's targets and 自评 actuals for a 40-row declaration (forms.lastYear), store of 5 years × 200 projects.
  last_year_ms_p95: 20,
  // The 一体化 upload file of a year of 200 project forms of 40 rows (8,000 rows), exceljs most of it.
  upload_xlsx_ms_200: 5000,
  // What the eleven indicator quality checks add to validating a 40-row form on a key press.
  quality_keystroke_ms_p95: 2,
  editor_ready_ms: 1500,
  keystroke_ms_p95: 16,
  store_open_ms_150k: 150,
  store_list_page_ms_150k: 20,
  store_search_ms_150k: 150,
  summary_ms_15k: 1500,
  summary_zipin_ms_15k: 1500,
  summary_xlsx_ms_15k: 20_000,
  summary_xlsx_rss_mb: 500,
  // The side list over a receiving office's 15,000 forms, from navigation to its first rows drawn.
  ui_list_ready_ms_15k: 500,
  // A blank form (.docx or .xlsx) to its proposed template, read in the import worker (issue 22).
  blank_proposal_ms_p95: 1000,
};

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory_gb: number;
  node: string;
  platform: string;
}

export interface BenchReport {
  figures: Record<string, number>;
  errors: Record<string, string>;
  machine: MachineInfo;
}

type Runner = () => Promise<Record<string, number>>;
type Loader = (area: string) => Promise<Runner | null>;

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

const loadFromBenchDir: Loader = async (area) => {
  const file = join(BENCH_DIR, `${area}.ts`);
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { run?: unknown };
  if (typeof mod.run !== 'function') throw new Error(`bench/${area}.ts 没有导出 run()`);
  return mod.run as Runner;
};

export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memory_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

const describeError = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export async function collect(areas: readonly string[], load: Loader = loadFromBenchDir): Promise<BenchReport> {
  const figures: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const area of areas) {
    try {
      const run = await load(area);
      if (!run) {
        errors[area] = `没有找到 bench/${area}.ts`;
        continue;
      }
      const result = await run();
      for (const [key, value] of Object.entries(result ?? {})) {
        if (typeof value === 'number' && Number.isFinite(value)) figures[key] = value;
        else errors[`${area}.${key}`] = `结果不是数字：${String(value)}`;
      }
    } catch (e) {
      errors[area] = `运行失败：${describeError(e)}`;
    }
  }
  return { figures, errors, machine: machineInfo() };
}

export function toJson(report: BenchReport): string {
  return JSON.stringify({ ...report.figures, machine: report.machine, errors: report.errors });
}

const format = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string) =>
  [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function toTable(report: BenchReport): string {
  const rows: string[][] = [['指标', '测得', '目标', '结论']];
  const keys = [...Object.keys(TARGETS), ...Object.keys(report.figures).filter((k) => !(k in TARGETS))];
  let met = 0;
  let measured = 0;
  for (const key of keys) {
    const value = report.figures[key];
    const target = TARGETS[key];
    const shown = value === undefined ? '—' : format(value);
    let verdict = '';
    if (target !== undefined) {
      if (value === undefined) verdict = '未测得';
      else {
        measured++;
        if (value <= target) met++;
        verdict = value <= target ? '达标' : '未达标';
      }
    }
    rows.push([key, shown, target === undefined ? '' : `≤ ${target}`, verdict]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
  const lines = rows.map((r) =>
    r
      .map((cell, c) => padEnd(cell, widths[c]))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const m = report.machine;
  lines.push('', `达标 ${met} / ${measured} 项（共 ${Object.keys(TARGETS).length} 项有目标）`);
  lines.push(`机器：${m.cpu}，${m.cores} 核，内存 ${m.memory_gb} GB，Node ${m.node}，${m.platform}`);
  for (const [area, message] of Object.entries(report.errors)) lines.push(`错误：${area}：${message}`);
  return lines.join('\n');
}

export function parseBenchArgs(argv: readonly string[]): { json: boolean; areas: string[] } {
  const json = argv.includes('--json');
  const only = argv.find((a) => a.startsWith('--only'));
  const list = only?.includes('=') ? only.split('=')[1] : only ? argv[argv.indexOf(only) + 1] : undefined;
  const areas = list ? list.split(',').filter((a) => (AREAS as readonly string[]).includes(a)) : [...AREAS];
  return { json, areas };
}

/** Keeps stdout for the one JSON object: anything the modules print goes to stderr meanwhile. */
async function withStdoutToStderr<T>(run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  const log = console.log;
  const info = console.info;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  console.log = console.info = (...a: unknown[]) => console.error(...a);
  try {
    return await run();
  } finally {
    process.stdout.write = write;
    console.log = log;
    console.info = info;
  }
}

async function main(): Promise<void> {
  const { json, areas } = parseBenchArgs(process.argv.slice(2));
  if (!json) process.stderr.write(`正在运行性能测试：${areas.join('、')}（需要几分钟，请稍候）……\n`);
  const report = await withStdoutToStderr(() => collect(areas));
  process.stdout.write((json ? toJson(report) : toTable(report)) + '\n');
}

const isMain = process.argv[1] && /bench[\\/]run\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  main().then(
    // Benchmarks may leave servers or browsers behind; the report is out, so end here.
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`性能测试未能完成：${describeError(e)}\n`);
      process.exit(1);
    },
  );
}
