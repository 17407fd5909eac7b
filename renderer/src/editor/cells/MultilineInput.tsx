/** Free text cells: grow with their content (CSS field-sizing), keep line breaks. */
import { memo } from 'react';
import type { FieldDef } from '../../../../shared/template/schema';
import { str } from '../../../../shared/formOps';
import { useFieldMessages, useFieldValue } from '../hooks';
import { useSheet } from '../sheetContext';
import { useSyncedInput } from '../useSyncedInput';
import { ariaFor } from './CellMessages';

export const MultilineInput = memo(function MultilineInput({ def }: { def: FieldDef }) {
  const { store, readOnly, onLeaveCell } = useSheet();
  const value = str(useFieldValue(store, def.id));
  const messages = useFieldMessages(store, def.id);
  const input = useSyncedInput<HTMLTextAreaElement>(value, (t) => store.set(def.id, t, { coalesceKey: def.id }));
  return (
    <textarea
      {...input}
      className="v-textarea"
      data-field={def.id}
      aria-label={def.label}
      readOnly={readOnly}
      rows={1}
      spellCheck={false}
      onBlur={onLeaveCell}
      {...ariaFor(def.id, messages)}
    />
  );
});
