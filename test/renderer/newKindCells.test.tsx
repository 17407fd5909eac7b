// @vitest-environment jsdom
/**
 * The editor cells of the new kinds (renderer/src/editor/cells/kindCells.ts): 指标性质 is a list
 * of its six signs though the template gives no options, 得分 a decimal input that tidies what is
 * typed with the kind's reader and marks a score over the template's maximum.
 */
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FormStore } from '../../renderer/src/editor/formStore';
import { PaperForm } from '../../renderer/src/editor/PaperForm';
import { blankForm } from '../../shared/formOps';
import type { TemplateDef } from '../../shared/template/schema';
import { MADE_UP_TEMPLATE, MADE_UP_VALUES } from '../helpers/madeUpTemplate';
import { stubBrowserLayout } from './jsdomApi';

beforeAll(() => {
  stubBrowserLayout();
});
afterEach(cleanup);

const T: TemplateDef = (() => {
  const t = structuredClone(MADE_UP_TEMPLATE);
  const cols = t.groups![0].columns;
  Object.assign(
    cols.find((c) => c.id === 'sub')!,
    { label: '指标性质', kind: 'comparator', merge: undefined },
  );
  Object.assign(
    cols.find((c) => c.id === 'when')!,
    { label: '得分', kind: 'score', params: { max: 10 } },
  );
  Object.assign(
    t.fields.find((f) => f.id === 'maker')!,
    { label: '度量单位', kind: 'unit' },
  );
  return t;
})();

function setup() {
  const form = blankForm(T, '2026');
  const { items, ...fields } = MADE_UP_VALUES;
  Object.assign(form.values, fields, { items: items.map((r) => ({ ...r, sub: '', when: '' })) });
  const store = new FormStore(T, form);
  render(
    <MantineProvider>
      <PaperForm store={store} readOnly={false} onLeaveCell={() => {}} />
    </MantineProvider>,
  );
  return store;
}

function typeInto(name: string, text: string): HTMLInputElement {
  const el = screen.getByRole('textbox', { name }) as HTMLInputElement;
  el.focus();
  el.value = text;
  fireEvent.input(el);
  fireEvent.blur(el);
  return el;
}

describe('editor cells of the new kinds', () => {
  it('offers 指标性质 as its six signs and stores the one picked', () => {
    const store = setup();
    const select = screen.getByRole('combobox', { name: '分配明细第1行 指标性质' }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(expect.arrayContaining(['≥', '≤', '=', '＞', '＜', '定性']));
    fireEvent.change(select, { target: { value: '≤' } });
    expect(store.rows('items')[0].sub).toBe('≤');
  });

  it('tidies a typed 得分 and marks one over the maximum; 度量单位 reads full-width letters', () => {
    const store = setup();
    const score = typeInto('分配明细第1行 得分', '８．５０分');
    expect(score.getAttribute('inputmode')).toBe('decimal');
    expect(store.rows('items')[0].when).toBe('8.5');
    expect(score.value).toBe('8.5');
    const over = typeInto('分配明细第2行 得分', '10.5');
    expect(over.getAttribute('aria-invalid')).toBe('true');
    typeInto('度量单位', 'ｋｍ');
    expect(store.get('maker')).toBe('km');
  });
});
