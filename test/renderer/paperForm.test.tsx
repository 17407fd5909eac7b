// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormData } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';
import { bumenZhengti2019 as t } from '../../shared/templates/bumen-zhengti-2019';
import { FormStore } from '../../renderer/src/editor/formStore';
import { PaperForm } from '../../renderer/src/editor/PaperForm';
import seedJson from '../fixtures/seed-2019-taoyuan.json';

const seedForm = (): FormData => fromLabelJson(seedJson, t).form;

afterEach(cleanup);

function setup(readOnly = false) {
  const store = new FormStore(t, seedForm());
  render(<PaperForm store={store} readOnly={readOnly} onLeaveCell={() => {}} />);
  return store;
}

describe('PaperForm', () => {
  it('names every value cell by its printed label', () => {
    setup();
    for (const f of t.fields) {
      if (f.kind === 'outputIndicators' || f.kind === 'benefitIndicators')
        expect(screen.getByRole('group', { name: f.label })).toBeTruthy();
      else expect(screen.getByRole('textbox', { name: f.label })).toBeTruthy();
    }
    expect((screen.getByRole('textbox', { name: '数量指标 第1条' }) as HTMLTextAreaElement).value).toContain('1000名');
    expect((screen.getByRole('textbox', { name: '效益指标2 名称' }) as HTMLTextAreaElement).value).toBe('安全管理效益');
  });

  it('shows a date the way the form prints it, typed either way, and keeps it as 2019-11-26', () => {
    const store = setup();
    const date = screen.getByRole('textbox', { name: '填报日期' }) as HTMLInputElement;
    expect(date.value).toBe('2019年11月26日');
    date.focus();
    date.value = '2019-12-3';
    fireEvent.input(date);
    // Not rewritten while the caret is in it.
    expect(date.value).toBe('2019-12-3');
    fireEvent.blur(date);
    expect(store.get('fillDate')).toBe('2019-12-03');
    expect(date.value).toBe('2019年12月3日');
    date.focus();
    date.value = '２０１９年１１月２６日';
    fireEvent.input(date);
    fireEvent.blur(date);
    expect(store.get('fillDate')).toBe('2019-11-26');
    expect(date.value).toBe('2019年11月26日');
  });

  it('marks the sum cell invalid with a linked message, and clears it', () => {
    const store = setup();
    const other = screen.getByRole('textbox', { name: '其他资金' }) as HTMLInputElement;
    const income = screen.getByRole('textbox', { name: '按收入性质分' }) as HTMLInputElement;
    other.value = '70';
    fireEvent.input(other);
    expect(store.get('otherFunds')).toBe('70');
    expect(income.value).toBe('452.21');
    expect(income.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(income.getAttribute('aria-describedby')!)?.textContent).toContain('按收入性质分合计应等于资金总额');
    other.value = '60';
    fireEvent.input(other);
    expect(income.getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps unstructured indicator text whole, and splits it into items on request', () => {
    const form = seedForm();
    form.values.output = { mode: 'text', text: '全年完成各项任务' };
    form.values.benefit = { mode: 'text', text: '社会效益明显' };
    const store = new FormStore(t, form);
    render(<PaperForm store={store} readOnly={false} onLeaveCell={() => {}} />);
    const output = screen.getByRole('textbox', { name: '产出指标' }) as HTMLTextAreaElement;
    expect(output.value).toBe('全年完成各项任务');
    output.value = '数量指标：\n1、完成100件\n质量指标：合格率100%';
    fireEvent.input(output);
    fireEvent.click(screen.getByRole('button', { name: '按数量、质量、时效、成本指标分条整理' }));
    expect(store.get('output')).toEqual({
      mode: 'parts',
      parts: { quantity: ['完成100件'], quality: ['合格率100%'], timeliness: [], cost: [] },
    });
    expect((screen.getByRole('textbox', { name: '数量指标 第1条' }) as HTMLTextAreaElement).value).toBe('完成100件');
    // Text with no 指标N： headings stays whole when asked to split, and the user is told why.
    fireEvent.click(screen.getByRole('button', { name: '按“指标N：”分条整理' }));
    expect(store.get('benefit')).toEqual({ mode: 'text', text: '社会效益明显' });
    expect(screen.getByRole('status').textContent).toContain('原文保持不变');
  });

  it('does not commit text while an input method is composing', () => {
    const store = setup();
    const filler = screen.getByRole('textbox', { name: '填报人' }) as HTMLInputElement;
    const before = store.get('filler');
    fireEvent.compositionStart(filler);
    filler.value = `${before}zhang`;
    fireEvent.input(filler);
    expect(store.get('filler')).toBe(before);
    filler.value = `${before}张`;
    fireEvent.compositionEnd(filler);
    expect(store.get('filler')).toBe(`${before}张`);
  });

  it('is read-only when finalised', () => {
    setup(true);
    expect(screen.getByRole('textbox', { name: '部门名称' }).hasAttribute('readonly')).toBe(true);
    expect(screen.queryByRole('button', { name: '＋ 添加数量指标' })).toBeNull();
  });
});
