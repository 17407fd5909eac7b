/**
 * Hostile Excel files are refused with a Chinese message saying what is wrong and what to do,
 * read in the import worker with the same limits as a Word file; after them an ordinary form
 * still imports. Time and peak memory per file are measured by `npx tsx bench/hostile.ts`
 * (each well under 15 s and 500 MB), not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { excelNumberText, parseRef } from '../../electron/core/import/xlsxModel';
import { isUserError } from '../../shared/errors';
import { builtinForms } from '../helpers/builtinForms';
import {
  deepSheetXlsx,
  farCornersXlsx,
  hugeSharedStringXlsx,
  labelGridXlsx,
  makeXlsx,
  manySharedStringsXlsx,
  millionEmptyRowsXlsx,
  millionRowsXlsx,
  refPastXfdXlsx,
  wholeSheetMergeXlsx,
  xxeXlsx,
} from '../helpers/hostileXlsx';
import { readDocx } from '../helpers/read';

async function refusal(bytes: Uint8Array): Promise<Error> {
  const err = await readDocx(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isUserError(err), String(err)).toBe(true);
  return err as Error;
}

/** Declared sizes patched small in every central directory record: the inflated data says more. */
function lyingSizes(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true);
  return out;
}

const refused: [string, () => Promise<Uint8Array>, RegExp][] = [
  ['a million rows (45 MB of sheet XML)', () => millionRowsXlsx(), /xl\/worksheets\/sheet1\.xml 解压后超过 25 MB.*Excel 或 WPS.*\.xlsx/],
  ['a million empty rows (6 MB of XML)', () => millionEmptyRowsXlsx(), /内容过多（超过 200,000 个元素）/],
  ['a shared string of 11 million characters', () => hugeSharedStringXlsx(11_000_000), /共享文本过多/],
  ['100,001 shared strings', () => manySharedStringsXlsx(100_001), /共享文本过多/],
  ['100,000 nested elements in a sheet', () => deepSheetXlsx(100_000), /嵌套层数过多/],
  ['an external entity (XXE) in workbook.xml', () => xxeXlsx(), /不安全的 XML 声明/],
  ['a cell at XFE1, past Excel’s last column', () => refPastXfdXlsx('XFE1'), /超出了 Excel 的范围（最大为 XFD1048576）/],
  ['a cell at A1048577, past Excel’s last row', () => refPastXfdXlsx('A1048577'), /超出了 Excel 的范围/],
  ['a reference of 10 digits', () => refPastXfdXlsx('A9999999999'), /超出了 Excel 的范围/],
  ['values at A1 and XFD1048576 (17 billion positions)', () => farCornersXlsx(), /内容范围过大/],
  ['a zip bomb whose sizes lie', async () => lyingSizes(await millionRowsXlsx(20_000)), /不完整或已损坏/],
  [
    'a merged range over the whole sheet',
    () => wholeSheetMergeXlsx('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>部门名称</t></is></c></row></sheetData>'),
    /没有找到认识的申报表表格/,
  ],
  ['the largest grid the limits let through, every cell a label (6000 × 16)', () => labelGridXlsx(6000, 16), /没有找到认识的申报表表格/],
  [
    'a workbook with no sheets',
    () => makeXlsx({ workbook: '<workbook><sheets/></workbook>' }),
    /这个 Excel 文件里没有找到认识的申报表表格/,
  ],
];

describe('hostile .xlsx files are refused, and the process goes on', () => {
  it.each(refused)('%s', async (_name, make, message) => {
    const err = await refusal(await make());
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/请/);
  });

  it('after all of them, our own .xlsx still imports', async () => {
    const { template, form } = builtinForms()[0];
    const r = await readDocx(await exportFormXlsx(form, template));
    expect(r.data).toEqual(form);
  });
});

describe('cell references and numbers are read exactly', () => {
  it('places references within XFD1048576 and refuses the rest', () => {
    expect(parseRef('A1')).toEqual({ row: 0, col: 0 });
    expect(parseRef('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
    for (const bad of ['XFE1', 'A0', 'A1048577', 'a1', 'A01', '1A', 'AAAA1', ''])
      expect(() => parseRef(bad), bad).toThrow(/超出了 Excel 的范围/);
  });

  it('keeps the decimal a number cell stores, rounding Excel’s 17-digit noise to 15 digits as text', () => {
    const cases: [string, string][] = [
      ['382.21', '382.21'],
      ['2.6000000000000001', '2.6'],
      ['0.30000000000000004', '0.3'],
      ['1.5E-3', '0.0015'],
      ['1E+5', '100000'],
      ['-0', '0'],
      ['100', '100'],
      ['0.0001', '0.0001'],
      ['99999999999.9999', '99999999999.9999'],
      ['9.9999999999999999E2', '1000'],
      ['-12.5', '-12.5'],
      ['abc', 'abc'],
    ];
    for (const [v, want] of cases) expect(excelNumberText(v), v).toBe(want);
  });
});

describe('what is not an .xlsx says so', () => {
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const ole = (...streams: string[]) =>
    new Uint8Array([...OLE, ...new Uint8Array(504), ...streams.flatMap((s) => [...Buffer.from(s, 'utf16le')])]);

  it('a legacy .xls is told to be saved as .xlsx, a .doc as .docx', async () => {
    expect((await refusal(ole('Root Entry', 'Workbook'))).message).toMatch(/旧版 Excel 工作簿（\.xls）.*另存为 \.xlsx/);
    expect((await refusal(ole('Root Entry', 'WordDocument', '1Table'))).message).toMatch(/旧版 Word 文档（\.doc）/);
  });

  it('plain text names both kinds of file', async () => {
    expect((await refusal(Buffer.from('不是表格'))).message).toMatch(/不是 Word（\.docx）文件，也不是 Excel（\.xlsx）文件/);
  });
});
