/**
 * `#/print/<id>`: the page the desktop shell loads in a hidden window for print.pdf and
 * print.print. It marks itself [data-print-ready] once laid out with its fonts, or shows
 * [data-print-error] with a Chinese message.
 */
import { useEffect, useState } from 'react';
import type { FormRecord } from '../../../shared/contract';
import { getTemplate } from '../../../shared/templates';
import { api } from '../api';
import { mmCss } from '../editor/layout';
import { PrintSheet } from './PrintSheet';

export function PrintView({ formId }: { formId: number }) {
  const [record, setRecord] = useState<FormRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    api['forms.get']({ id: formId }).then(setRecord, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [formId]);

  useEffect(() => {
    if (!record) return;
    let live = true;
    void document.fonts.ready.then(() => requestAnimationFrame(() => live && setReady(true)));
    return () => {
      live = false;
    };
  }, [record]);

  if (error) return <div data-print-error="">{`打印视图打不开：${error}`}</div>;
  if (!record) return null;
  const t = getTemplate(record.templateId);
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
        <PrintSheet template={t} data={record.data} />
      </div>
      {ready && <div data-print-ready="" hidden />}
    </div>
  );
}
