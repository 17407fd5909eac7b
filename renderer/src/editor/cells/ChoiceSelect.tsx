/**
 * A `choice` field or column: a native <select> with the template's options, so the keyboard,
 * type-to-find and screen readers work as everywhere else. A value that is not one of the
 * options (read from an old file) stays selectable, so opening the form never changes it.
 */
import { forwardRef, type KeyboardEvent } from 'react';

export interface ChoiceSelectProps {
  value: string;
  options: readonly string[];
  label: string;
  readOnly: boolean;
  onChange(value: string): void;
  onBlur(): void;
  onKeyDown?(e: KeyboardEvent<HTMLSelectElement>): void;
  className?: string;
  data?: Record<string, string>;
  aria?: Record<string, string | undefined>;
}

export const ChoiceSelect = forwardRef<HTMLSelectElement, ChoiceSelectProps>(function ChoiceSelect(p, ref) {
  const extra = p.value !== '' && !p.options.includes(p.value) ? [p.value] : [];
  return (
    <select
      ref={ref}
      className={`v-select ${p.className ?? ''}`}
      value={p.value}
      aria-label={p.label}
      title={p.value === '' ? '请选择' : undefined}
      disabled={p.readOnly}
      onChange={(e) => p.onChange(e.currentTarget.value)}
      onBlur={p.onBlur}
      onKeyDown={p.onKeyDown}
      {...p.data}
      {...p.aria}
    >
      <option value="" aria-label="（未选）" />
      {[...p.options, ...extra].map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
});
