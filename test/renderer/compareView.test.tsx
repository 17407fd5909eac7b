// @vitest-environment jsdom
/**
 * 年度对比 on screen: the report draws the comparison it is given (here the core's own diff of
 * the project fixture and an edited copy) — the money side by side with change and percentage,
 * a changed text with deletions struck (<del>) and insertions underlined (<ins>), indicator rows
 * by status with their counts, the unchanged ones collapsed until asked for — and the view asks
 * the core for it, shows the Chinese refusal when there is no last-year form with the choice of
 * another form of the same template, exports Word through the file dialog, and prints only itself.
 */
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diffForms } from '../../shared/compare/formDiff';
import type { Api, FormSummary, Output } from '../../shared/contract';
import type { GroupRow } from '../../shared/form';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { ComparisonReport } from '../../renderer/src/compare/ComparisonReport';
import fixture from '../fixtures/xiangmu-2025-tiyu.json';
import { installRecordingApi, stubBrowserLayout, type Answers } from './jsdomApi';

type Comparison = Output<'compare.get'>;

const calls: { channel: string; input: unknown }[] = [];
const answers: Answers = {};

beforeAll(() => {
  stubBrowserLayout();
  installRecordingApi(calls, answers);
});
beforeEach(() => {
  calls.length = 0;
  for (const k of Object.keys(answers)) delete answers[k as keyof Api];
});
afterEach(cleanup);

/** The fixture (2025) and a 2026 copy with more money, an edited 年度目标 and three indicator changes. */
function comparison(): Comparison {
  const before = fromLabelJson(fixture, T).form;
  const after = structuredClone(before);
  Object.assign(after.values, {
    year: '2026',
    total: '1200',
    fiscal: '1150',
    other: '50',
    goal: (before.values.goal as string).replace('打造1项品牌赛事', '打造2项品牌赛事').replace('目标3：群众满意度达到95%以上。', ''),
  });
  const rows = (after.values.indicators as GroupRow[]).map((r) => ({ ...r }));
  rows[0].value = '2种';
  rows.splice(1, 1);
  rows.splice(1, 0, { level1: '产出指标', level2: '数量指标', name: '参赛人数', value: '≥500人' });
  after.values.indicators = rows;
  return {
    before: { id: 3, year: '2025', title: '全民健身赛事活动经费' },
    after: { id: 7, year: '2026', title: '全民健身赛事活动经费' },
    diff: diffForms(T, before, after),
  };
}

const renderReport = (c: Comparison) =>
  render(
    <MantineProvider>
      <ComparisonReport c={c} template={T} />
    </MantineProvider>,
  );
const texts = (els: Iterable<Element>) => Array.from(els, (e) => e.textContent);

