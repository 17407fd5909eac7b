/**
 * A save carrying hostile text (issue #16, defect 2): one forms.save with an amount of a million
 * zeros hung the browser-mode server for over ten minutes and stored the poisoned form. Now a
 * field over the documented limit is refused with a message naming it, before the store is
 * touched, and an amount over 40 characters is refused by the parser at once.
 */
import { T2019 } from '../helpers/seed';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormRecord } from '../../shared/contract';
import { validateForm } from '../../shared/validation';
import { MAX_FIELD_CHARS } from '../../shared/limits';
import type { Handlers } from '../../electron/core/handlers/dispatch';
import { formHandlers } from '../../electron/core/handlers/forms';
import { caller, tempStore } from './helpers';
import { MADE_UP_TEMPLATE } from '../helpers/madeUpTemplate';

let env: ReturnType<typeof tempStore>;
let handlers: Handlers;
beforeEach(() => {
  env = tempStore();
  handlers = formHandlers({ store: env.store, appVersion: 'test', mode: 'web' });
});
afterEach(() => env.cleanup());
const { call, failure } = caller(
  () => handlers,
  () => env.store.templates,
);

describe('limits on what a save may carry', () => {
  it('refuses an amount of a million zeros, names the field, and keeps the stored form', async () => {
    const created = await call<FormRecord>('forms.create', { year: '2019', values: { department: '某局' } });
    const data = { ...created.data, values: { ...created.data.values, otherFunds: '0.' + '0'.repeat(1_000_000) + '1' } };
    const error = await failure('forms.save', { id: created.id, data });
    expect(error).toMatch(new RegExp(`「其他资金」的内容太长（1000003 字，每项最多 ${MAX_FIELD_CHARS} 字），没有保存。请删减后再保存`));
    expect(env.store.get(created.id).revision).toBe(1);
  });

  it('refuses any field text over the limit, indicator lists included', async () => {
    const created = await call<FormRecord>('forms.create', { year: '2019', values: { department: '某局' } });
    const long = '字'.repeat(MAX_FIELD_CHARS + 1);
    const text = await failure('forms.save', {
      id: created.id,
      data: { ...created.data, values: { ...created.data.values, functions: long } },
    });
    expect(text).toMatch(/「部门职能职责概述」的内容太长/);
    const items = {
      mode: 'parts',
      parts: { quantity: [long.slice(0, 30_000), long.slice(0, 30_000)], quality: [], timeliness: [], cost: [] },
    };
    expect(
      await failure('forms.save', { id: created.id, data: { ...created.data, values: { ...created.data.values, output: items } } }),
    ).toMatch(/「产出指标」的内容太长/);
  });

  it('saves an amount a little too long for the parser, and validation marks it at once', async () => {
    const created = await call<FormRecord>('forms.create', { year: '2019', values: { department: '某局' } });
    const amount = '0.' + '0'.repeat(40_000) + '1';
    const saved = await call<FormRecord>('forms.save', {
      id: created.id,
      data: { ...created.data, values: { ...created.data.values, otherFunds: amount } },
    });
    expect(saved.revision).toBe(2);
    expect(validateForm(saved.data, T2019).find((m) => m.field === 'otherFunds')?.message).toMatch(
      /其他资金太长（40003 个字，最多 40 个字）/,
    );
  });
});

describe('messages name a value by its label in the form’s own template', () => {
  it('a project form’s unit is its 实施单位, not the 2019 form’s 填报单位', async () => {
    const created = await call<FormRecord>('forms.create', { templateId: 'xiangmu-zhichu', year: '2025', values: { unit: '某局' } });
    const bad = await failure('forms.save', { id: created.id, data: { ...created.data, values: { ...created.data.values, unit: 7 } } });
    expect(bad).toBe('请求数据不正确：“实施单位”的格式不对');
    const long = '字'.repeat(MAX_FIELD_CHARS + 1);
    const tooLong = await failure('forms.save', {
      id: created.id,
      data: { ...created.data, values: { ...created.data.values, unit: long } },
    });
    expect(tooLong).toMatch(/^「实施单位」的内容太长/);
  });

  it('an imported template’s field by its own label, not its id', async () => {
    env.store.importTemplate(MADE_UP_TEMPLATE);
    const created = await call<FormRecord>('forms.create', {
      templateId: MADE_UP_TEMPLATE.id,
      year: '2026',
      values: { owner: '某局', fundName: '某资金' },
    });
    const long = '字'.repeat(MAX_FIELD_CHARS + 1);
    const tooLong = await failure('forms.save', {
      id: created.id,
      data: { ...created.data, values: { ...created.data.values, notes: long } },
    });
    expect(tooLong).toMatch(/^「备注」的内容太长/);
    const bad = await failure('forms.save', { id: created.id, data: { ...created.data, values: { ...created.data.values, notes: null } } });
    expect(bad).toMatch(/^请求数据不正确：“备注”/);
  });
});
