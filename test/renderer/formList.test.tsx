// @vitest-environment jsdom
/**
 * The side list over a fake window.api whose forms.page answers from 15,000 forms of one year
 * (300 units of 50), as the store would: only a window of rows is in the page however long the
 * list; scrolling reads the next page `after` the last row (or jumps with an `offset`); ↑/↓,
 * End and Enter work across unit headings and unread pages; a search is sent after a pause,
 * starts again at the top and pages within the search; a refresh keeps the place; the year and
 * unit grouping with its headings; choosing forms (checkbox, Ctrl, Shift across pages) and 全选
 * of every form of the list, read a thousand at a time.
 */
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormSummary, Input } from '../../shared/contract';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';
import { countyForms, fakeFormPages, storeOrder } from './fakeFormPages';
import { installApi, stubBrowserLayout } from './jsdomApi';

type PageInput = Input<'forms.page'>;
const calls: PageInput[] = [];
let answer: (input: PageInput) => unknown;

beforeAll(() => {
  stubBrowserLayout();
  installApi((channel, input) => {
    if (channel === 'templates.list') return BUILTIN_TEMPLATES.map((template) => ({ template, builtIn: true, formCount: 0 }));
    if (channel !== 'forms.page') throw new Error(`no answer for ${channel}`);
    calls.push(input as PageInput);
    return answer(input as PageInput);
  });
});

const ALL = countyForms();
const SORTED = [...ALL].sort(storeOrder);

beforeEach(() => {
  calls.length = 0;
  answer = fakeFormPages(ALL);
});
afterEach(cleanup);

async function show(ui: ReactNode) {
  const { TemplatesProvider } = await import('../../renderer/src/templates/TemplatesContext');
  return render(
    <MantineProvider>
      <TemplatesProvider>{ui}</TemplatesProvider>
    </MantineProvider>,
  );
}

const scroller = () => screen.getByTestId('form-list');
const rowButtons = () => [...scroller().querySelectorAll<HTMLButtonElement>('button[data-index]')];
const indexes = () => rowButtons().map((b) => Number(b.dataset.index));
const focusedIndex = () => Number((document.activeElement as HTMLElement | null)?.dataset.index ?? NaN);

function scrollTo(top: number) {
  const el = scroller();
  act(() => {
    el.scrollTop = top;
    fireEvent.scroll(el);
  });
}

interface Opened {
  ids: number[];
}

async function showList(opened: Opened = { ids: [] }, props: { refreshKey?: number } = {}) {
  const { FormList } = await import('../../renderer/src/shell/FormList');
  const view = await show(<FormList selected={null} onSelect={(id) => opened.ids.push(id)} refreshKey={props.refreshKey} />);
  await screen.findByRole('button', { name: SORTED[0].title });
  return { view, FormList };
}

