/**
 * `#/print/<id>`: the page the desktop shell loads in a hidden window for print.pdf and
 * print.print. It marks itself [data-print-ready] once laid out with its fonts, or shows
 * [data-print-error] with a Chinese message.
 */
import { useEffect, useState } from 'react';
import type { FormRecord } from '../../../shared/contract';
import type { TemplateDef } from '../../../shared/template/schema';
import { api } from '../api';
import { mmCss } from '../editor/layout';
import { useTemplates } from '../templates/TemplatesContext';
import { PrintSheet } from './PrintSheet';

export function PrintView({ formId }: { formId: number }) {
  const { registry } = useTemplates();
  const [form, setForm] = useState<{ record: FormRecord; template: TemplateDef } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    api['forms.get']({ id: formId })
      .then((record) => setForm({ record, template: registry.get(record.templateId, record.templateVersion) }))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [formId, registry]);

  useEffect(() => {
    if (!form) return;
    let live = true;
    void document.fonts.ready.then(() => requestAnimationFrame(() => live && setReady(true)));
    return () => {
      live = false;
    };
  }, [form]);

  if (error) return <div data-print-error="">{`打印视图打不开：${error}`}</div>;
  if (!form) return null;
  const t = form.template;
  const m = t.page.marginsTwips;
  return (
    <div className="print-screen">
      <div
        style={{
          width: mmCss(t.page.widthTwips),
          padding: `${mmCss(m.top)} ${mmCss(m.right)} ${mmCss(m.bottom)} ${mmCss(m.left)}`,
          margin: '0 auto',
          background: '#fff',
          boxSizing: 'border-box',
        }}
        className="print-page"
      >
        <PrintSheet template={t} data={form.record.data} />
      </div>
      {ready && <div data-print-ready="" hidden />}
    </div>
  );
}
