// @vitest-environment jsdom
/**
 * 导出一体化上传表 in the side list: the chosen forms go to export.uploadXlsx as one year and their
 * ids, the file is saved as Excel (files.saveAs on the desktop wire), and the core's message is
 * shown; forms of two years are refused before anything is asked of the core.
 */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormSummary, Input } from '../../shared/contract';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { countyForms, fakeFormPages, storeOrder } from '../renderer/fakeFormPages';
import { installApi, stubBrowserLayout } from '../renderer/jsdomApi';

const calls: { channel: string; input: unknown }[] = [];
const THIS_YEAR = countyForms('2025', 3, 4, 1);
const LAST_YEAR = countyForms('2024', 3, 4, 1000);
const ALL = [...THIS_YEAR, ...LAST_YEAR];
const SORTED = [...ALL].sort(storeOrder);
const pages = fakeFormPages(ALL);
const MESSAGE = '已导出 2 份表的 12 行绩效指标（一体化项目绩效指标导入）。「*具体项目代码」为空的 2 份表：甲、乙；请先在表中填写。';

beforeAll(() => {
  stubBrowserLayout();
  installApi((channel, input) => {
    if (channel === 'templates.list') return BUILTIN_TEMPLATES.map((template) => ({ template, builtIn: true, formCount: 0 }));
    if (channel === 'forms.page') return pages(input as Input<'forms.page'>);
    calls.push({ channel, input });
    if (channel === 'export.uploadXlsx')
      return {
        fileName: '2025年度一体化项目绩效指标导入.xlsx',
        data: 'UEsDBA==',
        forms: 2,
        rows: 12,
        withoutCode: ['甲', '乙'],
        message: MESSAGE,
      };
    if (channel === 'files.saveAs') return { saved: true, fileName: '/tmp/上传表.xlsx' };
    throw new Error(`no answer for ${channel}`);
  });
});
beforeEach(() => {
  calls.length = 0;
});
afterEach(cleanup);

async function showList() {
  const { TemplatesProvider } = await import('../../renderer/src/templates/TemplatesContext');
  const { FormList } = await import('../../renderer/src/shell/FormList');
  function Harness() {
    const [p, setP] = useState(new Map<number, FormSummary>());
    return <FormList selected={null} onSelect={() => {}} picked={p} onPick={setP} />;
  }
  render(
    <MantineProvider>
      <Notifications />
      <TemplatesProvider>
        <Harness />
      </TemplatesProvider>
    </MantineProvider>,
  );
  await screen.findAllByRole('button', { name: SORTED[0].title });
}

/** Forms with a name of their own in their year (the units' first forms), so each checkbox is found by its name. */
const UNIQUE = SORTED.filter((f) => f.title === f.unit);
const pick = (f: FormSummary) => fireEvent.click(screen.getByRole('checkbox', { name: `选择「${f.year}年 ${f.title}」` }));
const uploadButton = () => within(screen.getByRole('region', { name: '已选的申报表' })).getByRole('button', { name: '导出一体化上传表' });

describe('导出一体化上传表 from the list', () => {
  it('sends the chosen forms of one year, saves the Excel file and shows what is left blank', async () => {
    await showList();
    const chosen = UNIQUE.filter((f) => f.year === '2025').slice(0, 2);
    chosen.forEach(pick);
    fireEvent.click(uploadButton());
    await waitFor(() => expect(calls.map((c) => c.channel)).toEqual(['export.uploadXlsx', 'files.saveAs']));
    expect(calls[0].input).toEqual({ year: '2025', ids: chosen.map((f) => f.id) });
    expect(calls[1].input).toMatchObject({ fileName: '2025年度一体化项目绩效指标导入.xlsx', kind: 'xlsx', data: 'UEsDBA==' });
    expect(await screen.findByText(MESSAGE)).toBeTruthy();
  });

  it('refuses forms of two years in Chinese, without asking the core', async () => {
    await showList();
    pick(UNIQUE.find((f) => f.year === '2025')!);
    pick(UNIQUE.find((f) => f.year === '2024')!);
    fireEvent.click(uploadButton());
    expect(await screen.findByText(/所选表单属于 2024、2025 多个年度；一体化上传表一次导出一个年度/)).toBeTruthy();
    expect(calls).toEqual([]);
  });
});