describe('windowing over 15,000 forms', () => {
  it('draws only the rows in view and a margin, under their year and unit', async () => {
    await showList();
    expect(scroller().dataset.total).toBe('15000');
    // One request: the first page with one row more, which also brings the total.
    expect(calls).toEqual([{ offset: 0, limit: 201 }]);
    const drawn = indexes();
    expect(drawn[0]).toBe(0);
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    expect(document.querySelectorAll('.form-item').length).toBe(drawn.length);
    // The space the whole list takes: every form a row of its own.
    const space = scroller().firstElementChild as HTMLElement;
    expect(parseFloat(space.style.height)).toBeGreaterThan(15_000 * 44);
    const year = screen.getByRole('region', { name: '2025年' });
    expect(within(year).getByText('2025年')).toBeTruthy();
    const unit = within(year).getByRole('group', { name: SORTED[0].unit });
    expect(within(unit).getByText(SORTED[0].unit, { selector: '.unit-name' })).toBeTruthy();
    // The unit's 部门整体 form (named after it) among its projects, each with its form's short name.
    expect(within(unit).getByRole('button', { name: SORTED[0].unit }).textContent).toContain('部门整体支出');
    expect(within(unit).getByRole('button', { name: SORTED[0].title }).textContent).toContain('项目支出');
  });

  it('reads the next page after the last row as the list scrolls, and jumps with an offset', async () => {
    await showList();
    // Near the end of the first page: the next one is asked for after its last row.
    scrollTo(190 * 44);
    await waitFor(() => expect(calls.length).toBe(2));
    const last = SORTED[199];
    expect(calls[1]).toEqual({ after: { year: last.year, unit: last.unit, title: last.title, id: last.id }, limit: 201 });
    await waitFor(() => expect(indexes()).toContain(205));
    expect(
      rowButtons()
        .find((b) => b.dataset.index === '205')!
        .getAttribute('aria-label'),
    ).toBe(SORTED[205].title);
    // Far down at once (the scrollbar dragged): the page there, from the row before it.
    scrollTo(9000 * 45);
    await waitFor(() => expect(calls.some((c) => c.offset !== undefined && c.offset > 5000)).toBe(true));
    const jump = calls.find((c) => c.offset !== undefined && c.offset > 5000)!;
    expect(jump.limit).toBe(202);
    expect((jump.offset! + 1) % 200).toBe(0);
    await waitFor(() => expect(indexes().some((i) => i > 5000)).toBe(true));
    const drawn = indexes();
    expect(drawn.length).toBeLessThan(60);
    for (const b of rowButtons()) expect(b.getAttribute('aria-label')).toBe(SORTED[Number(b.dataset.index)].title);
    // The rows drawn are consecutive: no gap, no repeat.
    expect(drawn).toEqual(drawn.map((_, k) => drawn[0] + k));
  });

  it('moves with ↑/↓ across unit headings and unread pages, End to the last form, and opens with Enter', async () => {
    const opened = { ids: [] as number[] };
    await showList(opened);
    const first = rowButtons()[0];
    expect(first.tabIndex).toBe(0);
    expect(rowButtons()[1].tabIndex).toBe(-1);
    act(() => first.focus());
    for (let k = 1; k <= 52; k++) {
      fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
      await waitFor(() => expect(focusedIndex()).toBe(k));
    }
    // Row 50 is the second unit's first form: its heading is above it.
    expect(within(screen.getByRole('group', { name: SORTED[50].unit })).getByRole('button', { name: SORTED[50].title })).toBeTruthy();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(focusedIndex()).toBe(51));
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(focusedIndex()).toBe(14_999), { timeout: 3000 });
    expect(document.activeElement!.getAttribute('aria-label')).toBe(SORTED[14_999].title);
    expect(indexes().length).toBeLessThan(60);
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(opened.ids).toEqual([SORTED[14_999].id]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(focusedIndex()).toBe(0));
    expect(scroller().scrollTop).toBe(0);
    // ↓ in the search box goes into the list.
    fireEvent.keyDown(screen.getByRole('textbox', { name: '搜索申报表' }), { key: 'ArrowDown' });
    await waitFor(() => expect(focusedIndex()).toBe(0));
  });

  it('a search is sent after a pause, starts at the top again and pages within the search', async () => {
    await showList();
    scrollTo(3000 * 45);
    await waitFor(() => expect(indexes().some((i) => i > 2000)).toBe(true));
    calls.length = 0;
    const box = screen.getByRole('textbox', { name: '搜索申报表' });
    fireEvent.change(box, { target: { value: '体' } });
    fireEvent.change(box, { target: { value: '体育' } });
    // Nothing is sent while typing goes on.
    expect(calls).toEqual([]);
    await waitFor(() => expect(calls).toEqual([{ search: '体育', offset: 0, limit: 201 }]));
    const found = SORTED.filter((f) => f.title.includes('体育'));
    await waitFor(() => expect(scroller().dataset.total).toBe(String(found.length)));
    expect(scroller().scrollTop).toBe(0);
    expect(rowButtons()[0].getAttribute('aria-label')).toBe(found[0].title);
    expect(indexes()[0]).toBe(0);
    // The next page of the search continues after its own last row.
    scrollTo(190 * 68);
    await waitFor(() => expect(calls.length).toBe(2));
    expect(calls[1]).toMatchObject({ search: '体育', after: { id: found[199].id }, limit: 201 });
    // Nothing found: said so.
    fireEvent.change(box, { target: { value: '没有这个词' } });
    await screen.findByText('没有找到符合条件的申报表。');
    expect(rowButtons()).toEqual([]);
  });

  it('a refresh reads the pages in view again and stays where it was', async () => {
    const { FormList } = await import('../../renderer/src/shell/FormList');
    let refresh = () => {};
    function Harness() {
      const [key, setKey] = useState(0);
      refresh = () => setKey((k) => k + 1);
      return <FormList selected={null} onSelect={() => {}} refreshKey={key} />;
    }
    await show(<Harness />);
    await screen.findByRole('button', { name: SORTED[0].title });
    scrollTo(1000 * 45);
    await waitFor(() => expect(indexes().some((i) => i > 900)).toBe(true));
    const before = indexes();
    const atTop = scroller().dataset.topIndex;
    calls.length = 0;
    act(() => refresh());
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    expect(calls.every((c) => c.offset !== undefined && c.offset > 0)).toBe(true);
    await waitFor(() => expect(indexes()).toEqual(before));
    // The same form is at the top of the view.
    expect(scroller().dataset.topIndex).toBe(atTop);
  });
});

