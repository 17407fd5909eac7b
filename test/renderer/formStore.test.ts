import { describe, expect, it } from 'vitest';
import type { BenefitIndicators } from '../../shared/form';
import { layoutForm } from '../../shared/template/layout';
import { FormStore } from '../../renderer/src/editor/formStore';
import { columnPercents, fieldsBelow, readingOrder } from '../../renderer/src/editor/layout';
import { readTyped, tidyOnLeave } from '../../renderer/src/editor/cells/normalize';
import { MADE_UP_TEMPLATE, MADE_UP_VALUES } from '../helpers/madeUpTemplate';
import { seedForm, T2019 as t } from '../helpers/seed';
import { blankForm } from '../../shared/formOps';

describe('FormStore', () => {
  it('recomputes sums and messages on change and notifies only the fields concerned', () => {
    const s = new FormStore(t, seedForm());
    expect(s.messages().filter((m) => m.severity === 'error')).toEqual([]);
    const seen: string[] = [];
    for (const f of t.fields) s.subscribeKey(f.id, () => seen.push(f.id));
    s.set('otherFunds', '70');
    expect(s.get('incomeTotal')).toBe('452.21');
    expect(s.messagesFor('incomeTotal').map((m) => m.code)).toEqual(['sum']);
    expect(new Set(seen)).toEqual(new Set(['otherFunds', 'incomeTotal']));
    s.set('otherFunds', '60');
    expect(s.messagesFor('incomeTotal')).toEqual([]);
  });

  it('keeps an unreadable amount as typed and flags it', () => {
    const s = new FormStore(t, seedForm());
    s.set('govFund', readTyped('amount', '12a'));
    expect(s.get('govFund')).toBe('12a');
    expect(s.messagesFor('govFund')[0].message).toContain('金额只能填写数字');
    expect(s.messagesFor('incomeTotal')).toEqual([]); // no sum error on top of a bad amount
  });

  it('undoes typing in one place as one step, and redoes it', () => {
    const s = new FormStore(t, seedForm());
    const before = s.get('filler');
    s.set('filler', 'a', { coalesceKey: 'filler' });
    s.set('filler', 'ab', { coalesceKey: 'filler' });
    s.set('phone', '13800000000', { coalesceKey: 'phone' });
    expect(s.undo()).toBe(true);
    expect(s.get('phone')).not.toBe('13800000000');
    expect(s.get('filler')).toBe('ab');
    s.undo();
    expect(s.get('filler')).toBe(before);
    s.redo();
    expect(s.get('filler')).toBe('ab');
  });

  it('returns the data with structured indicators intact', () => {
    const s = new FormStore(t, seedForm());
    const b = s.get('benefit') as BenefitIndicators;
    expect(b.mode).toBe('items');
    expect(s.data().values.benefit).toBe(b);
  });
});

describe('layout from the template', () => {
  it('carries each fixed cell’s template content on the laid-out cell, also below a group of any length', () => {
    const layout = layoutForm(t, seedForm());
    for (const c of t.table.cells) {
      const laid = layout.rows[c.row].cells.find((x) => x.col === c.col)!;
      expect(laid.content).toBe(c.content);
    }
    // The made-up form: the rows after its group move down by the group's extra rows.
    const form = blankForm(MADE_UP_TEMPLATE, '2026');
    form.values.items = MADE_UP_VALUES.items;
    const grid = layoutForm(MADE_UP_TEMPLATE, form);
    const totalLabel = grid.rows[7].cells.find((c) => c.col === 0)!;
    expect(totalLabel.content).toEqual({ type: 'label', of: { field: 'total' } });
    const fixed = grid.rows.flatMap((r) => r.cells).filter((c) => c.binding.kind !== 'group');
    expect(fixed.length).toBe(MADE_UP_TEMPLATE.table.cells.length);
    expect(fixed.every((c) => c.content !== undefined)).toBe(true);
  });

  it('keeps the Word column proportions', () => {
    const p = columnPercents(t);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(p[0] / p[1]).toBeCloseTo(1701 / 1361, 6);
  });

  it('moves Enter down the amount columns, skipping computed cells', () => {
    const below = fieldsBelow(t);
    expect(below.get('total')).toBe('generalBudget');
    expect(below.get('generalBudget')).toBe('govFund');
    expect(below.get('basicExpenditure')).toBe('projectExpenditure');
    expect(below.get('otherFunds')).toBe('functions');
  });

  it('reads fields in paper order', () => {
    const order = readingOrder(t);
    expect(order.slice(0, 4)).toEqual(['year', 'unit', 'department', 'total']);
    expect(order.slice(-3)).toEqual(['filler', 'phone', 'fillDate']);
  });
});

describe('typed text', () => {
  it('normalises amounts, full-width digits and Chinese dates', () => {
    expect(readTyped('amount', '1,234.5')).toBe('1234.5');
    expect(readTyped('amount', '４４２．２１')).toBe('442.21');
    expect(readTyped('amount', '442.')).toBe('442');
    expect(readTyped('amount', 'abc')).toBe('abc');
    expect(tidyOnLeave('date', '2019年11月6日')).toBe('2019-11-06');
    expect(tidyOnLeave('year', '２０２０')).toBe('2020');
    expect(readTyped('multiline', ' keep \n')).toBe(' keep \n');
  });
});
