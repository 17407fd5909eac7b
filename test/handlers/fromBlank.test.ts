/**
 * 表样管理 → 从空白表生成 behind the contract (issue 22): templates.fromBlank proposes and stores
 * nothing; the designer's edits (shared/template/blankEdit.ts) change a cell's role, a field's
 * name and kind; templates.save stores the result, a second save of the same id as its next
 * version, and a form made with it exports with the changed cell.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlankProposal } from '../../electron/core/import/fromBlankPropose';
import { createCoreHandlers, type Handlers } from '../../electron/core/handlers';
import type { Store } from '../../electron/core/store';
import type { TemplateEntry } from '../../shared/contract';
import { checkTemplate } from '../../shared/template/check';
import { withFieldEdit, withValueAt, withValueCleared } from '../../shared/template/blankEdit';
import type { TemplateDef } from '../../shared/template/schema';
import { blankDocx } from '../helpers/blankForms';
import { LAYOUTS } from '../helpers/blankLayouts';
import { readDocxGrid } from '../helpers/docxGrid';
import { caller, tempStore } from './helpers';

let env: ReturnType<typeof tempStore>;
let store: Store;
let handlers: Handlers;

beforeEach(() => {
  env = tempStore();
  store = env.store;
  handlers = createCoreHandlers({ store, appVersion: '0.1.0', mode: 'web' });
});
afterEach(() => env.cleanup());

const { call, failure } = caller(() => handlers);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fieldId = (t: TemplateDef, label: string) => t.fields.find((f) => f.label === label)!.id;

async function propose(): Promise<BlankProposal> {
  return call<BlankProposal>('templates.fromBlank', { fileName: '空白表.docx', data: b64(await blankDocx(LAYOUTS[0].spec)) });
}

describe('templates.fromBlank and templates.save', () => {
  it('proposes without storing; the edited proposal saves, and saves again as the next version', async () => {
    const before = store.templates.all().length;
    const p = await propose();
    expect(store.templates.all()).toHaveLength(before);
    // Each cell of the blank says what it became.
    const value = p.cells.find((c) => c.role === 'value' && c.label === '项目期')!;
    expect(value).toMatchObject({ row: 2, col: 4, templateRow: 2, kind: 'text' });
    expect(p.cells.find((c) => c.text === '一级指标')?.role).toBe('column');

    // 项目期 made a blank nobody fills in; 项目属性 renamed and made a choice-free text; the blank made a value again.
    let t = withValueCleared(p.template, fieldId(p.template, '项目期'));
    expect(t.fields.some((f) => f.label === '项目期')).toBe(false);
    expect(t.table.cells.find((c) => c.row === 2 && c.col === 4)?.content).toEqual({ type: 'empty' });
    expect(t.table.cells.find((c) => c.row === 2 && c.col === 3)?.content).toEqual({ type: 'label', lines: ['项目期'] });
    t = withFieldEdit(t, fieldId(t, '项目属性'), { label: '项目类别', kind: 'multiline', required: true });
    expect(t.fields.find((f) => f.label === '项目类别')).toMatchObject({ printed: '项目属性', kind: 'multiline', required: true });
    expect(checkTemplate(t)).toEqual([]);

    const saved = await call<TemplateEntry>('templates.save', { template: t });
    expect(saved.template.version).toBe(1);
    expect(store.templates.find(t.id)?.fields.some((f) => f.label === '项目类别')).toBe(true);
    const again = await call<TemplateEntry>('templates.save', { template: withValueAt(t, 2, 4, '实施期限') });
    expect(again.template.version).toBe(2);
    expect(store.templates.find(t.id)?.version).toBe(2);

    // A form of it prints the changed cell: 项目期's value cell stays blank, 项目类别 prints as 项目属性.
    const created = await call<{ id: number }>('forms.create', {
      templateId: t.id,
      year: '2025',
      values: { [fieldId(t, '实施单位')]: '某县体育局', [fieldId(t, '项目名称')]: '全民健身' },
    });
    const file = await call<{ data: string }>('export.docx', { id: created.id });
    const grid = await readDocxGrid(new Uint8Array(Buffer.from(file.data, 'base64')));
    expect(grid.table.cells.find((c) => c.row === 2 && c.col === 0)?.text).toBe('项目属性');
  });

  it('refuses a change the template cannot take, in Chinese, and a save of an unsound template', async () => {
    const p = await propose();
    expect(() => withValueCleared(p.template, p.template.identity.unit)).toThrow(/表单标识/);
    expect(() => withFieldEdit(p.template, fieldId(p.template, '项目期'), { label: '项目名称' })).toThrow(/已经用过了/);
    expect(() => withValueAt(p.template, 0, 0, '甲')).toThrow(/只有空白格/);
    const broken: TemplateDef = { ...p.template, table: { ...p.template.table, cells: p.template.table.cells.slice(1) } };
    expect(await failure('templates.save', { template: broken })).toMatch(/这个表样还不能保存.*没有做任何改动/);
    expect(await failure('templates.fromBlank', { fileName: 'x.docx', data: b64(new Uint8Array([1, 2, 3])) })).toMatch(
      /这个空白表不能生成表样/,
    );
  });
});
