/**
 * An indicator cell whose text has no structure the app recognises: kept whole as free text,
 * with one button that splits it into items when the user has renumbered it.
 */
import { useState, type RefObject } from 'react';
import type { FieldValue } from '../../../../shared/form';
import type { FieldDef } from '../../../../shared/template/schema';
import type { Message } from '../../../../shared/validation';
import { useSheet } from '../sheetContext';
import { ariaFor } from './CellMessages';
import { ItemText } from './ItemText';

export function IndicatorText({
  def,
  text,
  messages,
  root,
  structureLabel,
  structured,
  howToNumber,
}: {
  def: FieldDef;
  text: string;
  messages: readonly Message[];
  root: RefObject<HTMLDivElement | null>;
  /** The button's text, naming the structure it will produce. */
  structureLabel: string;
  /** The structured value of the text, or null when its numbering gives no structure. */
  structured: (text: string) => FieldValue | null;
  /** Said when the text cannot be split, so the user knows how to number it. */
  howToNumber: string;
}) {
  const { store, readOnly } = useSheet();
  const [hint, setHint] = useState('');
  // Never trade the user's text for an empty structure: unsplittable text stays as it is.
  const split = () => {
    const next = structured(text);
    if (next) store.set(def.id, next);
    setHint(next ? '' : howToNumber);
  };
  return (
    <div className="indicators" role="group" aria-label={def.label} {...ariaFor(def.id, messages)} ref={root}>
      <ItemText
        label={def.label}
        field={def.id}
        value={text}
        coalesceKey={def.id}
        multiline
        className="v-textarea"
        onChange={(next) => store.set(def.id, { mode: 'text', text: next }, { coalesceKey: def.id })}
      />
      {!readOnly && (
        <button type="button" className="cell-tool no-print" onClick={split}>
          {structureLabel}
        </button>
      )}
      {hint && (
        <div className="cell-msg cell-msg-warning no-print" role="status">
          {hint}
        </div>
      )}
    </div>
  );
}
