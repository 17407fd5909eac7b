// @vitest-environment jsdom
/**
 * The shell's dialogs against a recorded API (window.api, as the desktop
 * preload provides it): 新建 offers every template and sends its identity fields, 生成下一年度 says
 * what the template keeps, 导入 shows each form at a glance and passes a file's new template back,
 * 表样管理 removes only an unused imported template, and 导出所选 makes each file (the side list
 * itself: formList.test.tsx).
 */
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormRecord, FormSummary, ImportPreview, TemplateEntry } from '../../shared/contract';
import { blankForm } from '../../shared/formOps';
import { bumenZhengti2019 } from '../../shared/templates/bumen-zhengti-2019';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';
import { installRecordingApi, stubBrowserLayout, type Answers } from './jsdomApi';

const calls: { channel: string; input: unknown }[] = [];
const answers: Answers = {};

let entries: TemplateEntry[];

beforeAll(() => {
  stubBrowserLayout();
  installRecordingApi(calls, answers);
});

beforeEach(() => {
  calls.length = 0;
  entries = [
    { template: bumenZhengti2019, builtIn: true, formCount: 3 },
    { template: MADE_UP_TEMPLATE, builtIn: false, formCount: 0 },
  ];
  answers['templates.list'] = () => entries;
});
afterEach(cleanup);

async function withTemplates(ui: ReactNode) {
  const { TemplatesProvider } = await import('../../renderer/src/templates/TemplatesContext');
  render(
    <MantineProvider>
      <TemplatesProvider>{ui}</TemplatesProvider>
    </MantineProvider>,
  );
}

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

describe('新建', () => {
  it('lists the templates (the 2019 form first and chosen) and asks for the chosen one’s identity fields', async () => {
    answers['forms.create'] = () => ({ id: 42 });
    const created = vi.fn();
    const { NewFormDialog } = await import('../../renderer/src/shell/dialogs/NewFormDialog');
    await withTemplates(<NewFormDialog onClose={() => {}} onCreated={created} />);
    const radios = (await screen.findAllByRole('radio')) as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual([bumenZhengti2019.id, MADE_UP_TEMPLATE.id]);
    expect(radios[0].checked).toBe(true);
    expect(screen.getByRole('textbox', { name: '部门名称' })).toBeTruthy();
    fireEvent.click(radios[1]);
    expect(screen.queryByRole('textbox', { name: '部门名称' })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: '年度' }), { target: { value: '2027' } });
    fireEvent.change(screen.getByRole('textbox', { name: '主管单位' }), { target: { value: ' 某某县教育局 ' } });
    // 资金名称 left for later: not sent.
    fireEvent.click(screen.getByRole('button', { name: '创建' }));
    await waitFor(() => expect(created).toHaveBeenCalledWith(42));
    expect(calls.find((c) => c.channel === 'forms.create')?.input).toEqual({
      templateId: MADE_UP_TEMPLATE.id,
      year: '2027',
      values: { owner: '某某县教育局' },
    });
  });
});

describe('新建: unit and budget year', () => {
  it('puts the unit typed into 填报单位 too (unless retyped), and defaults the year to the budget year', async () => {
    answers['forms.create'] = () => ({ id: 43 });
    answers['forms.page'] = () => ({ items: [summary({ year: '2031' })], total: 1, next: null });
    const created = vi.fn();
    const { NewFormDialog } = await import('../../renderer/src/shell/dialogs/NewFormDialog');
    await withTemplates(<NewFormDialog onClose={() => {}} onCreated={created} />);
    const year = (await screen.findByRole('textbox', { name: '年度' })) as HTMLInputElement;
    await waitFor(() => expect(year.value).toBe('2031'));
    expect(document.body.textContent).toContain('申报的是下一年度的预算');
    expect(document.body.textContent).toContain('最新的一份表是 2031 年度');
    fireEvent.change(screen.getByRole('textbox', { name: '部门名称' }), { target: { value: '桃源县教育局' } });
    const unit = screen.getByRole('textbox', { name: '填报单位' }) as HTMLInputElement;
    expect(unit.value).toBe('桃源县教育局');
    fireEvent.click(screen.getByRole('button', { name: '创建' }));
    await waitFor(() => expect(created).toHaveBeenCalledWith(43));
    expect(calls.find((c) => c.channel === 'forms.create')?.input).toEqual({
      templateId: bumenZhengti2019.id,
      year: '2031',
      values: { department: '桃源县教育局', unit: '桃源县教育局' },
    });
    cleanup();
    calls.length = 0;
    await withTemplates(<NewFormDialog onClose={() => {}} onCreated={created} />);
    fireEvent.change(await screen.findByRole('textbox', { name: '部门名称' }), { target: { value: '桃源县教育局' } });
    fireEvent.change(screen.getByRole('textbox', { name: '填报单位' }), { target: { value: '桃源县第一中学' } });
    fireEvent.change(screen.getByRole('textbox', { name: '部门名称' }), { target: { value: '桃源县教育局（本级）' } });
    expect((screen.getByRole('textbox', { name: '填报单位' }) as HTMLInputElement).value).toBe('桃源县第一中学');
    delete answers['forms.page'];
  });

  it('the budget year is next year’s, or the newest form’s when that is later', async () => {
    const { defaultBudgetYear } = await import('../../renderer/src/shell/dialogs/NewFormDialog');
    expect(defaultBudgetYear(new Date(2026, 11, 15), null)).toBe('2027');
    expect(defaultBudgetYear(new Date(2026, 11, 15), '2025')).toBe('2027');
    expect(defaultBudgetYear(new Date(2026, 11, 15), '2028')).toBe('2028');
  });
});

