/**
 * Every user file — 指标库 files, template files, label JSON — is read in the import worker under
 * its limits (issue #27, item 5): a hostile file ends with a Chinese refusal within the time and
 * memory a file may cost, and the process goes on to read the next file. Measured on a real
 * child process: its peak memory counts the worker's, which shares the process.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryRowsFromXlsx } from '../../electron/core/import/libraryXlsx';
import { ImportWorker } from '../../electron/core/import/readWorker';
import { isUserError } from '../../shared/errors';
import { templateToFile } from '../../shared/template/file';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';
import { cellsOf, farColumnsLibraryXlsx, goodLibraryXlsx, handXlsx, LIBRARY_HEADER } from '../helpers/hostileXlsx';
import { tempDir } from '../store/tempStore';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CHILD = fileURLToPath(new URL('./child/userFiles.ts', import.meta.url));

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir('shenbao-user-files-')));
afterAll(() => tmp.cleanup());

interface Step {
  channel: string;
  file: string;
  ms: number;
  reply: { ok: boolean; value?: unknown; error?: string };
}

/**
 * Runs the child on these files. Its main heap is held to 600 MB, so a reader that allocates
 * gigabytes ends the child quickly instead of the machine's memory (the old code took 4.2 GB).
 */
function answer(files: Record<string, Uint8Array>, channel: string): { steps: Step[]; maxRssMb: number; status: number | null } {
  const args = Object.entries(files).map(([name, bytes]) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, bytes);
    return `${channel}=${path}`;
  });
  const r = spawnSync(TSX, [CHILD, join(tmp.dir, `${channel}.db`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=600' },
    timeout: 60_000,
  });
  const lines = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Step & { maxRssMb?: number });
  return { steps: lines.filter((l) => l.channel), maxRssMb: lines.find((l) => l.maxRssMb)?.maxRssMb ?? NaN, status: r.status };
}

describe('a hostile 指标库 .xlsx', () => {
  it('with cells at ZZZZZ2 is refused within 15 s and 500 MB, and the next file imports in the same process', { timeout: 90_000 }, () => {
    const hostile = farColumnsLibraryXlsx();
    expect(hostile.length).toBeLessThan(4000);
    const { steps, maxRssMb, status } = answer({ '远列.xlsx': hostile, '好的.xlsx': goodLibraryXlsx(3) }, 'library.import');
    expect(status).toBe(0);
    expect(steps).toHaveLength(2);
    const [bad, good] = steps;
    expect(bad.reply.ok).toBe(false);
    expect(bad.reply.error).toMatch(/指标库文件不能导入.*ZZZZZ2.*XFD1048576/);
    expect(bad.ms).toBeLessThan(15_000);
    expect(good.reply).toEqual({ ok: true, value: { count: 3 } });
    expect(maxRssMb).toBeLessThan(500);
  });
});

describe('a hostile template file', () => {
  it(
    '200,000 levels deep is refused in Chinese in the worker, and the next template imports in the same process',
    { timeout: 90_000 },
    () => {
      const deep = `{"format":"shenbao-template","schemaVersion":1,"template":{"id":"x","fields":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
      const good = new TextEncoder().encode(templateToFile(MADE_UP_TEMPLATE));
      const { steps, maxRssMb, status } = answer({ '深.json': new TextEncoder().encode(deep), '好.json': good }, 'templates.import');
      expect(status).toBe(0);
      const [bad, next] = steps;
      expect(bad.reply.ok).toBe(false);
      expect(bad.reply.error).toMatch(/^这个表样文件不能导入：/);
      expect(bad.ms).toBeLessThan(15_000);
      expect(next.reply.ok, next.reply.error).toBe(true);
      expect(maxRssMb).toBeLessThan(500);
    },
  );
});

describe('the 指标库 reader', () => {
  const workers: ImportWorker[] = [];
  afterAll(async () => {
    for (const w of workers) await w.close();
  });

  it('places cells by their reference without allocating up to it, and refuses references past XFD1048576', () => {
    const far = handXlsx([
      cellsOf([LIBRARY_HEADER])[0],
      [
        { ref: 'C2', text: '培训人次' },
        { ref: 'XFD2', text: '最后一列' },
      ],
    ]);
    expect(libraryRowsFromXlsx(far)).toEqual([{ 一级指标: '', 二级指标: '', 三级指标: '培训人次', 指标值: '', 说明: '' }]);
    for (const ref of ['XFE2', 'A1048577', 'ZZZZZ2']) {
      const bad = handXlsx([cellsOf([LIBRARY_HEADER])[0], [{ ref, text: 'x' }]]);
      expect(() => libraryRowsFromXlsx(bad)).toThrow(new RegExp(`「${ref}」超出了 Excel 表格的范围（最大 XFD1048576）`));
    }
  });

  it('reads in the worker: a file past its memory ends the worker with advice for Excel, and the next read works', async () => {
    const small = new ImportWorker({ heapMb: 24 });
    workers.push(small);
    const big = goodLibraryXlsx(20_000);
    const err = await small.readFile(big, 10_000, [], { kind: 'library', fileName: '大.xlsx' }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(isUserError(err), String(err)).toBe(true);
    expect(err?.message).toMatch(/^这个指标库文件不能导入：读取这个文件需要的内存超过上限（24 MB）.*Excel 或 WPS 表格.*\.xlsx/);
    expect(err?.message).not.toMatch(/Word|\.docx/);
    expect(await small.readFile(goodLibraryXlsx(2), 10_000, [], { kind: 'library', fileName: '好.xlsx' })).toHaveLength(2);
  });

  it('reads a name’s text without the 拼音指南 (phonetic) runs Excel keeps beside it', () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>培训人次</t><rPh sb="0" eb="2"><t>péixùn</t></rPh><phoneticPr fontId="1"/></si><si><r><t>组织</t></r><r><rPr><b/></rPr><t>赛事</t></r><rPh sb="0" eb="2"><t>zǔzhī</t></rPh></si></sst>`;
    const file = handXlsx(
      [cellsOf([LIBRARY_HEADER])[0], [{ xml: '<c r="C2" t="s"><v>0</v></c>' }], [{ xml: '<c r="C3" t="s"><v>1</v></c>' }]],
      sst,
    );
    expect(libraryRowsFromXlsx(file).map((r) => r['三级指标'])).toEqual(['培训人次', '组织赛事']);
  });

  it('gives advice for Excel, not for Word, when the workbook’s XML is refused', () => {
    const unsafe = handXlsx([cellsOf([LIBRARY_HEADER])[0]], '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><sst/>');
    let message = '';
    try {
      libraryRowsFromXlsx(unsafe);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^这个指标库文件不能导入：.*DOCTYPE.*Excel 或 WPS 表格.*\.xlsx.*没有做任何改动。$/);
    expect(message).not.toMatch(/Word|\.docx|申报表/);
  });
});
