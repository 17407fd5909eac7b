import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../../shared/errors';
import { TemplateRegistry } from '../../shared/template/registry';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { dispatch, INTERNAL_ERROR, WEB_UNSUPPORTED, type Handlers } from '../../electron/core/handlers/dispatch';

const record = (id: number) => ({
  id,
  templateId: 'bumen-zhengti-2019',
  templateVersion: 2,
  year: '2019',
  title: '桃源县某局',
  unit: '桃源县某局',
  status: 'draft' as const,
  updatedAt: '2019-11-26T00:00:00.000Z',
  deletedAt: null,
  createdAt: '2019-11-26T00:00:00.000Z',
  revision: 1,
  data: { templateId: 'bumen-zhengti-2019', values: {}, options: { twoDecimals: false, blankZero: false } },
});

describe('dispatch', () => {
  it('passes the validated input to the handler and returns its output', async () => {
    const get = vi.fn((input: { id: number }) => record(input.id));
    const reply = await dispatch({ 'forms.get': get }, 'forms.get', { id: 7 });
    expect(reply).toEqual({ ok: true, value: record(7) });
    expect(get).toHaveBeenCalledWith({ id: 7 });
  });

  it('refuses an unknown channel by name', async () => {
    const reply = await dispatch({}, 'forms.hack', {});
    expect(reply).toEqual({ ok: false, error: '未知的请求：forms.hack', code: 'unknown-channel' });
  });

  it('does not treat inherited object keys as channels', async () => {
    expect(await dispatch({}, 'constructor', {})).toEqual({ ok: false, error: '未知的请求：constructor', code: 'unknown-channel' });
    expect(await dispatch({}, '__proto__', {})).toEqual({ ok: false, error: '未知的请求：__proto__', code: 'unknown-channel' });
  });

  it('answers desktop-only channels without a handler as unsupported in the browser', async () => {
    const reply = await dispatch({}, 'print.pdf', { id: 1 });
    expect(reply).toEqual({ ok: false, error: WEB_UNSUPPORTED, code: 'web-unsupported' });
  });

  it('rejects bad payloads with a Chinese message naming the field, without calling the handler', async () => {
    const get = vi.fn(() => record(1));
    const cases: [string, unknown, string][] = [
      ['forms.get', { id: 'x' }, '请求数据不正确：编号应为数字，收到的是文字'],
      ['forms.get', null, '请求数据不正确：请求应为一组数据，收到的是空值'],
      ['forms.get', { id: -3 }, '请求数据不正确：编号应大于 0'],
      ['forms.create', { year: '19' }, '请求数据不正确：年度应为四位数字'],
      ['trash.list', { extra: 1 }, '请求数据不正确：请求含有不认识的项目：extra'],
      ['import.commit', { data: record(1).data, onConflict: 'merge' }, '请求数据不正确：重复时的处理方式的取值不在允许范围内'],
    ];
    for (const [channel, input, message] of cases) {
      const reply = await dispatch(
        { 'forms.get': get, 'forms.create': get, 'trash.list': () => [], 'import.commit': get } as unknown as Handlers,
        channel,
        input,
      );
      expect(reply, channel).toEqual({ ok: false, error: message, code: 'bad-request' });
    }
    expect(get).not.toHaveBeenCalled();
  });

  it('names a form field by its printed label', async () => {
    const data = { ...record(1).data, values: { department: 5 } };
    const templates = new TemplateRegistry(BUILTIN_TEMPLATES);
    const reply = await dispatch({ 'forms.save': () => record(1) }, 'forms.save', { id: 1, data }, { templates });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^请求数据不正确：“部门名称”/);
  });

  it("passes a UserError's message and code through unchanged", async () => {
    const handlers: Handlers = {
      'forms.get': () => {
        throw new UserError('找不到编号为 9 的表单', 'not-found');
      },
    };
    expect(await dispatch(handlers, 'forms.get', { id: 9 })).toEqual({ ok: false, error: '找不到编号为 9 的表单', code: 'not-found' });
  });

  it('hides an internal error behind a Chinese message and logs it', async () => {
    const log = vi.fn();
    const handlers: Handlers = {
      'forms.get': async () => {
        throw new TypeError('Cannot read properties of undefined (reading "x") at /work/secret/path.ts:1:1');
      },
    };
    const reply = await dispatch(handlers, 'forms.get', { id: 1 }, { log });
    expect(reply).toEqual({ ok: false, error: INTERNAL_ERROR, code: 'internal' });
    expect(JSON.stringify(reply)).not.toMatch(/TypeError|secret|at /);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][1]).toBeInstanceOf(TypeError);
  });

  it('treats an output that breaks the contract as an internal error', async () => {
    const log = vi.fn();
    const handlers = { 'forms.get': () => ({ id: 'not a record' }) } as unknown as Handlers;
    const reply = await dispatch(handlers, 'forms.get', { id: 1 }, { log });
    expect(reply).toEqual({ ok: false, error: INTERNAL_ERROR, code: 'internal' });
    expect(log).toHaveBeenCalledTimes(1);
  });
});
