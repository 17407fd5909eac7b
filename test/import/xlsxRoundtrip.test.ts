/**
 * Our own Excel export imports back exactly, for every built-in template: from the very hidden
 * sheet's copy (checked against the printed grid, which must agree with it: no note), and —
 * with that sheet taken out, as when someone copies the grid into a new workbook — from the
 * printed grid alone, through the same document model and template fitting as a Word file.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { EMBED_SHEET } from '../../shared/embedded';
import { builtinForms } from '../helpers/builtinForms';
import { readDocx } from '../helpers/read';

/** The workbook without its embedded copy: the sheet, its relationship and its entry in workbook.xml. */
async function withoutCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const sheet = new RegExp(`<sheet [^>]*name="${EMBED_SHEET.replace('.', '\\.')}"[^>]*/>`).exec(wb);
  expect(sheet, 'the copy sheet is listed in workbook.xml').not.toBeNull();
  expect(sheet![0]).toMatch(/state="veryHidden"/);
  zip.file('xl/workbook.xml', wb.replace(sheet![0], ''));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe.each(builtinForms().map((b) => [b.template.id, b] as const))('%s to .xlsx and back', (_id, { template, form }) => {
  it('imports exactly from the embedded copy, the printed grid agreeing with it', async () => {
    const bytes = await exportFormXlsx(form, template, { appVersion: 'test' });
    const r = await readDocx(bytes);
    expect(r.source).toBe('embedded');
    expect(r.notes).toEqual([]);
    expect(r.uncertain).toEqual([]);
    expect(r.data).toEqual(form);
  });

  it('without the copy, the printed grid alone gives every value', async () => {
    const r = await readDocx(await withoutCopy(await exportFormXlsx(form, template, { appVersion: 'test' })));
    expect(r.source).toBe('table');
    expect(r.data.templateId).toBe(template.id);
    expect(r.data.values).toEqual(form.values);
    // 统一保留两位小数 is seen in the cells' number formats, as in the printed text of a .docx.
    expect(r.data.options).toEqual(form.options);
  });
});

describe('our .xlsx edited in Excel', () => {
  it('takes the edited cells from the grid, says so, and keeps the rest from the copy', async () => {
    const { template, form } = builtinForms().find((b) => b.template.id === 'xiangmu-zhichu')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportFormXlsx(form, template)).buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    let edited = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === '全民健身赛事活动经费') {
          cell.value = '全民健身赛事活动经费（调整）';
          edited++;
        }
      }),
    );
    expect(edited).toBe(1);
    const r = await readDocx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.source).toBe('embedded');
    expect(r.data.values.projectName).toBe('全民健身赛事活动经费（调整）');
    expect(r.notes.join('\n')).toMatch(/「项目名称」在 Excel 中被改过.*已采用表格中的内容/);
    expect({ ...r.data.values, projectName: form.values.projectName }).toEqual(form.values);
  });
});

describe('a form of an imported template', () => {
  it('carries its template in the .xlsx, so an office without it imports the form and the template', async () => {
    const { template, form } = builtinForms().find((b) => b.template.id === 'xiangmu-zhichu')!;
    const county = { ...template, id: 'county-xiangmu', title: '某县项目支出绩效目标表', version: 2 };
    const mine = { ...form, templateId: county.id };
    const r = await readDocx(await exportFormXlsx(mine, county, { appVersion: 'test', carryTemplate: true }));
    expect(r.source).toBe('embedded');
    expect(r.newTemplate).toEqual(county);
    expect(r.data).toEqual(mine);
    expect(r.notes).toEqual([`文件使用的表样「${county.title}」本机还没有，导入时会一并加入「表样管理」`]);
  });
});
