import { describe, expect, it } from 'vitest';
import { decodeEmbedded } from '../../shared/embedded';
import type { FormData } from '../../shared/form';
import { exportDocx, sanitizeXmlText } from '../../electron/core/export';
import { readDocxGrid, type DocxGrid } from '../helpers/docxGrid';
import { seedForm, T2019 } from '../helpers/seed';

const t = T2019;
const at = (id: string) => {
  const c = t.table.cells.find((x) => x.content.type === 'field' && x.content.field === id)!;
  return (g: DocxGrid) => g.table.cells.find((x) => x.row === c.row && x.col === c.col)!;
};
const functionsCell = at('functions');
const totalCell = at('total');
const govFundCell = at('govFund');
const benefitCell = at('benefit');

async function exportAndRead(form: FormData) {
  const r = await exportDocx(form, T2019, { appVersion: '0.1.0' });
  return { ...r, g: await readDocxGrid(r.bytes) };
}

// XML 1.0 Char production, checked on the raw part text.
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/; // eslint-disable-line no-control-regex

describe('sanitizeXmlText', () => {
  it('drops control characters and lone surrogates and counts them', () => {
    expect(sanitizeXmlText('a\u0000b\u0007c\u001Fd')).toEqual({ text: 'abcd', removed: 3 });
    expect(sanitizeXmlText('x\uD800y\uDC00z')).toEqual({ text: 'xyz', removed: 2 });
    expect(sanitizeXmlText('\uFFFE\uFFFF')).toEqual({ text: '', removed: 2 });
  });
  it('keeps tabs, line breaks, emoji and CJK', () => {
    const s = '甲\t乙\n丙\r\n😀👨‍👩‍👧';
    expect(sanitizeXmlText(s)).toEqual({ text: s, removed: 0 });
  });
});

describe('texts in the exported file', () => {
  it('escapes < > & " \' and keeps emoji', async () => {
    const form = seedForm();
    form.values.functions = '甲<乙>&丙"丁\'戊 </w:t><w:t>注入 😀👍🏽';
    form.values.department = 'A&B <部门> "引号"';
    const { g, dropped } = await exportAndRead(form);
    expect(dropped).toEqual([]);
    expect(functionsCell(g).text).toBe(form.values.functions);
    expect(g.before[2].text).toBe('填报单位（盖章）：湖南省桃源县看守所');
    expect(g.table.cells[1].text).toBe('A&B <部门> "引号"');
  });

  it('drops characters XML forbids, reports them per field, and never writes them', async () => {
    const form = seedForm();
    form.values.functions = '职责\u0001一\u0002二\uD800';
    form.values.filler = '张\u000B三';
    const { g, dropped, bytes } = await exportAndRead(form);
    expect(dropped).toEqual(['部门职能职责概述：删除了 3 个 Word 无法保存的控制字符', '填报人：删除了 1 个 Word 无法保存的控制字符']);
    expect(functionsCell(g).text).toBe('职责一二');
    expect(g.after[0].text).toContain('填报人：张三');
    for (const [name, xml] of g.parts) expect(XML_ILLEGAL.test(xml), name).toBe(false);
    expect(bytes.length).toBeGreaterThan(1000);
    // The embedded copy matches the printed table.
    const r = decodeEmbedded(g.customProperties);
    expect(r.status === 'ok' && r.embedded.form.values.functions).toBe('职责一二');
  });

  it('prints 4-decimal amounts in full and pads to two decimals when asked', async () => {
    const form = seedForm();
    form.values.generalBudget = '382.2134';
    form.values.otherFunds = '60';
    form.options = { twoDecimals: true, blankZero: false };
    const { g } = await exportAndRead(form);
    expect(totalCell(g).text).toBe('资金总额：442.21');
    expect(g.table.cells.map((c) => c.text)).toContain('按收入性质分：442.2134');
    expect(g.table.cells.map((c) => c.text)).toContain('其中：一般公共预算拨款：382.2134');
    expect(g.table.cells.map((c) => c.text)).toContain('其他资金：60.00');
    expect(govFundCell(g).text).toBe('政府性基金拨款：0.00');
    const r = decodeEmbedded(g.customProperties);
    expect(r.status === 'ok' && r.embedded.form.values.generalBudget).toBe('382.2134');
  });

  it('leaves zero amounts blank with 零值留空', async () => {
    const form = seedForm();
    form.options = { twoDecimals: false, blankZero: true };
    const { g } = await exportAndRead(form);
    expect(govFundCell(g).text).toBe('政府性基金拨款：');
    expect(totalCell(g).text).toBe('资金总额：442.21');
  });

  it('prints a 20-item 效益指标 of 18,000 characters with consistent numbering, one paragraph per line', async () => {
    const form = seedForm();
    const items = Array.from({ length: 20 }, (_, i) => ({
      name: `效益${i + 1}`,
      description: `第${i + 1}项说明`.padEnd(900, '效') + '\n第二段',
    }));
    form.values.benefit = { mode: 'items', items };
    const { g } = await exportAndRead(form);
    const p = benefitCell(g).paragraphs;
    expect(p).toHaveLength(60);
    expect(p[0].text).toBe('指标1：效益1');
    expect(p[57].text).toBe('指标20：效益20');
    expect(benefitCell(g).text.length).toBeGreaterThan(18_000);
  });

  it('handles a 200,000-character text', async () => {
    const form = seedForm();
    const line = '这是一段很长的部门职能职责描述，用来检验导出大文本时不会出错。'.repeat(20);
    const lines = Array.from({ length: Math.ceil(200_000 / line.length) }, () => line);
    form.values.functions = lines.join('\n');
    expect((form.values.functions as string).length).toBeGreaterThanOrEqual(200_000);
    const started = performance.now();
    const { g } = await exportAndRead(form);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(functionsCell(g).paragraphs).toHaveLength(lines.length);
    expect(functionsCell(g).text).toBe(form.values.functions);
    const r = decodeEmbedded(g.customProperties);
    expect(r.status === 'ok' && r.embedded.form.values.functions).toBe(form.values.functions);
  });
});
