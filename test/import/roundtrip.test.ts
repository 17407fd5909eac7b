import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { readDocx } from '../helpers/read';
import type { FormData } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { seedForm, T2019 } from '../helpers/seed';

async function roundTrip(form: FormData) {
  const { bytes } = await exportDocx(form, T2019, { appVersion: 'test' });
  return readDocx(bytes);
}

function variant(patch: Partial<FormData['values']>, options?: Partial<FormData['options']>): FormData {
  const f = seedForm();
  return withComputed({ ...f, values: { ...f.values, ...patch } as FormData['values'], options: { ...f.options, ...options } }, T2019);
}

async function editDocument(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file('word/document.xml', edit(await zip.file('word/document.xml')!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('export → import gives back the identical form', () => {
  const cases: [string, FormData][] = [
    ['the seed', withComputed(seedForm(), T2019)],
    [
      '4-decimal amounts',
      variant({ total: '442.2153', generalBudget: '382.2153', basicExpenditure: '393.2153', otherFunds: '60', projectExpenditure: '49' }),
    ],
    [
      '4-decimal amounts printed with two decimals',
      variant(
        { total: '0.0001', generalBudget: '0.0001', otherFunds: '0', basicExpenditure: '0.0001', projectExpenditure: '0' },
        { twoDecimals: true },
      ),
    ],
    [
      'zeros left blank',
      variant(
        { govFund: '0', specialNonTax: '0', otherFunds: '0', generalBudget: '442.21', projectExpenditure: '49' },
        { blankZero: true },
      ),
    ],
    [
      'special characters',
      variant({
        department: '<部门> & "单位" \'甲\' ＆ 𠀀 😀',
        functions: '1、a < b && c > d\n\t缩进　全角空格\n  前导空格 ]]> <![CDATA[ x ]]> &amp; &#x41;',
        overallGoal: '第一行\n\n第三行（空行之后）',
        reviewOpinion: '同意。\n（盖章）',
      }),
    ],
    [
      'very long text',
      variant({
        functions: '职能职责描述，'.repeat(3000),
        overallGoal: Array.from({ length: 200 }, (_, i) => `第${i + 1}段：${'目标'.repeat(50)}`).join('\n'),
        benefit: { mode: 'items', items: Array.from({ length: 40 }, (_, i) => ({ name: `效益${i}`, description: '说明'.repeat(200) })) },
      }),
    ],
    [
      'indicators kept as whole text',
      variant({ output: { mode: 'text', text: '不分项的产出指标\n第二行' }, benefit: { mode: 'text', text: '效益整段' } }),
    ],
  ];
  it.each(cases)('%s', async (_name, form) => {
    const r = await roundTrip(form);
    expect(r.source).toBe('embedded');
    expect(r.notes).toEqual([]);
    expect(r.uncertain).toEqual([]);
    expect(r.data).toEqual(form);
  });
});

describe('a table edited in Word wins over the embedded copy', () => {
  it('takes the edited field from the table and says so', async () => {
    const { bytes } = await exportDocx(withComputed(seedForm(), T2019), T2019, { appVersion: 'test' });
    const edited = await editDocument(bytes, (xml) => xml.replace(/382\.21(?=<\/w:t>)/, '380').replace('13973666908', '13800001111'));
    const r = await readDocx(edited);
    expect(r.source).toBe('embedded');
    expect(r.data.values.generalBudget).toBe('380');
    expect(r.data.values.phone).toBe('13800001111');
    expect(r.data.values.department).toBe('湖南省桃源县看守所');
    expect(r.uncertain).toEqual(expect.arrayContaining(['generalBudget', 'phone']));
    const notes = r.notes.join('\n');
    expect(notes).toMatch(/「一般公共预算拨款」在 Word 中被改过.*已采用表格中的内容/);
    expect(notes).toMatch(/「联系电话」在 Word 中被改过/);
    expect(notes).toMatch(/按收入性质分.*不一致/);
  });

  it('keeps 4-decimal amounts when the table only shows them padded', async () => {
    const form = variant({ total: '442.2153', generalBudget: '382.2153', basicExpenditure: '393.2153' }, { twoDecimals: true });
    const { bytes } = await exportDocx(form, T2019, { appVersion: 'test' });
    const r = await readDocx(bytes);
    expect(r.data.values.total).toBe('442.2153');
    expect(r.notes).toEqual([]);
  });

  it('falls back to the table when the embedded copy is broken, and says why', async () => {
    const { bytes } = await exportDocx(withComputed(seedForm(), T2019), T2019, { appVersion: 'test' });
    const zip = await JSZip.loadAsync(bytes);
    const custom = await zip.file('docProps/custom.xml')!.async('string');
    zip.file('docProps/custom.xml', custom.replace(/(shenbao\.form\.0000"[^>]*>\s*<vt:lpwstr>)./, '$1X'));
    const r = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(r.source).toBe('table');
    expect(r.notes[0]).toMatch(/内嵌的数据无法使用.*已改为读取表格/);
    expect(r.data).toEqual(withComputed(seedForm(), T2019));
  });

  it('refuses an embedded copy from a newer program version, reading the table instead', async () => {
    const { bytes } = await exportDocx(withComputed(seedForm(), T2019), T2019, { appVersion: 'test' });
    const zip = await JSZip.loadAsync(bytes);
    const custom = await zip.file('docProps/custom.xml')!.async('string');
    zip.file(
      'docProps/custom.xml',
      custom.replace(/&quot;version&quot;:1|"version":1/, (m) => m.replace('1', '99')),
    );
    const r = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(r.source).toBe('table');
    expect(r.notes[0]).toMatch(/更新版本/);
  });
});
