/**
 * Amounts in the unit a template declares (`params.unit`: 万元 by default, or 元): exact either
 * way, read from `1,234.50元`, refused (not read 10,000 times too small) when written in 万元,
 * printed as the template says (元 with its 分), a number in Excel, and through label JSON.
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import type { FormData, GroupRow } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { kindOf, type KindDecl } from '../../shared/kinds';
import { fromLabelJson, toLabelJson } from '../../shared/labelJson';
import { checkTemplate } from '../../shared/template/check';
import type { TemplateDef } from '../../shared/template/schema';
import { validateForm } from '../../shared/validation';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';
import { MADE_UP_TEMPLATE, MADE_UP_VALUES } from '../helpers/madeUpTemplate';
import { readXlsx } from '../helpers/xlsxSheets';

/** The made-up template with its 金额 column and 分配合计 in 元. */
const T: TemplateDef = structuredClone(MADE_UP_TEMPLATE);
T.id = 'test-yuan';
T.groups![0].columns.find((c) => c.id === 'amount')!.params = { unit: '元' };
T.groups![0].columns.find((c) => c.id === 'amount')!.label = '金额（元）';
T.fields.find((f) => f.id === 'total')!.params = { unit: '元' };

const yuan = { id: 'a', label: '金额', kind: 'amount', params: { unit: '元' } };
const wan = { id: 'a', label: '金额', kind: 'amount' };
const read = (text: string, d: KindDecl = yuan) => kindOf('amount').read(text, d);

describe('amounts in the unit the template declares', () => {
  it('reads 元 amounts exactly, with their 分, and refuses 万元 or a third decimal', () => {
    expect(read('1,234.50元').value).toBe('1234.5');
    expect(read('１２３４．５６').value).toBe('1234.56');
    expect(read('12万元').problem?.reason).toBe('本栏的单位是元，请换算成元后填写');
    expect(read('1.234').problem?.reason).toBe('以元为单位的金额最多保留2位小数（精确到分）');
    expect(read('abc').problem?.reason).toBe('金额只能填写数字（单位：元）');
    // 万元 amounts as before: 12万元 is 12, four decimals are whole 元.
    expect(read('12万元', wan).value).toBe('12');
    expect(read('1.2345', wan).value).toBe('1.2345');
    expect(kindOf('amount').print('1234.5', yuan, { twoDecimals: false, blankZero: false })).toBe('1234.50');
    expect(kindOf('amount').print('1234.5', wan, { twoDecimals: false, blankZero: false })).toBe('1234.5');
  });

  it('is a template declaration: 元 or 万元, nothing else', () => {
    expect(checkTemplate(T)).toEqual([]);
    const bad = structuredClone(T);
    bad.fields.find((f) => f.id === 'total')!.params = { unit: '美元' };
    expect(checkTemplate(bad).join()).toMatch(/字段「分配合计」的单位（params.unit）应为“万元”或“元”/);
  });

  it('sums exactly, prints in Word and Excel as declared, and reads label JSON written with 元', async () => {
    const form: FormData = {
      templateId: T.id,
      values: structuredClone({
        ...MADE_UP_VALUES,
        items: MADE_UP_VALUES.items.map((r, i) => ({ ...r, amount: ['1000.1', '2000.2', '0.03', '5'][i] })),
      }),
      options: { twoDecimals: false, blankZero: false },
    };
    const full = withComputed(form, T);
    expect(full.values.total).toBe('3005.33');
    expect(validateForm(form, T)).toEqual([]);
    const bad = structuredClone(form);
    (bad.values.items as GroupRow[])[0].amount = '0.001';
    expect(validateForm(bad, T).map((m) => m.message)).toEqual(['分配明细第1行的金额（元）：以元为单位的金额最多保留2位小数（精确到分）']);

    const grid = await readDocxGrid((await exportDocx(full, T, { appVersion: 't' })).bytes);
    expect(cellAt(grid.table, 3, 3)!.text).toBe('1000.10');
    expect(cellAt(grid.table, 7, 3)!.text).toBe('3005.33');
    const [sheet] = await readXlsx(await exportFormXlsx(full, T));
    const total = sheet.cells.find((c) => c.text === '3005.33');
    expect(total?.type).toBe('n');

    const json = toLabelJson(full, T);
    expect((json['分配明细'] as Record<string, string>[])[2]['金额（元）']).toBe('0.03');
    (json['分配明细'] as Record<string, string>[])[0]['金额（元）'] = '1,000.10元';
    const back = fromLabelJson(json, T);
    expect(back.notes).toEqual([]);
    expect(withComputed(back.form, T).values).toEqual(full.values);
  });
});
