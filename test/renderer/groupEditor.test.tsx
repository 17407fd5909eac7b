// @vitest-environment jsdom
/**
 * The editor on a template it has no code for (MADE_UP_TEMPLATE, known only to the tests): the
 * grid comes from the layout with its merges, group cells edit rows (a merged cell all of its
 * rows), sums follow exactly, row operations work by button and by key and undo, and messages
 * mark the group cell they concern.
 */
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormData, GroupRow } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import type { TemplateDef } from '../../shared/template/schema';
import { FormStore } from '../../renderer/src/editor/formStore';
import { MessagesPanel } from '../../renderer/src/editor/MessagesPanel';
import { PaperForm } from '../../renderer/src/editor/PaperForm';
import { MADE_UP_TEMPLATE, MADE_UP_VALUES } from '../helpers/madeUpTemplate';
import { stubBrowserLayout } from './jsdomApi';

beforeAll(() => {
  stubBrowserLayout();
});
afterEach(cleanup);

const T = MADE_UP_TEMPLATE;

function madeUpForm(t: TemplateDef = T, items: GroupRow[] = MADE_UP_VALUES.items): FormData {
  const form = blankForm(t, '2026');
  const { items: _items, ...fields } = MADE_UP_VALUES;
  Object.assign(form.values, fields, { items: structuredClone(items) });
  return form;
}

function setup({ t = T, form = madeUpForm(t), readOnly = false, panel = false } = {}) {
  const store = new FormStore(t, form);
  render(
    <MantineProvider>
      <PaperForm store={store} readOnly={readOnly} onLeaveCell={() => {}} />
      {panel && <MessagesPanel store={store} />}
    </MantineProvider>,
  );
  return store;
}

const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement | HTMLTextAreaElement;
const cellName = (row: number, column: string) => `分配明细第${row}行 ${column}`;
const rows = (store: FormStore) => store.rows('items').map((r) => ({ ...r }));
const column = (store: FormStore, c: string) => store.rows('items').map((r) => r[c]);

function type(el: HTMLInputElement | HTMLTextAreaElement, text: string) {
  el.focus();
  el.value = text;
  fireEvent.input(el);
}

/** The table as spans per row, without the row tools beside the group rows. */
function grid(): [number, number][][] {
  const table = screen.getByTestId('paper-table') as HTMLTableElement;
  return Array.from(table.rows).map((r) =>
    Array.from(r.cells)
      .filter((c) => !c.classList.contains('row-tools'))
      .map((c): [number, number] => [c.rowSpan, c.colSpan]),
  );
}

