/**
 * `npx tsx bench/hostile.ts [--timeout-s N] [--only name,name]`: time and peak memory of the
 * command-line import of each class of hostile file (issue #16), each in a fresh process, as
 * `/usr/bin/time` sees it (wall time, peak RSS of the whole process, worker threads included).
 * Not part of `npm run bench`: it takes a minute and its figures are limits, not speeds.
 * The files are built here, in memory, and written to a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bigTableDocx,
  deepBodyDocx,
  deepCustomPropsDocx,
  handmadeWith,
  handmadeWithXml,
  handmadeWithLineAbove,
  hugeSpanDocx,
  manyParagraphsDocx,
  wideRowsDocx,
} from '../test/helpers/hostileDocx';
import {
  deepSheetXlsx,
  farCornersXlsx,
  hugeSharedStringXlsx,
  labelGridXlsx,
  manySharedStringsXlsx,
  millionEmptyRowsXlsx,
  millionRowsXlsx,
  refPastXfdXlsx,
  xxeXlsx,
} from '../test/helpers/hostileXlsx';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const HOSTILE_CASES: Record<string, () => Promise<Uint8Array> | Uint8Array> = {
  'gridSpan 2^31-1': () => hugeSpanDocx(2 ** 31 - 1),
  'gridSpan 10^8': () => hugeSpanDocx(1e8),
  'gridBefore 10^9': () => hugeSpanDocx(1e9, 'gridBefore'),
  'amount 0. + 400k zeros + 1': () => handmadeWith({ 其他资金: '0.' + '0'.repeat(400_000) + '1' }),
  'amount 60 + 400k spaces + 万': () => handmadeWith({ 其他资金: '60' + ' '.repeat(400_000) + '万' }),
  'text 150k line breaks then x': () =>
    handmadeWithXml(
      { 部门名称: 'MARK' },
      'MARK',
      '<w:t>a</w:t>' + '<w:br/>'.repeat(150_000) + '<w:t>x</w:t>' + '<w:br/>'.repeat(10) + '<w:t>y</w:t>',
    ),
  'text 400k spaces then x': () => handmadeWith({ 部门名称: 'a' + ' '.repeat(400_000) + 'x' }),
  'line 400k spaces': () => handmadeWithLineAbove('填报单位：某局' + '\u3000'.repeat(400_000) + 'x'),
  '16.6M empty paragraphs': () => manyParagraphsDocx(16_600_000),
  '4M empty paragraphs (24 MB)': () => manyParagraphsDocx(4_000_000),
  '2000x1000 table': () => bigTableDocx(2000, 1000),
  '1000x1000 table': () => bigTableDocx(1000, 1000),
  '400 rows spanning 999 columns': () => wideRowsDocx(400, 999),
  'nesting 100k (body)': () => deepBodyDocx(100_000),
  'nesting 100k (custom props)': () => deepCustomPropsDocx(100_000),
  'xlsx 1M rows': () => millionRowsXlsx(),
  'xlsx 1M empty rows': () => millionEmptyRowsXlsx(),
  'xlsx shared string 11M chars': () => hugeSharedStringXlsx(11_000_000),
  'xlsx 100,001 shared strings': () => manySharedStringsXlsx(100_001),
  'xlsx nesting 100k': () => deepSheetXlsx(100_000),
  'xlsx XXE': () => xxeXlsx(),
  'xlsx ref past XFD': () => refPastXfdXlsx('XFE1'),
  'xlsx A1 and XFD1048576': () => farCornersXlsx(),
  'xlsx 6000x16 labels (in limits)': () => labelGridXlsx(6000, 16),
  'xlsx 60000x1 labels (in limits)': () => labelGridXlsx(60_000, 1),
};

interface Figure {
  name: string;
  bytes: number;
  seconds: number;
  peakMb: number;
  exit: number | null;
  message: string;
}

function measure(name: string, file: string, db: string, timeoutS: number): Figure {
  const cli = join(ROOT, 'electron/cli/main.ts');
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, tsx, cli, '--db', db, 'import', file], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    killSignal: 'SIGKILL',
  });
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  const message = (r.stderr ?? '').split('\n').find((l) => l.includes('导入失败') || l.includes('错误')) ?? '';
  return {
    name,
    bytes: 0,
    seconds: m ? Number(m[1]) : timeoutS,
    peakMb: m ? Math.round(Number(m[2]) / 1024) : NaN,
    exit: r.status,
    message: r.error ? `killed after ${timeoutS} s` : message.slice(0, 160),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--timeout-s');
  const timeoutS = at >= 0 ? Number(argv[at + 1]) || 60 : 60;
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
  if (!existsSync('/usr/bin/time')) throw new Error('needs /usr/bin/time (Debian package "time")');
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-hostile-'));
  try {
    for (const [name, make] of Object.entries(HOSTILE_CASES)) {
      if (only && !only.some((o) => name.includes(o))) continue;
      const bytes = await make();
      const file = join(dir, name.startsWith('xlsx') ? 'hostile.xlsx' : 'hostile.docx');
      writeFileSync(file, bytes);
      const f = measure(name, file, join(dir, `${Date.now()}.db`), timeoutS);
      f.bytes = bytes.length;
      process.stdout.write(
        `${f.name.padEnd(30)} ${String(Math.round(f.bytes / 1024)).padStart(6)} KB  ${f.seconds.toFixed(2).padStart(7)} s  ${String(f.peakMb).padStart(6)} MB  exit ${f.exit}  ${f.message}\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /hostile\.[cm]?[jt]s$/.test(process.argv[1])) await main();
