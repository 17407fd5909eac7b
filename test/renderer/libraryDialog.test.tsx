// @vitest-environment jsdom
/**
 * 指标库 against a recorded API (window.api, as the desktop preload provides it): the list with
 * its columns and source names, search sent after a pause, pages of 50, add and edit (the old
 * key sent as `previous`), delete after a Chinese confirmation that says a learned entry is only
 * hidden, import through the file dialog with the core's refusal shown, export as JSON saved as a
 * library file, and the Excel export's refusal shown.
 */
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Api, Output } from '../../shared/contract';
import { installRecordingApi, stubBrowserLayout, type Answers } from './jsdomApi';

type Entry = Output<'library.list'>[number];

const calls: { channel: string; input: unknown }[] = [];
const answers: Answers = {};

beforeAll(() => {
  stubBrowserLayout();
  installRecordingApi(calls, answers);
});

const entry = (name: string, over: Partial<Entry> = {}): Entry => ({
  level1: '产出指标',
  level2: '数量指标',
  name,
  value: '≥200人次',
  note: '',
  source: 'starter',
  uses: 0,
  lastYear: '',
  ...over,
});

let library: Entry[];

beforeEach(() => {
  calls.length = 0;
  for (const k of Object.keys(answers)) delete answers[k as keyof Api];
  library = [
    entry('组织业务培训人次', { source: 'learned', uses: 3, lastYear: '2025', value: '≥300人次' }),
    entry('场馆开放天数', { source: 'user', value: '≥300天', note: '按实际开放' }),
    entry('参赛队伍数', { source: 'imported', value: '≥20支' }),
    entry('培训人次', { note: '按项目实际调整数值' }),
  ];
  answers['library.list'] = (input) => {
    const search = (input as { search?: string }).search ?? '';
    return library.filter((e) => `${e.level1}${e.level2}${e.name}${e.value}`.includes(search));
  };
});
afterEach(cleanup);

async function open() {
  const { LibraryDialog } = await import('../../renderer/src/shell/dialogs/LibraryDialog');
  render(
    <MantineProvider>
      <LibraryDialog onClose={() => {}} />
    </MantineProvider>,
  );
  await screen.findByText('组织业务培训人次');
}

const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLTableRowElement;
const cells = (tr: HTMLTableRowElement) => Array.from(tr.cells).map((c) => c.textContent);
const lastCall = (channel: string) => [...calls].reverse().find((c) => c.channel === channel)?.input;

