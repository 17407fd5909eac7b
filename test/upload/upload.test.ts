/**
 * The 一体化 upload file (issue 23, point 4): a real store with project forms of four layouts, a
 * department form and a form of another year; the file read back with SheetJS (@e965/xlsx, not
 * the writer exceljs) and every row and column compared with what the fixtures' label JSON says,
 * worked out here without the app's upload code. A second profile file changes the columns with
 * no code; forms without a 项目代码 are named; the command line and the contract channel give the
 * same file.
 */
import { read, utils, type WorkSheet } from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreHandlers, type Handlers } from '../../electron/core/handlers';
import { exportUpload } from '../../electron/core/export/uploadFile';
import { ExportWorker } from '../../electron/core/exportWorker/worker';
import type { Store } from '../../electron/core/store';
import type { FormData } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { NATIONAL_PROFILE, readUploadProfile, uploadProfileToJson, type UploadProfile } from '../../shared/upload/profile';
import { runCliCapture } from '../helpers/cli';
import { caller } from '../handlers/helpers';
import { storeIn, tempDir } from '../store/tempStore';

type Json = Record<string, unknown>;
type Row = Record<string, string>;

const fixture = (name: string): Json =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8')) as Json;
const templateOf = (id: string): TemplateDef => BUILTIN_TEMPLATES.find((t) => t.id === id)!;
const formOf = (json: Json, templateId: string): FormData => fromLabelJson(json, templateOf(templateId)).form;

const HEADERS = [
  '*具体项目代码',
  '一级绩效指标代码',
  '一级绩效指标名称',
  '*二级绩效指标',
  '*三级绩效指标代码',
  '*三级绩效指标名称',
  '绩效指标说明',
  '*指标值',
  '评（扣）分标准',
  '备注',
];

const hubei = fixture('xiangmu-hubei-2025-example.json');
const guangxi = fixture('xiangmu-guangxi-2025-example.json');
const tiyu = fixture('xiangmu-2025-tiyu.json');
const twoBlock = fixture('xiangmu-2015-example.json');
const seed = fixture('seed-2019-taoyuan.json');

/** A project form whose 指标值 and 项目编码 look like numbers a spreadsheet would spoil. */
const numbery: Json = {
  ...hubei,
  项目名称: '数字样式的项目',
  项目编码: '0042112225000000000099',
  绩效指标: [
    { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '覆盖率', 符号: '=', 值: '0.10', 计量单位: '', 指标解释: '', 评分标准: '' },
    { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '科学计数', 符号: '定性', 值: '1e3', 计量单位: '', 指标解释: '', 评分标准: '' },
    {
      一级指标: '产出指标',
      二级指标: '成本指标',
      三级指标: '单价',
      符号: '≤',
      值: '12345678901234567.89',
      计量单位: '元',
      指标解释: '',
      评分标准: '',
    },
  ],
};

/** The 指标值 as printed from 符号 | 值 | 计量单位, written out here: 定性 prints its text alone. */
const joined = (r: Row) => (r['符号'] === '定性' ? r['值'] : `${r['符号']}${r['值']}${r['计量单位']}`);
const rowsOfJson = (j: Json) => j['绩效指标'] as Row[];

