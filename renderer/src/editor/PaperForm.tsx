/**
 * The paper form on screen, drawn from the one layout pass (shared/template/layout.ts): the
 * lines above, the bordered grid with its spans and column proportions, the lines below.
 * Each value cell subscribes to its own field (or group cell), so typing re-renders one cell;
 * the grid itself is laid out again only when the structure of a group changes (rows added,
 * removed, or merges changed), never on an ordinary keystroke.
 */
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { DEFAULT_OPTIONS } from '../../../shared/form';
import { indexOf, printedLabel } from '../../../shared/formOps';
import { kindOf } from '../../../shared/kinds';
import { printedFieldText } from '../../../shared/printing';
import {
  labelFields,
  labelText,
  layoutForm,
  structureKey,
  type CellBinding,
  type FormLayout,
  type LaidCell,
} from '../../../shared/template/layout';
import type { CellContent, FieldDef, LineDef, TemplateDef } from '../../../shared/template/schema';

type LabelContent = Extract<CellContent, { type: 'label' }>;
import { CellMessages } from './cells/CellMessages';
import { GroupCell } from './cells/GroupCell';
import { OptionBox } from './cells/OptionBox';
import { kindCell } from './cells/kindCells';
import { RowTools } from './cells/RowTools';
import { ValueInput } from './cells/ValueInput';
import { focusFieldIn, focusGroupCellIn, groupInputIn } from './focus';
import { fontStyle } from './fonts';
import type { FormStore } from './formStore';
import { firstBlankColumn, fixedRowNotice, maxRowsOf } from './groupRows';
import { pasteNotice, planPaste, skippedAsText } from './pasteRows';
import { useFieldMessages, useFieldValue } from './hooks';
import { columnPercents, fieldsBelow, mmCss } from './layout';
import { LastYearSide } from './lastYear/LastYearNote';
import { SheetContext, useSheet, type NoticeTone, type RowAction, type SheetContextValue } from './sheetContext';
import type { SuggestFn } from './suggest/useSuggestions';

export { fontStyle };

const VALIGN = { top: 'top', center: 'middle', bottom: 'bottom' } as const;
const isFreeText = (def: FieldDef) => kindOf(def.kind).block === true;

function FieldEditor({ def }: { def: FieldDef }) {
  const Field = kindCell(def.kind).Field ?? ValueInput;
  return <Field def={def} />;
}

const Messages = memo(function Messages({ field }: { field: string }) {
  const { store } = useSheet();
  return <CellMessages field={field} messages={useFieldMessages(store, field)} />;
});

type FieldBinding = Extract<CellBinding, { kind: 'field' }>;

const FieldCell = memo(function FieldCell({ cell, binding: b, def }: { cell: LaidCell; binding: FieldBinding; def: FieldDef }) {
  const span = { rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined, colSpan: cell.colSpan > 1 ? cell.colSpan : undefined };
  // Free text starts at the top while it is being written; a cell with footer lines (审核意见) sits on them as printed.
  const valign = isFreeText(def) && !b.footer?.length ? 'top' : VALIGN[cell.valign];
  return (
    <td
      {...span}
      className={`c-field c-${def.kind}${b.showLabel ? ' c-shared' : ''}`}
      data-cell={def.id}
      style={{ textAlign: cell.align, verticalAlign: valign }}
    >
      {b.showLabel ? (
        <div className="shared-line">
          {b.lead && <span className="lead">{b.lead}</span>}
          {b.indentLead && (
            <span className="lead lead-indent" aria-hidden="true">
              {b.indentLead}
            </span>
          )}
          <span className="shared-label">{printedLabel(def)}：</span>
          <FieldEditor def={def} />
        </div>
      ) : (
        <FieldEditor def={def} />
      )}
      {b.footer?.map((f, i) => (
        <div key={i} className="cell-footer" style={{ textAlign: f.align }}>
          {f.text}
        </div>
      ))}
      <Messages field={def.id} />
    </td>
  );
});

