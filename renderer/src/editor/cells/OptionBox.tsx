/**
 * One box of a group column laid out per option (偏差原因分析's 经费保障 … 其他, 完成目标可能性's
 * 确定能 / 有可能 / 完全不可能): a checkbox button printing √ like the paper. Space (or a click) ticks
 * or clears it, through the kind's `setOption` — a tick column keeps every box ticked, a choice
 * keeps one — so the kind, not this cell, says what a tick means.
 */
import { memo, type KeyboardEvent } from 'react';
import { columnDef } from '../../../../shared/formOps';
import { kindOf } from '../../../../shared/kinds';
import { groupCellKey } from '../../../../shared/messages';
import type { Align } from '../../../../shared/template/schema';
import { groupCellLabel } from '../groupRows';
import { useCellsMessages, useGroupCellValue } from '../hooks';
import { useSheet } from '../sheetContext';
import { ariaFor, CellMessages } from './CellMessages';

export interface OptionBoxProps {
  group: string;
  column: string;
  rows: string;
  option: string;
  rowSpan: number;
  colSpan: number;
  align: Align;
}

export const OptionBox = memo(function OptionBox({ group, column, rows: rowsText, option, rowSpan, colSpan, align }: OptionBoxProps) {
  const { store, readOnly, onLeaveCell } = useSheet();
  const g = store.group(group);
  const col = columnDef(g, column);
  const rows = rowsText.split(',').map(Number);
  const value = useGroupCellValue(store, group, rows[0], column);
  const key = groupCellKey(group, rows[0], column);
  const messages = useCellsMessages(store, [key]);
  const kind = kindOf(col.kind);
  const mark = kind.printOption?.(value, option) ?? '';
  const on = mark !== '';
  const locked = readOnly || col.locked === true;

  function toggle() {
    if (locked || !kind.setOption) return;
    store.setGroupCell(group, rows, column, kind.setOption(value, option, !on, col));
  }

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      toggle();
    }
  }

  return (
    <td
      rowSpan={rowSpan > 1 ? rowSpan : undefined}
      colSpan={colSpan > 1 ? colSpan : undefined}
      className={`c-group c-box${on ? ' c-box-on' : ''}`}
      style={{ textAlign: align }}
      data-cell={`${key}:${option}`}
    >
      <button
        type="button"
        role="checkbox"
        aria-checked={on}
        aria-label={`${groupCellLabel(g, rows[0], col.label)}·${option}`}
        aria-readonly={locked || undefined}
        className="v-box"
        data-group={group}
        data-column={column}
        data-rows={rowsText}
        data-option={option}
        onClick={toggle}
        onKeyDown={onKeyDown}
        onBlur={onLeaveCell}
        {...ariaFor(key, messages)}
      >
        {mark}
      </button>
      <CellMessages field={key} messages={messages} />
    </td>
  );
});