describe('指标库', () => {
  it('lists 一级 | 二级 | 三级指标 | 指标值 | 说明 | 来源 | 用过, with the sources named in Chinese', async () => {
    await open();
    const table = screen.getByTestId('library-list');
    expect(Array.from(table.querySelectorAll('th')).map((th) => th.textContent)).toEqual([
      '一级',
      '二级',
      '三级指标',
      '指标值',
      '说明',
      '来源',
      '用过',
      '',
    ]);
    expect(cells(rowOf('组织业务培训人次')).slice(0, 7)).toEqual([
      '产出指标',
      '数量指标',
      '组织业务培训人次',
      '≥300人次',
      '',
      '本机表单',
      '3 次（2025）',
    ]);
    expect(cells(rowOf('场馆开放天数')).slice(4, 7)).toEqual(['按实际开放', '自编', '—']);
    expect(cells(rowOf('参赛队伍数'))[5]).toBe('导入');
    expect(cells(rowOf('培训人次'))[5]).toBe('自带');
    expect(screen.getByTestId('library-count').textContent).toBe('共 4 条');
  });

  it('searches after a pause, and says when nothing is found', async () => {
    await open();
    fireEvent.change(screen.getByRole('textbox', { name: '查找指标' }), { target: { value: '培训' } });
    expect(lastCall('library.list')).toEqual({});
    await waitFor(() => expect(lastCall('library.list')).toEqual({ search: '培训' }));
    await waitFor(() => expect(screen.queryByText('场馆开放天数')).toBeNull());
    expect(screen.getByText('组织业务培训人次')).toBeTruthy();
    expect(screen.getByText('培训人次')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: '查找指标' }), { target: { value: '没有这个' } });
    expect(await screen.findByText('没有找到含「没有这个」的指标。')).toBeTruthy();
  });

  it('shows a long list 50 rows a page', async () => {
    library = Array.from({ length: 120 }, (_, i) => entry(`指标${String(i + 1).padStart(3, '0')}`, { value: `${i}` }));
    library.unshift(entry('组织业务培训人次'));
    await open();
    const bodyRows = () => screen.getByTestId('library-list').querySelectorAll('tbody tr');
    expect(bodyRows()).toHaveLength(50);
    expect(screen.getByTestId('library-count').textContent).toBe('共 121 条，第 1 / 3 页');
    fireEvent.click(screen.getByRole('button', { name: '3' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(21));
    expect(screen.getByText('指标120')).toBeTruthy();
  });

  it('adds an entry (trimmed, placeholders allowed) and edits one with its old key as previous', async () => {
    answers['library.save'] = () => ({ ok: true });
    await open();
    fireEvent.click(screen.getByRole('button', { name: '新增指标' }));
    const form = screen.getByRole('form', { name: '新增指标' });
    // 一级/二级 offer the usual headings (an input with a list is a combobox) and take any text.
    expect((within(form).getByRole('combobox', { name: '一级指标' }) as HTMLInputElement).value).toBe('产出指标');
    // 三级 is required: nothing is sent without it.
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await within(form).findByText('请填写三级指标。')).toBeTruthy();
    expect(lastCall('library.save')).toBeUndefined();
    fireEvent.change(within(form).getByRole('combobox', { name: '二级指标' }), { target: { value: '成本指标' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /三级指标/ }), { target: { value: ' 人均培训成本 ' } });
    fireEvent.change(within(form).getByRole('textbox', { name: '指标值' }), { target: { value: '≤{年度资金总额}万元' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(lastCall('library.save')).toEqual({
        entry: { level1: '产出指标', level2: '成本指标', name: '人均培训成本', value: '≤{年度资金总额}万元', note: '' },
        previous: undefined,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('form', { name: '新增指标' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: '编辑「组织业务培训人次」' }));
    const edit = screen.getByRole('form', { name: '修改指标' });
    expect(edit.textContent).toContain('这一条来自本机的表单，保存后作为您自己的条目。');
    fireEvent.change(within(edit).getByRole('textbox', { name: '指标值' }), { target: { value: '≥350人次' } });
    fireEvent.click(within(edit).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(lastCall('library.save')).toEqual({
        entry: { level1: '产出指标', level2: '数量指标', name: '组织业务培训人次', value: '≥350人次', note: '' },
        previous: { level1: '产出指标', level2: '数量指标', name: '组织业务培训人次' },
      }),
    );
  });

  it('shows the core’s refusal of a save, keeping the form open', async () => {
    answers['library.save'] = () => {
      throw new Error('三级指标不能超过 200 个字');
    };
    await open();
    fireEvent.click(screen.getByRole('button', { name: '编辑「场馆开放天数」' }));
    fireEvent.click(within(screen.getByRole('form', { name: '修改指标' })).getByRole('button', { name: '保存' }));
    expect((await screen.findByTestId('library-error')).textContent).toContain('三级指标不能超过 200 个字');
    expect(screen.getByRole('form', { name: '修改指标' })).toBeTruthy();
  });

  it('deletes after a confirmation; a learned entry is said to be only hidden from the suggestions', async () => {
    answers['library.remove'] = () => ({ ok: true });
    await open();
    fireEvent.click(screen.getByRole('button', { name: '删除「组织业务培训人次」' }));
    const confirm = screen.getByTestId('confirm-remove-indicator');
    expect(confirm.textContent).toContain('是从本机的表单中学到的。删除只是不再推荐它，已填写的表单不受影响');
    expect(lastCall('library.remove')).toBeUndefined();
    fireEvent.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(screen.queryByTestId('confirm-remove-indicator')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '删除「培训人次」' }));
    expect(screen.getByTestId('confirm-remove-indicator').textContent).toContain('是程序自带的常用指标。删除只是不再推荐它');
    fireEvent.click(screen.getByRole('button', { name: '删除「场馆开放天数」' }));
    const own = screen.getByTestId('confirm-remove-indicator');
    expect(own.textContent).toContain('删除指标「场馆开放天数」（产出指标 / 数量指标）？');
    library = library.filter((e) => e.name !== '场馆开放天数');
    fireEvent.click(within(own).getByRole('button', { name: '确认删除' }));
    await waitFor(() =>
      expect(lastCall('library.remove')).toEqual({ entry: { level1: '产出指标', level2: '数量指标', name: '场馆开放天数' } }),
    );
    await waitFor(() => expect(screen.queryByText('场馆开放天数')).toBeNull());
  });

  it('imports a library file through the file dialog and shows the core’s refusal in Chinese', async () => {
    const file = { fileName: '体育局指标库.xlsx', data: 'UEsDBA==' };
    answers['files.open'] = () => [file];
    answers['library.import'] = () => {
      throw new Error('这个指标库文件不能导入：缺少「三级指标」列（应有列：一级指标、二级指标、三级指标、指标值、说明）。没有做任何改动。');
    };
    await open();
    fireEvent.click(screen.getByRole('button', { name: '导入指标库文件' }));
    const alert = await screen.findByTestId('library-error');
    expect(alert.textContent).toContain('缺少「三级指标」列');
    expect(lastCall('files.open')).toEqual({ kind: 'library', multiple: false });
    expect(lastCall('library.import')).toEqual(file);

    answers['library.import'] = () => ({ count: 12 });
    const lists = calls.filter((c) => c.channel === 'library.list').length;
    fireEvent.click(screen.getByRole('button', { name: '导入指标库文件' }));
    await waitFor(() => expect(calls.filter((c) => c.channel === 'library.list').length).toBe(lists + 1));
    expect(screen.queryByTestId('library-error')).toBeNull();
  });

  it('exports JSON as a library file; the Excel export’s refusal is shown', async () => {
    const exported = { fileName: '指标库-20261126.json', data: 'e30K' };
    answers['library.export'] = (input) => {
      if ((input as { format: string }).format === 'xlsx') throw new Error('Excel 格式的指标库导出还在准备中，请先选 JSON 格式');
      return exported;
    };
    answers['files.saveAs'] = () => ({ saved: true, fileName: '/home/u/指标库-20261126.json' });
    await open();
    fireEvent.click(screen.getByRole('button', { name: '导出（JSON）' }));
    await waitFor(() => expect(lastCall('files.saveAs')).toEqual({ ...exported, kind: 'library' }));
    fireEvent.click(screen.getByRole('button', { name: '导出（Excel）' }));
    expect((await screen.findByTestId('library-error')).textContent).toBe('Excel 格式的指标库导出还在准备中，请先选 JSON 格式');
    expect(lastCall('library.export')).toEqual({ format: 'xlsx' });
    await act(async () => {});
  });
});
