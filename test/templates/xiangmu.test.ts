/**
 * 项目支出绩效目标表 (county single-year layout) and 项目支出绩效目标申报表 (national two-block
 * layout): the shared filled example through import-json → show → validate → export → import,
 * the checks of the indicator grid, and the Word layout read back by the independent reader.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import type { FormData } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { validateForm } from '../../shared/validation';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { xiangmuZhichu2015 as T2 } from '../../shared/templates/xiangmu-zhichu-2015';
import { lastLine, runCliCapture } from '../helpers/cli';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';
import { readDocx } from '../helpers/read';
import { tempDir } from '../store/tempStore';

const FIXTURE = fileURLToPath(new URL('../fixtures/xiangmu-2025-tiyu.json', import.meta.url));
const fixture = (): Record<string, unknown> => JSON.parse(readFileSync(FIXTURE, 'utf8'));
const fixtureForm = (): FormData => withComputed(fromLabelJson(fixture(), T).form, T);

type Row = Record<string, string>;
const rowsOf = (f: FormData) => f.values.indicators as Row[];

describe('the shared project fixture through the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('shenbao-xiangmu-')));
  afterEach(() => tmp.cleanup());
  const cli = (...args: string[]) => runCliCapture(['--db', join(tmp.dir, 'db.db'), ...args]);

  it('imports with import-json, shows back key for key, validates clean, exports and imports back equal', async () => {
    const created = await cli('import-json', FIXTURE);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toBe('');
    const id = lastLine(created.stdout);
    const shown = JSON.parse((await cli('show', id, '--json')).stdout);
    const { _about, ...expected } = fixture();
    expect(_about).toBeTruthy();
    expect(shown).toEqual(expected);
    const checked = await cli('validate', id);
    expect(checked.stdout.trim()).toBe('检查通过，没有发现问题');

    const docx = join(tmp.dir, 'out.docx');
    expect((await cli('export', id, '--out', docx)).code).toBe(0);
    const read = await readDocx(readFileSync(docx));
    expect(read.source).toBe('embedded');
    expect(read.notes).toEqual([]);
    expect(read.data).toEqual(fixtureForm());
    // A second project of the same unit is another form; the same project again is a conflict.
    const second = { ...fixture(), 项目名称: '青少年体育培训经费' };
    writeFileSync(join(tmp.dir, 'b.json'), JSON.stringify(second));
    expect((await cli('import-json', join(tmp.dir, 'b.json'))).code).toBe(0);
    const again = await cli('import-json', FIXTURE);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/同一年度同一实施单位、项目名称只能有一份项目支出绩效目标表/);
  });
});

describe('many projects', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('shenbao-xiangmu-many-')));
  afterEach(() => tmp.cleanup());
  const cli = (...args: string[]) => runCliCapture(['--db', join(tmp.dir, 'db.db'), ...args]);

  it('exports several selected forms into one folder, named by each form, a repeated name numbered', async () => {
    const ids: string[] = [];
    for (const [name, unit] of [
      ['全民健身赛事活动经费', '六安市金安区体育局'],
      ['青少年体育培训经费', '六安市金安区体育局'],
      ['全民健身赛事活动经费', '六安市裕安区体育局'],
    ]) {
      const f = join(tmp.dir, `${ids.length}.json`);
      writeFileSync(f, JSON.stringify({ ...fixture(), 项目名称: name, 实施单位: unit }));
      ids.push(lastLine((await cli('import-json', f)).stdout));
    }
    const outDir = join(tmp.dir, '导出');
    const { mkdirSync, readdirSync } = await import('node:fs');
    mkdirSync(outDir);
    const r = await cli('export', ...ids, '--out', outDir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(
      [
        '2025年全民健身赛事活动经费项目支出绩效目标表.docx',
        '2025年全民健身赛事活动经费项目支出绩效目标表（2）.docx',
        '2025年青少年体育培训经费项目支出绩效目标表.docx',
      ].sort(),
    );
    const second = await readDocx(readFileSync(join(outDir, '2025年全民健身赛事活动经费项目支出绩效目标表（2）.docx')));
    expect(second.data.values.unit).toBe('六安市裕安区体育局');
    expect((await cli('export', ...ids, '--out', join(tmp.dir, 'x.docx'))).stderr).toMatch(/导出多份时 --out 应是一个已有的文件夹/);
  });

  it('new year from last year’s project form keeps the grid, clears the money and moves 时效 years', async () => {
    const id = lastLine((await cli('import-json', FIXTURE)).stdout);
    const r = await cli('new-year', id, '--year', '2026');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已改年份 绩效指标第5行·指标值：2025年年底前 → 2026年年底前');
    expect(r.stdout).toMatch(/请重新填写：年度资金总额、财政拨款、其他资金/);
    const next = JSON.parse((await cli('show', lastLine(r.stdout), '--json')).stdout);
    expect(next).toMatchObject({ 年度: '2026', 项目名称: '全民健身赛事活动经费', 年度资金总额: '', 财政拨款: '' });
    expect(next['绩效指标']).toHaveLength(11);
    expect(next['绩效指标'][4]).toEqual({ 一级指标: '产出指标', 二级指标: '时效指标', 三级指标: '完成时间', 指标值: '2026年年底前' });
    expect(next['年度目标']).toBe(fixture()['年度目标']);
  });
});

describe('Word export of the project form', () => {
  it('prints the indicator grid with 一级/二级 merged, every 三级 and 指标值, a repeating header and unsplittable rows', async () => {
    const f = fixtureForm();
    const g = await readDocxGrid((await exportDocx(f, T, { appVersion: 't' })).bytes);
    expect(g.table.gridCols).toHaveLength(5);
    expect(g.joinedTables).toBe(2);
    const rows = rowsOf(f);
    expect(g.table.rows).toHaveLength(8 + rows.length);
    for (const r of g.table.rows) expect(r.coveredCols).toBe(5);
    // The grid's header row starts the second table and repeats on each page.
    expect(g.table.rows[7]).toMatchObject({ header: true, tableIndex: 1, cantSplit: true });
    expect(g.table.rows.slice(8).every((r) => r.cantSplit && !r.header)).toBe(true);
    expect(cellAt(g.table, 7, 0)).toMatchObject({ text: '绩效指标', rowSpan: 1 + rows.length });
    expect([1, 2, 3, 4].map((c) => cellAt(g.table, 7, c)!.text)).toEqual(['一级指标', '二级指标', '三级指标', '指标值']);
    // 产出指标 over its six rows; 数量指标 over two, 质量指标 over two, 时效 and 成本 one each.
    expect(cellAt(g.table, 8, 1)).toMatchObject({ text: '产出指标', rowSpan: 6 });
    expect(cellAt(g.table, 14, 1)).toMatchObject({ text: '效益指标', rowSpan: 4 });
    expect(cellAt(g.table, 18, 1)).toMatchObject({ text: '满意度指标', rowSpan: 1 });
    expect([8, 10, 12, 13].map((r) => [cellAt(g.table, r, 2)!.text, cellAt(g.table, r, 2)!.rowSpan])).toEqual([
      ['数量指标', 2],
      ['质量指标', 2],
      ['时效指标', 1],
      ['成本指标', 1],
    ]);
    rows.forEach((row, i) => {
      expect(cellAt(g.table, 8 + i, 3)!.text).toBe(row.name);
      expect(cellAt(g.table, 8 + i, 4)!.text).toBe(row.value);
    });
    expect(cellAt(g.table, 3, 1)!.text).toBe('年度资金总额：');
    expect(cellAt(g.table, 3, 3)!.text).toBe('1000.00');
    expect(cellAt(g.table, 4, 1)!.text).toBe('其中：财政拨款');
    expect(cellAt(g.table, 3, 0)).toMatchObject({ text: '项目资金\n（万元）', rowSpan: 3 });
  });

  it('exports a blank project form with the default 一级/二级 rows to write in by hand', async () => {
    const { exportBlankDocx } = await import('../../electron/core/export');
    const g = await readDocxGrid(await exportBlankDocx(T, '2026', { appVersion: 't' }));
    expect(g.before.map((p) => p.text)).toEqual(['项目支出绩效目标表', '（2026年度）']);
    expect(g.table.rows).toHaveLength(8 + 9);
    expect(cellAt(g.table, 8, 1)).toMatchObject({ text: '产出指标', rowSpan: 4 });
    expect(cellAt(g.table, 16, 2)!.text).toBe('服务对象满意度指标');
  });
});

function twoBlock(): FormData {
  const f = withComputed(
    fromLabelJson(
      {
        表: '项目支出绩效目标申报表',
        年度: '2025',
        项目名称: '农村饮水安全巩固提升',
        主管部门及代码: '[301]某县水利局',
        实施单位: '某县农村供水站',
        项目属性: '延续项目',
        项目期: '3年',
        中期资金总额: '3000',
        中期财政拨款: '2500',
        中期其他资金: '500',
        年度资金总额: '1000',
        年度财政拨款: '800',
        年度其他资金: '200',
        中期目标: '目标1：三年内完成全县农村供水管网改造。',
        年度目标: '目标1：完成10个村的管网改造。',
        绩效指标: [
          {
            一级指标: '产出指标',
            中期二级指标: '数量指标',
            中期三级指标: '改造管网长度',
            中期指标值: '≥300公里',
            年度二级指标: '数量指标',
            年度三级指标: '改造管网长度',
            年度指标值: '≥100公里',
          },
          {
            一级指标: '产出指标',
            中期二级指标: '数量指标',
            中期三级指标: '受益行政村',
            中期指标值: '30个',
            年度二级指标: '数量指标',
            年度三级指标: '受益行政村',
            年度指标值: '10个',
          },
          {
            一级指标: '产出指标',
            中期二级指标: '时效指标',
            中期三级指标: '完成时间',
            中期指标值: '2027年底前',
            年度二级指标: '时效指标',
            年度三级指标: '完成时间',
            年度指标值: '2025年底前',
          },
          {
            一级指标: '效益指标',
            中期二级指标: '社会效益指标',
            中期三级指标: '',
            中期指标值: '',
            年度二级指标: '社会效益指标',
            年度三级指标: '饮水安全保障率',
            年度指标值: '≥98%',
          },
          {
            一级指标: '满意度指标',
            中期二级指标: '服务对象满意度指标',
            中期三级指标: '群众满意度',
            中期指标值: '≥90%',
            年度二级指标: '服务对象满意度指标',
            年度三级指标: '群众满意度',
            年度指标值: '≥90%',
          },
        ],
      },
      T2,
    ).form,
    T2,
  );
  return f;
}

describe('the national two-block layout', () => {
  it('validates a form with both blocks filled, exports the 8-column grid and imports it back equal', async () => {
    const f = twoBlock();
    expect(validateForm(f, T2)).toEqual([]);
    const { bytes } = await exportDocx(f, T2, { appVersion: 't' });
    const g = await readDocxGrid(bytes);
    expect(g.table.gridCols).toHaveLength(8);
    for (const r of g.table.rows) expect(r.coveredCols).toBe(8);
    expect(g.table.rows.slice(8, 10).map((r) => r.header)).toEqual([true, true]);
    expect(cellAt(g.table, 8, 2)!.text).toBe('中期指标');
    expect([2, 3, 4, 5, 6, 7].map((c) => cellAt(g.table, 9, c)!.text)).toEqual([
      '二级指标',
      '三级指标',
      '指标值',
      '二级指标',
      '三级指标',
      '指标值',
    ]);
    expect(cellAt(g.table, 10, 1)).toMatchObject({ text: '产出指标', rowSpan: 3 });
    expect(cellAt(g.table, 10, 2)).toMatchObject({ text: '数量指标', rowSpan: 2 });
    expect(cellAt(g.table, 10, 5)).toMatchObject({ text: '数量指标', rowSpan: 2 });
    expect(cellAt(g.table, 13, 4)!.text).toBe('');
    expect(cellAt(g.table, 7, 1)!.text).toBe('目标1：三年内完成全县农村供水管网改造。');

    const exact = await readDocx(bytes);
    expect(exact.data).toEqual(f);
    // From the table alone (the embedded copy removed), the blocks come back column for column.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('docProps/custom.xml');
    const table = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(table.source).toBe('table');
    expect(table.data.templateId).toBe(T2.id);
    expect(table.notes).toEqual([]);
    expect(table.data.values).toEqual(f.values);
  });

  it('checks both sums and that the year does not exceed the medium term', () => {
    const f = twoBlock();
    f.values.midOther = '400';
    f.values.total = '3500';
    f.values.fiscal = '3300';
    const ms = validateForm(f, T2).map((m) => [m.field, m.message]);
    expect(ms).toContainEqual(['midTotal', '中期资金总额应等于中期财政拨款与其他资金之和（中期资金总额 3000，各项之和为 2900 万元）']);
    expect(ms).toContainEqual(['total', '年度资金总额不应超过中期资金总额（年度资金总额 3500，中期资金总额 3000）']);
  });
});

describe('checks of the indicator grid', () => {
  const withRows = (rows: Row[], values: Record<string, string> = {}): FormData => {
    const f = fixtureForm();
    return { ...f, values: { ...f.values, ...values, indicators: rows } };
  };
  const row = (level1: string, level2: string, name: string, value: string): Row => ({ level1, level2, name, value });
  const base = () => rowsOf(fixtureForm());

  it('the fixture is clean', () => {
    expect(validateForm(fixtureForm(), T)).toEqual([]);
  });

  it('年度资金总额 = 财政拨款 + 其他资金', () => {
    const ms = validateForm(withRows(base(), { other: '10' }), T);
    expect(ms.map((m) => [m.field, m.code])).toEqual([['total', 'sum']]);
  });

  it('each of 产出 / 效益 / 满意度 needs a filled 三级, marked on its first row', () => {
    const rows = base().map((r) => (r.level1 === '满意度指标' ? { ...r, name: '', value: '' } : r));
    const ms = validateForm(withRows(rows), T);
    expect(ms).toEqual([
      {
        field: 'indicators',
        row: 10,
        column: 'level1',
        severity: 'error',
        code: 'levelEmpty',
        message: '满意度指标下至少要填写一条三级指标',
      },
    ]);
    const none = validateForm(withRows(base().filter((r) => r.level1 !== '效益指标')), T);
    expect(none.find((m) => m.code === 'levelEmpty')).toMatchObject({ field: 'indicators', message: '效益指标下至少要填写一条三级指标' });
    expect(none.find((m) => m.code === 'levelEmpty')!.row).toBeUndefined();
  });

  it('a filled 三级 needs a 指标值, and a 指标值 needs its 三级', () => {
    const rows = [...base(), row('产出指标', '数量指标', '培训人次', ''), row('产出指标', '数量指标', '', '≥200人次')];
    const ms = validateForm(withRows(rows), T).map((m) => [m.row, m.column, m.message]);
    expect(ms).toEqual([
      [11, 'value', '第12行：写了三级指标的行要填写指标值'],
      [12, 'name', '第13行：填了指标值的行要写明三级指标'],
    ]);
  });

  it('warns on a 成本指标 above 年度资金总额, a 时效指标 of another year and ≥ above 100 %', () => {
    const rows = base().map((r) =>
      r.name === '项目总成本'
        ? { ...r, value: '≤1200万元' }
        : r.name === '完成时间'
          ? { ...r, value: '2024年年底前' }
          : r.name === '群众满意度'
            ? { ...r, value: '≥120%' }
            : r,
    );
    const ms = validateForm(withRows(rows), T);
    expect(ms.every((m) => m.severity === 'warning')).toBe(true);
    expect(ms.map((m) => [m.row, m.code])).toEqual([
      [5, 'costAboveTotal'],
      [4, 'deadlineYear'],
      [10, 'percentAbove100'],
    ]);
    expect(ms[0].message).toBe('成本指标「项目总成本」的指标值 1200 万元超过了年度资金总额 1000 万元，请核对');
    // ≥100% is reachable; ≦ and ≧ are read like ≤ and ≥.
    const fine = base().map((r) =>
      r.name === '群众满意度' ? { ...r, value: '≥100%' } : r.name === '项目总成本' ? { ...r, value: '≦1000万元' } : r,
    );
    expect(validateForm(withRows(fine), T)).toEqual([]);
  });

  it('refuses a 10,000-character 指标值 and a 501st row with a Chinese message, keeping what was typed', () => {
    const long = 'x'.repeat(10_000);
    const f = withRows([...base(), row('产出指标', '质量指标', '长文字', long)]);
    const [m] = validateForm(f, T);
    expect(m).toMatchObject({ row: 11, column: 'value', code: 'tooLong' });
    expect(m.message).toBe('绩效指标第12行的指标值太长（10000 个字，最多 500 个字），请删减');
    expect(rowsOf(f)[11].value).toBe(long);
    const many = Array.from({ length: 501 }, (_, i) => row('产出指标', '数量指标', `指标${i}`, `${i}个`));
    const tooMany = validateForm(withRows(many), T);
    expect(tooMany.find((x) => x.code === 'tooManyRows')!.message).toBe('绩效指标有 501 行，最多 500 行，请删减');
  });
});

describe('cli diff', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('shenbao-diff-')));
  afterEach(() => tmp.cleanup());
  const cli = (...args: string[]) => runCliCapture(['--db', join(tmp.dir, 'db.db'), ...args]);

  it('compares a form with last year’s of the same project, in words and as JSON', async () => {
    const first = lastLine((await cli('import-json', FIXTURE)).stdout);
    const next = { ...fixture(), 年度: '2026', 年度资金总额: '1200', 财政拨款: '1200' } as Record<string, unknown>;
    const rows = structuredClone(next['绩效指标']) as Record<string, string>[];
    rows[rows.length - 1]['指标值'] = '≥96%';
    next['绩效指标'] = rows;
    writeFileSync(join(tmp.dir, 'next.json'), JSON.stringify(next));
    const second = lastLine((await cli('import-json', join(tmp.dir, 'next.json'))).stdout);
    const text = await cli('diff', second);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('金额 年度资金总额：1000 → 1200（+200，20.0%）');
    expect(text.stdout).toContain('绩效指标：新增 0，删除 0，修改 1，未变 10');
    expect(text.stdout).toContain('修改 满意度指标 / 服务对象满意度指标 / 群众满意度；指标值：≥95% → ≥96%');
    const json = JSON.parse((await cli('diff', second, '--json')).stdout);
    expect(json.before).toEqual({ id: Number(first), year: '2025' });
    expect(json.groups[0].counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 10 });
    expect((await cli('diff', first)).stderr).toMatch(/没有找到「全民健身赛事活动经费」的上年（2024 年）表单/);
  });
});

describe('stale-copy warnings', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('shenbao-stale-')));
  afterEach(() => tmp.cleanup());
  const cli = (...args: string[]) => runCliCapture(['--db', join(tmp.dir, 'db.db'), ...args]);

  it('warn when this year’s form still reads like last year’s: same 年度目标, quantities unchanged while the money moved over 20 %', async () => {
    const first = lastLine((await cli('import-json', FIXTURE)).stdout);
    const second = lastLine((await cli('new-year', first, '--year', '2026')).stdout);
    const json = JSON.parse((await cli('show', second, '--json')).stdout);
    writeFileSync(join(tmp.dir, 'f.json'), JSON.stringify({ ...json, 年度资金总额: '1300', 财政拨款: '1300', 其他资金: '0' }));
    await cli('delete', second);
    const third = lastLine((await cli('import-json', join(tmp.dir, 'f.json'))).stdout);
    const r = await cli('validate', third);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('提示：年度目标与上年的表单完全相同，请按今年的任务修改');
    expect(lines).toContain('提示：资金比上年变化超过 20%，但「开展运动种类」的指标值「1种」仍与上年相同，请核对');
    expect(lines).toContain('提示：资金比上年变化超过 20%，但「项目总成本」的指标值「≤1000万元」仍与上年相同，请核对');
    expect(lines.filter((l) => l.includes('仍与上年相同'))).toHaveLength(3);
    // Within 20 % the quantities may stay.
    writeFileSync(
      join(tmp.dir, 'g.json'),
      JSON.stringify({ ...json, 年度资金总额: '1100', 财政拨款: '1100', 其他资金: '0', 年度目标: '新的目标。' }),
    );
    await cli('delete', third);
    const fourth = lastLine((await cli('import-json', join(tmp.dir, 'g.json'))).stdout);
    expect((await cli('validate', fourth)).stdout.trim()).toBe('检查通过，没有发现问题');
  });
});

describe('年度对比 as a Word document', () => {
  it('prints the money, the changed texts struck and underlined, and the changed indicator rows', async () => {
    const { compareDocx } = await import('../../electron/core/export/compareDocx');
    const { diffForms } = await import('../../shared/compare/formDiff');
    const before = fixtureForm();
    const after = structuredClone(before);
    after.values.year = '2026';
    after.values.total = '1200';
    after.values.goal = (after.values.goal as string).replace('1项', '2项');
    (after.values.indicators as Row[])[10].value = '≥96%';
    const bytes = await compareDocx(diffForms(T, before, after), {
      title: '全民健身赛事活动经费',
      before: { id: 1, year: '2025' },
      after: { id: 2, year: '2026' },
    });
    const { readDocxParts } = await import('../helpers/docxGrid');
    const xml = (await readDocxParts(bytes)).get('word/document.xml')!;
    const g = await readDocxGrid(bytes);
    expect(g.before.map((p) => p.text).slice(0, 2)).toEqual([
      '全民健身赛事活动经费年度对比',
      '2025 年（编号 1）→ 2026 年（编号 2）　金额单位：万元',
    ]);
    const money = g.table.cells.filter((c) => c.row === 1).map((c) => c.text);
    expect(money).toEqual(['年度资金总额', '1000', '1200', '200', '20.0%']);
    expect(xml).toMatch(/<w:strike\/>(?:(?!<\/w:r>).)*<w:t[^>]*>1<\/w:t>/s);
    expect(xml).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>2<\/w:t>/s);
    expect(xml).toContain('指标值：≥95%');
    expect(xml).toContain('指标值：≥96%');
  });
});