/** What the national profile must give for each fixture, straight from its label JSON. */
const expected = {
  hubei: rowsOfJson(hubei).map((r) => [
    hubei['项目编码'] as string,
    '',
    r['一级指标'],
    r['二级指标'],
    '',
    r['三级指标'],
    r['指标解释'],
    joined(r),
    r['评分标准'],
    '',
  ]),
  guangxi: rowsOfJson(guangxi).map((r) => [
    guangxi['项目编码'] as string,
    '',
    r['一级指标'],
    r['二级指标'],
    '',
    r['三级指标'],
    '',
    r['指标值'],
    '',
    '',
  ]),
  tiyu: rowsOfJson(tiyu).map((r) => ['', '', r['一级指标'], r['二级指标'], '', r['三级指标'], '', r['指标值'], '', '']),
  // The 年度 block only: the 中期 columns are another set of indicators, not this year's.
  twoBlock: rowsOfJson(twoBlock).map((r) => ['', '', r['一级指标'], r['年度二级指标'], '', r['年度三级指标'], '', r['年度指标值'], '', '']),
  numbery: [
    ['0042112225000000000099', '', '产出指标', '数量指标', '', '覆盖率', '', '=0.10', '', ''],
    ['0042112225000000000099', '', '产出指标', '数量指标', '', '科学计数', '', '1e3', '', ''],
    ['0042112225000000000099', '', '产出指标', '成本指标', '', '单价', '', '≤12345678901234567.89元', '', ''],
  ],
};

/** The only sheet's cells as text, row by row, and whether every filled cell is stored as text. */
function sheetOf(bytes: Uint8Array): { name: string; rows: string[][]; allText: boolean } {
  const wb = read(bytes, { type: 'array', cellNF: true });
  expect(wb.SheetNames).toHaveLength(1);
  const ws: WorkSheet = wb.Sheets[wb.SheetNames[0]];
  const rows = utils.sheet_to_json<string[]>(ws, { header: 1, raw: true, defval: '', blankrows: false });
  const cells = Object.keys(ws)
    .filter((k) => !k.startsWith('!'))
    .map((k) => ws[k] as { t: string; z?: string; v: unknown });
  return { name: wb.SheetNames[0], rows, allText: cells.every((c) => c.t === 's' || (c.t === 'z' && c.z === '@')) };
}

const sorted = (rows: string[][]) => [...rows].map((r) => JSON.stringify(r)).sort();

let dir: { dir: string; cleanup(): void };
let store: Store;
const ids: Record<string, number> = {};
let handlers: Handlers;
const { call, failure } = caller(() => handlers);

