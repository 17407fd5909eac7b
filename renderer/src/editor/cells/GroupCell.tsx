/**
 * A cell of a repeating group (绩效指标, 分配明细): an input bound to one column of the rows
 * it covers. A merged cell (一级指标 over its rows) edits that column on every row it covers,
 * so renaming it renames its run. A padding row past the end of the list is typed into like
 * any other; the rows up to it are created then.
 *
 * Keys: Enter in the last column inserts a row below (under the same merged headings) and
 * moves there, Shift+Enter there inserts one under the outer headings only (to start a new
 * 小类 or 二级); elsewhere Enter moves to the next cell of the row. Ctrl+Delete deletes the
 * row; Alt+↑/↓ moves it.
 *
 * Pasting rows copied from Excel or WPS 表格 (text with tabs or line breaks) fills rows (see
 * pasteRows.ts); a paste of one cell's text is left to the browser, as typing is, except a
 * combined 指标值 (`≥95%`) into the blank 值 of a split one, which fills its three cells.
 *
 * A 三级指标 cell (the `name` column of one of the group's indicator blocks) suggests indicators
 * from the 指标库 as it is typed (suggest/useSuggestions.ts); picking one fills 三级 and, when the
 * row's 指标值 is blank, the typical 指标值 (one undo step) and moves there with it selected.
 */
import { memo, type ClipboardEvent, type KeyboardEvent } from 'react';
import { columnDef } from '../../../../shared/formOps';
import { kindOf } from '../../../../shared/kinds';
import { fillPlaceholders } from '../../../../shared/library/starter';
import { groupCellKey } from '../../../../shared/messages';
import type { Align } from '../../../../shared/template/schema';
import { groupInputIn } from '../focus';
import { groupCellLabel, lastColumn } from '../groupRows';
import { readPaste, splitsOnPaste } from '../pasteRows';
import { useCellsMessages, useGroupCellLocked, useGroupCellValue } from '../hooks';
import { useSheet } from '../sheetContext';
import { filledValue, placeholderValues } from '../suggest/placeholders';
import { SuggestionList } from '../suggest/SuggestionList';
import { useSuggestions, withSuggestions, type Suggestion } from '../suggest/useSuggestions';
import { useSyncedInput, type SyncedInput } from '../useSyncedInput';
import { ariaFor, CellMessages } from './CellMessages';
import { ChoiceSelect } from './ChoiceSelect';
import { kindCell, optionsOf } from './kindCells';
import { LOCKED_TITLE } from './ValueInput';
import { oneLine, readTyped, tidyOnLeave } from './normalize';

export interface GroupCellProps {
  group: string;
  column: string;
  /** The data rows the cell covers, as "0,1,2" (a string, so the memo sees equal props as equal). */
  rows: string;
  rowSpan: number;
  colSpan: number;
  align: Align;
}

type El = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const HISTORY_TITLE = '由本单位往年的表单自动填写（打开表单和生成新年度时），不能在这里修改';

