// @vitest-environment jsdom
/**
 * The project form's indicator grid in the editor: rows pasted from Excel land under their
 * 一级/二级 (one undo step, what could not be placed listed), refusals change nothing, a plain
 * paste is left to the browser, 「＋ 二级」 starts a custom 二级 with the caret in it, and a
 * one-line text field in the grid wraps (a textarea) while Enter still moves on.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fromLabelJson } from '../../shared/labelJson';
import { blankForm } from '../../shared/formOps';
import { xiangmuHubei2021 as H } from '../../shared/templates/xiangmu-hubei-2021';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { FormStore } from '../../renderer/src/editor/formStore';
import { PaperForm } from '../../renderer/src/editor/PaperForm';
import { MAX_PASTE_BYTES } from '../../renderer/src/editor/pasteRows';
import fixture from '../fixtures/xiangmu-2025-tiyu.json';

afterEach(cleanup);

function setup(readOnly = false) {
  const store = new FormStore(T, fromLabelJson(fixture, T).form);
  render(<PaperForm store={store} readOnly={readOnly} onLeaveCell={() => {}} />);
  return store;
}

const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement;
const cellName = (row: number, column: string) => `绩效指标第${row}行 ${column}`;
const indicators = (store: FormStore) => store.rows('indicators').map((r) => `${r.level1}/${r.level2}/${r.name}/${r.value}`);

/** A paste event carrying text/plain, as Excel puts it on the clipboard; returns whether the browser's own paste was stopped. */
function paste(el: HTMLElement, text: string): boolean {
  el.focus();
  return !fireEvent.paste(el, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
}

describe('pasting rows from Excel into the indicator grid', () => {
  it('places rows under their 一级/二级, lists the row it cannot place, and undoes in one step', async () => {
    const store = setup();
    const before = indicators(store);
    const text =
      '产出指标\t数量指标\t参赛人数\t≥500人\r\n产出指标\t质量指标\t场地达标率\t100%\r\n成本指标\t经济成本指标\t人均成本\t≤50元\r\n';
    expect(paste(box(cellName(1, '三级指标')), text)).toBe(true);
    const after = indicators(store);
    expect(after).toHaveLength(before.length + 2);
    expect(after[2]).toBe('产出指标/数量指标/参赛人数/≥500人');
    expect(after[5]).toBe('产出指标/质量指标/场地达标率/100%');
    const notice = screen.getByTestId('sheet-notice');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('已粘贴 2 行到绩效指标（新增 2 行）');
    expect(notice.textContent).toContain('第 3 行「成本指标 | 经济成本指标 | 人均成本 | ≤50元」：表中没有一级指标「成本指标」');
    // The grid follows: 数量指标 now over three rows.
    expect(box(cellName(3, '三级指标')).value).toBe('参赛人数');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(cellName(3, '三级指标')));
    // It stays until closed.
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    expect(screen.queryByTestId('sheet-notice')).toBeNull();

    act(() => void store.undo());
    expect(indicators(store)).toEqual(before);
    expect(box(cellName(3, '三级指标')).value).toBe('经费支出合规率');
  });

  it('三级|指标值 into a filled 三级 cell inserts the rows there, as a 4-column paste does: nothing written over, Ctrl+Z restores exactly', () => {
    const store = setup();
    const before = structuredClone(store.rows('indicators'));
    paste(box(cellName(11, '三级指标')), '群众满意度\t≥96%\n参赛者满意度\t≥90%\n');
    expect(indicators(store).slice(10)).toEqual([
      '满意度指标/服务对象满意度指标/群众满意度/≥96%',
      '满意度指标/服务对象满意度指标/参赛者满意度/≥90%',
      `满意度指标/服务对象满意度指标/${before[10].name}/${before[10].value}`,
    ]);
    const notice = screen.getByTestId('sheet-notice');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('已粘贴 2 行到绩效指标（新增 2 行）。已填写的内容不会被覆盖，可按 Ctrl+Z 撤销。');
    act(() => void store.undo());
    expect(store.rows('indicators')).toEqual(before);
  });

  it('a combined 指标值 into a template that splits it (符号 | 值 | 计量单位) fills the three, in one undo step', () => {
    const store = new FormStore(H, blankForm(H, '2026'));
    render(<PaperForm store={store} readOnly={false} onLeaveCell={() => {}} />);
    const before = structuredClone(store.rows('indicators'));
    const three = (i: number) => ['sign', 'number', 'unit'].map((c) => store.rows('indicators')[i][c]).join('|');
    // One cell, as typed text, into a blank 值.
    expect(paste(box(cellName(1, '值')), '≥95%')).toBe(true);
    expect(three(0)).toBe('≥|95|%');
    act(() => void store.undo());
    expect(store.rows('indicators')).toEqual(before);
    // Rows from an older form's grid: 三级|指标值 into 三级.
    expect(paste(box(cellName(1, '三级指标')), '培训人次\t≥200人次\r\n合格率\t不低于95%\r\n')).toBe(true);
    expect(store.rows('indicators')[0]).toMatchObject({ name: '培训人次', sign: '≥', number: '200', unit: '人次' });
    expect(store.rows('indicators')[1]).toMatchObject({ level2: '数量指标', name: '合格率', sign: '≥', number: '95', unit: '%' });
    expect(screen.getByTestId('sheet-notice').textContent).toContain('已粘贴 2 行到绩效指标（填入 1 个空行，新增 1 行）');
    act(() => void store.undo());
    expect(store.rows('indicators')).toEqual(before);
    // A figure alone into 值 is pasted as typed.
    expect(paste(box(cellName(1, '值')), '95')).toBe(false);
  });

  it('refuses 2 MB and a shape that does not fit, changing nothing', () => {
    const store = setup();
    const before = indicators(store);
    const version = store.version;
    const big = `${'指'.repeat(Math.ceil(MAX_PASTE_BYTES / 3))}\t1`;
    const value = box(cellName(1, '指标值'));
    expect(paste(value, big)).toBe(true);
    expect(screen.getByRole('alert').textContent).toMatch(/粘贴的内容太大.*没有粘贴，表中没有任何改动/);
    expect(value.value).toBe('1种');
    paste(value, 'a\tb\tc\n');
    expect(screen.getByRole('alert').textContent).toContain('粘贴的内容有 3 列，放不进「指标值」这一格');
    expect(indicators(store)).toEqual(before);
    expect(store.version).toBe(version);
    expect(store.canUndo()).toBe(false);
  });

  it('leaves a plain one-cell paste to the browser; Excel’s one cell loses its line break', () => {
    const store = setup();
    const name = box(cellName(1, '三级指标'));
    expect(paste(name, '开展运动')).toBe(false);
    name.setSelectionRange(0, name.value.length);
    expect(paste(name, '运动种类\r\n')).toBe(true);
    expect(name.value).toBe('运动种类');
    expect(store.rows('indicators')[0].name).toBe('运动种类');
  });

  it('does nothing on a finalised form', () => {
    const store = setup(true);
    paste(box(cellName(1, '三级指标')), '甲\t1\n乙\t2\n');
    expect(store.rows('indicators')).toHaveLength(11);
  });
});