describe('the comparison report', () => {
  it('shows the money side by side with the change and its percentage', () => {
    renderReport(comparison());
    const table = screen.getByTestId('cmp-money');
    expect(texts(table.querySelectorAll('thead th'))).toEqual(['项目', '2025年', '2026年', '增减', '增减幅度']);
    const row = (label: string) => texts(within(table).getByText(label).closest('tr')!.children);
    expect(row('年度资金总额')).toEqual(['年度资金总额', '1000', '1200', '+200', '+20.0%']);
    expect(row('财政拨款')).toEqual(['财政拨款', '1000', '1150', '+150', '+15.0%']);
    // From zero: a change, but no percentage.
    expect(row('其他资金')).toEqual(['其他资金', '0', '50', '+50', '—']);
    expect(table.querySelectorAll('tr[data-changed]')).toHaveLength(3);
  });

  it('strikes deleted text and underlines inserted text, and names the texts that did not change', () => {
    renderReport(comparison());
    const goal = screen.getByTestId('cmp-text-goal');
    expect(texts(goal.querySelectorAll('del'))).toEqual(['1', '目标3：群众满意度达到95%以上。']);
    expect(texts(goal.querySelectorAll('ins'))).toEqual(['2']);
    expect(goal.querySelector('.cmp-text-body')!.textContent).toContain('打造12项品牌赛事');
    expect(screen.queryByTestId('cmp-text-projectName')).toBeNull();
    expect(screen.getByTestId('cmp-same-texts').textContent).toBe('未变：项目名称、主管部门及代码、实施单位、项目属性、项目期');
  });

  it('groups indicator rows by status with their counts; unchanged ones collapsed until asked for', () => {
    renderReport(comparison());
    expect(screen.getByTestId('cmp-counts-indicators').textContent).toBe('新增 1删除 1修改 1未变 9');
    const added = screen.getByTestId('cmp-indicators-added');
    expect(texts(added.querySelectorAll('thead th'))).toEqual(['一级指标', '二级指标', '三级指标', '指标值']);
    expect(texts(added.querySelectorAll('tbody td'))).toEqual(['产出指标', '数量指标', '参赛人数', '≥500人']);
    expect(added.querySelector('tbody ins')!.textContent).toBe('≥500人');
    const removed = screen.getByTestId('cmp-indicators-removed');
    expect(texts(removed.querySelectorAll('tbody del'))).toEqual(['产出指标', '数量指标', '打造品牌赛事种类', '1种']);
    const changed = screen.getByTestId('cmp-indicators-changed');
    expect(texts(changed.querySelectorAll('tbody td'))).toEqual(['产出指标', '数量指标', '开展运动种类', '指标值：1种 → 2种']);
    expect(changed.querySelector('del')!.textContent).toBe('1种');
    expect(changed.querySelector('ins')!.textContent).toBe('2种');
    // The unchanged rows: only their count until opened.
    const toggle = screen.getByRole('button', { name: /未变（9）/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('cmp-indicators-unchanged')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('cmp-indicators-unchanged').querySelectorAll('tbody tr')).toHaveLength(9);
  });
});

const summary = (over: Partial<FormSummary>): FormSummary => ({
  id: 1,
  templateId: T.id,
  templateVersion: T.version,
  year: '2026',
  title: '全民健身赛事活动经费',
  unit: '六安市金安区体育局',
  status: 'draft',
  updatedAt: '2026-01-01T00:00:00Z',
  deletedAt: null,
  ...over,
});

async function openView(saveFirst = async () => {}) {
  const { CompareView } = await import('../../renderer/src/compare/CompareView');
  render(
    <MantineProvider>
      <CompareView formId={7} template={T} saveFirst={saveFirst} onClose={() => {}} />
    </MantineProvider>,
  );
}

describe('the 年度对比 view', () => {
  it('says in Chinese when there is no last-year form and offers another form of the same template', async () => {
    const c = comparison();
    answers['compare.get'] = (input) => {
      if ((input as { against?: number }).against === undefined)
        throw new Error('没有找到「全民健身赛事活动经费」的上年（2025 年）表单，无法对比；可以指定要对比的表单');
      return c;
    };
    answers['forms.list'] = () => [
      summary({ id: 7 }),
      summary({ id: 3, year: '2024', title: '全民健身赛事活动经费' }),
      summary({ id: 9, title: '体育场馆免费开放', unit: '某某中学' }),
    ];
    let saved = 0;
    await openView(async () => void saved++);
    const alert = await screen.findByTestId('compare-error');
    expect(alert.textContent).toContain('没有找到「全民健身赛事活动经费」的上年（2025 年）表单，无法对比');
    expect(saved).toBe(1);
    const chooser = screen.getByRole('combobox', { name: '与其他表单对比' }) as HTMLSelectElement;
    await waitFor(() => expect(chooser.options).toHaveLength(3));
    expect(calls.find((x) => x.channel === 'forms.list')?.input).toEqual({ templateId: T.id });
    expect(texts(chooser.options)).toEqual([
      '选择要对比的表单……',
      '2024年 全民健身赛事活动经费（六安市金安区体育局）（编号 3）',
      '2026年 体育场馆免费开放（某某中学）（编号 9）',
    ]);
    expect((screen.getByRole('button', { name: '打印' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(chooser, { target: { value: '3' } });
    expect(await screen.findByTestId('comparison')).toBeTruthy();
    expect(calls.filter((x) => x.channel === 'compare.get').map((x) => x.input)).toEqual([{ id: 7 }, { id: 7, against: 3 }]);
    expect(screen.queryByTestId('compare-error')).toBeNull();
    expect(screen.getByRole('button', { name: '改回与上年对比' })).toBeTruthy();
  });

  it('exports Word for the same pair, and prints only the comparison', async () => {
    answers['compare.get'] = () => comparison();
    answers['compare.docx'] = () => ({ fileName: '2026年全民健身赛事活动经费年度对比.docx', data: 'UEsDBA==' });
    answers['files.saveAs'] = () => ({ saved: true, fileName: 'D:/2026年全民健身赛事活动经费年度对比.docx' });
    await openView();
    await screen.findByTestId('comparison');
    fireEvent.click(screen.getByRole('button', { name: '导出 Word' }));
    await waitFor(() =>
      expect(calls.find((x) => x.channel === 'files.saveAs')?.input).toEqual({
        fileName: '2026年全民健身赛事活动经费年度对比.docx',
        data: 'UEsDBA==',
        kind: 'docx',
      }),
    );
    expect(calls.find((x) => x.channel === 'compare.docx')?.input).toEqual({ id: 7, against: undefined });

    let printed = 0;
    const print = window.print;
    window.print = () => void printed++;
    try {
      fireEvent.click(screen.getByRole('button', { name: '打印' }));
      await waitFor(() => expect(printed).toBe(1));
      expect(document.body.classList.contains('printing-compare')).toBe(true);
      const copy = document.body.querySelector(':scope > .compare-print')!;
      expect(copy.querySelector('[data-testid="comparison"]')).toBeTruthy();
      expect(copy.querySelector('style')!.textContent).toContain('size: A4 portrait');
      act(() => void window.dispatchEvent(new Event('afterprint')));
      expect(document.body.classList.contains('printing-compare')).toBe(false);
      expect(document.body.querySelector(':scope > .compare-print')).toBeNull();
    } finally {
      window.print = print;
    }
  });

  it('shows why when what is typed could not be saved first', async () => {
    answers['compare.get'] = () => comparison();
    await openView(async () => {
      throw new Error('请先处理保存失败的问题：磁盘已满');
    });
    expect((await screen.findByTestId('compare-error')).textContent).toContain('请先处理保存失败的问题：磁盘已满');
    expect(calls.some((x) => x.channel === 'compare.get')).toBe(false);
  });
});
