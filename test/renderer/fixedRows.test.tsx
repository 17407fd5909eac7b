// @vitest-environment jsdom
/**
 * 固化 rows in the editor (issue 25, point 3): the Hubei form's 项目或定额成本控制率 row cannot be
 * deleted by button or by Ctrl+Delete (a Chinese notice says why), its 三级 and 符号 are read-only
 * and refuse a change made through the store, and the clerk fills its 值 and 指标解释.
 */
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withComputed } from '../../shared/formOps';
import { fromLabelJson } from '../../shared/labelJson';
import { xiangmuHubei2021 as T } from '../../shared/templates/xiangmu-hubei-2021';
import { FormStore } from '../../renderer/src/editor/formStore';
import { PaperForm } from '../../renderer/src/editor/PaperForm';
import { stubBrowserLayout } from './jsdomApi';

beforeAll(() => stubBrowserLayout());
afterEach(cleanup);

const FIXTURE = resolve(__dirname, '../fixtures/xiangmu-hubei-2025-example.json');
const COST = 5; // the example's 成本 row, as the clerk counts

function setup() {
  const form = withComputed(fromLabelJson(JSON.parse(readFileSync(FIXTURE, 'utf8')), T).form, T);
  const store = new FormStore(T, form);
  render(
    <MantineProvider>
      <PaperForm store={store} readOnly={false} onLeaveCell={() => {}} />
    </MantineProvider>,
  );
  return store;
}
const box = (row: number, column: string) => screen.getByRole('textbox', { name: `绩效指标第${row}行 ${column}` }) as HTMLTextAreaElement;

describe('a 固化 row in the editor', () => {
  it('is not deleted by its button or Ctrl+Delete, and the notice says why', () => {
    const store = setup();
    const before = store.rows('indicators').length;
    fireEvent.click(screen.getByRole('button', { name: `删除绩效指标第${COST}行` }));
    expect(store.rows('indicators')).toHaveLength(before);
    expect(screen.getByRole('alert').textContent).toContain(
      '「项目或定额成本控制率」是表样固化的指标，不能删除，它的一级指标、二级指标、三级指标、符号也不能修改；请填写这一行的其余栏目。',
    );
    box(COST, '值').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Delete', ctrlKey: true });
    expect(store.rows('indicators')).toHaveLength(before);
    // Any other row still goes.
    fireEvent.click(screen.getByRole('button', { name: '删除绩效指标第1行' }));
    expect(store.rows('indicators')).toHaveLength(before - 1);
    expect(store.rows('indicators')[COST - 2].name).toBe('项目或定额成本控制率');
  });

  it('keeps its 三级 read-only and unchanged, and takes the clerk’s 值 and 指标解释', () => {
    const store = setup();
    expect(box(COST, '三级指标').readOnly).toBe(true);
    expect(box(COST - 1, '三级指标').readOnly).toBe(false);
    store.setGroupCell('indicators', [COST - 1], 'name', '成本节约率');
    store.setGroupCell('indicators', [COST - 1], 'sign', '≤');
    expect(store.rows('indicators')[COST - 1]).toMatchObject({ name: '项目或定额成本控制率', sign: '=' });
    const value = box(COST, '值');
    expect(value.readOnly).toBe(false);
    store.setGroupCell('indicators', [COST - 1], 'number', '98');
    store.setGroupCell('indicators', [COST - 1], 'explain', '实际成本与预算成本之比');
    expect(store.rows('indicators')[COST - 1]).toMatchObject({ number: '98', explain: '实际成本与预算成本之比' });
  });
});
