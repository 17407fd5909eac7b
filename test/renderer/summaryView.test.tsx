// @vitest-environment jsdom
/**
 * 汇总 against a recorded API (window.api, as the desktop preload provides it): the newest year
 * of the store is asked for first; while summary.run runs, summary.progress is asked and shown
 * as 「已读 N / M 份」; then the given 汇总 as a table — 主管部门 with 小计, units, a unit's forms
 * when opened (with their problems), the 合计, each amount exactly as the core summed it; the
 * badges 错误 N / 提醒 N / 完整 / 无法读取; every filter passed through to summary.run; the unit
 * filter worked out on screen; a form's name opens it; 导出 Excel and 导出 Word call
 * summary.xlsx / summary.docx with the same filters and save through files.saveAs.
 */
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Api, FormSummary, Summary, SummaryCounts, SummaryForm } from '../../shared/contract';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { fakeFormPages } from './fakeFormPages';
import { installRecordingApi, stubBrowserLayout, type Answers } from './jsdomApi';

const calls: { channel: string; input: unknown }[] = [];
const answers: Answers = {};

beforeAll(() => {
  stubBrowserLayout();
  installRecordingApi(calls, answers);
});

const counts = (over: Partial<SummaryCounts>): SummaryCounts => ({
  forms: 0,
  indicators: 0,
  error: 0,
  warning: 0,
  complete: 0,
  unreadable: 0,
  ...over,
});
const form = (over: Partial<SummaryForm> & Pick<SummaryForm, 'id' | 'title' | 'money'>): SummaryForm => ({
  status: 'draft',
  updatedAt: '2025-03-01T00:00:00Z',
  check: 'complete',
  errors: 0,
  warnings: 0,
  problems: [],
  indicators: 10,
  ...over,
});

/** Two 主管部门: 体育局 (two units, three forms: an error, a warning, a complete one) and 教育局 (one unreadable form). */
const SUMMARY: Summary = {
  year: '2025',
  filter: {},
  counts: counts({ forms: 4, indicators: 30, error: 1, warning: 1, complete: 1, unreadable: 1 }),
  sections: [
    {
      templateId: 'xiangmu-zhichu',
      templateTitle: '项目支出绩效目标表',
      moneyColumns: [
        { field: 'total', label: '年度资金总额' },
        { field: 'fiscal', label: '财政拨款' },
        { field: 'other', label: '其他资金' },
      ],
      totals: ['12345.6789', '11345.6789', '1000'],
      counts: counts({ forms: 4, indicators: 30, error: 1, warning: 1, complete: 1, unreadable: 1 }),
      parents: [
        {
          key: 'code:042',
          code: '042',
          name: '六安市金安区体育局',
          totals: ['12000.0089', '11000.0089', '1000'],
          counts: counts({ forms: 3, indicators: 30, error: 1, warning: 1, complete: 1 }),
          units: [
            {
              name: '六安市金安区体育局',
              code: '042001',
              totals: ['2000.0089', '1000.0089', '1000'],
              counts: counts({ forms: 2, indicators: 20, error: 1, complete: 1 }),
              forms: [
                form({
                  id: 11,
                  title: '全民健身赛事活动经费',
                  money: ['1000', '1000', '0'],
                  check: 'error',
                  errors: 2,
                  warnings: 1,
                  problems: ['年度资金总额应等于财政拨款与其他资金之和', '三级指标不能为空', '指标值宜为数字'],
                }),
                form({ id: 12, title: '体育场馆免费开放', money: ['1000.0089', '0.0089', '1000'] }),
              ],
            },
            {
              name: '金安区体育中心',
              code: '042002',
              totals: ['10000', '10000', '0'],
              counts: counts({ forms: 1, indicators: 10, warning: 1 }),
              forms: [
                form({
                  id: 13,
                  title: '青少年训练经费',
                  money: ['10000', '10000', ''],
                  check: 'warning',
                  warnings: 1,
                  problems: ['指标值宜为数字'],
                }),
              ],
            },
          ],
        },
        {
          key: 'name:桃源县教育局',
          code: '',
          name: '桃源县教育局',
          totals: ['345.67', '345.67', '0'],
          counts: counts({ forms: 1, unreadable: 1 }),
          units: [
            {
              name: '桃源县教育局',
              code: '',
              totals: ['345.67', '345.67', '0'],
              counts: counts({ forms: 1, unreadable: 1 }),
              forms: [
                form({
                  id: 14,
                  title: '',
                  money: ['345.67', '345.67', ''],
                  check: 'unreadable',
                  problems: ['表单数据已损坏'],
                  indicators: 0,
                }),
              ],
            },
          ],
        },
      ],
    },
  ],
};

