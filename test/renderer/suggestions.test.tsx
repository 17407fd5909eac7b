// @vitest-environment jsdom
/**
 * Suggestions while a 三级指标 is typed (and a 2019 产出 item): asked 120 ms after the last key
 * with the row's 一级/二级, never during an input method's composition; ↓/↑/Enter/Esc work the
 * list only while it is open (and Enter only with an item highlighted), otherwise keep their
 * meaning in the grid; a pick fills 三级 and a blank 指标值 (placeholders filled) as one undo
 * step with the caret on the selected 指标值; an older keystroke's answer never replaces a newer
 * one; the cell carries the autocomplete ARIA and the list is a listbox.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormData } from '../../shared/form';
import { blankForm } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { xiangmuZhichu2015 as T2015 } from '../../shared/templates/xiangmu-zhichu-2015';
import type { TemplateDef } from '../../shared/template/schema';
import { FormStore } from '../../renderer/src/editor/formStore';
import { PaperForm } from '../../renderer/src/editor/PaperForm';
import { SUGGEST_DEBOUNCE_MS, type Suggestion, type SuggestRequest } from '../../renderer/src/editor/suggest/useSuggestions';
import seed from '../fixtures/seed-2019-taoyuan.json';

beforeAll(() => {
  // jsdom has no CSS.escape; the item list uses it to move the caret to a new item.
  globalThis.CSS ??= { escape: (s: string) => s.replace(/["\\]/g, '\\$&') } as unknown as typeof CSS;
});
afterEach(cleanup);

const cand = (name: string, value: string, over: Partial<Suggestion> = {}): Suggestion => ({
  level1: '产出指标',
  level2: '数量指标',
  name,
  value,
  source: 'starter',
  uses: 0,
  lastYear: '',
  ...over,
});

const LEARNED = cand('组织业务培训人次', '≥300人次', { source: 'unit', uses: 1, lastYear: '2024' });
const STARTER = cand('培训人次', '≥200人次');
const COST = cand('人均培训成本', '≤{年度资金总额}万元，{未知}', { level2: '成本指标', source: 'library' });

interface Pending {
  q: SuggestRequest;
  resolve(items: Suggestion[]): void;
}

/** The suggestion source: answers at once with `items`, or holds each query until the test resolves it. */
function source(items: Suggestion[] | null = [LEARNED, STARTER, COST]) {
  const calls: SuggestRequest[] = [];
  const pending: Pending[] = [];
  const suggest = (q: SuggestRequest) => {
    calls.push(q);
    if (items) return Promise.resolve(items);
    return new Promise<Suggestion[]>((resolve) => pending.push({ q, resolve }));
  };
  return { calls, pending, suggest };
}

function projectForm(): FormData {
  const form = blankForm(T, '2026');
  Object.assign(form.values, { projectName: '业务培训经费', unit: '六安市金安区体育局', total: '1000', fiscal: '1000', other: '0' });
  return form;
}

function setup({ t = T, form = projectForm(), items = [LEARNED, STARTER, COST] as Suggestion[] | null, readOnly = false } = {}) {
  const store = new FormStore(t, form);
  const src = source(items);
  render(<PaperForm store={store} readOnly={readOnly} onLeaveCell={() => {}} suggest={src.suggest} />);
  return { store, ...src };
}

const box = (name: string) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement;
const cellName = (row: number, column: string) => `绩效指标第${row}行 ${column}`;
const pause = (ms = SUGGEST_DEBOUNCE_MS + 40) => act(() => new Promise<void>((r) => setTimeout(r, ms)));
const list = () => screen.queryByRole('listbox');
const options = () => screen.queryAllByRole('option');

/** Typing as the browser reports it: the text changes, then an input event. */
function typeInto(el: HTMLTextAreaElement, text: string) {
  el.focus();
  el.value = text;
  fireEvent.input(el);
}

/** A key as the browser sends it; returns whether the browser's own handling was stopped. */
const key = (el: HTMLElement, k: string, init: Record<string, unknown> = {}) => !fireEvent.keyDown(el, { key: k, ...init });