describe('a repeating group on a made-up template', () => {
  it('draws the rows with 大类 and 小类 merged over their runs', () => {
    setup();
    expect(grid()).toEqual([
      [
        [1, 1],
        [1, 4],
      ],
      [
        [1, 1],
        [1, 4],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      // 设备 over three rows, 采购 over two, then 维修 alone, then 培训/师资.
      [
        [3, 1],
        [2, 1],
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      [
        [1, 3],
        [1, 2],
      ],
      [
        [1, 1],
        [1, 4],
      ],
    ]);
    expect(box(cellName(1, '大类')).value).toBe('设备');
    expect(box(cellName(1, '小类')).value).toBe('采购');
    expect(box(cellName(3, '小类')).value).toBe('维修');
    expect(box(cellName(4, '大类')).value).toBe('培训');
    expect(box(cellName(2, '事项')).value).toBe('实验室器材');
    // The rows a merged cell covers are not separate cells.
    expect(screen.queryByRole('textbox', { name: cellName(2, '大类') })).toBeNull();
    expect(screen.getByText('分配合计')).toBeTruthy();
    expect(screen.getAllByText('金额（万元）').length).toBe(1);
  });

  it('adds up 分配合计 exactly as amounts are typed, full-width digits too', () => {
    const items = MADE_UP_VALUES.items.map((r, i) => (i === 3 ? { ...r, amount: '' } : r));
    const store = setup({ form: madeUpForm(T, items) });
    const total = box('分配合计') as HTMLInputElement;
    expect(total.value).toBe('30.3003');
    expect(total.readOnly).toBe(true);
    type(box(cellName(4, '金额（万元）')), '５');
    expect(column(store, 'amount')).toEqual(['10.1', '20.2', '0.0003', '5']);
    expect(total.value).toBe('35.3003');
    type(box(cellName(1, '金额（万元）')), '10.10');
    expect(total.value).toBe('35.3003');
    type(box(cellName(1, '金额（万元）')), '0.1');
    expect(total.value).toBe('25.3003');
  });

  it('renames every row of a merged 小类 when its cell is typed in', () => {
    const store = setup();
    type(box(cellName(1, '小类')), '购置');
    expect(column(store, 'sub')).toEqual(['购置', '购置', '维修', '师资']);
    expect(column(store, 'category')).toEqual(['设备', '设备', '设备', '培训']);
    expect(grid()[3]).toEqual([
      [3, 1],
      [2, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    // Renaming a 大类 renames its whole run, 小类 merges stay inside it.
    type(box(cellName(1, '大类')), '设备设施');
    expect(column(store, 'category')).toEqual(['设备设施', '设备设施', '设备设施', '培训']);
  });

  it('Enter in the last column adds a row under the same 大类/小类 and moves into it; Tab order is row by row', async () => {
    const store = setup();
    const when = box(cellName(1, '完成时间'));
    when.focus();
    fireEvent.keyDown(when, { key: 'Enter' });
    expect(rows(store)).toHaveLength(5);
    expect(store.rows('items')[1]).toEqual({ category: '设备', sub: '采购', item: '', amount: '', when: '' });
    // 设备 now covers four rows, 采购 three.
    expect(grid()[3].slice(0, 2)).toEqual([
      [4, 1],
      [3, 1],
    ]);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(cellName(2, '事项')));
    expect((document.activeElement as HTMLTextAreaElement).value).toBe('');
    expect(box(cellName(3, '事项')).value).toBe('实验室器材');

    // Enter elsewhere in a row goes to the next cell of the row.
    const item = box(cellName(2, '事项'));
    fireEvent.keyDown(item, { key: 'Enter' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe(cellName(2, '金额（万元）'));
    expect(rows(store)).toHaveLength(5);

    // Reading order: the cells of a row come before those of the next row.
    const order = Array.from(document.querySelectorAll('[data-group]')).map((el) => el.getAttribute('aria-label'));
    expect(order.slice(0, 7)).toEqual([
      cellName(1, '大类'),
      cellName(1, '小类'),
      cellName(1, '事项'),
      cellName(1, '金额（万元）'),
      cellName(1, '完成时间'),
      cellName(2, '事项'),
      cellName(2, '金额（万元）'),
    ]);
  });

  it('Shift+Enter in the last column starts a new 小类 under the same 大类', async () => {
    const store = setup();
    fireEvent.keyDown(box(cellName(2, '完成时间')), { key: 'Enter', shiftKey: true });
    expect(store.rows('items')[2]).toEqual({ category: '设备', sub: '', item: '', amount: '', when: '' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(cellName(3, '小类')));
    type(document.activeElement as HTMLTextAreaElement, '安装');
    expect(column(store, 'sub')).toEqual(['采购', '采购', '安装', '维修', '师资']);
    // 设备 over four rows; 采购 two, 安装 and 维修 one each.
    const rowsOnPaper = grid().slice(3, 7);
    expect(rowsOnPaper[0].slice(0, 2)).toEqual([
      [4, 1],
      [2, 1],
    ]);
    expect(rowsOnPaper.map((r) => r.length)).toEqual([5, 3, 4, 4]);
  });

  it('inserts, deletes and moves rows by the row tools, and undoes and redoes them', () => {
    const store = setup();
    const before = rows(store);
    fireEvent.click(screen.getByRole('button', { name: '在分配明细第3行下方插入一行' }));
    expect(rows(store)).toHaveLength(5);
    expect(store.rows('items')[3]).toEqual({ category: '设备', sub: '维修', item: '', amount: '', when: '' });

    fireEvent.click(screen.getByRole('button', { name: '删除分配明细第1行' }));
    expect(column(store, 'item')).toEqual(['实验室器材', '课桌椅维修', '', '骨干教师培训']);

    fireEvent.click(screen.getByRole('button', { name: '下移分配明细第1行' }));
    expect(column(store, 'item')).toEqual(['课桌椅维修', '实验室器材', '', '骨干教师培训']);
    fireEvent.click(screen.getByRole('button', { name: '上移分配明细第4行' }));
    expect(column(store, 'item')).toEqual(['课桌椅维修', '实验室器材', '骨干教师培训', '']);
    // 上移 of the first row does nothing.
    fireEvent.click(screen.getByRole('button', { name: '上移分配明细第1行' }));
    expect(column(store, 'item')).toEqual(['课桌椅维修', '实验室器材', '骨干教师培训', '']);

    // Each row operation is one undo step; the screen follows.
    act(() => void store.undo());
    expect(column(store, 'item')).toEqual(['课桌椅维修', '实验室器材', '', '骨干教师培训']);
    act(() => void store.undo());
    act(() => void store.undo());
    expect(column(store, 'item')).toEqual(['教室多媒体', '实验室器材', '课桌椅维修', '', '骨干教师培训']);
    expect(box(cellName(1, '事项')).value).toBe('教室多媒体');
    act(() => void store.undo());
    expect(rows(store)).toEqual(before);
    act(() => void store.redo());
    expect(rows(store)).toHaveLength(5);
    expect(grid()[3].slice(0, 2)).toEqual([
      [4, 1],
      [2, 1],
    ]);

    fireEvent.click(screen.getByRole('button', { name: '在分配明细末尾添加一行' }));
    expect(rows(store)).toHaveLength(6);
    expect(store.rows('items')[5]).toEqual({ category: '', sub: '', item: '', amount: '', when: '' });
  });

  it('Ctrl+Delete deletes the row, Alt+↑/↓ move it, Ctrl+Z undoes', async () => {
    const store = setup();
    const amount = box(cellName(3, '金额（万元）'));
    amount.focus();
    fireEvent.keyDown(amount, { key: 'ArrowUp', altKey: true });
    expect(column(store, 'item')).toEqual(['教室多媒体', '课桌椅维修', '实验室器材', '骨干教师培训']);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(cellName(2, '金额（万元）')));
    expect((document.activeElement as HTMLInputElement).value).toBe('0.0003');

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', altKey: true });
    expect(column(store, 'item')).toEqual(['教室多媒体', '实验室器材', '课桌椅维修', '骨干教师培训']);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(cellName(3, '金额（万元）')));

    fireEvent.keyDown(document.activeElement!, { key: 'Delete', ctrlKey: true });
    expect(column(store, 'item')).toEqual(['教室多媒体', '实验室器材', '骨干教师培训']);
    expect(box('分配合计').value).toBe('35.3');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(cellName(3, '金额（万元）')));

    fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true });
    expect(column(store, 'item')).toEqual(['教室多媒体', '实验室器材', '课桌椅维修', '骨干教师培训']);
    expect(box('分配合计').value).toBe('35.3003');
  });

  it('deleting every row leaves a blank padding row; typing into it makes the row again', () => {
    const store = setup();
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByRole('button', { name: '删除分配明细第1行' }));
    expect(rows(store)).toEqual([]);
    expect(screen.queryByRole('button', { name: '删除分配明细第1行' })).toBeNull();
    const item = box(cellName(1, '事项'));
    expect(item.value).toBe('');
    type(item, '校园监控');
    expect(rows(store)).toEqual([{ category: '', sub: '', item: '校园监控', amount: '', when: '' }]);
  });

  it('refuses a row past maxRows with a Chinese notice', () => {
    const small: TemplateDef = { ...T, groups: [{ ...T.groups![0], maxRows: 4 }] };
    const store = setup({ t: small });
    fireEvent.click(screen.getByRole('button', { name: '在分配明细第1行下方插入一行' }));
    expect(rows(store)).toHaveLength(4);
    expect(screen.getByRole('alert').textContent).toContain('分配明细最多 4 行，不能再添加');
  });

  it('marks the group cell a message concerns, and the messages panel goes there', () => {
    const store = setup({ panel: true });
    const item = box(cellName(2, '事项'));
    expect(item.getAttribute('aria-invalid')).toBeNull();
    type(item, '');
    expect(store.messagesFor('items[1].item').map((m) => m.code)).toEqual(['rowRequires']);
    expect(item.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(item.getAttribute('aria-describedby')!)?.textContent).toContain('填了金额的行要写明事项');
    // Only that cell.
    expect(box(cellName(1, '事项')).getAttribute('aria-invalid')).toBeNull();
    expect(box(cellName(2, '金额（万元）')).getAttribute('aria-invalid')).toBeNull();

    const amount = box(cellName(3, '金额（万元）'));
    type(amount, '12a');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(amount.getAttribute('aria-describedby')!)?.textContent).toContain('金额只能填写数字');

    const panel = screen.getByTestId('messages-panel');
    const link = Array.from(panel.querySelectorAll('button')).find((b) => b.textContent?.includes('【分配明细第2行 事项】'))!;
    expect(link).toBeTruthy();
    box('资金名称').focus();
    fireEvent.click(link);
    expect(document.activeElement).toBe(item);
  });

  it('a merged cell shows the messages of every row it covers', () => {
    const required: TemplateDef = {
      ...T,
      groups: [{ ...T.groups![0], columns: T.groups![0].columns.map((c) => (c.id === 'sub' ? { ...c, maxLength: 3 } : c)) }],
    };
    setup({ t: required });
    const sub = box(cellName(1, '小类'));
    type(sub, '采购和安装');
    expect(sub.getAttribute('aria-invalid')).toBe('true');
    const text = document.getElementById(sub.getAttribute('aria-describedby')!)?.textContent ?? '';
    expect(text).toContain('分配明细第1行的小类太长');
    expect(text).toContain('分配明细第2行的小类太长');
  });

  it('shows choice fields and columns as selects', () => {
    const withChoices: TemplateDef = {
      ...T,
      fields: [...T.fields, { id: 'level', label: '资金级次', kind: 'choice', options: ['中央', '省级', '县级'] }],
      groups: [
        {
          ...T.groups![0],
          columns: T.groups![0].columns.map((c) =>
            c.id === 'when' ? { ...c, kind: 'choice' as const, options: ['上半年', '下半年'] } : c,
          ),
        },
      ],
      below: [{ ...T.below[0], segments: [...T.below[0].segments, { text: '　资金级次：' }, { field: 'level' }] }],
    };
    const form = madeUpForm(
      withChoices,
      MADE_UP_VALUES.items.map((r, i) => ({ ...r, when: i === 0 ? '上半年' : '' })),
    );
    const store = setup({ t: withChoices, form });
    const level = screen.getByRole('combobox', { name: '资金级次' }) as HTMLSelectElement;
    expect(Array.from(level.options).map((o) => o.value)).toEqual(['', '中央', '省级', '县级']);
    fireEvent.change(level, { target: { value: '县级' } });
    expect(store.get('level')).toBe('县级');
    const when = screen.getByRole('combobox', { name: cellName(1, '完成时间') }) as HTMLSelectElement;
    expect(when.value).toBe('上半年');
    fireEvent.change(screen.getByRole('combobox', { name: cellName(2, '完成时间') }), { target: { value: '下半年' } });
    expect(column(store, 'when')).toEqual(['上半年', '下半年', '', '']);
  });

  it('draws the grid of a new store given to the same sheet (a form reopened with another template)', () => {
    const first = new FormStore(T, madeUpForm());
    const { rerender } = render(<PaperForm store={first} readOnly={false} onLeaveCell={() => {}} />);
    expect(grid()).toHaveLength(9);
    const fewer = new FormStore(T, madeUpForm(T, MADE_UP_VALUES.items.slice(3)));
    rerender(<PaperForm store={fewer} readOnly={false} onLeaveCell={() => {}} />);
    expect(grid()).toHaveLength(6);
    expect(box(cellName(1, '大类')).value).toBe('培训');
  });

  it('is read-only when finalised: no row tools, no typing, no row keys', () => {
    const store = setup({ readOnly: true });
    expect(screen.queryByRole('button', { name: /插入一行|删除分配明细|上移|下移|添加一行/ })).toBeNull();
    const item = box(cellName(1, '事项'));
    expect(item.hasAttribute('readonly')).toBe(true);
    fireEvent.keyDown(item, { key: 'Delete', ctrlKey: true });
    fireEvent.keyDown(box(cellName(1, '完成时间')), { key: 'Enter' });
    expect(rows(store)).toHaveLength(4);
  });
});