/** Puts text at the caret as if typed (the input event commits it like typing). */
export function insertAtCaret(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  el.setRangeText(text, start, end, 'end');
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function focusNextInRow(el: HTMLElement): void {
  const row = el.closest('tr');
  if (!row) return;
  const inputs = Array.from(row.querySelectorAll<HTMLElement>('[data-group]'));
  inputs[inputs.indexOf(el) + 1]?.focus();
}

export const GroupCell = memo(function GroupCell({ group, column, rows: rowsText, rowSpan, colSpan, align }: GroupCellProps) {
  const sheet = useSheet();
  const { store, onLeaveCell, rowAction, pasteRows, notify, suggest } = sheet;
  const g = store.group(group);
  const col = columnDef(g, column);
  // The declaration's column in a later-stage form (年度指标值): shown, not edited. Row keys still work.
  // A history column (近两年指标值) is filled from this unit's earlier forms, never typed.
  const locked = col.locked === true || col.history !== undefined;
  const lockedTitle = col.history ? HISTORY_TITLE : LOCKED_TITLE;
  const lockedProps: Record<string, string> = locked ? { title: lockedTitle, 'data-locked': 'true' } : {};
  const rows = rowsText.split(',').map(Number);
  const first = rows[0];
  const value = useGroupCellValue(store, group, first, column);
  // A computed column (得分 from its row) takes no typing, except where its formula leaves the row to the clerk.
  const computed = useGroupCellLocked(store, group, first, column);
  // A 固化 row's 一级/二级/三级/指标性质: shown, not editable (the row itself cannot be deleted either).
  const fixed = store.isLocked(group, rows, column);
  const readOnly = sheet.readOnly || locked || computed || fixed;
  const keys = rows.map((r) => groupCellKey(group, r, column));
  const messages = useCellsMessages(store, keys);
  const label = groupCellLabel(g, first, col.label);
  const cell = kindCell(col.kind);
  // A one-line kind typed in a text area gets its line breaks as spaces.
  const joinsLines = cell.control === 'textarea' && kindOf(col.kind).lines === 'one';
  const read = (t: string) => (joinsLines ? oneLine(t) : readTyped(col, t));
  const commit = (t: string) => store.setGroupCell(group, rows, column, read(t), { coalesceKey: `${keys[0]}` });
  const input = useSyncedInput<HTMLInputElement | HTMLTextAreaElement>(value, commit, read);
  const isLast = column === lastColumn(g);

  // The indicator block whose 三级 this cell is, if any: it suggests from the 指标库.
  const block = g.indicators?.find((b) => b.name === column);
  const suggesting = !!block && !!suggest && !readOnly && rows.length === 1 && cell.suggests === true;
  const rowLevels = () => {
    const r = store.rows(group)[first];
    const l1 = block && r ? (r[block.level1] ?? '').trim() : '';
    const l2 = block && r ? (r[block.level2] ?? '').trim() : '';
    return { level1: l1 || undefined, level2: l2 || undefined };
  };
  const sug = useSuggestions({ enabled: suggesting, suggest, context: rowLevels, onPick: pickSuggestion });

  /** 三级 gets the name; a blank 指标值 the typical value with the form's values put in; the caret goes there to overtype it. */
  function pickSuggestion(s: Suggestion) {
    if (!block) return;
    const el = input.ref.current;
    const typedValue = (store.rows(group)[first]?.[block.value] ?? '').trim();
    const value = typedValue === '' ? filledValue(store, s.value).trim() : '';
    const name = read(s.name);
    // The cell shows the name at once, so leaving it (below) does not write back what was typed.
    if (el) el.value = name;
    store.setGroupCells(group, first, value ? { [column]: name, [block.value]: value } : { [column]: name });
    const table = el?.closest('table');
    requestAnimationFrame(() => {
      // Not if the clerk has already gone elsewhere.
      const now = document.activeElement;
      if (now && now !== el && now !== document.body) return;
      const target = table ? groupInputIn(table, group, first, block.value) : null;
      if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return;
      target.focus();
      if (value && target.value === value) target.select();
      else target.setSelectionRange(target.value.length, target.value.length);
    });
  }

  const suggestHandlers = suggesting ? withSuggestions(input, sug) : {};

  function onKeyDown(e: KeyboardEvent<El>) {
    if (sheet.readOnly || e.nativeEvent.isComposing) return;
    if (sug.onKeyDown(e)) return;
    if (e.key === 'Delete' && (e.ctrlKey || e.metaKey) && !e.altKey) {
      e.preventDefault();
      rowAction(group, 'remove', first, column);
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      rowAction(group, e.key === 'ArrowUp' ? 'up' : 'down', first, column);
    } else if (e.key === 'Enter' && !e.altKey && (kindOf(col.kind).lines === 'one' || e.ctrlKey)) {
      e.preventDefault();
      // The column goes along so the caret lands in this cell's block of the new row (中期 or 年度).
      if (isLast) rowAction(group, e.shiftKey ? 'insertNewRun' : 'insertBelow', rows[rows.length - 1], column);
      else if (!e.shiftKey) focusNextInRow(e.currentTarget);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    if (readOnly) return;
    const text = e.clipboardData.getData('text/plain');
    const decision = readPaste(text, col.kind);
    // `≥95%` into a blank 值 of a split 指标值 fills 符号, 值 and 计量单位 (one undo step).
    const one = decision.kind === 'text' ? text : decision.kind === 'insert' ? decision.text : null;
    if (one !== null && splitsOnPaste(g, store.rows(group)[first], column, one)) {
      e.preventDefault();
      pasteRows(group, first, column, [[one]]);
      return;
    }
    if (decision.kind === 'text') return;
    e.preventDefault();
    if (decision.kind === 'insert') insertAtCaret(e.currentTarget, joinsLines ? oneLine(decision.text) : decision.text);
    else if (decision.kind === 'refused') notify(decision.message, 'warning');
    else pasteRows(group, first, column, decision.table);
  }

  function onBlur() {
    sug.onBlur();
    const el = input.ref.current;
    if (el && !readOnly && cell.control !== 'select') {
      const tidy = tidyOnLeave(col, joinsLines ? oneLine(el.value) : el.value);
      if (tidy !== el.value) el.value = tidy;
      if (tidy !== value) store.setGroupCell(group, rows, column, tidy, { coalesceKey: keys[0] });
    }
    onLeaveCell();
  }

  const data = { 'data-group': group, 'data-column': column, 'data-rows': rowsText, ...lockedProps };
  const aria = ariaFor(keys[0], messages);
  let editor;
  if (cell.control === 'select')
    editor = (
      <ChoiceSelect
        value={value}
        options={optionsOf(col)}
        label={label}
        readOnly={readOnly}
        className="v-block"
        onChange={(v) => store.setGroupCell(group, rows, column, v)}
        onBlur={onLeaveCell}
        onKeyDown={onKeyDown}
        data={data}
        aria={aria}
      />
    );
  else if (cell.control === 'input')
    editor = (
      <input
        {...(input as unknown as SyncedInput<HTMLInputElement>)}
        {...data}
        type="text"
        className={`v-input v-${col.kind} v-block${computed ? ' v-computed' : ''}${locked || fixed ? ' v-locked' : ''}`}
        aria-label={label}
        readOnly={readOnly}
        tabIndex={computed ? -1 : undefined}
        inputMode={cell.inputMode}
        autoComplete="off"
        spellCheck={false}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={onBlur}
        {...aria}
      />
    );
  else
    editor = (
      <textarea
        {...(input as unknown as SyncedInput<HTMLTextAreaElement>)}
        {...suggestHandlers}
        {...data}
        className={`v-textarea v-col-${col.kind}${computed ? ' v-computed' : ''}${locked || fixed ? ' v-locked' : ''}`}
        aria-label={label}
        readOnly={readOnly}
        tabIndex={computed ? -1 : undefined}
        rows={1}
        spellCheck={false}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={onBlur}
        {...aria}
        {...sug.aria}
      />
    );
  const fill = sug.open ? placeholderValues(store) : null;

  return (
    <td
      rowSpan={rowSpan > 1 ? rowSpan : undefined}
      colSpan={colSpan > 1 ? colSpan : undefined}
      className={`c-group c-col-${col.kind}${fixed ? ' c-locked' : ''}`}
      style={{ textAlign: align }}
      data-cell={keys[0]}
      title={fixed ? '表样固化的指标：这一栏不能修改，这一行不能删除' : undefined}
    >
      {editor}
      {suggesting && (
        <SuggestionList
          s={sug}
          anchor={input.ref}
          label={`推荐的${col.printed ?? col.label}`}
          level2={rowLevels().level2}
          valueOf={(item) => (fill ? fillPlaceholders(item.value, fill) : item.value)}
        />
      )}
      <CellMessages field={keys[0]} messages={messages} />
    </td>
  );
});