describe('suggestions in a 三级指标 cell', () => {
  it('asks with the row’s 一级/二级 after a pause, lists name, typical 指标值 and source, and wires the ARIA', async () => {
    const { calls } = setup();
    const name = box(cellName(1, '三级指标'));
    expect(name.getAttribute('aria-autocomplete')).toBe('list');
    expect(name.getAttribute('aria-haspopup')).toBe('listbox');
    // Focus alone asks nothing; one keystroke does, once the typing pauses.
    name.focus();
    typeInto(name, '培');
    typeInto(name, '培训');
    expect(calls).toHaveLength(0);
    await pause();
    expect(calls).toEqual([{ text: '培训', level1: '产出指标', level2: '数量指标', limit: 8 }]);
    const lb = list()!;
    expect(lb).toBeTruthy();
    expect(name.getAttribute('aria-controls')).toBe(lb.id);
    expect(name.hasAttribute('aria-activedescendant')).toBe(false);
    const opts = options();
    expect(opts.map((o) => o.querySelector('.suggest-name')!.textContent)).toEqual(['组织业务培训人次', '培训人次', '人均培训成本']);
    expect(within(opts[0]).getByText('≥300人次')).toBeTruthy();
    expect(within(opts[0]).getByText('本单位')).toBeTruthy();
    expect(within(opts[1]).getByText('常用')).toBeTruthy();
    expect(within(opts[2]).getByText('指标库')).toBeTruthy();
    // The value pattern is shown as it will be filled; the other 二级 is named.
    expect(within(opts[2]).getByText('≤1000万元，{未知}')).toBeTruthy();
    expect(within(opts[2]).getByText('成本指标')).toBeTruthy();
    expect(screen.getByTestId('suggest-status').textContent).toBe('3 条推荐的指标，按 ↓ 选择，回车填入，Esc 关闭');
    // Typing goes on into the cell while the list is open.
    expect(key(name, 'x')).toBe(false);
  });

  it('↓/↑ move the highlight, Enter picks: 三级 and the blank 指标值 filled as one undo step, caret on the selected value', async () => {
    const { store } = setup();
    const name = box(cellName(1, '三级指标'));
    typeInto(name, '培训');
    await pause();
    expect(key(name, 'ArrowDown')).toBe(true);
    let opts = options();
    expect(name.getAttribute('aria-activedescendant')).toBe(opts[0].id);
    expect(opts[0].getAttribute('aria-selected')).toBe('true');
    key(name, 'ArrowDown');
    key(name, 'ArrowDown');
    opts = options();
    expect(name.getAttribute('aria-activedescendant')).toBe(opts[2].id);
    key(name, 'ArrowUp');
    key(name, 'ArrowUp');
    expect(name.getAttribute('aria-activedescendant')).toBe(options()[0].id);
    expect(key(name, 'Enter')).toBe(true);
    expect(list()).toBeNull();
    const row = () => store.rows('indicators')[0];
    expect(row()).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '组织业务培训人次', value: '≥300人次' });
    expect(name.value).toBe('组织业务培训人次');
    const value = box(cellName(1, '指标值'));
    await waitFor(() => expect(document.activeElement).toBe(value));
    expect(value.value).toBe('≥300人次');
    expect([value.selectionStart, value.selectionEnd]).toEqual([0, '≥300人次'.length]);
    // One undo step takes back the pick, leaving what was typed.
    act(() => void store.undo());
    expect(row()).toMatchObject({ name: '培训', value: '' });
    act(() => void store.undo());
    expect(row()).toMatchObject({ name: '', value: '' });
  });

  it('fills the form’s values into the pattern, and never overwrites a 指标值 already typed', async () => {
    const { store } = setup();
    const name = box(cellName(4, '三级指标'));
    expect(store.rows('indicators')[3].level2).toBe('成本指标');
    typeInto(name, '成本');
    await pause();
    key(name, 'ArrowUp'); // from nothing highlighted to the last item
    key(name, 'Enter');
    expect(store.rows('indicators')[3]).toMatchObject({ name: '人均培训成本', value: '≤1000万元，{未知}' });
    await waitFor(() => expect(document.activeElement).toBe(box(cellName(4, '指标值'))));

    const name2 = box(cellName(2, '三级指标'));
    const value2 = box(cellName(2, '指标值'));
    typeInto(value2, '≥98%');
    typeInto(name2, '培训');
    await pause();
    key(name2, 'ArrowDown');
    key(name2, 'Enter');
    expect(store.rows('indicators')[1]).toMatchObject({ name: '组织业务培训人次', value: '≥98%' });
    await waitFor(() => expect(document.activeElement).toBe(value2));
    expect([value2.selectionStart, value2.selectionEnd]).toEqual([4, 4]);
  });

  it('a click picks; pressing on the list keeps the caret in the cell', async () => {
    const { store } = setup();
    const name = box(cellName(1, '三级指标'));
    typeInto(name, '培训');
    await pause();
    const second = options()[1];
    expect(fireEvent.mouseDown(second)).toBe(false);
    fireEvent.click(second);
    expect(store.rows('indicators')[0]).toMatchObject({ name: '培训人次', value: '≥200人次' });
    expect(list()).toBeNull();
  });

  it('with the list closed, ↓ and Enter keep their meaning in the grid; with nothing highlighted Enter is the grid’s too', async () => {
    const { store } = setup();
    const name = box(cellName(1, '三级指标'));
    name.focus();
    expect(key(name, 'ArrowDown')).toBe(false);
    // Enter in 三级 moves to 指标值, in 指标值 (the last column) inserts a row below.
    typeInto(name, '培训');
    await pause();
    expect(list()).toBeTruthy();
    expect(key(name, 'Enter')).toBe(true); // the grid's own Enter (moves on), not a pick
    expect(document.activeElement).toBe(box(cellName(1, '指标值')));
    expect(store.rows('indicators')[0].name).toBe('培训');
    // Leaving the cell closed the list.
    expect(list()).toBeNull();
    const rows = store.rows('indicators').length;
    key(box(cellName(1, '指标值')), 'Enter');
    expect(store.rows('indicators')).toHaveLength(rows + 1);
  });

  it('Esc closes without changing anything; the list goes when the text no longer matches or is cleared', async () => {
    const answers: Record<string, Suggestion[]> = { 培训: [LEARNED, STARTER], 培训x: [] };
    const store = new FormStore(T, projectForm());
    const calls: string[] = [];
    render(
      <PaperForm
        store={store}
        readOnly={false}
        onLeaveCell={() => {}}
        suggest={(q) => {
          calls.push(q.text);
          return Promise.resolve(answers[q.text] ?? []);
        }}
      />,
    );
    const name = box(cellName(1, '三级指标'));
    typeInto(name, '培训');
    await pause();
    expect(options()).toHaveLength(2);
    expect(key(name, 'Escape')).toBe(true);
    expect(list()).toBeNull();
    expect(name.value).toBe('培训');
    typeInto(name, '培训');
    await pause();
    expect(list()).toBeTruthy();
    typeInto(name, '培训x');
    await pause();
    expect(list()).toBeNull();
    typeInto(name, '培训');
    await pause();
    expect(list()).toBeTruthy();
    typeInto(name, '');
    expect(list()).toBeNull();
    await pause();
    expect(calls).toEqual(['培训', '培训', '培训x', '培训']);
  });

  it('narrows the list at once as typing goes on, closing it when nothing shown contains the text', async () => {
    const { pending } = setup({ items: null });
    const name = box(cellName(1, '三级指标'));
    typeInto(name, '培训');
    await pause();
    await act(async () => pending[0].resolve([LEARNED, STARTER, COST]));
    key(name, 'ArrowDown');
    key(name, 'ArrowDown');
    expect(name.getAttribute('aria-activedescendant')).toBe(options()[1].id);
    // Before any answer for the new text: only what contains it stays, the highlight with it.
    typeInto(name, '培训人');
    expect(options().map((o) => o.querySelector('.suggest-name')!.textContent)).toEqual(['组织业务培训人次', '培训人次']);
    expect(name.getAttribute('aria-activedescendant')).toBe(options()[1].id);
    typeInto(name, '培训班');
    expect(list()).toBeNull();
    await pause();
    expect(pending.map((p) => p.q.text)).toEqual(['培训', '培训班']);
  });

  it('asks nothing and opens nothing while an input method composes; asks with the committed text after compositionend', async () => {
    const { calls, pending } = setup({ items: null });
    const name = box(cellName(1, '三级指标'));
    name.focus();
    fireEvent.compositionStart(name);
    name.value = 'pei';
    fireEvent.input(name, { isComposing: true });
    name.value = 'peixun';
    fireEvent.input(name, { isComposing: true });
    // Arrow keys and Enter belong to the input method while it composes.
    expect(key(name, 'ArrowDown', { isComposing: true })).toBe(false);
    expect(key(name, 'Enter', { isComposing: true })).toBe(false);
    await pause();
    expect(calls).toHaveLength(0);
    name.value = '培训';
    fireEvent.compositionEnd(name);
    await pause();
    expect(calls.map((c) => c.text)).toEqual(['培训']);
    // A new composition starts before the answer came: it must not open the list mid-composition.
    fireEvent.compositionStart(name);
    name.value = '培训ren';
    fireEvent.input(name, { isComposing: true });
    await act(async () => pending[0].resolve([LEARNED]));
    expect(list()).toBeNull();
    name.value = '培训人';
    fireEvent.compositionEnd(name);
    await pause();
    expect(calls.map((c) => c.text)).toEqual(['培训', '培训人']);
    await act(async () => pending[1].resolve([LEARNED]));
    expect(options()).toHaveLength(1);
  });

  it('an older keystroke’s answer never replaces a newer one', async () => {
    const { calls, pending } = setup({ items: null });
    const name = box(cellName(1, '三级指标'));
    typeInto(name, '培');
    await pause();
    typeInto(name, '培训');
    await pause();
    expect(calls.map((c) => c.text)).toEqual(['培', '培训']);
    await act(async () => pending[1].resolve([LEARNED]));
    expect(options().map((o) => o.querySelector('.suggest-name')!.textContent)).toEqual(['组织业务培训人次']);
    await act(async () => pending[0].resolve([STARTER, COST]));
    expect(options().map((o) => o.querySelector('.suggest-name')!.textContent)).toEqual(['组织业务培训人次']);
  });

  it('an answer that comes after the caret left the cell opens nothing', async () => {
    const { pending } = setup({ items: null });
    const name = box(cellName(1, '三级指标'));
    typeInto(name, '培训');
    await pause();
    fireEvent.blur(name);
    box(cellName(1, '指标值')).focus();
    await act(async () => pending[0].resolve([LEARNED]));
    expect(list()).toBeNull();
  });

  it('only 三级 cells suggest, and nothing on a finalised form', async () => {
    const { calls } = setup();
    typeInto(box(cellName(1, '指标值')), '培训');
    await pause();
    expect(calls).toHaveLength(0);
    expect(box(cellName(1, '指标值')).hasAttribute('aria-autocomplete')).toBe(false);
    cleanup();
    const ro = setup({ readOnly: true });
    expect(box(cellName(1, '三级指标')).hasAttribute('aria-autocomplete')).toBe(false);
    expect(ro.calls).toHaveLength(0);
  });

  it('the two-block form suggests for each block with its own 二级, and fills its own 指标值', async () => {
    const { store, calls } = setup({ t: T2015 as TemplateDef, form: blankForm(T2015, '2026') });
    const mid = box(cellName(1, '中期三级指标'));
    typeInto(mid, '培训');
    await pause();
    expect(calls[0]).toMatchObject({ level1: '产出指标', level2: '数量指标' });
    key(mid, 'ArrowDown');
    key(mid, 'Enter');
    expect(store.rows('indicators')[0]).toMatchObject({ midName: '组织业务培训人次', midValue: '≥300人次', name: '', value: '' });
    await waitFor(() => expect(document.activeElement).toBe(box(cellName(1, '中期指标值'))));
  });
});

