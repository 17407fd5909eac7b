// @vitest-environment jsdom
/**
 * A field kind that only the tests know (test/helpers/percentKind.ts: the shared kind and its
 * editor cell) works through the whole chain by registering its two modules, with no other file
 * touched: template check, create, edit in the editor (jsdom), save, Word and Excel export read
 * back by independent readers, import of the export (embedded and from the table alone), label
 * JSON, new year and the 汇总.
 */
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import JSZip from 'jszip';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export';
import { exportFormXlsx } from '../../electron/core/export/formXlsx';
import { readDocxFormsNow } from '../../electron/core/import/readNow';
import type { Store } from '../../electron/core/store';
import { runSummary } from '../../electron/core/summary';
import { FormStore } from '../../renderer/src/editor/formStore';
import { PaperForm } from '../../renderer/src/editor/PaperForm';
import type { FormData } from '../../shared/form';
import { blankForm, withComputed } from '../../shared/formOps';
import { fromLabelJson, toLabelJson } from '../../shared/labelJson';
import { carryToNewYear } from '../../shared/newYear';
import { checkTemplate } from '../../shared/template/check';
import { templateDefSchema } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { validateForm } from '../../shared/validation';
import { cellAt, readDocxGrid } from '../helpers/docxGrid';
import { MADE_UP_VALUES } from '../helpers/madeUpTemplate';
import { PERCENT_TEMPLATE as T, registerPercent } from '../helpers/percentKind';
import { readXlsx } from '../helpers/xlsxSheets';
import { storeIn, tempDir } from '../store/tempStore';
import { stubBrowserLayout } from '../renderer/jsdomApi';

beforeAll(() => {
  registerPercent();
  stubBrowserLayout();
});
afterEach(cleanup);

/** The made-up form, blank where 执行率 and 占比 go, for the editor to fill. */
function startingForm(): FormData {
  const form = blankForm(T, '2026');
  const { items, ...fields } = MADE_UP_VALUES;
  Object.assign(form.values, fields, { items: items.map((r) => ({ ...r, share: '' })) });
  return form;
}

/** Types into a cell as the clerk does and leaves it. */
function typeInto(name: string, text: string): HTMLInputElement {
  const el = screen.getByRole('textbox', { name }) as HTMLInputElement;
  el.focus();
  el.value = text;
  fireEvent.input(el);
  fireEvent.blur(el);
  return el;
}

/** Edits the form in the editor: 执行率 and two rows' 占比, in the spellings clerks type. */
function editInEditor(form: FormData): FormData {
  const store = new FormStore(T, form);
  render(
    <MantineProvider>
      <PaperForm store={store} readOnly={false} onLeaveCell={() => {}} />
    </MantineProvider>,
  );
  const rate = typeInto('执行率', '８７．５０％');
  expect(rate.getAttribute('inputmode')).toBe('decimal');
  expect(rate.value).toBe('87.5');
  typeInto('分配明细第1行 占比', '28.6 %');
  typeInto('分配明细第2行 占比', '57.20');
  const bad = typeInto('分配明细第3行 占比', '120');
  expect(bad.getAttribute('aria-invalid')).toBe('true');
  typeInto('分配明细第3行 占比', '0.01');
  expect(bad.getAttribute('aria-invalid')).toBeNull();
  return store.data();
}

