/**
 * The engine with a template nothing outside test/ knows (test/helpers/madeUpTemplate.ts):
 * layout, checks, store, Word export read back by the independent grid reader, import of that
 * export (exactly, and from the table alone), new year and label-keyed JSON — all generic.
 */
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { commitImport, previewImport } from '../../electron/core/import';
import type { Store } from '../../electron/core/store';
import type { FormData } from '../../shared/form';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson, templateForLabelJson, toLabelJson } from '../../shared/labelJson';
import { carryToNewYear } from '../../shared/newYear';
import { layoutForm } from '../../shared/template/layout';
import { validateForm } from '../../shared/validation';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';
import { MADE_UP_TEMPLATE as T, MADE_UP_VALUES } from '../helpers/madeUpTemplate';
import { readDocx } from '../helpers/read';
import { storeIn, tempDir } from '../store/tempStore';

const form = (values: Partial<typeof MADE_UP_VALUES> = {}, twoDecimals = false): FormData => ({
  templateId: T.id,
  values: structuredClone({ ...MADE_UP_VALUES, ...values }),
  options: { twoDecimals, blankZero: false },
});

/** [row, col, rowSpan, colSpan] of every laid-out cell, row by row. */
const spans = (f: FormData) =>
  layoutForm(T, f)
    .rows.flatMap((r) => r.cells)
    .map((c) => [c.row, c.col, c.rowSpan, c.colSpan]);

describe('layout of a repeating group', () => {
  it('gives one row per list row and merges 大类 and 小类 down over equal neighbours', () => {
    expect(spans(form())).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 4],
      [1, 0, 1, 1],
      [1, 1, 1, 4],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
      [2, 3, 1, 1],
      [2, 4, 1, 1],
      // 设备 over three rows, 采购 over two, then 维修; 培训/师资 alone.
      [3, 0, 3, 1],
      [3, 1, 2, 1],
      [3, 2, 1, 1],
      [3, 3, 1, 1],
      [3, 4, 1, 1],
      [4, 2, 1, 1],
      [4, 3, 1, 1],
      [4, 4, 1, 1],
      [5, 1, 1, 1],
      [5, 2, 1, 1],
      [5, 3, 1, 1],
      [5, 4, 1, 1],
      [6, 0, 1, 1],
      [6, 1, 1, 1],
      [6, 2, 1, 1],
      [6, 3, 1, 1],
      [6, 4, 1, 1],
      [7, 0, 1, 3],
      [7, 3, 1, 2],
      [8, 0, 1, 1],
      [8, 1, 1, 4],
    ]);
  });

  it('does not merge 小类 across a 大类 boundary, nor blank cells', () => {
    const f = form({
      items: [
        { category: '甲', sub: '同名', item: '', amount: '', when: '' },
        { category: '乙', sub: '同名', item: '', amount: '', when: '' },
        { category: '', sub: '', item: 'x', amount: '', when: '' },
        { category: '', sub: '', item: 'y', amount: '', when: '' },
      ],
    });
    const group = spans(f).filter(([r]) => r >= 3 && r <= 6);
    expect(group.filter(([, c]) => c <= 1).every(([, , rs]) => rs === 1)).toBe(true);
  });

  it('pads an empty list with blank rows up to minRows, and a fixed cell crossing the group grows with it', () => {
    const empty = layoutForm(T, form({ items: [] }));
    expect(empty.rows).toHaveLength(3 + 1 + 2);
    expect(empty.rows[3].group).toEqual({ id: 'items', index: 0, padding: true });
  });

  it('prints what Word prints: computed column sum, amounts by the form options', () => {
    const printed = layoutForm(T, form({}, true), { print: true });
    const text = (r: number, c: number) =>
      printed.rows[r].cells
        .find((x) => x.col === c)!
        .paragraphs.map((p) => p.text)
        .join('\n');
    expect(text(7, 3)).toBe('35.3003');
    expect(text(3, 3)).toBe('10.10');
    expect(text(3, 0)).toBe('设备');
    expect(printed.above.map((l) => l.runs.map((r) => r.text).join(''))).toEqual(['专项资金分配明细表', '2026年度']);
  });
});