describe('suggestions in a 2019 产出指标 item', () => {
  it('asks under 产出指标 and the part’s 二级; a pick puts the name in the item as one undo step; Enter without a highlight adds an item', async () => {
    const form = fromLabelJson(seed, bumenZhengti2019).form;
    const store = new FormStore(bumenZhengti2019, form);
    const calls: SuggestRequest[] = [];
    render(
      <PaperForm
        store={store}
        readOnly={false}
        onLeaveCell={() => {}}
        suggest={(q) => {
          calls.push(q);
          return Promise.resolve([cand('组织业务培训人次', '≥300人次', { level2: q.level2 ?? '', source: 'unit' })]);
        }}
      />,
    );
    const parts = () => (store.get('output') as { parts: Record<string, string[]> }).parts;
    const before = parts().quality.length;
    const item = box('质量指标 第1条');
    const text = item.value;
    typeInto(item, '培训');
    await pause();
    expect(calls).toEqual([{ text: '培训', level1: '产出指标', level2: '质量指标', limit: 8 }]);
    expect(options()).toHaveLength(1);
    key(item, 'ArrowDown');
    key(item, 'Enter');
    expect(parts().quality[0]).toBe('组织业务培训人次');
    expect(parts().quality).toHaveLength(before);
    expect(item.value).toBe('组织业务培训人次');
    act(() => void store.undo());
    expect(parts().quality[0]).toBe('培训');
    act(() => void store.redo());
    // With the list closed Enter adds the next item, as before.
    item.focus();
    key(item, 'Enter');
    expect(parts().quality).toHaveLength(before + 1);
    expect(text).not.toBe('');
  });
});
