// @vitest-environment jsdom
/**
 * 历史版本: 64 autosaves of one sitting are one row that says what they changed and opens into
 * its versions; a version with a note (新建, 恢复到…) stays a row of its own.
 */
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Revision } from '../../shared/contract';
import { revisionChanges } from '../../shared/compare/revisionChanges';
import { blankForm } from '../../shared/formOps';
import { xiangmuZhichu } from '../../shared/templates/xiangmu-zhichu';
import { installRecordingApi, stubBrowserLayout, type Answers } from './jsdomApi';

const calls: { channel: string; input: unknown }[] = [];
const answers: Answers = {};
/** Imported once window.api is in place (renderer/src/api reads it when loaded). */
let dialog: typeof import('../../renderer/src/editor/dialogs/RevisionsDialog');
beforeAll(async () => {
  stubBrowserLayout();
  installRecordingApi(calls, answers);
  dialog = await import('../../renderer/src/editor/dialogs/RevisionsDialog');
});
afterEach(cleanup);

const at = (min: number) => new Date(Date.UTC(2026, 11, 7, 8, 0) + min * 60_000).toISOString();

/** 新建 at 8:00, then 64 autosaves 5 s apart from 9:00, then one more at 15:00. */
function history(): Revision[] {
  const list: Revision[] = [{ revision: 1, savedAt: at(0), note: '新建' }];
  for (let i = 0; i < 64; i++)
    list.push({ revision: 2 + i, savedAt: at(60 + i / 12), note: '', changes: i % 2 ? '项目名称' : '绩效指标改 1 行' });
  list.push({ revision: 66, savedAt: at(420), note: '', changes: '年度资金总额' });
  return list.reverse();
}

describe('历史版本', () => {
  it('groups a burst of autosaves, keeps noted and lone versions apart', () => {
    const rows = dialog.groupRevisions(history());
    expect(rows.map((r) => (r.kind === 'one' ? r.revision.revision : r.revisions.map((x) => x.revision).join(',')))).toEqual([
      66,
      Array.from({ length: 64 }, (_, i) => 65 - i).join(','),
      1,
    ]);
    const burst = rows[1];
    expect(burst.kind === 'burst' && dialog.burstChanges(burst.revisions)).toBe('项目名称；绩效指标改 1 行');
  });

  it('lists 3 rows for 66 versions, saying what changed, and opens the burst', async () => {
    answers['forms.revisions'] = () => history();
    const { RevisionsDialog } = dialog;
    render(
      <MantineProvider>
        <RevisionsDialog formId={7} onClose={() => {}} onRestored={() => {}} />
      </MantineProvider>,
    );
    const table = await screen.findByTestId('revisions');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table.textContent).toContain('自动保存：年度资金总额');
    expect(screen.getByTestId('revision-burst').textContent).toContain('自动保存 64 次：项目名称；绩效指标改 1 行');
    fireEvent.click(screen.getByRole('button', { name: '逐个查看这 64 个版本' }));
    expect(table.querySelectorAll('tbody tr')).toHaveLength(3 + 64);
  });

  it('describes rows added, removed and changed in a group', () => {
    const t = xiangmuZhichu;
    const before = blankForm(t, '2025');
    const g = t.groups![0];
    const rows = (before.values[g.id] as Record<string, string>[]).map((r) => ({ ...r }));
    const after = { ...before, values: { ...before.values, projectName: '新项目', [g.id]: [...rows, { ...rows[0] }] } };
    after.values[g.id] = [{ ...rows[0], [g.columns[2].id]: '培训人次' }, ...rows.slice(1), { ...rows[0] }];
    expect(revisionChanges(t, before, after)).toBe(`项目名称；${g.label}加 1 行、改 1 行`);
    expect(revisionChanges(t, after, before)).toBe(`项目名称；${g.label}删 1 行、改 1 行`);
    expect(revisionChanges(t, before, before)).toBe('内容没有变化');
  });
});
