/**
 * Label JSON past its limits (issue #27, item 12): a 200,000-deep array, 200,000 rows, "表" as an
 * object and over-long text used to end in 内部错误 or 「请重新打开表单后再试」. Like a Word import,
 * an import-json now cuts what is too long and says so, naming the label and the limit; what
 * cannot be read at all is refused naming what was wrong. Read in the import worker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS } from '../../shared/limits';
import { lastLine, runCliCapture } from '../helpers/cli';
import { tempDir } from '../store/tempStore';

let tmp: ReturnType<typeof tempDir>;
let db: string;
const cli = (...args: string[]) => runCliCapture(['--db', db, ...args]);
const project = (): Record<string, unknown> =>
  JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url)), 'utf8'));

beforeEach(() => {
  tmp = tempDir('shenbao-cli-labeljson-');
  db = join(tmp.dir, 'shenbao.db');
});
afterEach(() => tmp.cleanup());

async function importJson(text: string) {
  const file = join(tmp.dir, `form-${Math.random()}.json`);
  writeFileSync(file, text);
  return cli('import-json', file);
}

describe('import-json past the limits', () => {
  it('a 200,000-deep array as a field is left out with a note naming the field', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const text = JSON.stringify({ ...project(), 项目属性: 'X' }).replace('"X"', deep);
    const r = await importJson(text);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('提示：「项目属性」应是文字，文件里却是列表，已忽略');
    expect(r.stderr + r.stdout).not.toMatch(/内部错误/);
  });

  it('a 200,000-deep array as a row’s cell, and as the rows, are left out naming the group', async () => {
    const p = project();
    const rows = p['绩效指标'] as Record<string, unknown>[];
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const cell = JSON.stringify({ ...p, 绩效指标: [{ ...rows[0], 指标值: 'X' }, ...rows.slice(1)] }).replace('"X"', deep);
    const a = await importJson(cell);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toContain('提示：「绩效指标」第 1 行的「指标值」应是文字，文件里却是列表，已忽略');
    const b = await importJson(JSON.stringify({ ...p, 绩效指标: 'X' }).replace('"X"', `[${deep}]`));
    expect(b.stderr + b.stdout).not.toMatch(/内部错误/);
    expect(b.stderr).toContain('提示：「绩效指标」第 1 行不是以列名为键的对象，已忽略');
  });

  it('200,000 rows are cut to the group’s maximum, saying so', async () => {
    const p = project();
    const r = await importJson(JSON.stringify({ ...p, 绩效指标: Array.from({ length: 200_000 }, (_, i) => ({ 三级指标: `指标${i}` })) }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/提示：「绩效指标」有 200000 行，超过上限 \d+ 行，只导入了前 \d+ 行，请核对/);
  });

  it('over-long text is cut to the limit, naming the field; a long unknown key is quoted in 50 characters', async () => {
    const long = '很'.repeat(200_000);
    const r = await importJson(JSON.stringify({ ...project(), 年度目标: long, [long]: '1' }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`提示：「年度目标」的内容超过 ${MAX_FIELD_CHARS} 字，只导入了前 ${MAX_FIELD_CHARS} 字，请核对`);
    expect(r.stderr).toContain(`提示：未识别的项目「${'很'.repeat(50)}…」已忽略`);
    const id = lastLine(r.stdout);
    const shown = JSON.parse((await cli('show', id, '--json')).stdout) as Record<string, string>;
    expect(shown['年度目标']).toHaveLength(MAX_FIELD_CHARS);
  });

  it('"表" as an object is refused, saying what it should be', async () => {
    const r = await importJson(JSON.stringify({ ...project(), 表: { 名称: '项目支出绩效目标表' } }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/这个 JSON 文件不能导入：「表」应是表的名称（文字，例如「.+」），文件里却是对象/);
  });
});
