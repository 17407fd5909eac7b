import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastLine, runCliCapture } from '../helpers/cli';
import { toLabelJson } from '../../shared/labelJson';
import { SEED_JSON_PATH, seedForm, seedJson, T2019 } from '../helpers/seed';
import { tempDir } from '../store/tempStore';

let tmp: ReturnType<typeof tempDir>;
let db: string;
const cli = (...args: string[]) => runCliCapture(['--db', db, ...args]);

beforeEach(() => {
  tmp = tempDir('shenbao-cli-');
  db = join(tmp.dir, 'shenbao.db');
});
afterEach(() => tmp.cleanup());

async function importSeed(patch: Record<string, string> = {}): Promise<string> {
  const file = join(tmp.dir, `form-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify({ ...seedJson(), ...patch }));
  const r = await cli('import-json', file);
  expect(r.code, r.stderr).toBe(0);
  return lastLine(r.stdout);
}

describe('store commands', () => {
  it('imports the seed, shows it back label for label and validates it with zero errors', async () => {
    const r = await cli('import-json', SEED_JSON_PATH);
    expect(r.code, r.stderr).toBe(0);
    const id = lastLine(r.stdout);
    expect(id).toMatch(/^\d+$/);
    const shown = await cli('show', id, '--json');
    // Indicators print with their own consistent numbering, so compare with the seed as the app prints it.
    expect(JSON.parse(shown.stdout)).toEqual(toLabelJson(seedForm(), T2019));
    expect(JSON.parse(shown.stdout)['部门职能职责概述']).toBe(seedJson()['部门职能职责概述']);
    const v = await cli('validate', id);
    expect(v.code).toBe(0);
    expect(v.stdout).not.toContain('错误');
  });

  it('fails validation when 其他资金 is 61', async () => {
    const id = await importSeed({ 其他资金: '61' });
    const v = await cli('validate', id);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('错误：按收入性质分合计应等于资金总额');
  });

  it('keeps amounts like 1856.3472 exactly', async () => {
    const id = await importSeed({ 资金总额: '1856.3472', 一般公共预算拨款: '1796.3472', 基本支出: '1807.3472' });
    const shown = JSON.parse((await cli('show', id, '--json')).stdout);
    expect(shown['资金总额']).toBe('1856.3472');
    expect(shown['按收入性质分']).toBe('1856.3472');
    expect((await cli('validate', id)).code).toBe(0);
  });

  it('lists forms as JSON', async () => {
    const id = await importSeed();
    const list = JSON.parse((await cli('list', '--json')).stdout);
    expect(list).toEqual([
      {
        id: Number(id),
        template: 'bumen-zhengti-2019',
        year: '2019',
        title: '湖南省桃源县看守所',
        unit: '湖南省桃源县看守所',
        status: 'draft',
        updatedAt: expect.any(String),
      },
    ]);
  });

  it('makes next year from the seed with the texts carried and the dates moved', async () => {
    const id = await importSeed();
    const r = await cli('new-year', id, '--year', '2020');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2019年1月1日至2019年12月31日 → 2020年1月1日至2020年12月31日');
    const next = JSON.parse((await cli('show', lastLine(r.stdout), '--json')).stdout);
    const seed = toLabelJson(seedForm(), T2019);
    expect(next['年度']).toBe('2020');
    for (const label of ['填报单位', '部门名称', '部门职能职责概述', '整体绩效目标', '效益指标']) expect(next[label]).toBe(seed[label]);
    expect(next['产出指标']).toContain('2020年1月1日至2020年12月31日');
    expect(next['产出指标']).not.toContain('2019年');
    expect(next['资金总额']).toBe('');
    const again = await cli('new-year', id, '--year', '2020');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/已有 2020 年度「湖南省桃源县看守所」/);
  });

  it('backs up, deletes, and brings the form back with restore-backup', async () => {
    const id = await importSeed({ 资金总额: '1856.3472', 一般公共预算拨款: '1796.3472', 基本支出: '1807.3472' });
    const backup = join(tmp.dir, '备份.db');
    expect((await cli('backup', '--out', backup)).code).toBe(0);
    expect((await cli('delete', id)).code).toBe(0);
    expect(JSON.parse((await cli('list', '--json')).stdout)).toEqual([]);
    expect(JSON.parse((await cli('trash', '--json')).stdout).map((f: { id: number }) => f.id)).toEqual([Number(id)]);
    const restored = await cli('restore-backup', backup);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse((await cli('list', '--json')).stdout).map((f: { id: number }) => f.id)).toEqual([Number(id)]);
    expect(JSON.parse((await cli('show', id, '--json')).stdout)['资金总额']).toBe('1856.3472');
  });

  it('undeletes from the trash', async () => {
    const id = await importSeed();
    await cli('delete', id);
    const r = await cli('undelete', id);
    expect(r.code).toBe(0);
    expect(JSON.parse((await cli('trash', '--json')).stdout)).toEqual([]);
  });

  it('answers user mistakes in Chinese with a non-zero exit code', async () => {
    const garbage = join(tmp.dir, 'garbage.db');
    writeFileSync(garbage, 'not a backup');
    const cases: [string[], RegExp][] = [
      [['show', '99', '--json'], /找不到编号为 99 的表单/],
      [['show'], /请给出表单编号/],
      [['import-json', join(tmp.dir, 'missing.json')], /读不到文件/],
      [['new-year', '1'], /请用 --year/],
      [['restore-backup', garbage], /不是本程序的备份文件/],
      [['backup'], /请用 --out/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(message);
    }
  });
});
