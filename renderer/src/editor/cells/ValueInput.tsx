/**
 * One-line value cells and the inline fields of the lines above and below the table. A text
 * field in the grid (实施单位 in a 30 mm cell) is a one-line textarea that wraps and grows like
 * the paper cell; Enter moves on and a line break pasted in becomes a space. Amounts, years,
 * dates and phone numbers, and the fields in the lines, stay one-line inputs.
 */
import { memo, type KeyboardEvent } from 'react';
import { str } from '../../../../shared/formOps';
import type { FieldDef } from '../../../../shared/template/schema';
import { useFieldMessages, useFieldValue } from '../hooks';
import { useSheet } from '../sheetContext';
import { useSyncedInput, type SyncedInput } from '../useSyncedInput';
import { ariaFor } from './CellMessages';
import { ChoiceSelect } from './ChoiceSelect';
import { kindCell, optionsOf } from './kindCells';
import { oneLine, readTyped, tidyOnLeave } from './normalize';

/** What a locked cell says when pointed at. */
export const LOCKED_TITLE = '取自申报表，不能在这里修改；请打开申报表修改';

export const ValueInput = memo(function ValueInput({ def, inline }: { def: FieldDef; inline?: boolean }) {
  const sheet = useSheet();
  const { store, below, focusField, onLeaveCell } = sheet;
  // A value the declaration gave (a later-stage form's locked field) is shown, not edited: change it there.
  const locked = def.locked === true;
  const readOnly = sheet.readOnly || locked;
  const lockedProps: Record<string, string> = locked ? { title: LOCKED_TITLE, 'data-locked': 'true' } : {};
  const value = str(useFieldValue(store, def.id));
  const messages = useFieldMessages(store, def.id);
  const computed = Boolean(def.compute);
  const cell = kindCell(def.kind);
  const wraps = cell.control === 'textarea' && !inline;
  const read = (t: string) => (wraps ? oneLine(t) : readTyped(def, t));
  const commit = (text: string) => store.set(def.id, read(text), { coalesceKey: def.id });
  // A value is shown as its kind says (a date kept as 2019-11-26 shows as printed, 2019年11月26日).
  const shown = (v: string) => cell.shown?.(v) ?? v;
  const input = useSyncedInput<HTMLInputElement | HTMLTextAreaElement>(shown(value), commit, (t) => shown(read(t)));

  function onKeyDown(e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const next = below(def.id);
    if (next) focusField(next);
  }

  if (cell.control === 'select')
    return (
      <ChoiceSelect
        value={value}
        options={optionsOf(def)}
        label={def.label}
        readOnly={readOnly}
        className={inline ? 'v-inline' : 'v-block'}
        onChange={(v) => store.set(def.id, v)}
        onBlur={onLeaveCell}
        onKeyDown={onKeyDown}
        data={{ 'data-field': def.id, ...lockedProps }}
        aria={ariaFor(def.id, messages)}
      />
    );

  function onBlur() {
    const el = input.ref.current;
    if (el && !computed && !readOnly) {
      const tidy = tidyOnLeave(def, wraps ? oneLine(el.value) : el.value);
      if (shown(tidy) !== el.value) el.value = shown(tidy);
      if (tidy !== value) store.set(def.id, tidy, { coalesceKey: def.id });
    }
    onLeaveCell();
  }

  const aria = ariaFor(def.id, messages);
  if (wraps)
    return (
      <textarea
        {...(input as SyncedInput<HTMLTextAreaElement>)}
        className={`v-textarea v-${def.kind} v-block${locked ? ' v-locked' : ''}`}
        data-field={def.id}
        {...lockedProps}
        aria-label={def.label}
        readOnly={readOnly}
        rows={1}
        autoComplete="off"
        spellCheck={false}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        {...aria}
      />
    );

  const classes = [
    'v-input',
    `v-${def.kind}`,
    inline ? 'v-inline' : 'v-block',
    computed ? 'v-computed' : '',
    locked ? 'v-locked' : '',
  ].join(' ');
  return (
    <input
      {...(input as SyncedInput<HTMLInputElement>)}
      className={classes}
      type="text"
      data-field={def.id}
      {...lockedProps}
      aria-label={def.label}
      readOnly={readOnly || computed}
      tabIndex={computed ? -1 : undefined}
      inputMode={cell.inputMode}
      placeholder={cell.placeholder}
      autoComplete="off"
      spellCheck={false}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      {...aria}
    />
  );
});