const StaticCell = memo(function StaticCell({ cell, text }: { cell: LaidCell; text: string | null }) {
  const span = { rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined, colSpan: cell.colSpan > 1 ? cell.colSpan : undefined };
  const style = { textAlign: cell.align, verticalAlign: VALIGN[cell.valign] };
  if (text === null) return <td {...span} className="c-empty" style={style} />;
  return (
    <td {...span} className="c-label" style={style}>
      {text.split('\n').map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </td>
  );
});

function GridCell({ cell, t }: { cell: LaidCell; t: TemplateDef }) {
  const b = cell.binding;
  const content = cell.content;
  switch (b.kind) {
    case 'empty':
      return <StaticCell cell={cell} text={null} />;
    case 'label':
      if (content?.type === 'label' && labelFields(t, content).length > 0) return <FilledLabel cell={cell} t={t} content={content} />;
      return <StaticCell cell={cell} text={content?.type === 'label' ? labelText(t, content) : ''} />;
    case 'field':
      return <FieldCell cell={cell} binding={b} def={indexOf(t).fields.get(b.field)!} />;
    case 'group':
      if (b.option !== undefined)
        return (
          <OptionBox
            group={b.group}
            column={b.column}
            rows={b.rows.join(',')}
            option={b.option}
            rowSpan={cell.rowSpan}
            colSpan={cell.colSpan}
            align={cell.align}
          />
        );
      return (
        <GroupCell
          group={b.group}
          column={b.column}
          rows={b.rows.join(',')}
          rowSpan={cell.rowSpan}
          colSpan={cell.colSpan}
          align={cell.align}
        />
      );
  }
}

/** A label that names a field's value (a 监控表's 1-{month}月 headers): drawn again when that field changes. */
const FilledLabel = memo(function FilledLabel({ cell, t, content }: { cell: LaidCell; t: TemplateDef; content: LabelContent }) {
  const { store } = useSheet();
  const sub = useCallback(
    (fn: () => void) => {
      const offs = labelFields(t, content).map((id) => store.subscribeKey(id, fn));
      return () => offs.forEach((off) => off());
    },
    [store, t, content],
  );
  const text = useSyncExternalStore(sub, () => labelText(t, content, store.data().values));
  return <StaticCell cell={cell} text={text} />;
});

/** A value repeated in a line (the unit's name in a title): typed elsewhere, shown here as it will print. */
const Echo = memo(function Echo({ def, minChars }: { def: FieldDef; minChars?: number }) {
  const { store } = useSheet();
  const text = printedFieldText(def, useFieldValue(store, def.id), store.formOptions ?? DEFAULT_OPTIONS).replace(/\s*\n\s*/g, ' ');
  return (
    <span className="line-echo" data-echo={def.id} style={minChars ? { minWidth: `${minChars}ch` } : undefined}>
      {text.trim() === '' ? '\u3000'.repeat(minChars ?? 4) : text}
    </span>
  );
});

const Line = memo(function Line({ line, t }: { line: LineDef; t: TemplateDef }) {
  const fields = indexOf(t).fields;
  return (
    <div
      className={`sheet-line line-${line.id}${line.role === 'title' ? ' role-title' : ''}`}
      style={{ ...fontStyle(line.font, line.role === 'title'), textAlign: line.align, marginBottom: `${line.spaceAfterPt ?? 0}pt` }}
    >
      {line.segments.map((s, i) =>
        'text' in s ? (
          <span key={i}>{s.text}</span>
        ) : s.echo ? (
          <Echo key={i} def={fields.get(s.field)!} minChars={s.minChars} />
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

/**
 * What decides a group's structure: how many rows, and the values its merged columns compare.
 * Cheap to work out on every change of the group; only when it differs is the grid laid out again.
 */
function shapeOf(store: FormStore): string {
  return (store.template.groups ?? [])
    .map((g) => {
      const merged = g.columns.filter((c) => c.merge).map((c) => c.id);
      const rows = store.rows(g.id);
      return `${rows.length}:${merged.length ? rows.map((r) => merged.map((m) => (r[m] ?? '').trim()).join('\u0001')).join('\u0002') : ''}`;
    })
    .join('\u0003');
}

/** The grid, kept until the structure of a group changes (then laid out again); a new store gets its own. */
function useLayout(store: FormStore): FormLayout {
  const t = store.template;
  const first = () => ({ store, layout: layoutForm(t, store.data()), shape: shapeOf(store) });
  const [state, setState] = useState(first);
  let current = state;
  if (state.store !== store) {
    current = first();
    setState(current);
  }
  const latest = useRef(current);
  latest.current = current;
  useEffect(() => {
    // The shape the layout in hand was made from: the first check lays out again only if the
    // rows changed between that render and this effect.
    let shape: string | null = latest.current.store === store ? latest.current.shape : null;
    let key = structureKey(latest.current.layout);
    const check = () => {
      const s = shapeOf(store);
      if (s === shape) return;
      shape = s;
      const next = layoutForm(t, store.data());
      const k = structureKey(next);
      if (k === key) return;
      key = k;
      setState({ store, layout: next, shape: s });
    };
    const offs = (t.groups ?? []).map((g) => store.subscribeKey(g.id, check));
    check();
    return () => offs.forEach((off) => off());
  }, [store, t]);
  return current.layout;
}

export interface PaperFormProps {
  store: FormStore;
  readOnly: boolean;
  onLeaveCell(): void;
  /** 指标库 suggestions while a 三级指标 is typed; without it the cells suggest nothing. */
  suggest?: SuggestFn;
}

function isUndo(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y') return 'redo';
  return null;
}

const NOTICE_MS = 6000;

interface Notice {
  text: string;
  tone: NoticeTone;
  /** Stays until closed (a list of pasted rows that were not placed). */
  sticky?: boolean;
  /** Text the clerk can copy back out (the rows not placed, tab-separated for Excel). */
  copy?: string;
}

/** A word to the clerk below the sheet: refusals, what a paste did and which rows it could not place. */
function NoticeBar({ notice, onClose }: { notice: Notice; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const copy = notice.copy;
  return (
    <div
      className={`sheet-notice no-print notice-${notice.tone}`}
      role={notice.tone === 'warning' ? 'alert' : 'status'}
      data-testid="sheet-notice"
    >
      <div className="sheet-notice-text">{notice.text}</div>
      <div className="sheet-notice-actions">
        {copy && navigator.clipboard && (
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(copy).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? '已复制' : '复制没有放入的行'}
          </button>
        )}
        <button type="button" onClick={onClose}>
          知道了
        </button>
      </div>
    </div>
  );
}

export const PaperForm = memo(function PaperForm({ store, readOnly, onLeaveCell, suggest }: PaperFormProps) {
  const t: TemplateDef = store.template;
  const sheet = useRef<HTMLDivElement>(null);
  const layout = useLayout(store);
  const cols = useMemo(() => columnPercents(t), [t]);
  const below = useMemo(() => fieldsBelow(t), [t]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const leave = useRef(onLeaveCell);
  leave.current = onLeaveCell;

  useEffect(() => {
    if (!notice || notice.sticky) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const ctx = useMemo<SheetContextValue>(() => {
    /**
     * The changed rows are drawn at once and the caret goes to the row that moved or was added in
     * the same task, so a key typed right after Enter lands there (a frame later if not drawn yet).
     */
    const focusLater = (group: string, row: number, column: string | undefined) => {
      const focus = () =>
        sheet.current !== null &&
        groupInputIn(sheet.current, group, row, column) !== null &&
        focusGroupCellIn(sheet.current, group, row, column);
      flushSync(() => {});
      if (!focus()) requestAnimationFrame(() => sheet.current && focusGroupCellIn(sheet.current, group, row, column));
    };
    return {
      store,
      readOnly,
      below: (id) => below.get(id) ?? null,
      onLeaveCell: () => leave.current(),
      focusField(id) {
        if (sheet.current) focusFieldIn(sheet.current, id);
      },
      rowAction(group: string, action: RowAction, row: number, column?: string) {
        if (readOnly) return;
        const g = store.group(group);
        let refusal;
        let target = row;
        let col = column;
        switch (action) {
          case 'insertBelow':
          case 'insertNewRun':
            refusal = store.insertRowBelow(group, row, action === 'insertNewRun');
            target = row + 1;
            col = firstBlankColumn(g, store.rows(group)[target], column);
            break;
          case 'append':
            refusal = store.appendRow(group);
            target = store.rows(group).length - 1;
            col = undefined;
            break;
          case 'remove':
            refusal = store.removeRow(group, row);
            target = Math.max(0, Math.min(row, store.rows(group).length - 1));
            break;
          case 'up':
          case 'down':
            refusal = store.moveRow(group, row, action === 'up' ? -1 : 1);
            target = action === 'up' ? row - 1 : row + 1;
            break;
        }
        if (refusal === 'full')
          setNotice({ text: `${g.label}最多 ${maxRowsOf(g)} 行，不能再添加。请删去不用的行后再添加。`, tone: 'warning' });
        else if (refusal === 'fixed') setNotice({ text: fixedRowNotice(g, store.rows(group), row), tone: 'warning' });
        else if (!refusal) {
          setNotice(null);
          focusLater(group, target, col);
        }
      },
      pasteRows(group: string, row: number, column: string, table: string[][]) {
        if (readOnly) return;
        const g = store.group(group);
        const plan = planPaste(g, store.rows(group), row, column, table);
        if ('refused' in plan) {
          setNotice({ text: plan.refused, tone: 'warning' });
          return;
        }
        if (plan.placed.length) store.replaceRows(group, plan.rows);
        const skipped = plan.skipped.length > 0;
        setNotice({
          text: pasteNotice(g, plan),
          tone: skipped ? 'warning' : 'info',
          sticky: skipped,
          copy: skipped ? skippedAsText(plan.skipped) : undefined,
        });
        if (plan.placed.length) focusLater(group, plan.placed[0], plan.column);
      },
      notify(text: string, tone: NoticeTone = 'info') {
        setNotice({ text, tone });
      },
      suggest: readOnly ? undefined : suggest,
    };
  }, [store, readOnly, below, suggest]);

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
  const lastOfGroup = new Map<string, number>();
  layout.rows.forEach((r, i) => r.group && lastOfGroup.set(r.group.id, i));
  return (
    <SheetContext.Provider value={ctx}>
      <div className={`sheet${readOnly ? ' sheet-readonly' : ''}`} style={sheetStyle} ref={sheet} onKeyDown={onKeyDown} data-testid="sheet">
        {t.above.map((l) => (
          <Line key={l.id} line={l} t={t} />
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
            {layout.rows.map((r, ri) => (
              <tr
                key={ri}
                style={{ height: mmCss(r.minHeightTwips) }}
                className={r.group ? `g-row${r.group.padding ? ' g-padding' : ''}` : undefined}
              >
                {r.cells.map((c) => (
                  <GridCell key={c.col} cell={c} t={t} />
                ))}
                {r.group && !r.group.padding && <LastYearSide group={r.group.id} row={r.group.index} />}
                {r.group && !readOnly && (
                  <RowTools group={r.group.id} row={r.group.padding ? null : r.group.index} last={lastOfGroup.get(r.group.id) === ri} />
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {t.below.map((l) => (
          <Line key={l.id} line={l} t={t} />
        ))}
        {notice && <NoticeBar key={notice.text} notice={notice} onClose={() => setNotice(null)} />}
      </div>
    </SheetContext.Provider>
  );
});
