/**
 * Hostile files of each class in issue #16, at sizes beyond the ones named there, built in
 * the test. Each is refused with a Chinese message that says what is wrong and what to do,
 * or, where the file is only odd (an amount of 400,000 zeros), read with the oddity cut and
 * explained. On the old reader these crashed the process (V8 "invalid size" abort on a span
 * of two billion columns: the whole test run dies), overflowed the stack (内部错误), or ran
 * for minutes (the test times out). Peak memory and time per file are measured by
 * `npx tsx bench/hostile.ts`, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../helpers/read';
import { timeoutError, withDeadline } from '../../electron/core/import/deadline';
import { readGrid } from '../../electron/core/import/grid';
import { parseXml } from '../../electron/core/import/xml';
import { MAX_FIELD_CHARS } from '../../shared/limits';
import { isUserError } from '../../shared/errors';
import {
  bigTableDocx,
  deepBodyDocx,
  deepCustomPropsDocx,
  handmadeWith,
  handmadeWithLineAbove,
  handmadeWithXml,
  hugeSpanDocx,
  manyParagraphsDocx,
  wideRowsDocx,
} from '../helpers/hostileDocx';
import { handmadeFormBody, makeDocx, paras, tbl, tc, tr } from '../helpers/makeDocx';
import { seedJson } from '../helpers/seed';

async function refusal(bytes: Uint8Array): Promise<Error> {
  const err = await readDocx(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isUserError(err), String(err)).toBe(true);
  return err as Error;
}

const refused: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
  ['gridSpan of 2^31-1 (a 1 KB file that made V8 abort)', () => hugeSpanDocx(2 ** 31 - 1), /表格过大或已损坏/],
  ['gridSpan of 10^9', () => hugeSpanDocx(1e9), /表格过大或已损坏/],
  ['gridBefore of 10^9', () => hugeSpanDocx(1e9, 'gridBefore'), /表格过大或已损坏/],
  ['gridAfter of 10^9', () => hugeSpanDocx(1e9, 'gridAfter'), /表格过大或已损坏/],
  ['400 rows of one cell spanning 999 columns (400,000 grid positions)', () => wideRowsDocx(400, 999), /表格过大或已损坏/],
  ['4 million empty paragraphs (24 MB of XML in a 35 KB file)', () => manyParagraphsDocx(4_000_000), /内容过多（超过 200,000 个元素）/],
  ['16.6 million empty paragraphs (100 MB of XML)', () => manyParagraphsDocx(16_600_000), /解压后超过 25 MB/],
  ['a 1000 × 1000 table', () => bigTableDocx(1000, 1000), /内容过多/],
  ['100,000 nested elements in the body', () => deepBodyDocx(100_000), /word\/document\.xml 嵌套层数过多/],
  ['100,000 nested elements in the custom properties', () => deepCustomPropsDocx(100_000), /docProps\/custom\.xml 嵌套层数过多/],
];

describe('hostile files are refused with a Chinese message, and the process goes on', () => {
  it.each(refused)('%s', async (_name, make, message) => {
    const err = await refusal(await make());
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/已拒绝导入.*请/);
  });

  it('nesting within the bound still reads (no recursion overflows at the limit)', async () => {
    const err = await refusal(deepBodyDocx(250));
    // Read to the end: it has no form, which is the ordinary message.
    expect(err.message).toMatch(/没有找到认识的申报表表格/);
  });

  it('after all of them, an ordinary hand-made form still imports', async () => {
    const r = await readDocx(await makeDocx(handmadeFormBody(seedJson())));
    expect(r.data.values.department).toBe('湖南省桃源县看守所');
  });
});

describe('odd but harmless text is read, cut where it is too long, and explained', () => {
  it('an amount of 0. + 400,000 zeros + 1 is kept short and flagged', async () => {
    const r = await readDocx(await handmadeWith({ 其他资金: '0.' + '0'.repeat(400_000) + '1' }));
    expect(r.uncertain).toContain('otherFunds');
    expect(String(r.data.values.otherFunds).length).toBeLessThanOrEqual(40);
    expect(r.notes.join('\n')).toMatch(/「其他资金」的金额/);
  });

  it('an amount of 60 followed by 400,000 spaces is read as 60', async () => {
    const r = await readDocx(await handmadeWith({ 其他资金: '60' + ' '.repeat(400_000) }));
    expect(r.data.values.otherFunds).toBe('60');
  });

  it('150,000 line breaks inside a one-line field are joined away', async () => {
    const r = await readDocx(
      await handmadeWithXml({ 部门名称: 'MARK' }, 'MARK', '<w:t>a</w:t>' + '<w:br/>'.repeat(150_000) + '<w:t>b</w:t>'),
    );
    expect(r.data.values.department).toBe('a b');
  });

  it('400,000 spaces inside a one-line field and in a sign line above the table', async () => {
    const r = await readDocx(await handmadeWith({ 部门名称: 'a' + ' '.repeat(400_000) + 'x' }));
    const department = String(r.data.values.department);
    expect(department.length).toBe(MAX_FIELD_CHARS); // cut at the limit, and said so
    expect(department.startsWith('a  ')).toBe(true);
    expect(r.notes.join('\n')).toMatch(/「部门名称」的内容超过/);
    const line = await readDocx(await handmadeWithLineAbove('填报单位：某局' + '\u3000'.repeat(400_000) + 'x'));
    expect(line.data.values.department).toBe('湖南省桃源县看守所');
  });

  it(`a field text over ${MAX_FIELD_CHARS} characters is cut to the limit and the user told`, async () => {
    const r = await readDocx(await handmadeWith({ 部门职能职责概述: '职'.repeat(MAX_FIELD_CHARS + 5000) }));
    expect(String(r.data.values.functions).length).toBe(MAX_FIELD_CHARS);
    expect(r.uncertain).toContain('functions');
    expect(r.notes.join('\n')).toMatch(
      new RegExp(`「部门职能职责概述」的内容超过 ${MAX_FIELD_CHARS} 字，只导入了前 ${MAX_FIELD_CHARS} 字`),
    );
  });

  it('the deadline is checked inside a table walk, not only between steps', () => {
    const table = parseXml(tbl([tr([tc(paras('部门名称')), tc(paras('某局'))])]).replace('<w:tbl>', `<w:tbl xmlns:w="x">`), 'test');
    let checks = 0;
    const expired = () => {
      checks++;
      throw timeoutError();
    };
    expect(() => withDeadline(expired, () => readGrid(table))).toThrow(/用时过长/);
    expect(checks).toBe(1);
    expect(readGrid(table).cells).toHaveLength(2); // no deadline active: reads as before
  });
});
