/**
 * The paper form on screen, generated from the template: the lines above, the bordered grid
 * with the template's spans and column proportions, the line below. Rendered once per open
 * form; each value cell subscribes to its own field, so typing re-renders one cell.
 */
import { memo, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import type { CellDef, FieldDef, FontSpec, LineDef, TemplateDef } from '../../../shared/template/types';
import { BenefitCell } from './cells/BenefitCell';
import { CellMessages } from './cells/CellMessages';
import { MultilineInput } from './cells/MultilineInput';
import { OutputCell } from './cells/OutputCell';
import { ValueInput } from './cells/ValueInput';
import type { FormStore } from './formStore';
import { useFieldMessages } from './hooks';
import { focusFieldIn } from './focus';
import { cellsByRow, columnPercents, fieldsBelow, mmCss } from './layout';
import { SheetContext, useSheet, type SheetContextValue } from './sheetContext';

export const FONT_STACK = "'Times New Roman', FangSong_GB2312, FangSong, 仿宋, 'AR PL UKai CN', 'Noto Serif CJK SC', serif";
export const TITLE_STACK = "'FZXiaoBiaoSong-B05S', 方正小标宋简体, 'Noto Serif CJK SC', 'Source Han Serif SC', SimSun, serif";

export function fontStyle(f: FontSpec, title = false): CSSProperties {
  return { fontFamily: title ? TITLE_STACK : FONT_STACK, fontSize: `${f.sizePt}pt`, fontWeight: f.bold || title ? 700 : 400 };
}

function FieldEditor({ def }: { def: FieldDef }) {
  switch (def.kind) {
    case 'multiline':
      return <MultilineInput def={def} />;
    case 'outputIndicators':
      return <OutputCell def={def} />;
    case 'benefitIndicators':
      return <BenefitCell def={def} />;
    default:
      return <ValueInput def={def} />;
  }
}

const Messages = memo(function Messages({ field }: { field: string }) {
  const { store } = useSheet();
  return <CellMessages field={field} messages={useFieldMessages(store, field)} />;
});

const Cell = memo(function Cell({ cell, fields }: { cell: CellDef; fields: Map<string, FieldDef> }) {
  const c = cell.content;
  const span = { rowSpan: cell.rowSpan, colSpan: cell.colSpan };
  if (c.type === 'empty') return <td {...span} className="c-empty" />;
  if (c.type === 'label')
    return (
      <td {...span} className="c-label">
        {c.lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
      </td>
    );
  const def = fields.get(c.field)!;
  const shared = c.label !== undefined;
  return (
    <td {...span} className={`c-field c-${def.kind}${shared ? ' c-shared' : ''}`} data-cell={def.id}>
      {shared ? (
        <div className="shared-line">
          {c.lead && <span className="lead">{c.lead}</span>}
          {c.indentLead && (
            <span className="lead lead-indent" aria-hidden="true">
              {c.indentLead}
            </span>
          )}
          <span className="shared-label">{c.label}：</span>
          <FieldEditor def={def} />
        </div>
      ) : (
        <FieldEditor def={def} />
      )}
      {c.footer?.map((f, i) => (
        <div key={i} className="cell-footer" style={{ textAlign: f.align }}>
          {f.text}
        </div>
      ))}
      <Messages field={def.id} />
    </td>
  );
});

const Line = memo(function Line({ line, fields, title }: { line: LineDef; fields: Map<string, FieldDef>; title: boolean }) {
  return (
    <div
      className={`sheet-line line-${line.id}`}
      style={{ ...fontStyle(line.font, title), textAlign: line.align, marginBottom: `${line.spaceAfterPt ?? 0}pt` }}
    >
      {line.segments.map((s, i) =>
        'text' in s ? (
          <span key={i}>{s.text}</span>
        ) : (
          <span key={i} className="line-field" style={s.minChars ? { minWidth: `${s.minChars}ch` } : undefined}>
            <ValueInput def={fields.get(s.field)!} inline />
            <Messages field={s.field} />
          </span>
        ),
      )}
    </div>
  );
});

export interface PaperFormProps {
  store: FormStore;
  readOnly: boolean;
  onLeaveCell(): void;
}

function isUndo(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y') return 'redo';
  return null;
}

export const PaperForm = memo(function PaperForm({ store, readOnly, onLeaveCell }: PaperFormProps) {
  const t: TemplateDef = store.template;
  const sheet = useRef<HTMLDivElement>(null);
  const fields = useMemo(() => new Map(t.fields.map((f) => [f.id, f])), [t]);
  const rows = useMemo(() => cellsByRow(t), [t]);
  const cols = useMemo(() => columnPercents(t), [t]);
  const below = useMemo(() => fieldsBelow(t), [t]);
  const leave = useRef(onLeaveCell);
  leave.current = onLeaveCell;

  const ctx = useMemo<SheetContextValue>(
    () => ({
      store,
      readOnly,
      below: (id) => below.get(id) ?? null,
      onLeaveCell: () => leave.current(),
      focusField(id) {
        if (sheet.current) focusFieldIn(sheet.current, id);
      },
    }),
    [store, readOnly, below],
  );

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const action = isUndo(e);
    if (!action || readOnly || e.nativeEvent.isComposing) return;
    e.preventDefault();
    if (action === 'undo') store.undo();
    else store.redo();
  }

  const { page } = t;
  const m = page.marginsTwips;
  const sheetStyle: CSSProperties = {
    width: mmCss(page.widthTwips),
    minHeight: mmCss(page.heightTwips),
    padding: `${mmCss(m.top)} ${mmCss(m.right)} ${mmCss(m.bottom)} ${mmCss(m.left)}`,
  };
  return (
    <SheetContext.Provider value={ctx}>
      <div className={`sheet${readOnly ? ' sheet-readonly' : ''}`} style={sheetStyle} ref={sheet} onKeyDown={onKeyDown} data-testid="sheet">
        {t.above.map((l, i) => (
          <Line key={l.id} line={l} fields={fields} title={i === 0 && !l.segments.some((s) => 'field' in s)} />
        ))}
        <table
          className="paper-table"
          data-testid="paper-table"
          style={{ ...fontStyle(t.fonts.table), ['--bw' as string]: `${t.table.borderPt}pt` }}
        >
          <colgroup>
            {cols.map((p, i) => (
              <col key={i} style={{ width: `${p.toFixed(3)}%` }} />
            ))}
          </colgroup>
          <tbody>
            {rows.map((cells, r) => (
              <tr key={r} style={{ height: mmCss(t.table.rows[r].minHeight) }}>
                {cells.map((c) => (
                  <Cell key={`${c.row}-${c.col}`} cell={c} fields={fields} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {t.below.map((l) => (
          <Line key={l.id} line={l} fields={fields} title={false} />
        ))}
      </div>
    </SheetContext.Provider>
  );
});
