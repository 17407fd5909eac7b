/**
 * The form as printed: the same template walk as the editor, with the printed values as
 * plain text, on an A4 page whose @page margins are the template's.
 */
import { Fragment, type CSSProperties } from 'react';
import type { FormData } from '../../../shared/form';
import { withComputed } from '../../../shared/formOps';
import { printedFieldText } from '../../../shared/printing';
import type { FieldDef, TemplateDef } from '../../../shared/template/types';
import { cellsByRow, columnPercents, mmCss } from '../editor/layout';
import { fontStyle } from '../editor/PaperForm';

/** The same printed text as the Word export (shared/printing.ts). */
export function printedText(def: FieldDef, form: FormData): string {
  return printedFieldText(def, form.values[def.id], form.options);
}

/** Word's A4 in twips (210 × 297 mm, rounded by Word to whole twips). */
const A4_TWIPS = { width: 11906, height: 16838 };
const near = (a: number, b: number) => Math.abs(a - b) <= 30; // half a millimetre

/** The paper size by name when it is A4, so print dialogs pick the A4 sheet rather than a custom size. */
export function pageSizeCss(t: TemplateDef): string {
  const { widthTwips: w, heightTwips: h } = t.page;
  if (near(w, A4_TWIPS.width) && near(h, A4_TWIPS.height)) return 'A4 portrait';
  if (near(w, A4_TWIPS.height) && near(h, A4_TWIPS.width)) return 'A4 landscape';
  return `${mmCss(w)} ${mmCss(h)}`;
}

/** The @page rule of a template, so the browser's print and Electron's printToPDF use its margins. */
export function pageCss(t: TemplateDef): string {
  const m = t.page.marginsTwips;
  return `@page { size: ${pageSizeCss(t)}; margin: ${mmCss(m.top)} ${mmCss(m.right)} ${mmCss(m.bottom)} ${mmCss(m.left)}; }`;
}

export function PrintSheet({ template: t, data }: { template: TemplateDef; data: FormData }) {
  const form = withComputed(data, t);
  const fields = new Map(t.fields.map((f) => [f.id, f]));
  const text = (id: string) => printedText(fields.get(id)!, form);
  const lines = (ls: TemplateDef['above'], titleFirst: boolean) =>
    ls.map((l, i) => (
      <div
        key={l.id}
        className={`print-line line-${l.id}`}
        style={{ ...fontStyle(l.font, titleFirst && i === 0), textAlign: l.align, marginBottom: `${l.spaceAfterPt ?? 0}pt` }}
      >
        {l.segments.map((s, j) => (
          <Fragment key={j}>
            {'text' in s ? s.text : text(s.field) || (s.minChars ? '\u3000'.repeat(Math.ceil(s.minChars / 2)) : '')}
          </Fragment>
        ))}
      </div>
    ));
  const tableStyle: CSSProperties = { ...fontStyle(t.fonts.table), ['--bw' as string]: `${t.table.borderPt}pt` };
  return (
    <div className="print-sheet" data-testid="print-sheet">
      <style>{pageCss(t)}</style>
      {lines(t.above, true)}
      <table className="paper-table print-table" style={tableStyle}>
        <colgroup>
          {columnPercents(t).map((p, i) => (
            <col key={i} style={{ width: `${p.toFixed(3)}%` }} />
          ))}
        </colgroup>
        <tbody>
          {cellsByRow(t).map((cells, r) => (
            <tr key={r} style={{ height: mmCss(t.table.rows[r].minHeight), breakInside: t.table.rows[r].canSplit ? 'auto' : 'avoid' }}>
              {cells.map((c) => {
                const span = { rowSpan: c.rowSpan, colSpan: c.colSpan, key: `${c.row}-${c.col}` };
                const k = c.content;
                if (k.type === 'empty') return <td {...span} />;
                if (k.type === 'label')
                  return (
                    <td {...span} className="c-label">
                      {k.lines.map((l, i) => (
                        <div key={i}>{l}</div>
                      ))}
                    </td>
                  );
                const def = fields.get(k.field)!;
                const value = text(k.field);
                return (
                  <td {...span} className={`c-field c-${def.kind}`}>
                    {k.label !== undefined ? (
                      <div className="shared-line">
                        {k.lead && <span className="lead">{k.lead}</span>}
                        {k.indentLead && <span className="lead-indent">{k.indentLead}</span>}
                        <span className="shared-text">
                          {k.label}：{value}
                        </span>
                      </div>
                    ) : (
                      <div className="print-value">{value}</div>
                    )}
                    {k.footer?.map((f, i) => (
                      <div key={i} style={{ textAlign: f.align }}>
                        {f.text}
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {lines(t.below, false)}
    </div>
  );
}
