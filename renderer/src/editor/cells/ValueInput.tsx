/** One-line value cells and the inline fields of the lines above and below the table. */
import { memo, type KeyboardEvent } from 'react';
import { str } from '../../../../shared/formOps';
import type { FieldDef } from '../../../../shared/template/schema';
import { useFieldMessages, useFieldValue } from '../hooks';
import { useSheet } from '../sheetContext';
import { useSyncedInput } from '../useSyncedInput';
import { ariaFor } from './CellMessages';
import { ChoiceSelect } from './ChoiceSelect';
import { readTyped, tidyOnLeave } from './normalize';

const PLACEHOLDER: Partial<Record<FieldDef['kind'], string>> = { date: '年-月-日', year: '年度', phone: '' };

export const ValueInput = memo(function ValueInput({ def, inline }: { def: FieldDef; inline?: boolean }) {
  const { store, readOnly, below, focusField, onLeaveCell } = useSheet();
  const value = str(useFieldValue(store, def.id));
  const messages = useFieldMessages(store, def.id);
  const computed = Boolean(def.compute);
  const commit = (text: string) => store.set(def.id, readTyped(def.kind, text), { coalesceKey: def.id });
  const input = useSyncedInput<HTMLInputElement>(value, commit, (t) => readTyped(def.kind, t));

  function onKeyDown(e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const next = below(def.id);
    if (next) focusField(next);
  }

  if (def.kind === 'choice')
    return (
      <ChoiceSelect
        value={value}
        options={def.options ?? []}
        label={def.label}
        readOnly={readOnly}
        className={inline ? 'v-inline' : 'v-block'}
        onChange={(v) => store.set(def.id, v)}
        onBlur={onLeaveCell}
        onKeyDown={onKeyDown}
        data={{ 'data-field': def.id }}
        aria={ariaFor(def.id, messages)}
      />
    );

  function onBlur() {
    const el = input.ref.current;
    if (el && !computed && !readOnly) {
      const tidy = tidyOnLeave(def.kind, el.value);
      if (tidy !== el.value) el.value = tidy;
      if (tidy !== value) store.set(def.id, tidy, { coalesceKey: def.id });
    }
    onLeaveCell();
  }

  const classes = ['v-input', `v-${def.kind}`, inline ? 'v-inline' : 'v-block', computed ? 'v-computed' : ''].join(' ');
  return (
    <input
      {...input}
      className={classes}
      type="text"
      data-field={def.id}
      aria-label={def.label}
      readOnly={readOnly || computed}
      tabIndex={computed ? -1 : undefined}
      inputMode={def.kind === 'amount' ? 'decimal' : def.kind === 'phone' ? 'tel' : undefined}
      placeholder={PLACEHOLDER[def.kind]}
      autoComplete="off"
      spellCheck={false}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      {...ariaFor(def.id, messages)}
    />
  );
});