describe('checks of a repeating group', () => {
  it('sums the column exactly and binds a row rule to the right cell', () => {
    const f = form();
    f.values.items = [...MADE_UP_VALUES.items, { category: '培训', sub: '师资', item: '', amount: '1', when: '' }];
    expect(withComputed(f, T).values.total).toBe('36.3003');
    const ms = validateForm(f, T);
    expect(ms).toEqual([
      { field: 'items', row: 4, column: 'item', severity: 'error', code: 'rowRequires', message: '第5行：填了金额的行要写明事项' },
    ]);
  });
  it('reads a bad amount in a group cell and names the cell', () => {
    const f = form();
    f.values.items = [{ category: '设备', sub: '采购', item: 'x', amount: '十万', when: '' }];
    const [m] = validateForm(f, T);
    expect(m).toMatchObject({ field: 'items', row: 0, column: 'amount', code: 'amount' });
    expect(m.message).toMatch(/^分配明细第1行的金额（万元）：/);
  });
});

describe('a store with an imported template', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(() => {
    tmp = tempDir();
    store = storeIn(tmp.dir);
    store.importTemplate(T);
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  it('keys forms by the template identity: two funds of one unit coexist, the same fund twice is refused', () => {
    const a = store.create(form());
    expect(a).toMatchObject({
      templateId: T.id,
      templateVersion: 1,
      year: '2026',
      title: '义务教育薄弱环节改善资金',
      unit: '某某县教育局',
    });
    const b = store.create(form({ fundName: '学生资助补助资金' }));
    expect(store.list().map((s) => s.id)).toEqual([a.id, b.id]); // one unit, titles in code-point order
    expect(() => store.create(form())).toThrow(/同一年度同一主管单位、资金名称只能有一份专项资金分配明细表（测试）/);
    expect(store.create(form(), { asCopy: true }).title).toBe('义务教育薄弱环节改善资金（副本）');
    expect(store.list({ search: '学生资助' }).map((s) => s.id)).toEqual([b.id]);
    expect(store.list({ search: '骨干教师培训' })).toHaveLength(3); // found by a row of the group
    // The template survives reopening the store, and is refused for removal while forms use it.
    store.close();
    store = storeIn(tmp.dir);
    expect(store.templates.get(T.id)).toEqual(T);
    expect(() => store.removeTemplate(T.id)).toThrow(/还有 3 份表单/);
  });

  it('exports the layout to Word exactly: rows, merges, widths and texts, read back by an independent reader', async () => {
    const { bytes } = await exportDocx(form(), T, { appVersion: 't', carryTemplate: true });
    const g = await readDocxGrid(bytes);
    expect(g.table.gridCols).toEqual(T.table.columnsTwips);
    expect(g.table.rows).toHaveLength(9);
    for (const r of g.table.rows) expect(r.coveredCols).toBe(5);
    const got = g.table.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan]);
    expect(got).toEqual(spans(form()));
    expect(cellAt(g.table, 3, 0)!.text).toBe('设备');
    expect(cellAt(g.table, 3, 1)!.text).toBe('采购');
    expect(cellAt(g.table, 5, 1)!.text).toBe('维修');
    expect(cellAt(g.table, 5, 3)!.text).toBe('0.0003');
    expect(cellAt(g.table, 7, 0)!.text).toBe('分配合计');
    expect(cellAt(g.table, 7, 3)!.text).toBe('35.3003');
    expect(cellAt(g.table, 2, 3)!.text).toBe('金额（万元）');
    expect(cellAt(g.table, 3, 0)!.continuedText).toBe('');
    expect(cellAt(g.table, 7, 0)!.width).toEqual({ w: 6106, type: 'dxa' });
    expect(g.after.map((p) => p.text)).toEqual(['制表人：张三']);
  });

  it('imports its own export exactly, and from the table alone the same rows', async () => {
    const f = withComputed(form(), T);
    const { bytes } = await exportDocx(f, T, { appVersion: 't' });
    const exact = await readDocx(bytes, { extra: [T] });
    expect(exact.source).toBe('embedded');
    expect(exact.notes).toEqual([]);
    expect(exact.data).toEqual(f);

    const zip = await JSZip.loadAsync(bytes);
    zip.remove('docProps/custom.xml');
    const table = await readDocx(await zip.generateAsync({ type: 'uint8array' }), { extra: [T] });
    expect(table.source).toBe('table');
    expect(table.data.templateId).toBe(T.id);
    expect(table.data.values.items).toEqual(f.values.items);
    expect(table.data).toEqual(f);
  });

  it('a form brings its imported template to an office that lacks it', async () => {
    const { bytes } = await exportDocx(withComputed(form(), T), T, { appVersion: 't', carryTemplate: true });
    const other = tempDir();
    const office = storeIn(other.dir);
    try {
      const [preview] = await previewImport(office, 'a.docx', bytes);
      expect(preview.newTemplate).toEqual(T);
      expect(preview).toMatchObject({ templateTitle: T.title, year: '2026', title: '义务教育薄弱环节改善资金', unit: '某某县教育局' });
      expect(preview.notes.join()).toMatch(/本机还没有，导入时会一并加入「表样管理」/);
      const out = commitImport(office, preview.data, 'skip', preview.newTemplate);
      expect(out.outcome).toBe('imported');
      expect(office.templates.get(T.id)).toEqual(T);
      expect(office.get(out.id!).data).toEqual(withComputed(form(), T));
    } finally {
      office.close();
      other.cleanup();
    }
  });

  it('new year carries what the template says, clears amounts and moves years', () => {
    const a = store.create(form());
    const { record, changes } = store.newYear(a.id, '2027');
    const rows = record.data.values.items as Record<string, string>[];
    expect(rows.map((r) => [r.category, r.sub, r.item, r.amount, r.when])).toEqual([
      ['设备', '采购', '教室多媒体', '', '2027年9月前'],
      ['设备', '采购', '实验室器材', '', '2027年10月前'],
      ['设备', '维修', '课桌椅维修', '', '2027年8月'],
      ['培训', '师资', '骨干教师培训', '', '2027年全年'],
    ]);
    expect(record.data.values).toMatchObject({
      year: '2027',
      owner: '某某县教育局',
      notes: '2027年12月底前全部拨付。',
      maker: '',
      total: '',
    });
    expect(changes).toContainEqual({ field: 'items', label: '分配明细第1行·完成时间', before: '2026年9月前', after: '2027年9月前' });
    expect(changes).toContainEqual({
      field: 'notes',
      label: '备注',
      before: '2026年12月底前全部拨付。',
      after: '2027年12月底前全部拨付。',
    });
    expect(carryToNewYear(form(), T, '2027').form.values.items).toEqual(rows);
  });

  it('label-keyed JSON names the form by "表" and keys rows by column headers, both ways', () => {
    const f = withComputed(form({}, true), T);
    const json = toLabelJson(f, T);
    expect(json['表']).toBe(T.title);
    expect(json['分配合计']).toBe('35.3003');
    expect(json['分配明细']).toEqual([
      { 大类: '设备', 小类: '采购', 事项: '教室多媒体', '金额（万元）': '10.10', 完成时间: '2026年9月前' },
      { 大类: '设备', 小类: '采购', 事项: '实验室器材', '金额（万元）': '20.20', 完成时间: '2026年10月前' },
      { 大类: '设备', 小类: '维修', 事项: '课桌椅维修', '金额（万元）': '0.0003', 完成时间: '2026年8月' },
      { 大类: '培训', 小类: '师资', 事项: '骨干教师培训', '金额（万元）': '5.00', 完成时间: '2026年全年' },
    ]);
    const back = fromLabelJson(JSON.parse(JSON.stringify(json)), templateForLabelJson(json, store.templates));
    expect(back.notes).toEqual([]);
    expect(withComputed(back.form, T)).toEqual(f);
    // A column header spelled another way (an alias) and an unknown column are handled and reported.
    const loose = fromLabelJson({ 表: T.title, 年度: '2026', 分配明细: [{ 大类: '设备', 金额: '1', 颜色: '红' }] }, T);
    expect((loose.form.values.items as Record<string, string>[])[0]).toMatchObject({ category: '设备', amount: '1' });
    expect(loose.notes).toEqual(['「分配明细」第 1 行的列「颜色」不认识，已忽略']);
  });
});
