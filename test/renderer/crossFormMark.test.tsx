// @vitest-environment jsdom
/**
 * A cross-form warning (this form's 金额合计 against the unit's other form) is not written into
 * the paper, where its long text made the 金额合计 row many lines tall (issue 26 item 9): the cell
 * gets a small marker, the input stays tied to the text (aria-describedby, hidden text), and the
 * checks panel lists it in full.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromLabelJson } from '../../shared/labelJson';
import { bumenZhengti2015 as T } from '../../shared/templates/bumen-zhengti-2015';
import { FormStore } from '../../renderer/src/editor/formStore';
import { MessagesPanel } from '../../renderer/src/editor/MessagesPanel';
import { PaperForm } from '../../renderer/src/editor/PaperForm';
import fixture from '../fixtures/bumen-2015-example.json';
import { stubBrowserLayout } from './jsdomApi';

beforeAll(stubBrowserLayout);

afterEach(cleanup);

const OTHER = {
  id: 7,
  templateId: 'bumen-zhengti-2019',
  templateTitle: '部门整体支出绩效目标申报表',
  templateRole: 'department',
  title: '某县看守所',
  values: { total: '442.21' },
  relation: 'sameUnit' as const,
};

describe('a cross-form warning', () => {
  it('marks the 金额合计 cell and stands in the checks panel, not in the paper', () => {
    const store = new FormStore(T, fromLabelJson(fixture, T).form);
    render(
      <MantineProvider>
        <PaperForm store={store} readOnly={false} onLeaveCell={() => {}} />
        <MessagesPanel store={store} />
      </MantineProvider>,
    );
    const total = screen.getByRole('textbox', { name: '金额合计（总额）' });
    expect(screen.queryByTestId('cross-form-mark')).toBeNull();
    act(() => store.setRelated([OTHER]));
    const said = store.messagesFor('sumTotal').map((m) => m.message);
    expect(said).toEqual([expect.stringContaining('而「某县看守所」的部门整体支出绩效目标申报表（编号 7）为 442.21')]);

    const cellOf = total.closest('td')!;
    const mark = screen.getByTestId('cross-form-mark');
    expect(cellOf.contains(mark)).toBe(true);
    expect(mark.textContent).toBe('!');
    expect(mark.getAttribute('title')).toContain(said[0]);
    // No visible text of it in the paper: only the marker and the screen reader's hidden text.
    expect(cellOf.querySelector('.cell-msg-warning')).toBeNull();
    expect(cellOf.querySelector('.visually-hidden')?.textContent).toContain(said[0]);
    expect(document.getElementById(total.getAttribute('aria-describedby')!)?.contains(mark)).toBe(true);
    // The panel has it in full.
    expect(screen.getByTestId('messages-panel').textContent).toContain(`【金额合计（总额）】${said[0]}`);
  });

  it('other messages of the cell are still written in it', () => {
    const store = new FormStore(T, fromLabelJson(fixture, T).form);
    render(<PaperForm store={store} readOnly={false} onLeaveCell={() => {}} />);
    act(() => store.set('goal', ''));
    const name = screen.getByRole('textbox', { name: '年度总体目标' });
    const cellOf = name.closest('td')!;
    expect(cellOf.querySelector('.cell-msg-error')?.textContent).toMatch(/请填写/);
  });
});