describe('「＋ 二级」', () => {
  it('inserts a row under the same 一级 with an empty 二级 and puts the caret in it', async () => {
    const store = setup();
    const button = screen.getByRole('button', { name: '在绩效指标第8行下方新增二级指标' });
    expect(button.textContent).toBe('＋ 二级');
    fireEvent.click(button);
    expect(indicators(store)[8]).toBe('效益指标///');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(cellName(9, '二级指标')));
    fireEvent.input(document.activeElement!, { target: { value: '社会公平指标' } });
    expect(indicators(store).slice(7, 10)).toEqual([
      '效益指标/社会效益指标/提升群众健身参与度/效果良好',
      '效益指标/社会公平指标//',
      '效益指标/生态效益指标/本项目不适用此指标/无',
    ]);
    act(() => void store.undo());
    act(() => void store.undo());
    expect(store.rows('indicators')).toHaveLength(11);
  });
});

describe('one-line text fields in the grid', () => {
  it('wrap in a textarea with their name; Enter moves on, line breaks become spaces', () => {
    const store = setup();
    const unit = box('实施单位');
    expect(unit.tagName).toBe('TEXTAREA');
    expect(unit.rows).toBe(1);
    unit.focus();
    const enter = fireEvent.keyDown(unit, { key: 'Enter' });
    expect(enter).toBe(false); // no line break typed
    fireEvent.input(unit, { target: { value: '六安市金安区\n体育局' } });
    expect(store.get('unit')).toBe('六安市金安区 体育局');
    fireEvent.blur(unit);
    expect(unit.value).toBe('六安市金安区 体育局');
    // Amounts stay inputs.
    expect(screen.getByRole('textbox', { name: '年度资金总额' }).tagName).toBe('INPUT');
    // Enter in 项目名称 goes to the field below it.
    const project = box('项目名称');
    project.focus();
    fireEvent.keyDown(project, { key: 'Enter' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('主管部门及代码');
  });

  it('commits nothing while an input method is composing', () => {
    const store = setup();
    const unit = box('实施单位');
    fireEvent.compositionStart(unit);
    fireEvent.input(unit, { target: { value: '六安tiyu' } });
    expect(store.get('unit')).toBe('六安市金安区体育局');
    fireEvent.compositionEnd(unit, { target: { value: '六安体育' } });
    expect(store.get('unit')).toBe('六安体育');
  });
});