describe('生成下一年度', () => {
  it('says what the template keeps and what is filled in again, not that amounts are kept', async () => {
    answers['forms.newYearPreview'] = () => ({ changes: [], conflict: null });
    const { NewYearDialog } = await import('../../renderer/src/editor/dialogs/NewYearDialog');
    const record = { id: 5, year: '2026', title: '义务教育薄弱环节改善资金', unit: '某某县教育局' } as FormRecord;
    await withTemplates(<NewYearDialog record={record} template={MADE_UP_TEMPLATE} onClose={() => {}} onCreated={() => {}} />);
    const rules = await screen.findByTestId('new-year-rules');
    expect(rules.textContent).toContain('会保留：主管单位、资金名称、备注、分配明细（大类、小类、事项、完成时间）');
    expect(rules.textContent).toContain('需重新填写：制表人、分配明细（金额（万元））');
    expect(document.body.textContent).not.toContain('金额会保留');
    expect(document.body.textContent).toContain('以「2026年 义务教育薄弱环节改善资金」为底稿');
  });
});

describe('导入', () => {
  it('shows each form of each file at a glance, says when a file brings a template, and sends it back on import', async () => {
    const form = blankForm(MADE_UP_TEMPLATE, '2026');
    const preview = (title: string): ImportPreview => ({
      fileName: '分配表.docx',
      source: 'embedded',
      data: form,
      templateTitle: MADE_UP_TEMPLATE.title,
      year: '2026',
      title,
      unit: '某某县教育局',
      newTemplate: MADE_UP_TEMPLATE,
      notes: [],
      uncertain: [],
      unplaced: title === '甲资金' ? [{ where: '分配明细的「备注」列', text: '第 1 行：按台账' }] : [],
      sourceTables: [],
      messages: [
        { field: 'items', row: 0, column: 'item', severity: 'error', code: 'rowRequires', message: '第1行：填了金额的行要写明事项' },
      ],
      conflict: null,
    });
    answers['import.read'] = () => [preview('甲资金'), preview('乙资金')];
    answers['import.commit'] = () => ({ outcome: 'imported', id: 9, message: '已导入' });
    const imported = vi.fn();
    const { ImportDialog } = await import('../../renderer/src/shell/dialogs/ImportDialog');
    await withTemplates(<ImportDialog files={[{ fileName: '分配表.docx', data: '' }]} onClose={() => {}} onImported={imported} />);
    const glances = await screen.findAllByTestId('import-glance');
    expect(glances.map((g) => g.textContent)).toEqual([
      `「${MADE_UP_TEMPLATE.title}」 2026年 · 某某县教育局 · 甲资金`,
      `「${MADE_UP_TEMPLATE.title}」 2026年 · 某某县教育局 · 乙资金`,
    ]);
    expect(screen.getAllByTestId('import-new-template')[0].textContent).toContain('一并导入这个表样');
    expect(screen.getAllByRole('listitem')[1].textContent).toContain('其中第 2 份，共 2 份');
    // The group's rows and a message on one of its cells.
    fireEvent.click(screen.getAllByRole('button', { name: '查看读取结果' })[0]);
    const rows = screen.getAllByTestId('import-review-items')[0];
    expect(within(rows).getByText('大类')).toBeTruthy();
    expect(rows.textContent).toContain('第1行：填了金额的行要写明事项');
    // What the form has no place for is listed whole, by where it was printed (issue 21).
    const unplaced = screen.getByTestId('import-unplaced');
    expect(within(unplaced).getByText('分配明细的「备注」列')).toBeTruthy();
    expect(unplaced.textContent).toContain('第 1 行：按台账');

    fireEvent.click(screen.getByRole('button', { name: '确认导入（2 个）' }));
    await waitFor(() => expect(imported).toHaveBeenCalledWith(9));
    const commits = calls.filter((c) => c.channel === 'import.commit').map((c) => c.input as { newTemplate?: { id: string } });
    expect(commits).toHaveLength(2);
    expect(commits.every((c) => c.newTemplate?.id === MADE_UP_TEMPLATE.id)).toBe(true);
    // The list of templates is read again, so the new one is known at once.
    expect(calls.filter((c) => c.channel === 'templates.list').length).toBeGreaterThanOrEqual(2);
  });
});