beforeAll(() => {
  dir = tempDir('shenbao-upload-');
  store = storeIn(dir.dir);
  ids.hubei = store.create(formOf(hubei, 'xiangmu-hubei-2021')).id;
  ids.guangxi = store.create(formOf(guangxi, 'xiangmu-guangxi-2024')).id;
  ids.tiyu = store.create(formOf(tiyu, 'xiangmu-zhichu')).id;
  ids.twoBlock = store.create(formOf(twoBlock, 'xiangmu-zhichu-2015')).id;
  ids.numbery = store.create(formOf(numbery, 'xiangmu-hubei-2021')).id;
  ids.department = store.create(formOf(seed, 'bumen-zhengti-2019')).id;
  ids.otherYear = store.create(formOf({ ...tiyu, 年度: '2024' }, 'xiangmu-zhichu')).id;
  handlers = createCoreHandlers({ store, appVersion: '0.0.0-test', mode: 'desktop' });
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

describe('the 一体化 upload file', () => {
  it('has the national columns and one row per indicator of every project form of the year, exactly as typed', async () => {
    const r = await exportUpload(store, { year: '2025', profile: NATIONAL_PROFILE });
    const sheet = sheetOf(r.bytes);
    expect(sheet.name).toBe('国债资金项目绩效指标');
    expect(sheet.rows[0]).toEqual(HEADERS);
    const all = [...expected.hubei, ...expected.guangxi, ...expected.tiyu, ...expected.twoBlock, ...expected.numbery];
    expect(sorted(sheet.rows.slice(1))).toEqual(sorted(all));
    expect(r.rows).toBe(all.length);
    expect(r.forms).toBe(5);
    // Codes of 20 digits and values such as 0.10 stay text: no cell is a binary number.
    expect(sheet.allText).toBe(true);
    expect(r.fileName).toBe('2025年度一体化项目绩效指标导入.xlsx');
  });

  it('names the forms without a 项目代码 and counts the rows whose codes no list gives', async () => {
    const r = await exportUpload(store, { year: '2025', profile: NATIONAL_PROFILE });
    expect(r.withoutCode.sort()).toEqual(['全民健身赛事活动经费（六安市金安区体育局）', '农村饮水安全巩固提升（某县农村供水站）'].sort());
    expect(r.message).toContain('已导出 5 份表');
    expect(r.message).toMatch(
      /「\*具体项目代码」为空的 2 份表：.*全民健身赛事活动经费.*农村饮水安全巩固提升|「\*具体项目代码」为空的 2 份表：.*农村饮水安全巩固提升.*全民健身赛事活动经费/,
    );
    expect(r.message).toContain(`「*三级绩效指标代码」有 ${r.rows} 行为空`);
    // The department form and the 2024 form are not this year's project forms: not in the file, not named.
    expect(r.message).not.toContain('未导出');
  });

  it('takes codes from the profile’s code list where exactly one matches, and leaves an ambiguous one blank', async () => {
    const profile: UploadProfile = {
      ...NATIONAL_PROFILE,
      codes: [
        { level1: '产出指标', level1Code: '1', level2: '数量指标', level2Code: '101', name: '改造农村义务教育学校数量', code: '10101' },
        { level1: '产出指标', level1Code: '1', level2: '质量指标', level2Code: '102', name: '工程验收合格率', code: '10201' },
        // The same 三级 name twice under one 二级 with two codes: which one is meant cannot be told.
        { level1: '效益指标', level2: '社会效益指标', level2Code: '201', name: '新增义务教育学位', code: '20101' },
        { level1: '效益指标', level2: '社会效益指标', level2Code: '201', name: '新增义务教育学位', code: '20199' },
      ],
    };
    const r = await exportUpload(store, { year: '2025', ids: [ids.hubei], profile });
    const rows = sheetOf(r.bytes).rows.slice(1);
    const byName = new Map(rows.map((x) => [x[5], x]));
    expect(byName.get('改造农村义务教育学校数量')!.slice(1, 6)).toEqual([
      '1',
      '产出指标',
      '101-数量指标',
      '10101',
      '改造农村义务教育学校数量',
    ]);
    expect(byName.get('工程验收合格率')!.slice(1, 6)).toEqual(['1', '产出指标', '102-质量指标', '10201', '工程验收合格率']);
    // 二级 201 is known, the 三级's code is not (two candidates); 效益指标 has no 一级 code in the list.
    expect(byName.get('新增义务教育学位')!.slice(1, 6)).toEqual(['', '效益指标', '201-社会效益指标', '', '新增义务教育学位']);
    expect(byName.get('工程完工时间')!.slice(1, 6)).toEqual(['1', '产出指标', '时效指标', '', '工程完工时间']);
    expect(r.message).toContain(`「*三级绩效指标代码」有 ${rows.length - 2} 行为空`);
  });

  it('follows a second profile file with other columns, with no change to code', async () => {
    const other = {
      name: '省级绩效指标导入',
      sheet: '绩效指标',
      roles: ['project'],
      columns: [
        { header: '项目编码', source: { field: ['项目编码'] }, required: true },
        { header: '项目名称', source: { identity: 'title' } },
        { header: '年度', source: { identity: 'year' } },
        { header: '单位', source: { identity: 'unit' } },
        { header: '三级指标', source: { indicator: 'name' } },
        { header: '指标性质', source: { indicator: 'comparator' } },
        { header: '目标值', source: { indicator: 'number' } },
        { header: '计量单位', source: { indicator: 'unit' } },
        { header: '评分标准', source: { column: ['评分标准'] } },
        { header: '数据来源', source: { constant: '单位申报' } },
      ],
    };
    const file = {
      fileName: '省级格式.json',
      data: Buffer.from(JSON.stringify({ format: 'shenbao-upload-profile', version: 1, profile: other })).toString('base64'),
    };
    const r = await call<{ fileName: string; data: string; rows: number; forms: number; withoutCode: string[]; message: string }>(
      'export.uploadXlsx',
      { year: '2025', ids: [ids.hubei, ids.tiyu], profile: file },
    );
    const sheet = sheetOf(new Uint8Array(Buffer.from(r.data, 'base64')));
    expect(sheet.name).toBe('绩效指标');
    expect(sheet.rows[0]).toEqual(other.columns.map((c) => c.header));
    const want = [
      ...rowsOfJson(hubei).map((x) => [
        hubei['项目编码'] as string,
        hubei['项目名称'] as string,
        '2025',
        hubei['预算单位'] as string,
        x['三级指标'],
        x['符号'],
        x['值'],
        x['计量单位'],
        x['评分标准'],
        '单位申报',
      ]),
      // A combined 指标值 is split by the app's one reader of 指标值: ≤1000万元 → ≤ | 1000 | 万元; a date or words are 定性.
      ...rowsOfJson(tiyu).map((x) => {
        const m = /^(≥|≤|=|＞|＜)?([0-9.]+)(种|%|万元)$/.exec(x['指标值']);
        return [
          '',
          tiyu['项目名称'] as string,
          '2025',
          tiyu['实施单位'] as string,
          x['三级指标'],
          m ? (m[1] ?? '') : '定性',
          m ? m[2] : x['指标值'],
          m ? m[3] : '',
          '',
          '单位申报',
        ];
      }),
    ];
    expect(sorted(sheet.rows.slice(1))).toEqual(sorted(want));
    expect(r.fileName).toBe('2025年度省级绩效指标导入.xlsx');
    expect(r.withoutCode).toEqual(['全民健身赛事活动经费（六安市金安区体育局）']);
    expect(r.message).toContain('「项目编码」为空的 1 份表：全民健身赛事活动经费（六安市金安区体育局）');
  });

  it('names chosen forms that are not this year’s project forms, and refuses a bad profile or a missing form in Chinese', async () => {
    const r = await exportUpload(store, { year: '2025', ids: [ids.guangxi, ids.department, ids.otherYear], profile: NATIONAL_PROFILE });
    expect(r.forms).toBe(1);
    expect(sorted(sheetOf(r.bytes).rows.slice(1))).toEqual(sorted(expected.guangxi));
    expect(r.message).toContain('未导出（不是 2025 年度「一体化项目绩效指标导入」所收的表，或已删除）');
    expect(r.message).toContain('全民健身赛事活动经费（六安市金安区体育局）');
    await expect(exportUpload(store, { year: '2025', ids: [ids.department], profile: NATIONAL_PROFILE })).rejects.toThrow(
      /所选表单中没有 2025 年度「一体化项目绩效指标导入」所收的表/,
    );
    await expect(exportUpload(store, { year: '2031', profile: NATIONAL_PROFILE })).rejects.toThrow(
      '2031 年度没有「一体化项目绩效指标导入」所收的表',
    );
    expect(await failure('export.uploadXlsx', { year: '2025', ids: [999_999] })).toMatch(/找不到编号为 999999 的表单/);
    const bad = (profile: unknown) => ({
      year: '2025',
      profile: {
        fileName: 'x.json',
        data: Buffer.from(JSON.stringify({ format: 'shenbao-upload-profile', version: 1, profile })).toString('base64'),
      },
    });
    expect(await failure('export.uploadXlsx', bad({ ...NATIONAL_PROFILE, columns: [{ header: '代码', source: { field: [] } }] }))).toMatch(
      /这个上传表格式文件不能使用：.*columns\.0\.source/,
    );
    expect(
      await failure('export.uploadXlsx', bad({ ...NATIONAL_PROFILE, columns: [...NATIONAL_PROFILE.columns, NATIONAL_PROFILE.columns[0]] })),
    ).toMatch(/列「\*具体项目代码」出现了两次/);
    expect(() => readUploadProfile('not json')).toThrow(/不是 JSON 文件/);
    // Nesting a join 100,000 deep is refused before the schema walks it, in Chinese, not with a stack overflow.
    const deepText = `{"format":"shenbao-upload-profile","version":1,"profile":{"name":"a","sheet":"b","roles":["project"],"columns":[{"header":"h","source":${'{"join":['.repeat(100_000)}{"constant":"x"}${'],"separator":"-"}'.repeat(100_000)}}]}}`;
    expect(deepText.length).toBeLessThan(3_000_000);
    expect(() => readUploadProfile(deepText)).toThrow(/嵌套过深/);
    expect(() => readUploadProfile(' '.repeat(3_000_001))).toThrow(/文件过大/);
    expect(() => readUploadProfile(JSON.stringify({ format: 'x' }))).toThrow(/不是上传表格式文件/);
  });

  it('reads a bureau’s own template by its labels: 具体项目代码, 绩效指标说明, 评（扣）分标准 and 备注 columns of its own', async () => {
    // A copy of a built-in under an id and labels of its own, imported like a template file: no code knows it.
    const hubeiT = templateOf('xiangmu-hubei-2021');
    const own: TemplateDef = {
      ...structuredClone(hubeiT),
      id: 'county-project-test',
      title: '项目绩效目标表（某县）',
      fields: hubeiT.fields.map((f) => (f.id === 'projectCode' ? { ...f, label: '具体项目代码', aliases: undefined } : f)),
      groups: hubeiT.groups!.map((g) => ({
        ...g,
        columns: g.columns.map((c) =>
          c.id === 'explain'
            ? { ...c, label: '备注', printed: '备注', aliases: undefined }
            : c.id === 'standard'
              ? { ...c, label: '评（扣）分标准', printed: '评（扣）分标准', aliases: undefined }
              : c,
        ),
      })),
    };
    store.importTemplate(own);
    const json: Json = {
      ...hubei,
      表: own.title,
      具体项目代码: 'X-001',
      项目名称: '某县自有表样的项目',
      // Label JSON names columns by their labels: this template's own.
      绩效指标: rowsOfJson(hubei).map(({ 指标解释, 评分标准, ...rest }) => ({ ...rest, 备注: 指标解释, '评（扣）分标准': 评分标准 })),
    };
    delete json['项目编码'];
    const rows = rowsOfJson(hubei);
    const data = fromLabelJson(json, own).form;
    const id = store.create(data).id;
    const r = await exportUpload(store, { year: '2025', ids: [id], profile: NATIONAL_PROFILE });
    // Its 备注 column is 备注 here, not 绩效指标说明: that one has no column in this template and stays blank.
    expect(sorted(sheetOf(r.bytes).rows.slice(1))).toEqual(
      sorted(rows.map((x) => ['X-001', '', x['一级指标'], x['二级指标'], '', x['三级指标'], '', joined(x), x['评分标准'], x['指标解释']])),
    );
    expect(r.withoutCode).toEqual([]);
    store.delete(id);
  });

  it('lists a department form’s 产出指标 / 效益指标 items when a profile asks for department forms', async () => {
    const profile: UploadProfile = {
      name: '部门整体绩效指标导入',
      sheet: '部门指标',
      roles: ['department'],
      columns: [
        { header: '单位', source: { identity: 'unit' } },
        { header: '一级指标', source: { indicator: 'level1' } },
        { header: '二级指标', source: { indicator: 'level2' } },
        { header: '三级指标', source: { indicator: 'name' } },
      ],
    };
    const r = await exportUpload(store, { year: seed['年度'] as string, ids: [ids.department], profile });
    const rows = sheetOf(r.bytes).rows.slice(1);
    // The seed's 数量指标 lines, numbering stripped, read here from the JSON text itself.
    const output = (seed['产出指标'] as string).split('\n');
    const from = output.findIndex((l) => l.includes('数量指标')) + 1;
    const to = output.findIndex((l) => l.includes('质量指标'));
    const quantity = output.slice(from, to).map((l) => l.replace(/^\d+、\s*/, '').trim());
    expect(rows.filter((x) => x[2] === '数量指标').map((x) => x[3])).toEqual(quantity);
    const benefits = [...(seed['效益指标'] as string).matchAll(/指标\d+：\s*(.+)/g)].map((m) => m[1].trim());
    expect(rows.filter((x) => x[1] === '效益指标').map((x) => x[3])).toEqual(benefits);
    expect(rows.every((x) => x[0] === seed['部门名称'])).toBe(true);
  });

  it('builds the workbook in the export worker when the server has one, with the same rows', async () => {
    const worker = new ExportWorker();
    try {
      const h = createCoreHandlers({ store, appVersion: '0.0.0-test', mode: 'web', exporter: worker });
      const { call: callWorker } = caller(() => h);
      const r = await callWorker<{ data: string; rows: number }>('export.uploadXlsx', { year: '2025', ids: [ids.hubei, ids.guangxi] });
      expect(sorted(sheetOf(new Uint8Array(Buffer.from(r.data, 'base64'))).rows.slice(1))).toEqual(
        sorted([...expected.hubei, ...expected.guangxi]),
      );
      expect(r.rows).toBe(expected.hubei.length + expected.guangxi.length);
    } finally {
      await worker.close();
    }
  });

  it('runs from the command line, with the national profile written out as a file a province edits', async () => {
    const out = join(dir.dir, '上传表.xlsx');
    const res = await runCliCapture([
      '--db',
      store.file,
      'export-upload',
      '--year',
      '2025',
      '--ids',
      `${ids.hubei},${ids.numbery}`,
      '--out',
      out,
    ]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('已导出 2 份表');
    expect(sorted(sheetOf(readFileSync(out)).rows.slice(1))).toEqual(sorted([...expected.hubei, ...expected.numbery]));

    const profileFile = join(dir.dir, '格式.json');
    expect((await runCliCapture(['upload-profile', '--out', profileFile])).code).toBe(0);
    expect(readFileSync(profileFile, 'utf8')).toBe(uploadProfileToJson(NATIONAL_PROFILE));
    // A province drops 备注 and renames a header, in the file only.
    const edited = readUploadProfile(readFileSync(profileFile, 'utf8'));
    edited.columns = edited.columns
      .filter((c) => c.header !== '备注')
      .map((c) => (c.header === '绩效指标说明' ? { ...c, header: '指标解释' } : c));
    writeFileSync(profileFile, uploadProfileToJson(edited));
    const res2 = await runCliCapture([
      '--db',
      store.file,
      'export-upload',
      '--year',
      '2025',
      '--ids',
      String(ids.hubei),
      '--profile',
      profileFile,
      '--out',
      out,
    ]);
    expect(res2.code).toBe(0);
    const sheet = sheetOf(readFileSync(out));
    expect(sheet.rows[0]).toEqual(HEADERS.filter((h) => h !== '备注').map((h) => (h === '绩效指标说明' ? '指标解释' : h)));
    expect(sorted(sheet.rows.slice(1))).toEqual(sorted(expected.hubei.map((r) => r.slice(0, 9))));

    const err = await runCliCapture(['--db', store.file, 'export-upload', '--year', '25', '--out', out]);
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/请用四位数字给出年度/);
    expect((await runCliCapture(['--db', store.file, 'export-upload', '--year', '2025', '--out', 'x.csv'])).stderr).toMatch(
      /以 \.xlsx 结尾/,
    );
    expect((await runCliCapture(['--db', store.file, 'export-upload', '--year', '2025', '--ids', 'a', '--out', out])).stderr).toMatch(
      /--ids 应是/,
    );
  });
});