describe('a kind defined only in a test (testPercent)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(() => {
    tmp = tempDir();
    store = storeIn(tmp.dir);
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  it('is a sound template kind, and an unknown kind is still refused', () => {
    expect(templateDefSchema.safeParse(T).success).toBe(true);
    expect(checkTemplate(T)).toEqual([]);
    const bad = structuredClone(T);
    bad.fields.find((f) => f.id === 'rate')!.params = { places: 7 };
    expect(checkTemplate(bad).join()).toMatch(/字段「执行率」/);
    const unknown = structuredClone(T);
    unknown.fields[1].kind = 'permille';
    expect(templateDefSchema.safeParse(unknown).success).toBe(false);
  });

  it('goes create → edit → save → Word and Excel → import → label JSON → new year → 汇总', async () => {
    // Create, then edit in the editor, then save.
    store.importTemplate(T);
    const created = store.create(startingForm());
    const edited = editInEditor(store.get(created.id).data);
    expect(edited.values.rate).toBe('87.5');
    expect((edited.values.items as Record<string, string>[]).map((r) => r.share)).toEqual(['28.6', '57.2', '0.01', '']);
    const saved = store.save(created.id, edited, { baseRevision: created.revision });
    const form = store.get(saved.id).data;
    expect(form.values.rate).toBe('87.5');
    expect(validateForm(form, T)).toEqual([]);

    // Word prints it as the kind says (the template's two places for 执行率), and the table reads back.
    const { bytes } = await exportDocx(form, T, { appVersion: 't', carryTemplate: true });
    const grid = await readDocxGrid(bytes);
    // Rows 3–6 are the four rows of 分配明细, 7 the 分配合计, 8 执行率.
    expect(cellAt(grid.table, 8, 1)!.text).toBe('87.50%');
    expect(cellAt(grid.table, 3, 5)!.text).toBe('28.6%');
    expect(cellAt(grid.table, 2, 5)!.text).toBe('占比');

    // Excel: the same printed text in the same cells.
    const [sheet] = await readXlsx(await exportFormXlsx(form, T));
    const texts = sheet.cells.map((c) => c.text);
    expect(texts).toContain('87.50%');
    expect(texts).toContain('57.2%');

    // Import of the export: exactly from its embedded copy, and the same from the table alone. The
    // reader runs in this thread: the import worker knows the kinds its own start-up registers.
    const readDocx = async (b: Uint8Array) => readDocxFormsNow(b, { templates: [...BUILTIN_TEMPLATES, T] })[0];
    const exact = await readDocx(bytes);
    expect(exact.source).toBe('embedded');
    expect(exact.data).toEqual(withComputed(form, T));
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('docProps/custom.xml');
    const table = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(table.source).toBe('table');
    expect(table.notes).toEqual([]);
    expect(table.data).toEqual(withComputed(form, T));

    // Label JSON writes what it prints and reads it back through the kind's reader.
    const json = toLabelJson(form, T);
    expect(json['执行率']).toBe('87.50%');
    expect((json['分配明细'] as Record<string, string>[])[0]['占比']).toBe('28.6%');
    const back = fromLabelJson(JSON.parse(JSON.stringify(json)), T);
    expect(back.notes).toEqual([]);
    expect(withComputed(back.form, T)).toEqual(withComputed(form, T));
    const loose = fromLabelJson({ 表: T.title, 年度: '2026', 执行率: '百分之九十' }, T);
    expect(loose.form.values.rate).toBe('百分之九十');
    expect(loose.notes).toEqual(['执行率「百分之九十」：不是百分数（如 12.5%，最多两位小数）']);

    // New year carries both, as the template says.
    const next = carryToNewYear(form, T, '2027').form;
    expect(next.values.rate).toBe('87.5');
    expect((next.values.items as Record<string, string>[]).map((r) => r.share)).toEqual(['28.6', '57.2', '0.01', '']);

    // The 汇总 checks it with the kind's check: a second form over 100% is listed with its errors.
    const over = structuredClone(form);
    over.values.fundName = '学生资助补助资金';
    over.values.rate = '100.01';
    store.create(over);
    const summary = await runSummary(store, { year: '2026' }, { appVersion: 't' });
    const forms = summary.sections.flatMap((s) => s.parents.flatMap((p) => p.units.flatMap((u) => u.forms)));
    // In the form list's order (shared/listOrder.ts): 义 (U+4E49) before 学 (U+5B66).
    expect(forms.map((f) => [f.title, f.check])).toEqual([
      ['义务教育薄弱环节改善资金', 'complete'],
      ['学生资助补助资金', 'error'],
    ]);
    expect(summary.sections[0].totals).toEqual(['70.6006']); // 分配合计 of both, exactly
  });
});
