/**
 * Text becomes a value in one place, the kind's reader (shared/kinds): the editor tidying a cell
 * it leaves, the Word importer reading a printed table, label-keyed JSON and a paste of rows all
 * give the same value for the same text — 2019年11月26日, full-width digits, 万元 and commas.
 */
import { describe, expect, it } from 'vitest';
import { cellFromText, valueFromText, type ReadNotes } from '../../electron/core/import/fieldValues';
import { tidyOnLeave } from '../../renderer/src/editor/cells/normalize';
import { planPaste } from '../../renderer/src/editor/pasteRows';
import { blankForm } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { fieldDef } from '../../shared/formOps';
import { bumenZhengti2019 as T } from '../../shared/templates/bumen-zhengti-2019';
import { MADE_UP_TEMPLATE as M } from '../helpers/madeUpTemplate';

/** Text → the value it must read as ('kept' when it cannot be read and stays as typed, trimmed). */
const CASES: Record<string, [string, string][]> = {
  fillDate: [
    ['2019年11月26日', '2019-11-26'],
    ['2019.11.26', '2019-11-26'],
    ['2019/11/26', '2019-11-26'],
    ['２０１９年１１月２６日', '2019-11-26'],
    ['2019．11．6', '2019-11-06'],
    [' 2019 年 1 月 6 日 ', '2019-01-06'],
    ['2019-11-26', '2019-11-26'],
    ['2019年2月30日', '2019年2月30日'],
    ['年  月  日', ''],
  ],
  total: [
    ['1,234.5', '1234.5'],
    ['１２３４．５０', '1234.5'],
    ['442.21万元', '442.21'],
    ['100万', '100'],
    [' 0.0100 ', '0.01'],
    ['—', ''],
    ['六十', '六十'],
  ],
  phone: [
    ['０７３６-７２２１２３４', '0736-7221234'],
    ['13800000000', '13800000000'],
    [' 0736-6621234 ', '0736-6621234'],
  ],
  year: [
    ['２０２０', '2020'],
    ['2020年度', '2020'],
    ['2020 年', '2020'],
    ['二〇二〇', '二〇二〇'],
  ],
};

const editor = (id: string, text: string) => tidyOnLeave(fieldDef(T, id), text);

function imported(id: string, text: string): unknown {
  const acc: ReadNotes = { notes: [], uncertain: new Set() };
  return valueFromText(fieldDef(T, id), text, acc);
}

function labelJson(id: string, text: string): unknown {
  return fromLabelJson({ 表: T.title, 年度: '2020', [fieldDef(T, id).label]: text }, T).form.values[id];
}

describe('one reader of text for every way a value comes in', () => {
  for (const [id, cases] of Object.entries(CASES))
    it(`「${fieldDef(T, id).label}」reads the same in the editor, the Word import and label JSON`, () => {
      for (const [text, value] of cases) {
        expect([editor(id, text), imported(id, text), labelJson(id, text)], text).toEqual([value, value, value]);
      }
    });

  it('an amount column reads the same left in the editor, imported, in label JSON and pasted as rows', () => {
    const col = M.groups![0].columns.find((c) => c.id === 'amount')!;
    const texts = CASES.total.map(([t]) => t);
    const want = CASES.total.map(([, v]) => v);
    const acc: ReadNotes = { notes: [], uncertain: new Set() };
    const json = fromLabelJson({ 表: M.title, 年度: '2026', 分配明细: texts.map((t) => ({ 事项: 'x', 金额: t })) }, M);
    const pasted = planPaste(
      M.groups![0],
      blankForm(M, '2026').values.items as never,
      0,
      'item',
      texts.map((t) => ['x', t]),
    );
    if ('refused' in pasted) throw new Error(pasted.refused);
    expect(texts.map((t) => tidyOnLeave(col, t))).toEqual(want);
    expect(texts.map((t) => cellFromText(col, t, '金额', 'items', acc))).toEqual(want);
    expect((json.form.values.items as Record<string, string>[]).map((r) => r.amount)).toEqual(want);
    expect(pasted.placed.map((i) => pasted.rows[i].amount)).toEqual(want);
  });

  it('what cannot be read is kept as typed and said, in the import and in label JSON alike', () => {
    const acc: ReadNotes = { notes: [], uncertain: new Set() };
    valueFromText(fieldDef(T, 'fillDate'), '2019年2月30日', acc);
    expect(acc.notes).toEqual(['「填报日期」「2019年2月30日」不是有效日期，已原样保留，请核对']);
    expect([...acc.uncertain]).toEqual(['fillDate']);
    const json = fromLabelJson({ 表: T.title, 年度: '2020', 填报日期: '2019年2月30日', 其他资金: '六十' }, T);
    expect(json.notes).toEqual(['填报日期「2019年2月30日」：不是有效日期', '其他资金「六十」：金额只能填写数字（单位：万元）']);
  });
});