describe('表样管理', () => {
  it('lists every template; only an unused imported one can be removed, after a confirmation', async () => {
    answers['templates.remove'] = () => {
      entries = entries.filter((e) => e.template.id !== MADE_UP_TEMPLATE.id);
      return { ok: true };
    };
    const { TemplatesDialog } = await import('../../renderer/src/shell/dialogs/TemplatesDialog');
    await withTemplates(<TemplatesDialog onClose={() => {}} />);
    const list = await screen.findByTestId('templates-list');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/部门整体支出绩效目标申报表.*bumen-zhengti-2019.*第 2 版.*自带.*3/),
      expect.stringMatching(/专项资金分配明细表（测试）.*test-zhuanxiang.*第 1 版.*导入.*0/),
    ]);
    expect(screen.queryByRole('button', { name: `删除表样「${bumenZhengti2019.title}」` })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: `删除表样「${MADE_UP_TEMPLATE.title}」` }));
    const confirm = screen.getByTestId('confirm-remove-template');
    expect(confirm.textContent).toContain(`删除表样「${MADE_UP_TEMPLATE.title}」`);
    expect(calls.some((c) => c.channel === 'templates.remove')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: '确认删除' }));
    await waitFor(() => expect(within(screen.getByTestId('templates-list')).getAllByRole('row')).toHaveLength(2));
    expect(calls.find((c) => c.channel === 'templates.remove')?.input).toEqual({ id: MADE_UP_TEMPLATE.id });
  });

  it('keeps 删除 disabled while forms use the template', async () => {
    entries[1] = { ...entries[1], formCount: 2 };
    const { TemplatesDialog } = await import('../../renderer/src/shell/dialogs/TemplatesDialog');
    await withTemplates(<TemplatesDialog onClose={() => {}} />);
    const button = (await screen.findByRole('button', { name: `删除表样「${MADE_UP_TEMPLATE.title}」` })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });
});

describe('导出所选', () => {
  const forms = [
    summary({ id: 1, year: '2026', title: '教育局', unit: '教育局' }),
    summary({ id: 2, year: '2026', title: '资金甲', unit: '教育局', templateId: MADE_UP_TEMPLATE.id, templateVersion: 1 }),
    summary({ id: 3, year: '2026', title: '资金乙', unit: '教育局', templateId: MADE_UP_TEMPLATE.id, templateVersion: 1 }),
    summary({ id: 4, year: '2025', title: '乙局', unit: '乙局' }),
  ];

  it('desktop: makes each file, lists the one that failed without stopping, then saves all into one folder', async () => {
    answers['export.docx'] = (input) => {
      const { id } = input as { id: number };
      if (id === 2) throw new Error('表单数据已损坏');
      return { fileName: `表${id}.docx`, data: btoa(`docx ${id}`), dropped: id === 3 ? ['备注太长'] : [] };
    };
    answers['files.saveMany'] = (input) => ({ saved: (input as { files: unknown[] }).files.length, folder: '上报材料' });
    const { ExportManyDialog } = await import('../../renderer/src/shell/dialogs/ExportManyDialog');
    const closed: boolean[] = [];
    await withTemplates(<ExportManyDialog forms={forms.slice(0, 3)} onClose={(done) => closed.push(done)} />);
    const summaryBox = await screen.findByTestId('export-many-summary');
    expect(summaryBox.textContent).toBe('已把 2 份申报表导出到文件夹「上报材料」。1 份没有导出，原因见下。');
    expect(screen.getByTestId('export-many-failed').textContent).toContain('2026年 资金甲：表单数据已损坏');
    expect(screen.getByTestId('export-many').textContent).toContain('2026年 资金乙：备注太长');
    const channels = calls.map((c) => c.channel).filter((c) => c !== 'templates.list');
    expect(channels).toEqual(['export.docx', 'export.docx', 'export.docx', 'files.saveMany']);
    expect(calls.find((c) => c.channel === 'files.saveMany')?.input).toEqual({
      kind: 'docx',
      files: [
        { fileName: '表1.docx', data: btoa('docx 1') },
        { fileName: '表3.docx', data: btoa('docx 3') },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(closed).toEqual([false]);
  });

  it('desktop: a cancelled folder dialog says nothing was saved', async () => {
    answers['export.docx'] = (input) => ({ fileName: `表${(input as { id: number }).id}.docx`, data: 'AA==', dropped: [] });
    answers['files.saveMany'] = () => ({ saved: 0, folder: null });
    const { ExportManyDialog } = await import('../../renderer/src/shell/dialogs/ExportManyDialog');
    await withTemplates(<ExportManyDialog forms={forms.slice(0, 2)} onClose={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('export-many-summary').textContent).toBe('没有选择文件夹，文件没有保存。'));
  });
});