const yearForms = (years: string[]): FormSummary[] =>
  years.map((year, i) => ({
    id: i + 1,
    templateId: 'xiangmu-zhichu',
    templateVersion: 1,
    year,
    title: `表${i}`,
    unit: '某单位',
    status: 'draft',
    updatedAt: '',
    deletedAt: null,
  }));

let release: (s: Summary) => void;

beforeEach(() => {
  calls.length = 0;
  for (const k of Object.keys(answers)) delete answers[k as keyof Api];
  answers['templates.list'] = () => BUILTIN_TEMPLATES.map((template) => ({ template, builtIn: true, formCount: 3 }));
  answers['forms.page'] = fakeFormPages(yearForms(['2019', '2025', '2024', '2025'])) as (input: unknown) => unknown;
  answers['summary.progress'] = () => ({ running: true, phase: 'read', done: 5, total: 12 });
  answers['summary.run'] = () => new Promise<Summary>((r) => (release = r));
});
afterEach(cleanup);

const runs = () => calls.filter((c) => c.channel === 'summary.run').map((c) => c.input);
const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '');

async function showSummary(opened: number[] = []) {
  const { TemplatesProvider } = await import('../../renderer/src/templates/TemplatesContext');
  const { SummaryView } = await import('../../renderer/src/summary/SummaryView');
  render(
    <MantineProvider>
      <TemplatesProvider>
        <SummaryView onOpenForm={(id) => opened.push(id)} />
      </TemplatesProvider>
    </MantineProvider>,
  );
  await waitFor(() => expect(runs().length).toBe(1));
}

async function finish(s: Summary = SUMMARY) {
  await act(async () => release(s));
  return screen.findByRole('table', { name: '项目支出绩效目标表汇总表' });
}

