import { describe, expect, it } from 'vitest';
import { decodeEmbedded, encodeEmbedded } from '../../shared/embedded';
import { seedForm } from '../helpers/seed';

const toMap = (props: { name: string; value: string }[]) => new Map(props.map((p) => [p.name, p.value]));

describe('embedded form copy', () => {
  it('round-trips a form through ≤255-character properties', () => {
    const form = seedForm();
    const props = encodeEmbedded({ appVersion: '0.1.0', templateId: form.templateId, templateVersion: 1, form });
    expect(props.every((p) => p.value.length <= 255)).toBe(true);
    expect(props.length).toBeGreaterThan(10);
    const r = decodeEmbedded(toMap(props));
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(r.embedded.form).toEqual(form);
  });
  it('never splits an emoji between chunks', () => {
    const form = seedForm();
    form.values.functions = '😀'.repeat(400);
    const props = encodeEmbedded({ appVersion: '0.1.0', templateId: form.templateId, templateVersion: 1, form });
    for (const p of props) expect(p.value).toBe(p.value.normalize());
    for (const p of props) expect(/[\uD800-\uDBFF]$/.test(p.value)).toBe(false);
    const r = decodeEmbedded(toMap(props));
    expect(r.status === 'ok' && r.embedded.form.values.functions).toBe('😀'.repeat(400));
  });
  it('says absent, incomplete or newer', () => {
    expect(decodeEmbedded(new Map())).toEqual({ status: 'absent' });
    const props = encodeEmbedded({ appVersion: '0.1.0', templateId: 'x', templateVersion: 1, form: seedForm() });
    const m = toMap(props);
    m.delete('shenbao.form.0003');
    expect(decodeEmbedded(m)).toEqual({ status: 'invalid', reason: '内嵌数据不完整' });
    const newer = toMap(props);
    newer.set('shenbao.form.meta', JSON.stringify({ format: 'shenbao-form', version: 99, chunks: 1, length: 1 }));
    expect(decodeEmbedded(newer).status).toBe('invalid');
  });
});
