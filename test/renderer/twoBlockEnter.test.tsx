// @vitest-environment jsdom
/**
 * The two-block project form (中期 | 年度 grids side by side in one row, issue 26 item 4): Enter
 * at the end of a row in the 年度 block adds a row and puts the caret in the 年度 block of it,
 * never in the 中期 block; a one-block grid still lands on the first blank column.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { blankForm, groupDef } from '../../shared/formOps';
import { xiangmuZhichu2015 as T2 } from '../../shared/templates/xiangmu-zhichu-2015';
import { xiangmuZhichu as T } from '../../shared/templates/xiangmu-zhichu';
import { FormStore } from '../../renderer/src/editor/formStore';
import { firstBlankColumn } from '../../renderer/src/editor/groupRows';
import { PaperForm } from '../../renderer/src/editor/PaperForm';

afterEach(cleanup);

const focused = () => document.activeElement?.getAttribute('aria-label');

describe('Enter in the two-block project form', () => {
  it('at the end of the 年度 block goes to the new row’s 年度 三级, not its 中期 三级', async () => {
    const store = new FormStore(T2, blankForm(T2, '2026'));
    render(<PaperForm store={store} readOnly={false} onLeaveCell={() => {}} />);
    const value = screen.getByRole('textbox', { name: '绩效指标第1行 年度指标值' });
    value.focus();
    fireEvent.input(value, { target: { value: '≥1200人' } });
    const before = store.rows('indicators').length;
    fireEvent.keyDown(value, { key: 'Enter' });
    expect(store.rows('indicators')).toHaveLength(before + 1);
    await waitFor(() => expect(focused()).toBe('绩效指标第2行 年度三级指标'));
    // The new row is under the same 一级 and both 二级 headings.
    expect(store.rows('indicators')[1]).toMatchObject({
      level1: '产出指标',
      midLevel2: '数量指标',
      level2: '数量指标',
      name: '',
      midName: '',
    });
  });

  it('the caret column: in the block Enter was pressed in; a one-block grid as before', () => {
    const g2 = groupDef(T2, 'indicators');
    const row = { level1: '产出指标', midLevel2: '数量指标', midName: '', midValue: '', level2: '数量指标', name: '', value: '' };
    expect(firstBlankColumn(g2, row, 'value')).toBe('name');
    expect(firstBlankColumn(g2, row, 'midValue')).toBe('midName');
    expect(firstBlankColumn(g2, row)).toBe('midName');
    const g = groupDef(T, 'indicators');
    expect(firstBlankColumn(g, { level1: '产出指标', level2: '数量指标', name: '', value: '' }, 'value')).toBe('name');
  });
});