describe('years and units', () => {
  const summary = (over: Partial<FormSummary>): FormSummary => ({
    id: 1,
    templateId: bumenZhengti2019.id,
    templateVersion: bumenZhengti2019.version,
    year: '2026',
    title: '',
    unit: '',
    status: 'draft',
    updatedAt: '2026-01-01T00:00:00Z',
    deletedAt: null,
    ...over,
  });

  it('groups by year (newest first) and unit in the store’s order; a unit of one form named after it has no heading', async () => {
    answer = fakeFormPages([
      summary({ id: 1, year: '2025', title: '乙局', unit: '乙局' }),
      summary({ id: 2, year: '2026', title: '资金甲', unit: '教育局', templateId: 'xiangmu-zhichu', templateVersion: 1 }),
      summary({ id: 3, year: '2026', title: '资金乙', unit: '', templateId: 'xiangmu-zhichu', templateVersion: 1 }),
      summary({ id: 4, year: '2026', title: '教育局', unit: '教育局', status: 'final' }),
    ]);
    const { FormList } = await import('../../renderer/src/shell/FormList');
    await show(<FormList selected={2} onSelect={() => {}} />);
    const y2026 = await screen.findByRole('region', { name: '2026年' });
    const unit = within(y2026).getByRole('group', { name: '教育局' });
    expect(within(unit).getByText('教育局', { selector: '.unit-name' })).toBeTruthy();
    expect(
      within(unit)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['教育局', '资金甲']);
    expect(within(unit).getByRole('button', { name: '教育局' }).textContent).toContain('已定稿');
    expect(within(unit).getByRole('button', { name: '资金甲' }).getAttribute('aria-current')).toBe('true');
    expect(within(y2026).getByRole('group', { name: '（未填单位）' })).toBeTruthy();
    const y2025 = screen.getByRole('region', { name: '2025年' });
    const solo = within(y2025).getByRole('group', { name: '乙局' });
    expect(solo.className).toContain('solo');
    expect(solo.querySelector('.unit-name')).toBeNull();
    // The order: 2026 before 2025; in 2026 the blank unit first, as the store sorts it.
    expect(rowButtons().map((b) => b.getAttribute('aria-label'))).toEqual(['资金乙', '教育局', '资金甲', '乙局']);
  });
});

describe('choosing forms for 导出所选', () => {
  it('picks by checkbox, Ctrl+click and Shift+click (rows between read first), and 导出所选 gives them in list order', async () => {
    const { FormList } = await import('../../renderer/src/shell/FormList');
    let picked = new Map<number, FormSummary>();
    const opened: number[] = [];
    const exported: number[][] = [];
    function Harness() {
      const [p, setP] = useState(picked);
      picked = p;
      return (
        <FormList
          selected={null}
          onSelect={(id) => opened.push(id)}
          picked={p}
          onPick={setP}
          onExportPicked={(chosen) => exported.push(chosen.map((f) => f.id))}
        />
      );
    }
    await show(<Harness />);
    await screen.findByRole('button', { name: SORTED[0].title });
    fireEvent.click(screen.getByRole('checkbox', { name: `选择「2025年 ${SORTED[2].title}」` }));
    expect([...picked.keys()]).toEqual([SORTED[2].id]);
    fireEvent.click(screen.getByRole('button', { name: SORTED[4].title }), { ctrlKey: true });
    fireEvent.click(screen.getByRole('button', { name: SORTED[1].title }), { ctrlKey: true });
    expect(picked.size).toBe(3);
    expect(opened).toEqual([]);
    const bar = screen.getByRole('region', { name: '已选的申报表' });
    expect(bar.textContent).toContain('已选 3 份');
    fireEvent.click(within(bar).getByRole('button', { name: '导出所选（3 份）' }));
    expect(exported).toEqual([[SORTED[1].id, SORTED[2].id, SORTED[4].id]]);
    // Shift+click far below: every row between is read (pages not seen yet) and chosen.
    scrollTo(700 * 45);
    await waitFor(() => expect(indexes().some((i) => i > 650)).toBe(true));
    const target = rowButtons().find((b) => Number(b.dataset.index) > 650)!;
    const to = Number(target.dataset.index);
    fireEvent.click(target, { shiftKey: true });
    await waitFor(() => expect(picked.size).toBe(to - 1 + 1));
    expect(picked.has(SORTED[3].id) && picked.has(SORTED[to].id) && !picked.has(SORTED[0].id)).toBe(true);
    // A plain click still opens.
    fireEvent.click(target);
    expect(opened).toEqual([SORTED[to].id]);
  });

  it('全选 chooses every form of the list, reading them a thousand at a time; 取消选择 clears', async () => {
    const { FormList } = await import('../../renderer/src/shell/FormList');
    let picked = new Map<number, FormSummary>();
    function Harness() {
      const [p, setP] = useState(picked);
      picked = p;
      return <FormList selected={null} onSelect={() => {}} picked={p} onPick={setP} />;
    }
    await show(<Harness />);
    fireEvent.click(await screen.findByRole('checkbox', { name: `选择「2025年 ${SORTED[0].title}」` }));
    calls.length = 0;
    fireEvent.click(within(screen.getByRole('region', { name: '已选的申报表' })).getByRole('button', { name: '全选' }));
    await waitFor(() => expect(picked.size).toBe(15_000), { timeout: 5000 });
    const reads = calls.filter((c) => c.limit === 1000);
    expect(reads.length).toBe(15);
    expect(reads[0].after).toBeUndefined();
    expect(reads[1].after).toBeDefined();
    const bar = screen.getByRole('region', { name: '已选的申报表' });
    expect(bar.textContent).toContain('已选 15000 份');
    fireEvent.click(within(bar).getByRole('button', { name: '取消选择' }));
    expect(picked.size).toBe(0);
    expect(screen.queryByRole('region', { name: '已选的申报表' })).toBeNull();
  });
});