describe('汇总', () => {
  it('runs for the newest year of the store and shows 已读 N / M 份 while it runs', async () => {
    await showSummary();
    expect(runs()).toEqual([{ year: '2025' }]);
    // The years, newest first, one request each.
    const yearSelect = screen.getByRole('combobox', { name: '年度' }) as HTMLSelectElement;
    await waitFor(() => expect([...yearSelect.options].map((o) => o.value)).toEqual(['2025', '2024', '2019']));
    const status = await screen.findByTestId('summary-progress');
    await waitFor(() => expect(status.textContent).toContain('已读 5 / 12 份'));
    expect(within(status).getByRole('progressbar', { name: '汇总进度' }).getAttribute('aria-valuenow')).toBe(String((5 / 12) * 100));
    expect(calls.filter((c) => c.channel === 'summary.progress').length).toBeGreaterThan(0);
    await finish();
    expect(screen.queryByTestId('summary-progress')).toBeNull();
  });

  it('draws 主管部门 with 小计, their units, the 合计, amounts exactly, and the check badges', async () => {
    await showSummary();
    const table = await finish();
    const head = cells(table.querySelector('thead tr')!);
    expect(head).toEqual(['主管部门 / 单位 / 申报表', '表单数', '指标数', '年度资金总额', '财政拨款', '其他资金', '检查结果']);
    const body = [...table.querySelectorAll('tbody tr')].map((r) => cells(r as HTMLElement));
    // A column shows every amount with as many decimals as its longest (four here, two in 其他资金).
    expect(body).toEqual([
      ['▾[042] 六安市金安区体育局小计', '3', '30', '12,000.0089', '11,000.0089', '1,000.00', '错误 1提醒 1完整 1'],
      ['▸六安市金安区体育局042001', '2', '20', '2,000.0089', '1,000.0089', '1,000.00', '错误 1完整 1'],
      ['▸金安区体育中心042002', '1', '10', '10,000.0000', '10,000.0000', '0.00', '提醒 1'],
      ['▾桃源县教育局小计', '1', '0', '345.6700', '345.6700', '0.00', '无法读取 1'],
      ['▸桃源县教育局', '1', '0', '345.6700', '345.6700', '0.00', '无法读取 1'],
    ]);
    expect(cells(table.querySelector('tfoot tr')!)).toEqual([
      '合计',
      '4',
      '30',
      '12,345.6789',
      '11,345.6789',
      '1,000.00',
      '错误 1提醒 1完整 1无法读取 1',
    ]);
    // Numbers are right-aligned cells of their own.
    for (const td of table.querySelectorAll('tbody tr td.sum-num')) expect(td.className).toContain('sum-num');
    expect(screen.getByTestId('summary-counts').textContent).toContain('共 4 份申报表，30 个绩效指标');

    // A unit opened: its forms, with their badges and problems.
    fireEvent.click(screen.getByRole('button', { name: '展开「六安市金安区体育局」的 2 份申报表' }));
    const formRows = [...table.querySelectorAll('tbody tr.sum-form')] as HTMLElement[];
    expect(formRows.map((r) => cells(r).slice(1))).toEqual([
      ['', '10', '1,000.0000', '1,000.0000', '0.00', '错误 2提醒 1'],
      ['', '10', '1,000.0089', '0.0089', '1,000.00', '完整'],
    ]);
    expect(within(formRows[0]).getByRole('button', { name: '全民健身赛事活动经费' })).toBeTruthy();
    expect(formRows[0].textContent).toContain('三级指标不能为空');
    // The problems on hover and focus: the badges name them.
    expect(
      within(formRows[0]).getByLabelText(/全民健身赛事活动经费：年度资金总额应等于财政拨款与其他资金之和；三级指标不能为空/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '展开「桃源县教育局」的 1 份申报表' }));
    const unreadable = table.querySelector('tr.sum-form-unreadable') as HTMLElement;
    expect(cells(unreadable)[0]).toContain('（未填名称）');
    expect(cells(unreadable)[6]).toBe('无法读取');
    expect(unreadable.textContent).toContain('表单数据已损坏');
    // Closing a 主管部门 hides its units.
    fireEvent.click(screen.getByRole('button', { name: '收起「[042] 六安市金安区体育局」的单位' }));
    expect(table.querySelectorAll('tbody tr.sum-unit').length).toBe(1);
  });

  it('a form’s name opens it in the editor', async () => {
    const opened: number[] = [];
    await showSummary(opened);
    await finish();
    fireEvent.click(screen.getByRole('button', { name: '展开「金安区体育中心」的 1 份申报表' }));
    fireEvent.click(screen.getByRole('button', { name: '青少年训练经费' }));
    expect(opened).toEqual([13]);
  });

  it('passes the year, template, 主管部门 and status to summary.run', async () => {
    await showSummary();
    await finish();
    fireEvent.change(screen.getByRole('combobox', { name: '检查结果' }), { target: { value: 'error' } });
    await waitFor(() => expect(runs().at(-1)).toEqual({ year: '2025', status: 'error' }));
    // While it runs, the old table stays, greyed, and the progress shows.
    expect(screen.getByTestId('summary-progress')).toBeTruthy();
    await finish();
    // 主管部门 to choose from: those the 汇总 found.
    const parents = screen.getByRole('combobox', { name: '主管部门' }) as HTMLSelectElement;
    expect([...parents.options].map((o) => o.textContent)).toEqual(['全部主管部门', '[042] 六安市金安区体育局', '桃源县教育局']);
    fireEvent.change(parents, { target: { value: 'code:042' } });
    await waitFor(() => expect(runs().at(-1)).toEqual({ year: '2025', status: 'error', parent: 'code:042' }));
    await finish();
    fireEvent.change(screen.getByRole('combobox', { name: '表样' }), { target: { value: 'xiangmu-zhichu' } });
    await waitFor(() => expect(runs().at(-1)).toEqual({ year: '2025', status: 'error', parent: 'code:042', templateId: 'xiangmu-zhichu' }));
    await finish();
    // Another year: its own 主管部门, so that filter starts again.
    fireEvent.change(screen.getByRole('combobox', { name: '年度' }), { target: { value: '2024' } });
    await waitFor(() => expect(runs().at(-1)).toEqual({ year: '2024', status: 'error', templateId: 'xiangmu-zhichu' }));
    await finish();
    fireEvent.click(screen.getByRole('button', { name: '重新汇总' }));
    await waitFor(() => expect(runs().length).toBe(6));
    expect(runs().at(-1)).toEqual({ year: '2024', status: 'error', templateId: 'xiangmu-zhichu' });
  });

  it('passes the 汇总阶段 to summary.run and draws the stage tables as their columns say', async () => {
    const opened: number[] = [];
    await showSummary(opened);
    await finish();
    fireEvent.change(screen.getByRole('combobox', { name: '汇总阶段' }), { target: { value: 'selfEvaluation' } });
    await waitFor(() => expect(runs().at(-1)).toEqual({ year: '2025', stage: 'selfEvaluation' }));
    const stage: Summary['stage'] = {
      stage: 'selfEvaluation',
      figures: [
        { key: 'declared', label: '申报项目', value: '2' },
        { key: 'evaluated', label: '已自评', value: '1' },
      ],
      tables: [
        {
          key: 'evaluated',
          title: '一、已自评的项目',
          columns: [
            { key: 'title', label: '项目名称', kind: 'text' },
            { key: 'money:totalSpent', label: '全年执行数', kind: 'amount' },
            { key: 'rate', label: '执行率', kind: 'percent' },
            { key: 'score', label: '自评得分', kind: 'score' },
          ],
          rows: [{ formId: 41, cells: { title: '全民健身赛事', 'money:totalSpent': '1234567.1', rate: '93.56', score: '85.5' } }],
          total: { title: '合计', 'money:totalSpent': '1234567.1', rate: '93.56' },
        },
      ],
    };
    await act(async () => release({ ...SUMMARY, filter: { stage: 'selfEvaluation' }, stage }));
    expect((await screen.findByTestId('stage-figures')).textContent).toBe('申报项目 2\u3000已自评 1');
    const rows = [...screen.getByTestId('stage-evaluated').querySelectorAll('tr')];
    expect(rows.map(cells)).toEqual([
      ['项目名称', '全年执行数', '执行率', '自评得分'],
      ['全民健身赛事', '1,234,567.10', '93.56%', '85.5'],
      ['合计', '1,234,567.10', '93.56%', ''],
    ]);
    fireEvent.doubleClick(rows[1]);
    expect(opened).toEqual([41]);
  });

  it('the unit filter narrows the table on screen, with 小计 and 合计 worked out again exactly', async () => {
    await showSummary();
    const table = await finish();
    fireEvent.change(screen.getByRole('textbox', { name: '单位' }), { target: { value: '体育中心' } });
    const body = [...table.querySelectorAll('tbody tr')].map((r) => cells(r as HTMLElement));
    expect(body).toEqual([
      ['▾[042] 六安市金安区体育局小计', '1', '10', '10,000.00', '10,000.00', '0.00', '提醒 1'],
      ['▸金安区体育中心042002', '1', '10', '10,000.00', '10,000.00', '0.00', '提醒 1'],
    ]);
    expect(cells(table.querySelector('tfoot tr')!)).toEqual(['合计', '1', '10', '10,000.00', '10,000.00', '0.00', '提醒 1']);
    // By code too; no second request: the filter is the screen's own.
    fireEvent.change(screen.getByRole('textbox', { name: '单位' }), { target: { value: '042001' } });
    expect(cells(table.querySelector('tfoot tr')!).slice(3, 6)).toEqual(['2,000.0089', '1,000.0089', '1,000.00']);
    expect(runs().length).toBe(1);
  });

  it('导出 Excel and 导出 Word make the 汇总 with the same filters and save it through the desktop dialog', async () => {
    answers['summary.xlsx'] = () => ({ fileName: '2025年度汇总.xlsx', data: btoa('PK xlsx') });
    answers['summary.docx'] = () => ({ fileName: '2025年度汇总.docx', data: btoa('PK docx') });
    answers['files.saveAs'] = (input) => ({ saved: true, fileName: `/home/user/${(input as { fileName: string }).fileName}` });
    await showSummary();
    await finish();
    fireEvent.change(screen.getByRole('combobox', { name: '检查结果' }), { target: { value: 'warning' } });
    await waitFor(() => expect(runs().length).toBe(2));
    await finish();
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'files.saveAs')).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: '导出 Word' }));
    await waitFor(() => expect(calls.filter((c) => c.channel === 'files.saveAs').length).toBe(2));
    const made = calls.filter((c) => c.channel === 'summary.xlsx' || c.channel === 'summary.docx' || c.channel === 'files.saveAs');
    expect(made).toEqual([
      { channel: 'summary.xlsx', input: { year: '2025', status: 'warning' } },
      { channel: 'files.saveAs', input: { fileName: '2025年度汇总.xlsx', data: btoa('PK xlsx'), kind: 'xlsx' } },
      { channel: 'summary.docx', input: { year: '2025', status: 'warning' } },
      { channel: 'files.saveAs', input: { fileName: '2025年度汇总.docx', data: btoa('PK docx'), kind: 'docx' } },
    ]);
  });

  it('says so when the year has no form of the filter, and when the store is empty', async () => {
    await showSummary();
    await act(async () => release({ ...SUMMARY, sections: [], counts: counts({}) }));
    await screen.findByText('没有符合条件的申报表。');
    cleanup();
    calls.length = 0;
    answers['forms.page'] = fakeFormPages([]) as (input: unknown) => unknown;
    const { TemplatesProvider } = await import('../../renderer/src/templates/TemplatesContext');
    const { SummaryView } = await import('../../renderer/src/summary/SummaryView');
    render(
      <MantineProvider>
        <TemplatesProvider>
          <SummaryView onOpenForm={() => {}} />
        </TemplatesProvider>
      </MantineProvider>,
    );
    await screen.findByText('还没有申报表，没有可汇总的内容。');
    expect(runs()).toEqual([]);
  });
});

describe('money on screen', () => {
  it('adds separators and two decimals to the text, never through a float', async () => {
    const { formatWan } = await import('../../renderer/src/summary/format');
    expect(formatWan('1234567.5')).toBe('1,234,567.50');
    expect(formatWan('0.0003')).toBe('0.0003');
    expect(formatWan('9007199254740993.01')).toBe('9,007,199,254,740,993.01');
    expect(formatWan('0')).toBe('0.00');
    expect(formatWan('')).toBe('');
    expect(formatWan('12', 4)).toBe('12.0000');
    expect(formatWan('12.5', 4)).toBe('12.5000');
  });
});
